// The responses table's columns in one fixed order, written once here and
// used by every query that writes or reads a whole response: the kiosk's
// store, the recovery file's JSON reader, merges and paper imports.
#pragma once
#include <string>

#include "survey/response.hpp"
#include "survey/sqlite_statement.hpp"

namespace easyread::survey {

// uuid, survey_id, survey_version, survey_hash, document, event, device_id,
// respondent, started_at, finished_at, source, unfinished, corrected_at, local_date, zone
// (columns 0..14).
extern const char* const kResponseColumns;

// The same fifteen columns as a select list for a file of schema version
// `schema` (migrations.hpp): older files lack some, which read as their defaults.
std::string response_select_list(int schema);

// Columns 0..14 of `row`, in kResponseColumns order (answers not included).
Response response_from_columns(const Statement& row);

// Writes responses and their answers into `schema`.responses / .answers.
// A UUID already there is a resend: nothing is written for it.
class ResponseWriter {
public:
    explicit ResponseWriter(sqlite3* db, const std::string& schema = "main");
    // SQLITE_OK when both statements were prepared, else SQLite's code.
    int prepare_code() const;
    // SQLITE_DONE when written or already there (`added` says which), else SQLite's code.
    int write(const Response& response, bool& added);

private:
    sqlite3* db_;
    Statement head_;
    Statement answer_;
};

}  // namespace easyread::survey
