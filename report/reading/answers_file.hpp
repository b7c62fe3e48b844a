// Opening a kiosk answers database only to read it, and saying in plain
// words what is wrong with one that cannot be read. Reports and merges use
// this instead of survey::Store because a Store may migrate or replay, and the
// files staff bring back must never change.
#pragma once
#include <string>

#include "base/diagnostics.hpp"

struct sqlite3;

namespace easyread::report {

class ReadOnlyAnswersFile {
public:
    ReadOnlyAnswersFile() = default;
    ~ReadOnlyAnswersFile();
    ReadOnlyAnswersFile(ReadOnlyAnswersFile&& other) noexcept;
    ReadOnlyAnswersFile& operator=(ReadOnlyAnswersFile&& other) noexcept;
    ReadOnlyAnswersFile(const ReadOnlyAnswersFile&) = delete;
    ReadOnlyAnswersFile& operator=(const ReadOnlyAnswersFile&) = delete;

    // Opens read-only and checks it is a kiosk answers file this program can
    // read, every page undamaged (SQLite's quick_check; with `check` false,
    // left to check_pages). False (with an error naming the file and what to
    // do) otherwise.
    bool open(const std::string& path, Diagnostics& diags, bool check = true);
    // SQLite's quick_check of every page, through a connection of its own, so
    // it can run on another thread beside the reading (on a large file it
    // takes as long as the counting). False with the one db-damaged error.
    bool check_pages(Diagnostics& diags) const { return check_pages(read_only_uri(), path_, diags); }
    // The same by the file's URI (read_only_uri()) and the path named to
    // people: a thread can check it while the open file is used elsewhere.
    static bool check_pages(const std::string& uri, const std::string& path, Diagnostics& diags);

    sqlite3* handle() const { return db_; }
    const std::string& path() const { return path_; }
    int schema() const { return schema_; }
    bool has_surveys_table() const { return schema_ >= 2; }
    // A URI that opens the same file (or its private copy) the same way, read-only (for ATTACH).
    std::string read_only_uri() const;

    // Column expressions that read the same in every schema version; older
    // files lack some columns, which then read as their later defaults.
    std::string response_columns() const;  // survey::kResponseColumns, as this file can give them
    std::string answer_position() const;    // "position" or "0"

private:
    void close();
    bool read_from_copy(Diagnostics& diags);
    std::string path_;
    std::string read_path_;  // path_, or a private copy of it (see read_from_copy)
    std::string copy_dir_;   // the copy's folder, removed at close
    sqlite3* db_ = nullptr;
    int schema_ = 0;
    bool immutable_ = false;
};

// "file:/abs/path?<query>": a URI SQLite opens with the given parameters
// (mode=ro, immutable=1), whatever characters the path holds.
std::string sqlite_file_uri(const std::string& path, const std::string& query);

// Adds the error for an SQLite failure while reading `path`: damaged file,
// locked file or another reason, each with what to do.
// report_damaged: the one "db-damaged" error, `detail` saying what is wrong.
void report_damaged(const std::string& path, const std::string& detail, Diagnostics& diags);
void report_read_failure(const std::string& path, sqlite3* db, int code, Diagnostics& diags);

}  // namespace easyread::report
