#include "survey/store.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "survey/timestamps.hpp"
#include "survey/migrations.hpp"
#include "survey/recovery.hpp"
#include "survey/response_columns.hpp"
#include "survey/sqlite_statement.hpp"

namespace easyread::survey {

namespace {

StoreState state_for_code(int code) {
    switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return StoreState::Locked;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return StoreState::ReadOnly;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return StoreState::Corrupt;
    case SQLITE_FULL:
        return StoreState::Full;
    default:
        return StoreState::CannotOpen;
    }
}

// The day and time zone where the response was given: this kiosk's.
Response with_local_date(Response r) {
    if (r.local_date.empty()) {
        r.local_date = local_date_of(r.finished_at);
        r.zone = local_zone_name();
    }
    return r;
}

bool file_exists(const std::string& path) {
    struct stat st;
    return ::stat(path.c_str(), &st) == 0;
}

}  // namespace

std::string store_state_words(StoreState state, const std::string& path) {
    switch (state) {
    case StoreState::Ok:
        return "Answers are being saved in " + path + ".";
    case StoreState::Locked:
        return "Another program is using the answers file " + path +
               ". New answers are kept safe in the recovery file. Close the other program.";
    case StoreState::ReadOnly:
        return "The answers file " + path +
               " cannot be changed. New answers are kept safe in the recovery file. "
               "Check the file is not read-only and the memory stick is not locked.";
    case StoreState::Corrupt:
        return "The answers file " + path +
               " is damaged. Do not delete it. New answers are kept safe in the recovery file. "
               "Ask for help to copy the file off this kiosk.";
    case StoreState::Full:
        return "The disk is full, so " + path +
               " cannot grow. New answers are kept safe in the recovery file if there is room. Free some space.";
    case StoreState::TooNew:
        return "The answers file " + path +
               " was made by a newer easyread. New answers are kept safe in the recovery file. Update easyread.";
    case StoreState::CannotOpen:
        return "The answers file " + path +
               " cannot be opened. New answers are kept safe in the recovery file if there is room. "
               "Check the folder exists and the memory stick is in.";
    }
    return {};
}

Store::Store(std::string path, StoreOptions options) : path_(std::move(path)), options_(options) { open(); }

Store::~Store() {
    // Closing leaves one self-contained file in rollback mode, so a file still
    // marked WAL with no -wal beside it can only have been copied while open
    // (or lost its -wal): reports warn about it. Busy (a reader is on): stays WAL.
    if (db_ && ready_ && !options_.read_only) exec_sql(db_, "PRAGMA journal_mode=DELETE");
    if (db_) sqlite3_close_v2(db_);
}

std::string Store::recovery_path() const { return path_ + ".recovery.jsonl"; }

void Store::note_failure(int code, const std::string& what) {
    status_.state = state_for_code(code);
    status_.detail = what + ": " + (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(code));
    status_.words = store_state_words(status_.state, path_);
}

bool Store::usable_for_writing() const {
    if (!db_ || options_.read_only) return false;
    // Locked and Full can pass; damage, a newer schema or a read-only file cannot.
    return status_.state == StoreState::Ok || status_.state == StoreState::Locked ||
           status_.state == StoreState::Full;
}

