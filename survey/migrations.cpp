#include "survey/migrations.hpp"

#include "survey/answer_counts.hpp"
#include "survey/sqlite_statement.hpp"

namespace easyread::survey {

namespace {

// Step N takes a file from user_version N-1 to N. Never edit a step that has
// shipped: add a new one, so every old file follows the same path.
const char* const kSteps[] = {
    // 1: the first schema.
    R"(CREATE TABLE responses (
         uuid TEXT PRIMARY KEY,
         survey_id TEXT NOT NULL,
         survey_version INTEGER NOT NULL,
         event TEXT NOT NULL DEFAULT '',
         device_id TEXT NOT NULL,
         respondent TEXT NOT NULL,
         started_at TEXT NOT NULL,
         finished_at TEXT NOT NULL);
       CREATE TABLE answers (
         response_uuid TEXT NOT NULL REFERENCES responses(uuid),
         question_id TEXT NOT NULL,
         value TEXT NOT NULL,
         PRIMARY KEY (response_uuid, question_id)) WITHOUT ROWID;
       CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);)",
    // 2: survey hashes, documents shown, where a response came from, answer order.
    R"(CREATE TABLE surveys (
         survey_id TEXT NOT NULL,
         version INTEGER NOT NULL,
         hash TEXT NOT NULL,
         title TEXT NOT NULL DEFAULT '',
         source TEXT NOT NULL DEFAULT '',
         first_used_at TEXT NOT NULL,
         PRIMARY KEY (survey_id, version));
       ALTER TABLE responses ADD COLUMN survey_hash TEXT NOT NULL DEFAULT '';
       ALTER TABLE responses ADD COLUMN document TEXT NOT NULL DEFAULT '';
       ALTER TABLE responses ADD COLUMN source TEXT NOT NULL DEFAULT 'kiosk';
       ALTER TABLE answers ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
       CREATE INDEX responses_by_survey ON responses (survey_id, survey_version, event, finished_at);)",
    // 3: responses left part-way, kept and marked (reports count them apart).
    R"(ALTER TABLE responses ADD COLUMN unfinished INTEGER NOT NULL DEFAULT 0;)",
    // 4: a paper form corrected on import (--replace) says when, so a merge keeps the later correction.
    R"(ALTER TABLE responses ADD COLUMN corrected_at TEXT NOT NULL DEFAULT '';)",
    // 5: the day each response was given where it was given, and that place's time zone, so a
    // report puts it on the same day whatever the time zone of the computer making the report.
    R"(ALTER TABLE responses ADD COLUMN local_date TEXT NOT NULL DEFAULT '';
       ALTER TABLE responses ADD COLUMN zone TEXT NOT NULL DEFAULT '';)",
    // 6: the answers counted as they are stored (answer_counts.hpp), so a report of ten
    // million answers reads a few thousand counts. Made by answer_counts_step().
    nullptr,
};
constexpr int kStepCount = static_cast<int>(sizeof kSteps / sizeof kSteps[0]);

std::string step_sql(int step) { return kSteps[step - 1] ? kSteps[step - 1] : answer_counts_step(); }

}  // namespace

int read_user_version(sqlite3* db) {
    Statement st(db, "PRAGMA user_version");
    if (st.step() != SQLITE_ROW) return -1;
    return static_cast<int>(st.integer(0));
}

bool migrate(sqlite3* db, int target, std::string& error) {
    if (target > kStepCount) {
        error = "no migration to schema version " + std::to_string(target);
        return false;
    }
    int version = read_user_version(db);
    if (version < 0) {
        error = sqlite3_errmsg(db);
        return false;
    }
    for (int step = version + 1; step <= target; ++step) {
        // BEGIN IMMEDIATE: a second kiosk opening the same file waits rather
        // than running the same step twice.
        if (exec_sql(db, "BEGIN IMMEDIATE", &error) != SQLITE_OK) return false;
        if (read_user_version(db) >= step) {  // someone else did it meanwhile
            exec_sql(db, "COMMIT");
            continue;
        }
        std::string set_version = "PRAGMA user_version = " + std::to_string(step);
        if (exec_sql(db, step_sql(step).c_str(), &error) != SQLITE_OK ||
            exec_sql(db, set_version.c_str(), &error) != SQLITE_OK || exec_sql(db, "COMMIT", &error) != SQLITE_OK) {
            exec_sql(db, "ROLLBACK");
            error = "schema step " + std::to_string(step) + ": " + error;
            return false;
        }
    }
    return true;
}

}  // namespace easyread::survey
