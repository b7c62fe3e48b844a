#include "survey/answer_counts.hpp"

namespace easyread::survey {

namespace {

// The columns a response is counted by, before `day`, and after it.
const char* const kBefore[] = {"survey_id", "survey_version", "survey_hash", "document", "event"};

// Values of `row` for the key columns (respondent left out for answers).
std::string key_values(const std::string& row, bool respondent) {
    std::string s;
    for (const char* c : kBefore) s += row + "." + c + ", ";
    s += counted_day(row) + ", ";
    if (respondent) s += row + ".respondent, ";
    return s + "(" + row + ".unfinished <> 0)";
}

std::string key_columns(bool respondent) {
    std::string s;
    for (const char* c : kBefore) s += std::string(c) + ", ";
    return s + "day, " + (respondent ? "respondent, " : "") + "unfinished";
}

// A counts row of `row`'s key (columns unqualified: the counts table's).
std::string key_match(const std::string& row, bool respondent) {
    std::string s;
    for (const char* c : kBefore) s += std::string(c) + " = " + row + "." + c + " AND ";
    s += "day = " + counted_day(row) + " AND ";
    if (respondent) s += "respondent = " + row + ".respondent AND ";
    return s + "unfinished = (" + row + ".unfinished <> 0)";
}

const std::string kResponseKey = key_columns(true);
const std::string kAnswerKey = key_columns(false) + ", question_id, value";

std::string add_response(const std::string& p) {
    return "INSERT INTO response_counts VALUES (" + key_values(p, true) + ", 1, " + p + ".finished_at, " + p +
           ".finished_at) ON CONFLICT (" + kResponseKey +
           ") DO UPDATE SET count = count + 1, first_at = min(first_at, excluded.first_at), "
           "last_at = max(last_at, excluded.last_at);"
           // Answers stored before their response (never by easyread, perhaps by hand).
           "INSERT INTO answer_counts SELECT " + key_values(p, false) +
           ", a.question_id, a.value, 1 FROM answers a WHERE a.response_uuid = " + p + ".uuid ON CONFLICT (" +
           kAnswerKey + ") DO UPDATE SET count = count + 1;";
}

std::string remove_response(const std::string& p) {
    std::string same = "r.survey_id = " + p + ".survey_id AND r.survey_version = " + p +
                       ".survey_version AND r.survey_hash = " + p + ".survey_hash AND r.document = " + p +
                       ".document AND r.event = " + p + ".event AND " + counted_day("r") + " = " + counted_day(p) +
                       " AND r.respondent = " + p + ".respondent AND (r.unfinished <> 0) = (" + p + ".unfinished <> 0)";
    return "UPDATE response_counts SET count = count - 1 WHERE " + key_match(p, true) + ";" +
           "DELETE FROM response_counts WHERE " + key_match(p, true) + " AND count <= 0;" +
           // The first or last of the rest, when this was it.
           "UPDATE response_counts SET first_at = (SELECT min(r.finished_at) FROM responses r WHERE " + same +
           "), last_at = (SELECT max(r.finished_at) FROM responses r WHERE " + same + ") WHERE " + key_match(p, true) +
           " AND (first_at = " + p + ".finished_at OR last_at = " + p + ".finished_at);" +
           "UPDATE answer_counts SET count = count - 1 WHERE " + key_match(p, false) +
           " AND (question_id, value) IN (SELECT a.question_id, a.value FROM answers a WHERE a.response_uuid = " + p +
           ".uuid);" + "DELETE FROM answer_counts WHERE " + key_match(p, false) + " AND count <= 0;";
}

std::string add_answer(const std::string& a) {
    return "INSERT INTO answer_counts SELECT " + key_values("r", false) + ", " + a + ".question_id, " + a +
           ".value, 1 FROM responses r WHERE r.uuid = " + a + ".response_uuid ON CONFLICT (" + kAnswerKey +
           ") DO UPDATE SET count = count + 1;";
}

std::string remove_answer(const std::string& a) {
    std::string where = "question_id = " + a + ".question_id AND value = " + a + ".value AND (" + key_columns(false) +
                        ") IN (SELECT " + key_values("r", false) + " FROM responses r WHERE r.uuid = " + a +
                        ".response_uuid)";
    return "UPDATE answer_counts SET count = count - 1 WHERE " + where + ";" + "DELETE FROM answer_counts WHERE " +
           where + " AND count <= 0;";
}

// Upserts adding counted rows to a schema's two tables.
std::string upsert_responses(const std::string& to, const std::string& select) {
    return "INSERT INTO " + to + ".response_counts " + select + " ON CONFLICT (" + kResponseKey +
           ") DO UPDATE SET count = count + excluded.count, first_at = min(first_at, excluded.first_at), "
           "last_at = max(last_at, excluded.last_at);";
}

std::string upsert_answers(const std::string& to, const std::string& select) {
    return "INSERT INTO " + to + ".answer_counts " + select + " ON CONFLICT (" + kAnswerKey +
           ") DO UPDATE SET count = count + excluded.count;";
}

}  // namespace

std::string response_count_triggers() {
    return "CREATE TRIGGER response_counts_insert AFTER INSERT ON responses BEGIN " + add_response("NEW") + " END;"
           "CREATE TRIGGER response_counts_delete AFTER DELETE ON responses BEGIN " + remove_response("OLD") + " END;"
           "CREATE TRIGGER response_counts_update AFTER UPDATE OF uuid, survey_id, survey_version, survey_hash, "
           "document, event, local_date, finished_at, respondent, unfinished ON responses BEGIN " +
           remove_response("OLD") + add_response("NEW") + " END;";
}

const char* const kInsertCountTriggers[2] = {"response_counts_insert", "answer_counts_insert"};

std::string add_counts_of(const std::string& schema, const std::string& uuids) {
    // "WHERE": an upsert's SELECT needs one (SQLite's parsing of ON CONFLICT).
    return upsert_responses(schema, "SELECT " + key_values("r", true) +
                                        ", count(*), min(r.finished_at), max(r.finished_at) FROM " + schema +
                                        ".responses r WHERE r.uuid IN " + uuids + " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8") +
           upsert_answers(schema, "SELECT " + key_values("r", false) + ", a.question_id, a.value, count(*) FROM " +
                                      schema + ".responses r JOIN " + schema +
                                      ".answers a ON a.response_uuid = r.uuid WHERE r.uuid IN " + uuids +
                                      " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9");
}

std::string add_kept_counts(const std::string& from, const std::string& to) {
    return upsert_responses(to, "SELECT " + kResponseKey + ", count, first_at, last_at FROM " + from +
                                    ".response_counts WHERE count > 0") +
           upsert_answers(to, "SELECT " + kAnswerKey + ", count FROM " + from + ".answer_counts WHERE count > 0");
}

std::string counted_day(const std::string& row) {
    return "(CASE WHEN " + row + ".local_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN " + row +
           ".local_date ELSE substr(" + row + ".finished_at, 1, 13) END)";
}

std::string answer_counts_step() {
    return "CREATE TABLE response_counts (survey_id TEXT NOT NULL, survey_version INTEGER NOT NULL, "
           "survey_hash TEXT NOT NULL, document TEXT NOT NULL, event TEXT NOT NULL, day TEXT NOT NULL, "
           "respondent TEXT NOT NULL, unfinished INTEGER NOT NULL, count INTEGER NOT NULL, first_at TEXT NOT NULL, "
           "last_at TEXT NOT NULL, PRIMARY KEY (" + kResponseKey + ")) WITHOUT ROWID;"
           "CREATE TABLE answer_counts (survey_id TEXT NOT NULL, survey_version INTEGER NOT NULL, "
           "survey_hash TEXT NOT NULL, document TEXT NOT NULL, event TEXT NOT NULL, day TEXT NOT NULL, "
           "unfinished INTEGER NOT NULL, question_id TEXT NOT NULL, value TEXT NOT NULL, count INTEGER NOT NULL, "
           "PRIMARY KEY (" + kAnswerKey + ")) WITHOUT ROWID;"
           "INSERT INTO response_counts SELECT " + key_values("r", true) +
           ", count(*), min(r.finished_at), max(r.finished_at) FROM responses r GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;"
           "INSERT INTO answer_counts SELECT " + key_values("r", false) +
           ", a.question_id, a.value, count(*) FROM answers a JOIN responses r ON r.uuid = a.response_uuid "
           "GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;" +
           response_count_triggers() +
           "CREATE TRIGGER answer_counts_insert AFTER INSERT ON answers BEGIN " + add_answer("NEW") + " END;"
           "CREATE TRIGGER answer_counts_delete AFTER DELETE ON answers BEGIN " + remove_answer("OLD") + " END;"
           "CREATE TRIGGER answer_counts_update AFTER UPDATE OF response_uuid, question_id, value ON answers BEGIN " +
           remove_answer("OLD") + add_answer("NEW") + " END;";
}

}  // namespace easyread::survey
