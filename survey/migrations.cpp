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
    // 7: responses kept in id order (WITHOUT ROWID), as the answers are, so a report reads
    // both side by side instead of sorting every response first; and an index of the answers
    // no option id can be (a space, a capital, punctuation: comments), so a report finds the
    // comments without reading every answer. Made by responses_in_id_order_step().
    nullptr,
};
constexpr int kStepCount = static_cast<int>(sizeof kSteps / sizeof kSteps[0]);

// Step 7. The table is made again under its own name (no RENAME: the answers'
// triggers name it, and SQLite refuses a rename while they point nowhere);
// its index and its triggers go with the old table and are made again. The
// rows are the same, so the counts stay as they are. A row without an id
// (possible only by hand in a rowid table) gets one, as a primary key of a
// WITHOUT ROWID table cannot be NULL.
std::string responses_in_id_order_step() {
    return "CREATE TEMP TABLE responses_before AS SELECT * FROM main.responses;"
           "DROP TABLE main.responses;"
           R"(CREATE TABLE responses (
                uuid TEXT PRIMARY KEY,
                survey_id TEXT NOT NULL,
                survey_version INTEGER NOT NULL,
                event TEXT NOT NULL DEFAULT '',
                device_id TEXT NOT NULL,
                respondent TEXT NOT NULL,
                started_at TEXT NOT NULL,
                finished_at TEXT NOT NULL,
                survey_hash TEXT NOT NULL DEFAULT '',
                document TEXT NOT NULL DEFAULT '',
                source TEXT NOT NULL DEFAULT 'kiosk',
                unfinished INTEGER NOT NULL DEFAULT 0,
                corrected_at TEXT NOT NULL DEFAULT '',
                local_date TEXT NOT NULL DEFAULT '',
                zone TEXT NOT NULL DEFAULT '') WITHOUT ROWID;)"
           "INSERT INTO main.responses SELECT coalesce(uuid, 'no-id-' || rowid), survey_id, survey_version, event, "
           "device_id, respondent, started_at, finished_at, survey_hash, document, source, unfinished, corrected_at, "
           "local_date, zone FROM temp.responses_before ORDER BY 1;"
           "DROP TABLE temp.responses_before;"
           "CREATE INDEX responses_by_survey ON responses (survey_id, survey_version, event, finished_at);" +
           response_count_triggers() +
           "CREATE INDEX answers_free_text ON answers (question_id) WHERE " + std::string(kFreeTextAnswer) + ";";
}

std::string step_sql(int step) {
    if (kSteps[step - 1]) return kSteps[step - 1];
    return step == 6 ? answer_counts_step() : responses_in_id_order_step();
}

bool foreign_keys_on(sqlite3* db) {
    Statement st(db, "PRAGMA foreign_keys");
    return st.step() == SQLITE_ROW && st.integer(0) != 0;
}

}  // namespace

int read_user_version(sqlite3* db) {
    Statement st(db, "PRAGMA user_version");
    if (st.step() != SQLITE_ROW) return -1;
    return static_cast<int>(st.integer(0));
}

namespace {

bool run_steps(sqlite3* db, int version, int target, std::string& error) {
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

}  // namespace

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
    if (version >= target) return true;
    // Step 7 drops and makes again the table the answers refer to: with
    // foreign keys on, the drop would be refused. The rows are put back in the
    // same transaction; keys are checked again afterwards as before.
    const bool keys = foreign_keys_on(db);
    if (keys) exec_sql(db, "PRAGMA foreign_keys = OFF");
    const bool ok = run_steps(db, version, target, error);
    if (keys) exec_sql(db, "PRAGMA foreign_keys = ON");
    return ok;
}

}  // namespace easyread::survey
