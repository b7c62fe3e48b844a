// One-click fixes: only where the checker's hint states the replacement
// outright ("Write \"help\" instead.", "Write 3."), for exactly the words it
// quotes, and those words really are at the warning's place in the text.
// A hint that only advises gets no fix: the studio shows it and puts the
// cursor on the words instead.
#pragma once
#include <optional>
#include <string>

#include "base/diagnostics.hpp"
#include "generator/lang/rule_set.hpp"

namespace easyread::studio {

struct Fix {
    int line = 0;    // 1-based line of the whole file
    int column = 0;  // 1-based, in characters
    std::string from;
    std::string to;
};

std::optional<Fix> fix_for(const Diagnostic& d, const std::string& text, const lang::RuleSet& rules);

}  // namespace easyread::studio
