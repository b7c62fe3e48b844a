// Checks that a picture file can be drawn, before a document depends on it.
#pragma once
#include <string>

#include "base/diagnostics.hpp"

namespace easyread::symbols {

// True when `path` is a readable PNG or an SVG that librsvg can parse.
// Otherwise adds a warning naming the file (and the line, for SVG syntax errors).
bool check_picture_file(const std::string& path, Diagnostics& diags);

}  // namespace easyread::symbols
