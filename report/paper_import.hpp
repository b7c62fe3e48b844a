// easyread import: typed-up paper answers into an answers database.
//
// The CSV's header is response_id,respondent,<question id>,...; respondent
// is self, carer, helper, staff or not-said (empty = not-said); each cell
// holds a stored answer value (survey.hpp) or is empty (not answered). A
// response's UUID comes from the survey id and its response_id, so
// importing the same file again adds nothing.
#pragma once
#include <string>

#include "base/diagnostics.hpp"

namespace easyread::report {

struct ImportRequest {
    std::string csv_path;
    std::string survey_path;
    std::string db_path;
    std::string event;
    std::string date;  // YYYY-MM-DD when the forms were filled in; empty = today
};

struct ImportSummary {
    int rows = 0;     // responses in the file
    int added = 0;    // new in the database
    int already = 0;  // imported before: left as they were
};

// Returns an exit status: 0 imported; 3 the CSV or survey is wrong (every
// problem reported with file, line and column, and nothing imported); 4 the
// database cannot take the answers.
int import_paper_answers(const ImportRequest& request, ImportSummary& summary, Diagnostics& diags);

}  // namespace easyread::report
