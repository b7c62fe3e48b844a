// The easy read font: Andika when installed, DejaVu Sans otherwise.
#pragma once
#include <string>

#include "base/diagnostics.hpp"

namespace easyread {

// Returns the family to use. Warns (once per call) when the requested or
// preferred font is missing and a fallback is used.
std::string choose_font_family(const std::string& requested, Diagnostics& diags);

// True when fontconfig has a font of exactly this family.
bool font_family_installed(const std::string& family);

}  // namespace easyread
