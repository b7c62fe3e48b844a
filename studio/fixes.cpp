#include "studio/fixes.hpp"

#include <cctype>
#include <map>
#include <memory>
#include <mutex>
#include <regex>

#include "base/text_util.hpp"
#include "generator/lang/data_file.hpp"
#include "generator/lang/lexicon.hpp"

namespace easyread::studio {

namespace {

// The first "..." in `s` after `from`, without its quotes.
std::string first_quoted(const std::string& s, std::size_t from = 0) {
    std::size_t a = s.find('"', from);
    if (a == std::string::npos) return {};
    std::size_t b = s.find('"', a + 1);
    return b == std::string::npos ? std::string() : s.substr(a + 1, b - a - 1);
}

// The replacement a hint states outright, or empty: `Write "help" instead.`,
// `Write "Councillor".`, `Write 3.`, `Write the month as a word: "3 March 2027". ...`,
// `Write the months: "April 2025 to March 2026".`. A hint that only
// advises ("Write the months it means, such as ...", "Say it as ...") has none.
std::string stated_replacement(const std::string& hint) {
    static const std::regex exact(R"re(^Write "([^"]+)"( instead)?\.$)re");
    static const std::regex number(R"re(^Write (\d+)\.$)re");
    static const std::regex labelled(R"re(^Write the (?:month as a word|months): "([^"]+)"\.)re");
    std::smatch m;
    if (std::regex_match(hint, m, exact) || std::regex_match(hint, m, number) ||
        std::regex_search(hint, m, labelled))
        return m[1];
    return {};
}

// The plain-word pairs of a rule set's list, read once per list.
const lang::Lexicon& plain_words(const lang::RuleSet& rules) {
    static std::mutex lock;
    static std::map<std::string, std::unique_ptr<lang::Lexicon>> loaded;
    std::lock_guard<std::mutex> hold(lock);
    auto& slot = loaded[rules.plain_words];
    if (!slot) {
        slot = std::make_unique<lang::Lexicon>();
        Diagnostics ignored;  // an unreadable list only means no wordy-phrase fixes
        std::string resolved, text;
        if (lang::read_data_file(rules.plain_words, resolved, text, ignored))
            lang::parse_plain_words(resolved, text, *slot, ignored);
    }
    return *slot;
}

// A plain word replaces the wordy words only when they are the list's own
// form: "assists" matched "assist", but "help" would not fit there.
bool exact_pair(const std::string& from, const std::string& to, const lang::RuleSet& rules) {
    for (const auto& p : plain_words(rules).plain)
        if (lower(p.wordy) == lower(from) && lower(p.plain) == lower(to)) return true;
    return false;
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

std::optional<Fix> fix_for(const Diagnostic& d, const std::string& text, const lang::RuleSet& rules) {
    if (d.line <= 0 || d.column <= 0) return std::nullopt;
    Fix f;
    f.line = d.line;
    f.column = d.column;
    f.from = first_quoted(d.message);
    if (d.id == "front-matter-key") {
        const std::string mark = "Did you mean ";
        auto at = d.hint.find(mark);
        if (at == std::string::npos) return std::nullopt;
        auto end = d.hint.find('?', at);
        if (end == std::string::npos) return std::nullopt;
        f.to = d.hint.substr(at + mark.size(), end - at - mark.size());
    } else {
        f.to = stated_replacement(d.hint);
    }
    if (f.from.empty() || f.to.empty() || f.from == f.to || ends_with(f.from, "...")) return std::nullopt;
    if (d.id == "wordy-phrase") {
        if (!exact_pair(f.from, f.to, rules)) return std::nullopt;
        if (std::isupper(static_cast<unsigned char>(f.from[0])))
            f.to[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(f.to[0])));
    }
    std::size_t at = offset_of(text, f.line, f.column);
    if (at == std::string::npos || text.compare(at, f.from.size(), f.from) != 0) return std::nullopt;
    return f;
}

}  // namespace easyread::studio
