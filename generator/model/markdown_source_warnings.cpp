#include "generator/model/markdown_source_warnings.hpp"

#include <cctype>
#include <set>

#include "base/source_text.hpp"

namespace easyread {

// A numeric character reference to no character ("&#87654321;", "&#0;")
// is read as the replacement character: say so at its line.
void warn_character_references(const ParsedMarkdown& md, Diagnostics& diags) {
    const std::string& text = md.body;
    int line = 1;
    for (std::size_t at = 0; at < text.size(); ++line) {
        std::size_t eol = find_line_break(text, at);
        if (eol == std::string::npos) eol = text.size();
        const std::string l = text.substr(at, eol - at);
        for (std::size_t p = l.find("&#"); p != std::string::npos; p = l.find("&#", p + 2)) {
            if (l.find('`') < p) break;  // in a code span it is shown as written
            const bool hex = p + 2 < l.size() && (l[p + 2] == 'x' || l[p + 2] == 'X');
            std::size_t d = p + 2 + (hex ? 1 : 0), e = d;
            while (e < l.size() && (hex ? std::isxdigit(static_cast<unsigned char>(l[e])) != 0
                                        : std::isdigit(static_cast<unsigned char>(l[e])) != 0))
                ++e;
            if (e == d || e >= l.size() || l[e] != ';') continue;
            const std::string digits = l.substr(d, e - d);
            const bool too_long = digits.size() > (hex ? 6u : 7u);
            const unsigned long v = too_long ? 0 : std::stoul(digits, nullptr, hex ? 16 : 10);
            if (too_long || v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
                diags.warning(md.path, line + md.line_offset(), static_cast<int>(p) + 1, "character-reference",
                              l.substr(p, e + 1 - p) + " is not a character: it is printed as \xEF\xBF\xBD",
                              "Write the character itself, or say it in words.");
        }
        at = eol < text.size() ? after_line_break(text, eol) : text.size();
    }
}

// cmark-gfm drops a note nothing refers to: find it in the source and say so.
void warn_unreferenced_notes(const ParsedMarkdown& md, Diagnostics& diags) {
    const std::string& text = md.body;
    std::set<std::string> referred;
    for (std::size_t at = text.find("[^"); at != std::string::npos; at = text.find("[^", at + 2)) {
        const std::size_t end = text.find(']', at);
        if (end == std::string::npos) break;
        const bool definition = (at == 0 || text[at - 1] == '\n' || text[at - 1] == '\r') && end + 1 < text.size() &&
                                text[end + 1] == ':';
        if (!definition) referred.insert(text.substr(at + 2, end - at - 2));
    }
    int line = 1;
    for (std::size_t at = 0; at < text.size(); ++line) {
        std::size_t eol = find_line_break(text, at);
        if (eol == std::string::npos) eol = text.size();
        if (text.compare(at, 2, "[^") == 0) {
            const std::size_t end = text.find(']', at);
            if (end != std::string::npos && end < eol && end + 1 < text.size() && text[end + 1] == ':') {
                const std::string label = text.substr(at + 2, end - at - 2);
                if (!referred.count(label))
                    diags.warning(md.path, line + md.line_offset(), 1, "unreferenced-note",
                                  "the note [^" + label + "] is left out: nothing in the text refers to it",
                                  "Write [^" + label + "] after the words it is about, or make it a sentence.");
            }
        }
        at = eol < text.size() ? after_line_break(text, eol) : text.size();
    }
}

}  // namespace easyread
