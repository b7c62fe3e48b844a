// The board report as a tagged A4 PDF: bar charts drawn with faces and numbers.
#pragma once
#include <string>

#include "report/outputs/board_report.hpp"
#include "base/diagnostics.hpp"

namespace easyread::symbols {
class Bank;
}

namespace easyread::report {

class ReviewedDocuments;

// `pages` draws a reviewed document's pages beside their results; without
// it (or without that document) the results stand alone.
bool render_board_pdf(const BoardReport& report, const symbols::Bank& bank, const std::string& path,
                      Diagnostics& diags, const ReviewedDocuments* pages = nullptr);

// Chart geometry shared by the PDF and the paper form's answer rows.
constexpr double kChartRow = 30;      // height of one bar's row
constexpr double kChartPicture = 24;  // the face beside each bar

}  // namespace easyread::report
