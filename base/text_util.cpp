#include "base/text_util.hpp"

#include <cctype>
#include <cstdio>

namespace easyread {

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        std::size_t at = s.find(sep, start);
        if (at == std::string::npos) {
            out.push_back(s.substr(start));
            return out;
        }
        out.push_back(s.substr(start, at - start));
        start = at + 1;
    }
}

std::vector<std::string> split_fields(const std::string& line, char sep) {
    std::vector<std::string> out = split(line, sep);
    for (auto& f : out) f = trim(f);
    return out;
}

// ASCII white space and no-break spaces (U+00A0, common in text copied from
// web pages and Word) are trimmed.
std::string trim(const std::string& s) {
    std::size_t a = 0, b = s.size();
    while (true) {
        if (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
        else if (a + 1 < b && s.compare(a, 2, "\xC2\xA0") == 0) a += 2;
        else break;
    }
    while (true) {
        if (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
        else if (b >= a + 2 && s.compare(b - 2, 2, "\xC2\xA0") == 0) b -= 2;
        else break;
    }
    return s.substr(a, b - a);
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string lower_trim(const std::string& s) { return lower(trim(s)); }

bool starts_with(std::string_view s, std::string_view head) { return s.substr(0, head.size()) == head; }

bool ends_with(const std::string& s, std::string_view tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += to.size()) s.replace(p, from.size(), to);
    return s;
}

void append_utf8(std::string& out, unsigned long cp) {
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x110000) {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string json_escape(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    return out + "\"";
}

std::string html_escape(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

bool one_of(const std::string& w, std::initializer_list<const char*> words) {
    for (const char* x : words)
        if (w == x) return true;
    return false;
}

}  // namespace easyread
