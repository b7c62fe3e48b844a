#include "report/reading/answers_file.hpp"

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <cstdio>
#include <fstream>
#include <vector>

#include "survey/response_columns.hpp"
#include "survey/migrations.hpp"
#include "survey/sqlite_statement.hpp"
#include "survey/store.hpp"

namespace easyread::report {

namespace {

const char* const kUnchanged = " The file has not been changed.";

bool is_damage(int code) {
    int base = code & 0xff;
    return base == SQLITE_CORRUPT || base == SQLITE_NOTADB;
}

// A WAL-mode file with no -wal beside it is read as it stands; a Store closes
// in rollback mode, so such a file was copied while open (warned about).
// Opening it normally would leave -shm and -wal files behind (a read-only
// connection cannot remove them); opening it as immutable leaves nothing.
bool wal_file_without_log(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char header[20] = {};
    if (!in.read(header, sizeof header)) return false;
    struct stat st {};
    return header[18] == 2 && header[19] == 2 && ::stat((path + "-wal").c_str(), &st) != 0;
}

bool exists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

bool copy_file(const std::string& from, const std::string& to) {
    std::ifstream in(from, std::ios::binary);
    std::ofstream out(to, std::ios::binary | std::ios::trunc);
    if (!in || !out) return false;
    out << in.rdbuf();
    out.flush();
    return static_cast<bool>(out);
}

}  // namespace

std::string sqlite_file_uri(const std::string& path, const std::string& query) {
    char resolved[PATH_MAX];
    std::string abs = realpath(path.c_str(), resolved) ? resolved : path;
    std::string uri = "file:";
    const char* hex = "0123456789ABCDEF";
    for (unsigned char c : abs) {
        bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' ||
                     c == '-' || c == '_' || c == '.' || c == '~';
        if (plain) {
            uri += static_cast<char>(c);
        } else {
            uri += '%';
            uri += hex[c >> 4];
            uri += hex[c & 15];
        }
    }
    return uri + "?" + query;
}

// What "damaged" means and says, for report and merge alike.
void report_damaged(const std::string& path, const std::string& detail, Diagnostics& diags) {
    diags.error(path, 0, 0, "db-damaged", "this answers file is damaged or is not an answers file (" + detail + ")",
                std::string("Do not delete it. Copy it off the memory stick again, or ask for help to rescue "
                            "it; leave it out to use the other files.") + kUnchanged);
}

void report_read_failure(const std::string& path, sqlite3* db, int code, Diagnostics& diags) {
    std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    int base = code & 0xff;
    if (is_damage(code)) {
        report_damaged(path, detail, diags);
    } else if (base == SQLITE_BUSY || base == SQLITE_LOCKED) {
        diags.error(path, 0, 0, "db-busy", "another program is holding this answers file (" + detail + ")",
                    "Close the kiosk or the other program, or copy the file first, then run again.");
    } else {
        diags.error(path, 0, 0, "db-read", "this answers file cannot be read (" + detail + ")",
                    std::string("Check the file is there and you may read it, then run again.") + kUnchanged);
    }
}

// Every page, for report and merge alike: a file damaged where a report
// would not look is still damaged, and merge would copy the damage on.
bool quick_check(sqlite3* db, const std::string& path, Diagnostics& diags) {
    survey::Statement check(db, "PRAGMA quick_check");
    int step = check.ok() ? check.step() : check.prepare_code();
    if (step != SQLITE_ROW) {
        report_read_failure(path, db, step, diags);
        return false;
    }
    if (check.text(0) != "ok") {
        // One line, however many problems SQLite lists.
        std::string first = check.text(0);
        if (first.rfind("*** ", 0) == 0 && first.find('\n') != std::string::npos)  // "*** in database main ***"
            first.erase(0, first.find('\n') + 1);
        first = first.substr(0, std::min(first.find('\n'), std::size_t{120}));
        int problems = 1;
        while (check.step() == SQLITE_ROW) ++problems;
        report_damaged(path, std::to_string(problems) + (problems == 1 ? " problem" : " problems") +
                                 "; the first: " + first, diags);
        return false;
    }
    return true;
}

ReadOnlyAnswersFile::~ReadOnlyAnswersFile() { close(); }

ReadOnlyAnswersFile::ReadOnlyAnswersFile(ReadOnlyAnswersFile&& other) noexcept
    : path_(std::move(other.path_)), read_path_(std::move(other.read_path_)), copy_dir_(std::move(other.copy_dir_)),
      db_(other.db_), schema_(other.schema_), immutable_(other.immutable_) {
    other.db_ = nullptr;
    other.copy_dir_.clear();
}

ReadOnlyAnswersFile& ReadOnlyAnswersFile::operator=(ReadOnlyAnswersFile&& other) noexcept {
    if (this != &other) {
        close();
        path_ = std::move(other.path_);
        read_path_ = std::move(other.read_path_);
        copy_dir_ = std::move(other.copy_dir_);
        other.copy_dir_.clear();
        db_ = other.db_;
        schema_ = other.schema_;
        immutable_ = other.immutable_;
        other.db_ = nullptr;
    }
    return *this;
}

void ReadOnlyAnswersFile::close() {
    if (db_) sqlite3_close_v2(db_);
    db_ = nullptr;
    if (!copy_dir_.empty()) {
        const std::string copy = copy_dir_ + "/answers.db";
        for (const char* end : {"", "-wal", "-shm", "-journal"}) std::remove((copy + end).c_str());
        ::rmdir(copy_dir_.c_str());
        copy_dir_.clear();
    }
}

// A kiosk that stopped without closing its file leaves DB-wal but no DB-shm.
// Reading the log needs SQLite's shared-memory index, which it would make as
// DB-shm beside the input: instead, the file and its log are copied to a
// private folder and the copy is read.
bool ReadOnlyAnswersFile::read_from_copy(Diagnostics& diags) {
    const char* tmp = std::getenv("TMPDIR");
    std::string templ = std::string(tmp && *tmp ? tmp : "/tmp") + "/easyread-read-XXXXXX";
    std::vector<char> buf(templ.begin(), templ.end());
    buf.push_back('\0');
    if (!::mkdtemp(buf.data())) {
        diags.error(path_, 0, 0, "db-copy", "this answers file has a log beside it but no index, and no copy of it "
                                           "could be made to read it safely",
                    std::string("Check there is room in the temporary folder, then run again.") + kUnchanged);
        return false;
    }
    copy_dir_ = buf.data();
    const std::string copy = copy_dir_ + "/answers.db";
    if (!copy_file(path_, copy) || !copy_file(path_ + "-wal", copy + "-wal")) {
        diags.error(path_, 0, 0, "db-copy", "this answers file could not be copied to read it safely",
                    std::string("Check there is room in the temporary folder, then run again.") + kUnchanged);
        return false;
    }
    read_path_ = copy;
    return true;
}

bool ReadOnlyAnswersFile::open(const std::string& path, Diagnostics& diags, bool check) {
    close();
    path_ = read_path_ = path;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        diags.error(path, 0, 0, "db-missing", "there is no answers file here",
                    "Check the name and the folder (the kiosk exports files called easyread-answers-*.db).");
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        diags.error(path, 0, 0, "db-not-file", "this is a folder, not an answers file",
                    "Name the .db files inside it.");
        return false;
    }
    // Read-only: SQLite can never write to the file through this connection.
    // While a kiosk runs, its -wal file exists and is read through SQLite's
    // shared memory like any reader; otherwise the file is read as it stands.
    immutable_ = wal_file_without_log(path);
    if (immutable_)
        diags.warning(path, 0, 0, "db-wal-missing",
                      "this answers file was copied while a kiosk had it open (or its -wal file was lost): it "
                      "says its newest answers are in " + path + "-wal, and there is no such file, so answers "
                      "may be missing",
                      "Use Export in the kiosk's staff menu, which makes one complete file; or copy the -wal "
                      "file too, into the same folder, then run again.");
    if (!immutable_ && exists(path + "-wal") && !exists(path + "-shm") && !read_from_copy(diags)) {
        close();
        return false;
    }
    int rc = sqlite3_open_v2(read_only_uri().c_str(), &db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
                             nullptr);
    if (rc != SQLITE_OK) {
        report_read_failure(path, db_, rc, diags);
        close();
        return false;
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 2000);

