#include "generator/parse/front_matter.hpp"
#include "base/source_text.hpp"
#include "base/text_util.hpp"

#include <cctype>

namespace easyread {

std::string FrontMatter::get(const std::string& key, const std::string& fallback) const {
    auto it = values.find(key);
    return it == values.end() ? fallback : it->second;
}


static bool is_fence(const std::string& line) { return trim(line) == "---"; }

static std::string unquote(const std::string& v) {
    if (v.size() >= 2 && ((v.front() == '"' && v.back() == '"') || (v.front() == '\'' && v.back() == '\'')))
        return v.substr(1, v.size() - 2);
    return v;
}

std::string split_front_matter(const std::string& path, const std::string& text, FrontMatter& out,
                               Diagnostics& diags) {
    std::size_t first_end = find_line_break(text, 0);
    std::string first = text.substr(0, first_end);
    if (!is_fence(first) || first_end == std::string::npos) return text;

    std::size_t pos = after_line_break(text, first_end);
    int line_no = 1;
    int first_bad = 0;  // the first line that is not "key: value": where the body may have begun
    while (pos <= text.size()) {
        std::size_t end = find_line_break(text, pos);
        std::string line = text.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
        ++line_no;
        if (is_fence(line)) {
            out.body_line_offset = line_no;
            return end == std::string::npos ? std::string() : text.substr(after_line_break(text, end));
        }
        std::string t = trim(line);
        if (!t.empty() && t[0] != '#') {
            std::size_t colon = line.find(':');
            std::string key = colon == std::string::npos ? std::string() : trim(line.substr(0, colon));
            bool key_ok = !key.empty();
            for (char c : key)
                if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) key_ok = false;
            if (!key_ok) {
                if (first_bad == 0) first_bad = line_no;
                diags.warning(path, line_no, 1, "front-matter",
                              "this front matter line is not \"key: value\"",
                              "Write it as, for example, \"title: Our plan\".");
            } else {
                if (out.values.count(key))
                    diags.warning(path, line_no, 1, "front-matter", "\"" + key + "\" is set twice",
                                  "Keep one line for it; the last one wins.");
                out.values[key] = unquote(trim(line.substr(colon + 1)));
                out.lines[key] = line_no;
            }
        }
        if (end == std::string::npos) break;
        pos = after_line_break(text, end);
    }
    if (first_bad > 0)
        diags.error(path, first_bad, 1, "front-matter",
                    "the front matter starting on line 1 has no closing \"---\" before this line",
                    "Add a line with just \"---\" after the last \"key: value\" line, before line " +
                        std::to_string(first_bad) + ".");
    else
        diags.error(path, 1, 1, "front-matter", "the front matter starting on line 1 has no closing \"---\"",
                    "Add a line with just \"---\" after the last \"key: value\" line.");
    out.values.clear();
    out.lines.clear();
    out.body_line_offset = 0;
    return text;
}

}  // namespace easyread
