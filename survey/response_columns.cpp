#include "survey/response_columns.hpp"

namespace easyread::survey {

const char* const kResponseColumns =
    "uuid, survey_id, survey_version, survey_hash, document, event, device_id, respondent, started_at, "
    "finished_at, source, unfinished, corrected_at, local_date, zone";

std::string response_select_list(int schema) {
    // Version 1 files have no hash, document or source columns; before 3, no unfinished.
    std::string list = schema >= 2 ? "uuid, survey_id, survey_version, survey_hash, document, event, device_id, "
                                     "respondent, started_at, finished_at, source"
                                   : "uuid, survey_id, survey_version, '', '', event, device_id, respondent, "
                                     "started_at, finished_at, 'kiosk'";
    return list + (schema >= 3 ? ", unfinished" : ", 0") + (schema >= 4 ? ", corrected_at" : ", ''") +
           (schema >= 5 ? ", local_date, zone" : ", '', ''");
}

Response response_from_columns(const Statement& row) {
    Response r;
    r.uuid = row.text(0);
    r.survey_id = row.text(1);
    r.survey_version = static_cast<int>(row.integer(2));
    r.survey_hash = row.text(3);
    r.document = row.text(4);
    r.event = row.text(5);
    r.device_id = row.text(6);
    r.respondent = row.text(7);
    r.started_at = row.text(8);
    r.finished_at = row.text(9);
    r.source = row.text(10);
    r.unfinished = row.integer(11) != 0;
    r.corrected_at = row.text(12);
    r.local_date = row.text(13);
    r.zone = row.text(14);
    return r;
}

namespace {

std::string head_sql(const std::string& schema) {
    return "INSERT OR IGNORE INTO " + schema + ".responses (" + kResponseColumns +
           ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
}

std::string answer_sql(const std::string& schema) {
    return "INSERT INTO " + schema + ".answers (response_uuid, question_id, position, value) VALUES (?,?,?,?)";
}

}  // namespace

ResponseWriter::ResponseWriter(sqlite3* db, const std::string& schema)
    : db_(db), head_(db, head_sql(schema).c_str()), answer_(db, answer_sql(schema).c_str()) {}

int ResponseWriter::prepare_code() const {
    if (!head_.ok()) return head_.prepare_code() != SQLITE_OK ? head_.prepare_code() : SQLITE_MISUSE;
    if (!answer_.ok()) return answer_.prepare_code() != SQLITE_OK ? answer_.prepare_code() : SQLITE_MISUSE;
    return SQLITE_OK;
}

int ResponseWriter::write(const Response& r, bool& added) {
    added = false;
    head_.bind(1, r.uuid).bind(2, r.survey_id).bind(3, std::int64_t{r.survey_version}).bind(4, r.survey_hash);
    head_.bind(5, r.document).bind(6, r.event).bind(7, r.device_id).bind(8, r.respondent);
    head_.bind(9, r.started_at).bind(10, r.finished_at).bind(11, r.source);
    head_.bind(12, std::int64_t{r.unfinished ? 1 : 0}).bind(13, r.corrected_at);
    head_.bind(14, r.local_date).bind(15, r.zone);
    int step = head_.step();
    head_.reset();
    if (step != SQLITE_DONE) return step;
    if (sqlite3_changes(db_) == 0) return SQLITE_DONE;  // same UUID already stored: a resend, not a new answer
    added = true;
    for (std::size_t pos = 0; pos < r.answers.size(); ++pos) {
        answer_.bind(1, r.uuid).bind(2, r.answers[pos].question_id).bind(3, static_cast<std::int64_t>(pos));
        answer_.bind(4, r.answers[pos].value);
        step = answer_.step();
        answer_.reset();
        if (step != SQLITE_DONE) return step;
    }
    return SQLITE_DONE;
}

}  // namespace easyread::survey
