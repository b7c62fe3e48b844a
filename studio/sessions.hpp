// Team mode's sign-ins, in memory: a session is a random 256-bit token in
// an HttpOnly cookie, with its own CSRF token, ended by signing out or by
// 8 hours without a request. A restart signs everyone out (nothing secret
// is left on disk). The throttle slows down password guessing per account
// and per address, more with each failure, but never locks anyone out.
#pragma once
#include <map>
#include <mutex>
#include <string>

namespace easyread::studio {

constexpr double kSessionIdleSeconds = 8 * 3600.0;

struct Session {
    std::string user;
    std::string csrf;
    double last_seen = 0;
};

class Sessions {
public:
    // A new session for `user`; returns its token.
    std::string open(const std::string& user, double now);
    // The session of `token`, if it has not been idle too long (its clock starts again).
    bool find(const std::string& token, double now, Session& out);
    void close(const std::string& token);
    // Signs a user out everywhere (disabled, role changed, new password).
    void close_user(const std::string& user);
    std::size_t size() const;

private:
    mutable std::mutex lock_;
    std::map<std::string, Session> by_token_;
};

// How long to wait after `failures` wrong passwords in a row: none for the
// first `free`, then 1 s, 2 s, 4 s, ... up to 5 minutes.
double throttle_delay(int failures, int free);

class Throttle {
public:
    // Seconds to wait before `account` may be tried again from `address`
    // (0: now). Per account: 5 free failures; per address: 20.
    double wait(const std::string& account, const std::string& address, double now) const;
    void failed(const std::string& account, const std::string& address, double now);
    void succeeded(const std::string& account, const std::string& address);

private:
    struct Count {
        int failures = 0;
        double next_try = 0;
    };
    void note(std::map<std::string, Count>& map, const std::string& key, int free, double now);
    mutable std::mutex lock_;
    std::map<std::string, Count> accounts_, addresses_;
};

}  // namespace easyread::studio
