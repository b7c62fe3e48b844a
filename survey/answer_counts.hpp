// The answers counted as they are stored (schema 6): two tables SQLite keeps
// equal to a GROUP BY of the responses and answers tables, by triggers, in
// the same transaction as each write, whoever writes (the kiosk, a paper
// import, a merge, the sqlite3 command). A report reads these few thousand
// rows instead of every answer, so its time no longer grows with the answers.
//
//   response_counts      responses counted together
//     survey_id, survey_version, survey_hash, document, event,
//     day            the response's local_date when it is a day ("2024-05-09"),
//                    else the first 13 characters of finished_at (its UTC hour)
//     respondent, unfinished (0 or 1)
//     count, first_at, last_at (smallest and largest finished_at)
//     PRIMARY KEY: every column before count
//
//   answer_counts        answers of responses counted together
//     survey_id, survey_version, survey_hash, document, event, day, unfinished
//     (of the response, as above), question_id, value, count
//     PRIMARY KEY: every column before count
//
// Rows whose count falls to 0 are removed. An answer whose response is not
// in the file is not counted (reports never count it either).
#pragma once
#include <string>

namespace easyread::survey {

// The SQL of schema step 6: both tables, their triggers, and the counts of
// the answers already in the file. Never change it once shipped (migrations.cpp).
std::string answer_counts_step();

// An answer that is surely a comment: one to the kiosk's last comment
// screen, or one no option id can be (ids are letters, digits, "-" and "_",
// several joined by ";"), so a space or punctuation. Schema 7 indexes these
// answers (answers_free_text, a partial index whose WHERE is this text; a
// query must say it too for SQLite to use the index). A one-word answer to a
// survey's own comment question is not among them.
inline const char* const kFreeTextAnswer = "(question_id = 'anything-else' OR value GLOB '*[^A-Za-z0-9_;-]*')";

// The three triggers on responses of step 6, as it made them: a step that
// makes the responses table again (7) makes them again with it.
std::string response_count_triggers();

// The `day` of a response row named `row` ("r", "NEW"), as the tables hold it.
std::string counted_day(const std::string& row);

// A writer adding many rows at once (merge) sets the two triggers that count
// each inserted row aside inside its transaction (dropped, then made again
// from their stored SQL, by the callers of these), and counts what it added
// in bulk: a trigger per answer costs a look-up and an upsert each.
extern const char* const kInsertCountTriggers[2];

// SQL adding to the counts of `schema` ("main") the responses of that schema
// whose uuid is in `uuids` (a table name such as "temp.fresh") and all their
// answers, by GROUP BY: what the insert triggers would have added.
std::string add_counts_of(const std::string& schema, const std::string& uuids);

// SQL adding the counts kept by the file attached as `from` ("src") to those
// of `to` ("main"): right when every response and answer of `from` was copied.
std::string add_kept_counts(const std::string& from, const std::string& to);

}  // namespace easyread::survey
