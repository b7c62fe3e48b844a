// One-click fixes: for the checks whose hint names the exact replacement
// ("Write \"help\" instead.", "Write 3."), the words to replace and where.
// A fix is offered only when those words really are at the warning's place
// in the text, so applying it can never change anything else.
#pragma once
#include <optional>
#include <string>

#include "base/diagnostics.hpp"

namespace easyread::studio {

struct Fix {
    int line = 0;    // 1-based line of the whole file
    int column = 0;  // 1-based, in characters
    std::string from;
    std::string to;
};

std::optional<Fix> fix_for(const Diagnostic& d, const std::string& text);

}  // namespace easyread::studio
