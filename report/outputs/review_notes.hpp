// A review's results as notes at their lines of the document, in the
// checker's format, so the officer fixes each where they write:
//   leaflet.md:14:5: note[reviewers-hard-word]: 4 of 6 reviewers did not understand "reablement"
#pragma once
#include <string>

#include "base/diagnostics.hpp"
#include "report/counting/review_results.hpp"

namespace easyread::report {

// Adds one note per tapped word (reviewers-hard-word) and picture
// (reviewers-picture) of the chunks unchanged since the review, and one per
// page as reviewed with sad faces (reviewers-sad-page). `source` is the
// document's text, to find each word's column on its line.
void add_review_notes(const ReviewResults& results, const std::string& source, Diagnostics& diags);

// 1-based line and column of `word` (any case; a whole word unless `whole`
// is false) on `line` or the lines after it up to the next blank line;
// column 0 when not found.
void find_word(const std::string& source, int line, const std::string& word, int& out_line, int& out_column,
               bool whole = true);

}  // namespace easyread::report
