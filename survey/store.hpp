// The answers database: SQLite, WAL, synchronous=FULL, one transaction per response.
//
// Schema (PRAGMA user_version = 7; migrations.hpp upgrades older files):
//
//   responses            one row per finished response; WITHOUT ROWID (schema 7): kept in uuid order
//     uuid            TEXT PRIMARY KEY      random v4 (kiosk) or uuid_from_name() (paper import)
//     survey_id       TEXT NOT NULL         front matter id
//     survey_version  INTEGER NOT NULL      front matter version
//     survey_hash     TEXT NOT NULL         hex BLAKE2b-256 of the survey file
//     document        TEXT NOT NULL ''      pages shown by {each=page} questions ("leaflet.pdf 3f9a0c12")
//     event           TEXT NOT NULL ''      event name set by staff
//     device_id       TEXT NOT NULL         which kiosk (random, made once per database)
//     respondent      TEXT NOT NULL         self | carer | helper | staff | not-said
//     started_at      TEXT NOT NULL         ISO 8601 UTC, "2024-05-03T10:00:00.000Z"
//     finished_at     TEXT NOT NULL         ISO 8601 UTC
//     source          TEXT NOT NULL 'kiosk' kiosk | paper | recovery
//     unfinished      INTEGER NOT NULL 0    1: left part-way, kept after "Are you still there?" ran out
//                                           (schema 3); reports count these apart
//     corrected_at    TEXT NOT NULL ''      ISO 8601 UTC when a corrected paper form replaced this
//                                           response's first answers (import --replace; schema 4);
//                                           merge keeps the later correction of one response
//     local_date      TEXT NOT NULL ''      "2024-05-09": the day finished_at fell on where it was given
//     zone            TEXT NOT NULL ''      that place's time zone ("Europe/London"); both set by the
//                                           Store (kiosk) or import (paper), schema 5; '' in older rows,
//                                           which reports put on the day of their own time zone
//     index responses_by_survey (survey_id, survey_version, event, finished_at)
//
//   answers              one row per answered question
//     response_uuid   TEXT NOT NULL REFERENCES responses(uuid)
//     question_id     TEXT NOT NULL         "anything-else" holds the kiosk's last comment screen
//     position        INTEGER NOT NULL      order of the question in the survey
//     value           TEXT NOT NULL         stored answer value, see survey.hpp
//     PRIMARY KEY (response_uuid, question_id)
//     index answers_free_text (question_id), partial: answers that are surely comments
//     (schema 7; answer_counts.hpp kFreeTextAnswer)
//
//   surveys              every survey file a kiosk has run, so reports need no file
//     survey_id, version INTEGER, hash TEXT, title TEXT, source TEXT (the Markdown),
//     first_used_at TEXT; PRIMARY KEY (survey_id, version)
//
//   settings             key TEXT PRIMARY KEY, value TEXT NOT NULL (see settings.hpp)
//
//   response_counts, answer_counts   the responses and answers counted, kept by
//                        triggers (schema 6; answer_counts.hpp)
//
// Readers (reports, merges) may open the file while a kiosk runs: WAL lets
// them read the last committed state without blocking the kiosk. Open with
// SQLITE_OPEN_READONLY and treat user_version > kSchemaVersion as "made by a
// newer easyread". A Store closes the file in rollback mode (no -wal), so a
// file whose header still says WAL (bytes 18-19 = 2) with no -wal beside it
// was copied while a kiosk had it open, and may lack its newest answers.
//
// When the database cannot take a response (locked, read-only, damaged, disk
// full) the response is appended to the recovery file (recovery.hpp) next to
// it and replayed by the next Store that opens the database successfully.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.hpp"
#include "survey/response.hpp"
#include "survey/survey.hpp"

struct sqlite3;

