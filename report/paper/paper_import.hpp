// easyread import: typed-up paper answers into an answers database.
//
// The CSV's header is response_id,respondent,<question id>,...; respondent
// is self, carer, helper, staff or not-said (empty = not-said); each cell
// holds a stored answer value (survey.hpp) or is empty (not answered). A
// response's UUID comes from the survey id, the event (its name and day; with
// no event, the import batch: the CSV's file name and day) and its
// response_id, so forms numbered from 1 at every event are all kept, and
// importing the same file for the same event again adds nothing. A form
// already imported with other answers is refused, naming line and difference,
// unless `replace` is set.
#pragma once
#include <string>
#include <vector>

#include "base/diagnostics.hpp"

namespace easyread::report {

struct ImportRequest {
    std::string csv_path;
    std::string survey_path;
    std::string db_path;
    std::string event;
    std::string date;  // YYYY-MM-DD when the forms were filled in; empty = today
    bool replace = false;  // a corrected form takes the place of the one imported before
};

struct ImportSummary {
    int rows = 0;     // responses in the file
    int added = 0;    // new in the database
    int already = 0;  // imported before with the same answers: left as they were
    int replaced = 0;  // imported before with other answers, replaced (only with `replace`)
    std::vector<std::string> replaced_forms;  // their form numbers
    std::string scope_words;                  // "event \"Club day\", 2024-07-09" or "no event, 2024-07-09"
};

// Returns an exit status: 0 imported; 3 the CSV or survey is wrong (every
// problem reported with file, line and column, and nothing imported); 4 the
// database cannot take the answers.
int import_paper_answers(const ImportRequest& request, ImportSummary& summary, Diagnostics& diags);

}  // namespace easyread::report