    int tables = 0;
    {
        survey::Statement st_tables(db_, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND "
                                        "name IN ('responses', 'answers')");
        int step = st_tables.ok() ? st_tables.step() : st_tables.prepare_code();
        if (step != SQLITE_ROW) {
            report_read_failure(path, db_, step, diags);
            close();
            return false;
        }
        tables = static_cast<int>(st_tables.integer(0));
    }
    schema_ = survey::read_user_version(db_);
    if (schema_ > survey::kSchemaVersion) {
        diags.error(path, 0, 0, "db-too-new",
                    "this answers file was made by a newer easyread (file version " + std::to_string(schema_) +
                        "; this easyread reads up to version " + std::to_string(survey::kSchemaVersion) + ")",
                    std::string("Update easyread on this computer, then run again.") + kUnchanged);
        close();
        return false;
    }
    if (tables != 2 || schema_ < 1) {
        diags.error(path, 0, 0, "db-not-answers", "this is not a kiosk answers file (it has no answers tables)",
                    "Check you chose the right file: the kiosk exports files called easyread-answers-*.db.");
        close();
        return false;
    }
    if (check && !quick_check(db_, path, diags)) {
        close();
        return false;
    }
    return true;
}

bool ReadOnlyAnswersFile::check_pages(const std::string& uri, const std::string& path, Diagnostics& diags) {
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(uri.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
                             nullptr);
    bool ok = rc == SQLITE_OK;
    if (ok) {
        sqlite3_extended_result_codes(db, 1);
        sqlite3_busy_timeout(db, 2000);
        ok = quick_check(db, path, diags);
    } else {
        report_read_failure(path, db, rc, diags);
    }
    sqlite3_close(db);
    return ok;
}

std::string ReadOnlyAnswersFile::response_columns() const { return survey::response_select_list(schema_); }

std::string ReadOnlyAnswersFile::read_only_uri() const {
    return sqlite_file_uri(read_path_, immutable_ ? "immutable=1" : "mode=ro");
}

std::string ReadOnlyAnswersFile::answer_position() const { return schema_ >= 2 ? "position" : "0"; }

}  // namespace easyread::report
