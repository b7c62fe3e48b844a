// The conformance report for people: a tagged PDF or an HTML page drawn by
// the board report's renderers (one look, one accessible structure), or JSON.
#pragma once
#include <string>

#include "base/diagnostics.hpp"
#include "generator/conform/conformance.hpp"
#include "report/outputs/board_report.hpp"

namespace easyread {
struct Compiled;
}

namespace easyread::symbols {
class Bank;
}

namespace easyread::report {

// The report as blocks: what was checked, a table of every rule with its
// result and evidence, then the places each unmet rule fails.
BoardReport conformance_blocks(const ConformanceReport& report);

// True when `path` ends in a format the report can be written as.
bool is_conformance_format(const std::string& path);

// Writes the report as .pdf, .html/.htm or .json, chosen by the ending.
bool write_conformance_report(const ConformanceReport& report, const symbols::Bank& bank, const std::string& path,
                              Diagnostics& diags);

// Measures the compiled document (writing its PDF to a temporary folder for
// the PDF checks), names its edition as the kiosk and the board report do,
// and writes the report to `path`. False, with the reason in `diags`, when
// the document is not laid out or the report cannot be written.
bool make_conformance_report(const Compiled& c, const std::string& path, Diagnostics& diags);

}  // namespace easyread::report
