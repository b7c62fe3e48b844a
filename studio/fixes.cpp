#include "studio/fixes.hpp"

#include <cctype>

#include "base/text_util.hpp"

namespace easyread::studio {

namespace {

// The first "..." in `s` after `from`, without its quotes.
std::string first_quoted(const std::string& s, std::size_t from = 0) {
    std::size_t a = s.find('"', from);
    if (a == std::string::npos) return {};
    std::size_t b = s.find('"', a + 1);
    return b == std::string::npos ? std::string() : s.substr(a + 1, b - a - 1);
}

// "Write 3." -> "3"
std::string after_write(const std::string& hint) {
    if (hint.rfind("Write ", 0) != 0 || hint.size() < 8 || hint.back() != '.') return {};
    std::string v = hint.substr(6, hint.size() - 7);
    for (char c : v)
        if (!std::isdigit(static_cast<unsigned char>(c))) return {};
    return v;
}

// Byte offset of a 1-based line and character column; npos when outside.
std::size_t offset_of(const std::string& text, int line, int column) {
    std::size_t pos = 0;
    for (int l = 1; l < line; ++l) {
        pos = text.find('\n', pos);
        if (pos == std::string::npos) return std::string::npos;
        ++pos;
    }
    for (int c = 1; c < column && pos < text.size() && text[pos] != '\n'; ++c) {
        ++pos;
        while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
    }
    return pos;
}

}  // namespace

std::optional<Fix> fix_for(const Diagnostic& d, const std::string& text) {
    if (d.line <= 0 || d.column <= 0) return std::nullopt;
    Fix f;
    f.line = d.line;
    f.column = d.column;
    f.from = first_quoted(d.message);
    if (d.id == "wordy-phrase") {
        f.to = first_quoted(d.hint);
        if (!f.from.empty() && !f.to.empty() && std::isupper(static_cast<unsigned char>(f.from[0])))
            f.to[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(f.to[0])));
    } else if (d.id == "number-as-word" || d.id == "roman-numeral") {
        f.to = after_write(d.hint);
    } else if (d.id == "numeric-date") {
        f.to = first_quoted(d.hint);
    } else if (d.id == "front-matter-key") {
        const std::string mark = "Did you mean ";
        auto at = d.hint.find(mark);
        if (at == std::string::npos) return std::nullopt;
        auto end = d.hint.find('?', at);
        if (end == std::string::npos) return std::nullopt;
        f.to = d.hint.substr(at + mark.size(), end - at - mark.size());
    } else {
        return std::nullopt;
    }
    if (f.from.empty() || f.to.empty() || f.from == f.to || ends_with(f.from, "...")) return std::nullopt;
    std::size_t at = offset_of(text, f.line, f.column);
    if (at == std::string::npos || text.compare(at, f.from.size(), f.from) != 0) return std::nullopt;
    return f;
}

}  // namespace easyread::studio
