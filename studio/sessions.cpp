#include "studio/sessions.hpp"

#include <algorithm>
#include <cmath>

#include "studio/accounts.hpp"

namespace easyread::studio {

std::string Sessions::open(const std::string& user, double now) {
    std::string token = random_token();
    std::lock_guard<std::mutex> hold(lock_);
    by_token_[token] = Session{user, random_token(), now};
    // Forget sessions idle for too long (a server up for months).
    for (auto it = by_token_.begin(); it != by_token_.end();)
        it = now - it->second.last_seen > kSessionIdleSeconds ? by_token_.erase(it) : std::next(it);
    return token;
}

bool Sessions::find(const std::string& token, double now, Session& out) {
    if (token.size() != 64) return false;
    std::lock_guard<std::mutex> hold(lock_);
    auto it = by_token_.find(token);
    if (it == by_token_.end()) return false;
    if (now - it->second.last_seen > kSessionIdleSeconds) {
        by_token_.erase(it);
        return false;
    }
    it->second.last_seen = std::max(now, it->second.last_seen);
    out = it->second;
    return true;
}

void Sessions::close(const std::string& token) {
    std::lock_guard<std::mutex> hold(lock_);
    by_token_.erase(token);
}

void Sessions::close_user(const std::string& user) {
    std::lock_guard<std::mutex> hold(lock_);
    for (auto it = by_token_.begin(); it != by_token_.end();)
        it = it->second.user == user ? by_token_.erase(it) : std::next(it);
}

std::size_t Sessions::size() const {
    std::lock_guard<std::mutex> hold(lock_);
    return by_token_.size();
}

double throttle_delay(int failures, int free) {
    if (failures < free) return 0;
    return std::min(300.0, std::ldexp(1.0, std::min(failures - free, 20)));
}

namespace {
constexpr int kFreeForAccount = 5;
constexpr int kFreeForAddress = 20;
}  // namespace

double Throttle::wait(const std::string& account, const std::string& address, double now) const {
    std::lock_guard<std::mutex> hold(lock_);
    double until = 0;
    if (auto it = accounts_.find(account); it != accounts_.end()) until = std::max(until, it->second.next_try);
    if (auto it = addresses_.find(address); it != addresses_.end()) until = std::max(until, it->second.next_try);
    return until > now ? until - now : 0;
}

void Throttle::note(std::map<std::string, Count>& map, const std::string& key, int free, double now) {
    // Bounded memory under a flood of made-up names: forget the oldest quiet ones.
    if (map.size() > 100000)
        for (auto it = map.begin(); it != map.end();)
            it = now - it->second.next_try > 3600 ? map.erase(it) : std::next(it);
    Count& c = map[key];
    ++c.failures;
    c.next_try = now + throttle_delay(c.failures, free);
}

void Throttle::failed(const std::string& account, const std::string& address, double now) {
    std::lock_guard<std::mutex> hold(lock_);
    note(accounts_, account, kFreeForAccount, now);
    note(addresses_, address, kFreeForAddress, now);
}

void Throttle::succeeded(const std::string& account, const std::string& address) {
    std::lock_guard<std::mutex> hold(lock_);
    accounts_.erase(account);
    addresses_.erase(address);
}

}  // namespace easyread::studio
