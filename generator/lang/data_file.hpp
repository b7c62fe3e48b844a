// Reading the checker's line-based data files (rule sets, word lists,
// glossary): one entry a line, '#' starts a comment line.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "base/diagnostics.hpp"
#include "base/text_util.hpp"

namespace easyread::lang {

// Reads a whole data file; a relative path is looked up in the data folder.
// Reports a missing or unreadable file as an error naming it.
bool read_data_file(const std::string& path, std::string& resolved, std::string& text, Diagnostics& diags);

// Calls `fn(line_number, trimmed_line)` for every line that is neither blank
// nor a comment. Line numbers are 1-based.
void for_each_data_line(const std::string& text, const std::function<void(int, const std::string&)>& fn);

}  // namespace easyread::lang
