// A review's results for the officer: words for the terminal, JSON, and the
// PDF or HTML report (the board report's renderers, each page's picture
// beside what the reviewers said about it). Every sentence is made from the
// counts in ReviewResults.
#pragma once
#include <string>

#include "base/diagnostics.hpp"
#include "report/counting/review_results.hpp"
#include "report/outputs/board_report.hpp"

namespace easyread::symbols {
class Bank;
}

namespace easyread::report {

class ReviewedDocuments;

// "3 people from Fernside Voices reviewed leaflet.md. The last one finished on 3 March 2027."
std::string review_people_sentence(const ReviewResults& r);
// Each page with its faces, each chunk with what was tapped, hardest first: for the terminal.
std::string review_text(const ReviewResults& r);
std::string review_json(const ReviewResults& r);
// The report as blocks; PageResult blocks name the document by `label`.
BoardReport review_board_report(const ReviewResults& r, const std::string& label);
// Writes .pdf, .html or .htm by the file's ending; `pages` draws the document's pages.
bool write_review_report(const ReviewResults& r, const std::string& path, const symbols::Bank& bank,
                         const ReviewedDocuments* pages, const std::string& label, Diagnostics& diags);

}  // namespace easyread::report
