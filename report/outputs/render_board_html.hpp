// The board report as one accessible HTML file: pictures inside, each chart a
// real table with its numbers, so screen readers and browsers both read it.
#pragma once
#include <string>

#include "report/outputs/board_report.hpp"
#include "base/diagnostics.hpp"

namespace easyread::symbols {
class Bank;
}

namespace easyread::report {

class ReviewedDocuments;

// `pages`, as for the PDF: pictures of a reviewed document's pages, inside the file.
std::string board_html(const BoardReport& report, const symbols::Bank& bank, const ReviewedDocuments* pages = nullptr);
bool render_board_html(const BoardReport& report, const symbols::Bank& bank, const std::string& path,
                       Diagnostics& diags, const ReviewedDocuments* pages = nullptr);

}  // namespace easyread::report
