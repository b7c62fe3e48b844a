// The board report as a tagged A4 PDF: bar charts drawn with faces and numbers.
#pragma once
#include <string>

#include "report/board_report.hpp"
#include "base/diagnostics.hpp"

namespace easyread::symbols {
class Bank;
}

namespace easyread::report {

bool render_board_pdf(const BoardReport& report, const symbols::Bank& bank, const std::string& path,
                      Diagnostics& diags);

// Chart geometry shared by the PDF and the paper form's answer rows.
constexpr double kChartRow = 30;      // height of one bar's row
constexpr double kChartPicture = 24;  // the face beside each bar

}  // namespace easyread::report
