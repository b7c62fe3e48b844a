// The kept counts (survey/answer_counts.hpp) written out independently of
// the schema's SQL, as a plain GROUP BY of the responses and answers tables.
#pragma once
#include <string>

namespace kept_counts_check {

inline const char* const kDay =
    "CASE WHEN r.local_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN r.local_date "
    "ELSE substr(r.finished_at, 1, 13) END";

inline std::string expected_responses() {
    return std::string("SELECT r.survey_id, r.survey_version, r.survey_hash, r.document, r.event, ") + kDay +
           ", r.respondent, r.unfinished <> 0, count(*), min(r.finished_at), max(r.finished_at) FROM responses r "
           "GROUP BY 1, 2, 3, 4, 5, 6, 7, 8";
}

inline std::string expected_answers() {
    return std::string("SELECT r.survey_id, r.survey_version, r.survey_hash, r.document, r.event, ") + kDay +
           ", r.unfinished <> 0, a.question_id, a.value, count(*) FROM answers a JOIN responses r ON r.uuid = "
           "a.response_uuid GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9";
}

// SQL giving the number of rows in one and not the other, both ways, of both tables: 0 when equal.
inline std::string differences_sql() {
    const std::string r = "SELECT * FROM response_counts", a = "SELECT * FROM answer_counts";
    return "SELECT (SELECT count(*) FROM (" + expected_responses() + " EXCEPT " + r + ")) + (SELECT count(*) FROM (" + r +
           " EXCEPT " + expected_responses() + ")) + (SELECT count(*) FROM (" + expected_answers() + " EXCEPT " + a +
           ")) + (SELECT count(*) FROM (" + a + " EXCEPT " + expected_answers() + "))";
}

}  // namespace kept_counts_check
