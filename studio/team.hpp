// Team mode's folder and the state the studio keeps for a team:
//   DIR/users/NAME      one account each (accounts.hpp)
//   DIR/documents/      the documents, as the single-user studio's folder
//   DIR/history/        every saved version of every document
//   DIR/owners.tsv      who owns each document and whether the team shares it
//   DIR/audit.log       one JSON line per change, export, sign-in and user change
// Everything is made readable by the studio's own user only (0700/0600).
#pragma once
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "studio/accounts.hpp"
#include "studio/sessions.hpp"

namespace easyread::studio {

// Seconds since 1970; the tests give their own.
using Clock = std::function<double()>;
double system_clock_seconds();

// Makes DIR and its folders (mode 0700) if missing; false with the reason.
bool prepare_team_folder(const std::string& dir, std::string& error);

class AuditLog {
public:
    explicit AuditLog(std::string path);
    // Appends {"time","user","address","action","target"} and fsyncs it; false when it is not on disk.
    bool append(double time, const std::string& user, const std::string& address, const std::string& action,
                const std::string& target);
    const std::string& path() const { return path_; }

private:
    std::mutex lock_;
    std::string path_;
};

// Who owns each document. A document nobody claimed (put in the folder by
// hand or by the command line) belongs to the team.
class DocOwners {
public:
    explicit DocOwners(std::string path);
    struct Entry {
        std::string owner;
        bool shared = false;
    };
    bool find(const std::string& name, Entry& out) const;
    // May `user` (with `role`) open `name`?
    bool may_open(const std::string& name, const std::string& user, Role role) const;
    bool set(const std::string& name, const Entry& entry, std::string& error);

private:
    bool save(std::string& error) const;
    mutable std::mutex lock_;
    std::string path_;
    std::map<std::string, Entry> entries_;
};

struct Team {
    Team(const std::string& dir, Clock clock);
    std::string dir;
    Clock clock;
    Accounts accounts;
    Sessions sessions;
    Throttle throttle;
    AuditLog audit;
    DocOwners owners;
    double now() const { return clock(); }
};

}  // namespace easyread::studio
