#include "generator/parse/attributes.hpp"

#include <cctype>

namespace easyread {

std::string Attributes::get(const std::string& key, const std::string& fallback) const {
    auto it = values.find(key);
    return it == values.end() ? fallback : it->second;
}

static bool name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == ':' ||
           c == '/';
}

Attributes take_trailing_attributes(std::string& text) {
    Attributes a;
    std::size_t end = text.find_last_not_of(" \t\n");
    if (end == std::string::npos || text[end] != '}') return a;
    std::size_t open = text.rfind('{', end);
    if (open == std::string::npos) return a;
    std::string inner = text.substr(open + 1, end - open - 1);

    Attributes parsed;
    parsed.present = true;
    std::size_t i = 0;
    while (i < inner.size()) {
        while (i < inner.size() && std::isspace(static_cast<unsigned char>(inner[i]))) ++i;
        if (i >= inner.size()) break;
        if (inner[i] == '#') {
            std::size_t s = ++i;
            while (i < inner.size() && name_char(inner[i])) ++i;
            parsed.id = inner.substr(s, i - s);
            if (parsed.id.empty()) { parsed.error = "\"#\" must be followed by an id"; break; }
            continue;
        }
        std::size_t s = i;
        while (i < inner.size() && name_char(inner[i])) ++i;
        std::string key = inner.substr(s, i - s);
        if (key.empty() || i >= inner.size() || inner[i] != '=') {
            parsed.error = "expected key=value inside {...}";
            break;
        }
        ++i;
        std::string value;
        if (i < inner.size() && (inner[i] == '"' || inner[i] == '\'')) {
            char q = inner[i++];
            std::size_t close = inner.find(q, i);
            if (close == std::string::npos) { parsed.error = "a quoted value is not closed"; break; }
            value = inner.substr(i, close - i);
            i = close + 1;
        } else {
            std::size_t v = i;
            while (i < inner.size() && !std::isspace(static_cast<unsigned char>(inner[i]))) ++i;
            value = inner.substr(v, i - v);
        }
        parsed.values[key] = value;
    }
    if (!parsed.error.empty()) {
        a.error = parsed.error;
        return a;  // leave the text alone so the user sees what they wrote
    }
    std::size_t cut = open;
    while (cut > 0 && (text[cut - 1] == ' ' || text[cut - 1] == '\t')) --cut;
    text.erase(cut);
    return parsed;
}

std::string slugify(const std::string& text) {
    std::string out;
    bool dash = false;
    for (unsigned char c : text) {
        if (std::isalnum(c)) {
            if (dash && !out.empty()) out += '-';
            out += static_cast<char>(std::tolower(c));
            dash = false;
        } else if (c >= 0x80) {
            continue;  // drop non-ASCII letters rather than guess a transliteration
        } else {
            dash = true;
        }
    }
    return out;
}

}  // namespace easyread