namespace easyread::survey {

constexpr int kSchemaVersion = 7;

enum class StoreState {
    Ok,
    Locked,      // another program holds the database
    ReadOnly,    // the file or folder cannot be written
    Corrupt,     // integrity_check failed or the file is not a database
    Full,        // the disk (or max_page_count) is full
    TooNew,      // user_version is newer than this program knows
    CannotOpen,  // missing folder, no permission, ...
};

struct StoreStatus {
    StoreState state = StoreState::Ok;
    std::string words;   // plain words for staff: what happened and what to do
    std::string detail;  // SQLite's own message, for the log
};

struct StoreOptions {
    int busy_timeout_ms = 1000;     // wait this long for a lock before using the recovery file
    std::int64_t max_page_count = 0;  // 0 = no limit; tests set it to make a full database
    bool read_only = false;         // reports: never write a byte (no migration, no replay,
                                    // no recovery file; save() returns Lost)
    bool replay_recovery = true;    // move recovery-file responses into the database at open
};

enum class SaveResult {
    Stored,          // committed now
    AlreadyStored,   // the UUID was already there: nothing written (not an error)
    KeptInRecovery,  // the database failed; the response is in the recovery file
    Lost,            // both failed: status() says why; the Store keeps it in memory and
                     // retries it with the next save or replay
};

struct TodayCounts {
    int total = 0;
    std::map<std::string, int> by_respondent;  // respondent value -> count
    int in_recovery = 0;  // responses waiting in the recovery file (on disk, safe)
    int in_memory = 0;    // responses neither the database nor the recovery file took: lost if the kiosk stops
    int unfinished = 0;   // responses left part-way (not in total or by_respondent)
    int no_answers = 0;   // sent with every question skipped: no answer to count (not in total)
};

class Store {
public:
    // Opens (creating if needed) and checks the database. Never throws: look at status().
    explicit Store(std::string path, StoreOptions options = {});
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    bool ok() const { return status_.state == StoreState::Ok; }
    const StoreStatus& status() const { return status_; }
    const std::string& path() const { return path_; }
    std::string recovery_path() const;  // "<path>.recovery.jsonl"
    int schema_version() const { return schema_version_; }

    // One transaction. Falls back to the recovery file when the database fails.
    SaveResult save(const Response& response);
    // All or nothing, no recovery file (paper import); false with status() on failure.
    bool save_all(const std::vector<Response>& responses, std::string& error);

    // Records the survey's hash under (id, version). Refuses, with an error in
    // `diags` naming the file and its version line, when the same id and
    // version were stored with a different hash. True when the survey may run
    // (also when the database is unusable: answers then go to the recovery file).
    bool check_survey(const Survey& survey, Diagnostics& diags);

    // Moves recovery-file responses (and any held in memory) into the
    // database; returns how many were new. Lines that cannot be read stay in
    // the file.
    int replay_recovery();
    // Responses waiting: lines in the recovery file plus any held in memory.
    int waiting_count() const;
    // Responses held only in memory (neither the database nor the recovery file took them).
    int held_count() const { return static_cast<int>(held_.size()); }
    // Tries again to put the responses held in memory on disk: reopens the
    // database, else appends them to the recovery file. Returns how many are
    // still held only in memory.
    int retry_held();
    // Opens the file again when it could not be written (it may have been
    // fixed since); true when it can be written now.
    bool reopen_if_unwritable();
    // Every response not in the database: recovery-file lines and those held in memory.
    std::vector<Response> waiting_responses() const;

    std::optional<std::string> setting(const std::string& key) const;
    bool set_setting(const std::string& key, const std::string& value);

    // Responses finished at or after `since_iso_utc` (iso_utc text) for one survey.
    TodayCounts counts_since(const std::string& since_iso_utc, const std::string& survey_id) const;
    // Every stored response with its answers, oldest first (tests, small exports).
    std::vector<Response> load_responses(const std::string& survey_id = {}) const;
    // Consistent copy of the whole database (SQLite online backup) to `dest_path`,
    // without the staff PIN's hash (settings key pin_hash): copies leave the kiosk.
    bool backup_to(const std::string& dest_path, std::string& error) const;

    sqlite3* handle() const { return db_; }  // null when the file could not be opened

private:
    void open();
    bool usable_for_writing() const;
    void note_failure(int sqlite_code, const std::string& what);
    SaveResult keep_in_recovery(const Response& response);
    // Staff words when neither the database nor the recovery file took an answer.
    std::string both_failed_words(const std::string& recovery_error) const;
    // One transaction for all of `responses`; `added` counts the new ones.
    int insert_responses(const std::vector<Response>& responses, int& added);

    std::string path_;
    StoreOptions options_;
    StoreStatus status_;
    sqlite3* db_ = nullptr;
    int schema_version_ = 0;
    bool ready_ = false;  // every open step finished (a lock at open leaves it false)
    std::vector<Response> held_;  // neither the database nor the recovery file took these
};

// Plain words for staff describing a state ("The answers file is damaged...").
std::string store_state_words(StoreState state, const std::string& path);

}  // namespace easyread::survey
