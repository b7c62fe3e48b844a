// YAML-style front matter: "---" line, "key: value" lines, "---" line.
// Only flat keys are allowed: easy read metadata needs nothing deeper.
#pragma once
#include <map>
#include <string>

#include "base/diagnostics.hpp"

namespace easyread {

struct FrontMatter {
    std::map<std::string, std::string> values;
    std::map<std::string, int> lines;  // key -> 1-based line it was set on
    int body_line_offset = 0;          // lines before the Markdown body starts
    std::string get(const std::string& key, const std::string& fallback = {}) const;
};

// Splits front matter off `text`. Returns the Markdown body (the text after
// the closing "---"), or the whole text when there is no front matter.
// Bad lines are reported and skipped; the parse never fails.
std::string split_front_matter(const std::string& path, const std::string& text, FrontMatter& out,
                               Diagnostics& diags);

}  // namespace easyread
