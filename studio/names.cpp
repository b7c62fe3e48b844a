#include "studio/names.hpp"

#include <cctype>

#include "base/text_util.hpp"

namespace easyread::studio {

std::string file_stem_for(const std::string& title) {
    std::string out;
    bool dash = false;
    for (unsigned char c : title) {
        if (std::isalnum(c)) {
            if (dash && !out.empty()) out += '-';
            out += static_cast<char>(std::tolower(c));
            dash = false;
        } else {
            dash = true;
        }
        if (out.size() >= 60) break;
    }
    return out.empty() ? "document" : out;
}

std::string download_stem_for(const std::string& title) {
    std::string out;
    for (unsigned char c : title) {
        if (std::isalnum(c) || c == '-' || c == '_') out += static_cast<char>(c);
        else if ((c == ' ' || c == ',' || c == '.') && !out.empty() && out.back() != ' ') out += ' ';
        if (out.size() >= 80) break;
    }
    out = trim(out);
    return out.empty() ? "easy read document" : out;
}

std::string free_name(const DocStore& store, const std::string& stem, const std::string& ending) {
    std::string name = stem + ending;
    for (int n = 2; store.exists(name) && n < 1000; ++n) name = stem + "-" + std::to_string(n) + ending;
    return name;
}

std::string one_line(const std::string& s) {
    std::string out;
    for (char c : s) out += (c == '\n' || c == '\r') ? ' ' : c;
    return trim(out);
}

std::string replace_title(const std::string& text, const std::string& title) {
    const std::string key = "\ntitle:";
    auto at = text.find(key);
    if (text.rfind("---", 0) != 0 || at == std::string::npos) return text;
    auto end = text.find('\n', at + 1);
    return text.substr(0, at) + "\ntitle: " + one_line(title) + (end == std::string::npos ? "\n" : text.substr(end));
}

}  // namespace easyread::studio