void Store::open() {
    ready_ = false;
    status_ = StoreStatus{};
    status_.words = store_state_words(StoreState::Ok, path_);
    int flags = options_.read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    int rc = sqlite3_open_v2(path_.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        note_failure(rc == SQLITE_CANTOPEN ? SQLITE_CANTOPEN : rc, "open");
        sqlite3_close_v2(db_);
        db_ = nullptr;
        return;
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, options_.busy_timeout_ms);

    // Damage first: a file that fails here is never written to, so nothing
    // more is lost and someone can still rescue what it holds.
    {
        Statement check(db_, "PRAGMA integrity_check");
        if (!check.ok()) return note_failure(check.prepare_code(), "integrity check");
        int step = check.step();
        if (step != SQLITE_ROW) return note_failure(step, "integrity check");
        if (check.text(0) != "ok") {
            status_.state = StoreState::Corrupt;
            status_.detail = "integrity check: " + check.text(0);
            status_.words = store_state_words(StoreState::Corrupt, path_);
            return;
        }
    }
    schema_version_ = read_user_version(db_);
    if (schema_version_ > kSchemaVersion) {
        status_.state = StoreState::TooNew;
        status_.detail = "user_version " + std::to_string(schema_version_) + " > " + std::to_string(kSchemaVersion);
        status_.words = store_state_words(StoreState::TooNew, path_);
        return;
    }
    if (options_.read_only) return;
    if (sqlite3_db_readonly(db_, "main") == 1) {
        note_failure(SQLITE_READONLY, "open");
        return;
    }
    std::string error;
    // WAL: readers (reports, a staff laptop) never block the kiosk's writes.
    // synchronous=FULL: a commit is on the disk before Thank you shows.
    rc = exec_sql(db_, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;", &error);
    if (rc != SQLITE_OK) return note_failure(rc, "journal mode");
    if (options_.max_page_count > 0) {
        std::string sql = "PRAGMA max_page_count=" + std::to_string(options_.max_page_count);
        exec_sql(db_, sql.c_str());
    }
    if (!migrate(db_, kSchemaVersion, error)) {
        note_failure(sqlite3_errcode(db_) == SQLITE_OK ? SQLITE_CANTOPEN : sqlite3_errcode(db_), "migration");
        status_.detail += " (" + error + ")";
        return;
    }
    schema_version_ = kSchemaVersion;
    ready_ = true;
    if (options_.replay_recovery) replay_recovery();
}

int Store::insert_responses(const std::vector<Response>& responses, int& added) {
    added = 0;
    int rc = exec_sql(db_, "BEGIN IMMEDIATE");
    if (rc != SQLITE_OK) return rc;
    ResponseWriter writer(db_);
    rc = writer.prepare_code();
    for (std::size_t i = 0; rc == SQLITE_OK && i < responses.size(); ++i) {
        bool fresh = false;
        int step = writer.write(with_local_date(responses[i]), fresh);
        if (step != SQLITE_DONE) rc = step;
        if (fresh) ++added;
    }
    if (rc == SQLITE_OK) rc = exec_sql(db_, "COMMIT");
    if (rc != SQLITE_OK) {
        int keep = sqlite3_extended_errcode(db_);
        exec_sql(db_, "ROLLBACK");
        added = 0;
        return keep != SQLITE_OK ? keep : rc;
    }
    return SQLITE_OK;
}

bool Store::reopen_if_unwritable() {
    if (options_.read_only) return false;
    if (!usable_for_writing()) {
        // The file or folder may have been fixed (write permission back, stick
        // unlocked): open again; open() replays what is held when it can.
        if (db_) sqlite3_close_v2(db_);
        db_ = nullptr;
        open();
    }
    return usable_for_writing();
}

std::string Store::both_failed_words(const std::string& recovery_error) const {
    // A full disk is said as such: staff can free space or change the memory stick.
    const bool full = status_.state == StoreState::Full ||
                      recovery_error.find(std::strerror(ENOSPC)) != std::string::npos;
    return std::string(full ? "The disk is full. " : "") +
           "Answers cannot be saved: the answers file and the recovery file both failed. "
           "Do not turn the kiosk off. " +
           (full ? "Free some space or put in a memory stick with room, then ask for help." : "Ask for help.") + " (" +
           path_ + ")";
}

int Store::retry_held() {
    if (held_.empty() || options_.read_only) return held_count();
    reopen_if_unwritable();
    if (!held_.empty() && usable_for_writing()) replay_recovery();
    if (held_.empty()) return 0;
    std::vector<Response> still;
    std::string error;
    for (const Response& r : held_)
        if (!append_recovery(recovery_path(), r, error)) still.push_back(r);
    held_ = std::move(still);
    if (!held_.empty()) status_.words = both_failed_words(error);
    return held_count();
}

SaveResult Store::keep_in_recovery(const Response& response) {
    if (options_.read_only) {  // a reader never writes beside its input, not even a recovery file
        held_.push_back(response);
        return SaveResult::Lost;
    }
    std::string error;
    if (append_recovery(recovery_path(), response, error)) return SaveResult::KeptInRecovery;
    held_.push_back(response);
    status_.detail += "; recovery file: " + error;
    status_.words = both_failed_words(error);
    return SaveResult::Lost;
}

SaveResult Store::save(const Response& given) {
    const Response response = with_local_date(given);
    if (!ready_ && status_.state == StoreState::Locked) {
        // Locked while opening: finish opening now that it may be free.
        sqlite3_close_v2(db_);
        db_ = nullptr;
        open();
    }
    if (!usable_for_writing()) return keep_in_recovery(response);
    int added = 0;
    int rc = insert_responses({response}, added);
    if (rc != SQLITE_OK) {
        note_failure(rc, "save");
        return keep_in_recovery(response);
    }
    if (status_.state != StoreState::Ok) {  // a lock or a full disk has cleared
        status_ = StoreStatus{};
        status_.words = store_state_words(StoreState::Ok, path_);
    }
    if (!held_.empty() || file_exists(recovery_path())) replay_recovery();
    return added == 1 ? SaveResult::Stored : SaveResult::AlreadyStored;
}

bool Store::save_all(const std::vector<Response>& responses, std::string& error) {
    if (!usable_for_writing()) {
        error = status_.words;
        return false;
    }
    int added = 0;
    int rc = insert_responses(responses, added);
    if (rc != SQLITE_OK) {
        note_failure(rc, "save");
        error = status_.words + " (" + status_.detail + ")";
        return false;
    }
    return true;
}

int Store::replay_recovery() {
    if (!usable_for_writing()) return 0;
    RecoveryContents rec = read_recovery(recovery_path());
    std::vector<Response> all = std::move(rec.responses);
    for (auto& r : held_) all.push_back(r);
    if (all.empty() && rec.unreadable_lines.empty()) return 0;
    for (auto& r : all)
        if (r.source == "kiosk") r.source = "recovery";
    int added = 0;
    int rc = insert_responses(all, added);
    if (rc != SQLITE_OK) {
        note_failure(rc, "replay");
        return 0;
    }
    // Every readable response is committed: only now shrink the file. A
    // crash between the two replays nothing twice (the UUIDs are known).
    held_.clear();
    std::string error;
    if (!all.empty() && !rewrite_recovery(recovery_path(), rec.unreadable_lines, error)) status_.detail = error;
    return added;
}

bool Store::check_survey(const Survey& survey, Diagnostics& diags) {
    if (!usable_for_writing()) return true;  // answers go to the recovery file; nothing to compare with
    Statement find(db_, "SELECT hash FROM surveys WHERE survey_id = ? AND version = ?");
    find.bind(1, survey.id).bind(2, std::int64_t{survey.version});
    int rc = find.step();
    if (rc == SQLITE_ROW) {
        // Earlier versions stored the hash of the raw bytes: the same file still matches.
        if (find.text(0) == survey.hash || find.text(0) == content_hash(survey.source)) return true;
        diags.error(survey.path, survey.version_line, 1, "survey-changed",
                    "this survey changed, but answers to version " + std::to_string(survey.version) +
                        " of \"" + survey.id + "\" are already stored in " + path_,
                    "Write \"version: " + std::to_string(survey.version + 1) +
                        "\" so the new answers are kept apart, or put the file back as it was.");
        return false;
    }
    if (rc != SQLITE_DONE) {
        note_failure(rc, "survey check");
        return true;
    }
    Statement add(db_, "INSERT INTO surveys (survey_id, version, hash, title, source, first_used_at) VALUES (?,?,?,?,?,?)");
    add.bind(1, survey.id).bind(2, std::int64_t{survey.version}).bind(3, survey.hash).bind(4, survey.title);
    add.bind(5, survey.source).bind(6, iso_utc_now());
    rc = add.step();
    if (rc != SQLITE_DONE) note_failure(rc, "survey record");
    return true;
}

}  // namespace easyread::survey
