// The checker's JSON output: diagnostics plus the readability summary.
#pragma once
#include <string>

#include "base/diagnostics.hpp"
#include "generator/check/check.hpp"

namespace easyread::check {

std::string report_json(const std::string& file, const RuleSet& rules, const Diagnostics& diags,
                        const CheckReport& report);

}  // namespace easyread::check
