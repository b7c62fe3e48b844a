#include "studio/team.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>

#include "base/file_names.hpp"
#include "studio/json_writer.hpp"

namespace easyread::studio {

double system_clock_seconds() {
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count();
}

bool prepare_team_folder(const std::string& dir, std::string& error) {
    for (const std::string& d : {dir, dir + "/users", dir + "/documents", dir + "/history"}) {
        if (::mkdir(d.c_str(), 0700) != 0 && errno != EEXIST) {
            error = "cannot make the folder " + d + ": " + std::strerror(errno);
            return false;
        }
        struct stat st;
        if (::lstat(d.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
            error = d + " is not a folder";
            return false;
        }
    }
    // The users and the audit log hold secrets and personal details.
    ::chmod(dir.c_str(), 0700);
    ::chmod((dir + "/users").c_str(), 0700);
    return true;
}

AuditLog::AuditLog(std::string path) : path_(std::move(path)) {}

bool AuditLog::append(double time, const std::string& user, const std::string& address, const std::string& action,
                      const std::string& target) {
    const std::time_t t = static_cast<std::time_t>(time);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
    const std::string line = Json()
                                 .begin_object()
                                 .field("time", std::string(stamp))
                                 .field("user", user)
                                 .field("address", address)
                                 .field("action", action)
                                 .field("target", target)
                                 .end_object()
                                 .str() +
                             "\n";
    std::lock_guard<std::mutex> hold(lock_);
    int fd = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) return false;
    bool ok = write_all(fd, line) && ::fsync(fd) == 0;
    return ::close(fd) == 0 && ok;
}

DocOwners::DocOwners(std::string path) : path_(std::move(path)) {
    std::ifstream in(path_);
    std::string line;
    while (std::getline(in, line)) {
        auto a = line.find('\t'), b = line.rfind('\t');
        if (a == std::string::npos || b == a) continue;
        entries_[line.substr(0, a)] = Entry{line.substr(a + 1, b - a - 1), line.substr(b + 1) == "shared"};
    }
}

bool DocOwners::find(const std::string& name, Entry& out) const {
    std::lock_guard<std::mutex> hold(lock_);
    auto it = entries_.find(name);
    if (it == entries_.end()) return false;
    out = it->second;
    return true;
}

bool DocOwners::may_open(const std::string& name, const std::string& user, Role role) const {
    Entry e;
    if (role == Role::Admin || !find(name, e)) return true;
    return e.shared || e.owner == user;
}

bool DocOwners::set(const std::string& name, const Entry& entry, std::string& error) {
    std::lock_guard<std::mutex> hold(lock_);
    entries_[name] = entry;
    return save(error);
}

bool DocOwners::save(std::string& error) const {
    std::ostringstream text;
    for (const auto& [name, e] : entries_) text << name << '\t' << e.owner << '\t' << (e.shared ? "shared" : "own") << '\n';
    const std::string tmp = path_ + ".tmp";
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
    bool ok = fd >= 0 && write_all(fd, text.str()) && ::fsync(fd) == 0;
    if (fd >= 0) ok = ::close(fd) == 0 && ok;
    if (!ok || ::rename(tmp.c_str(), path_.c_str()) != 0) {
        error = "cannot write " + path_ + ": " + std::strerror(errno);
        return false;
    }
    return true;
}

Team::Team(const std::string& folder, Clock c)
    : dir(folder),
      clock(c ? std::move(c) : Clock(system_clock_seconds)),
      accounts(folder + "/users"),
      audit(folder + "/audit.log"),
      owners(folder + "/owners.tsv") {}

}  // namespace easyread::studio
