#include "tests/kiosk/store_support.hpp"

#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

namespace kiosk_test {

easyread::survey::Response sample_response(int n, const std::string& respondent) {
    easyread::survey::Response r;
    r.uuid = easyread::survey::new_uuid();
    r.survey_id = "small";
    r.survey_version = 3;
    r.survey_hash = "abc123";
    r.event = "May board";
    r.device_id = "device-1";
    r.respondent = respondent;
    r.started_at = "2024-05-03T10:00:00.000Z";
    r.finished_at = "2024-05-03T10:01:00.000Z";
    r.answers = {{"meeting", "happy"}, {"topics", "homes;jobs"},
                 {"anything-else", "Answer " + std::to_string(n) + ": \"quotes\", new\nline, caf\xC3\xA9"}};
    return r;
}

std::string query_one(const std::string& db_path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
        const unsigned char* t = sqlite3_column_text(st, 0);
        out = t ? reinterpret_cast<const char*>(t) : "";
    } else {
        out = std::string("ERROR: ") + sqlite3_errmsg(db);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

namespace {
bool set_immutable(const std::string& path, bool on) {
    int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) return false;
    int flags = 0;
    bool ok = ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
    if (ok) {
        flags = on ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
        ok = ::ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
    }
    ::close(fd);
    return ok;
}
}  // namespace

ReadOnlyFile::ReadOnlyFile(std::string path) : path_(std::move(path)) {
    if (::geteuid() == 0) {
        // Root ignores permission bits; the immutable flag binds root too.
        immutable_ = set_immutable(path_, true);
        INFO("running as root, so the test needs the immutable flag (ext4 and CAP_LINUX_IMMUTABLE) on " << path_);
        REQUIRE(immutable_);
    } else {
        REQUIRE(::chmod(path_.c_str(), 0444) == 0);
    }
    int fd = ::open(path_.c_str(), O_WRONLY);
    if (fd >= 0) ::close(fd);
    REQUIRE(fd < 0);  // really read-only now
}

ReadOnlyFile::~ReadOnlyFile() {
    if (immutable_) set_immutable(path_, false);
    struct stat st;
    bool dir = ::stat(path_.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
    ::chmod(path_.c_str(), dir ? 0755 : 0644);
}

}  // namespace kiosk_test
