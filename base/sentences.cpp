#include "base/sentences.hpp"

#include <cctype>
#include <cstring>

namespace easyread {

namespace {

// Decodes the UTF-8 character at i; returns its length.
std::size_t decode(const std::string& s, std::size_t i, unsigned& cp) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { cp = c; return 1; }
    std::size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    if (i + len > s.size()) { cp = 0xFFFD; return 1; }
    cp = len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    return len;
}

bool is_apostrophe(unsigned cp) { return cp == '\'' || cp == 0x2019; }

// Letters: ASCII letters and any non-ASCII character outside the
// punctuation, symbol and space blocks (accented letters count).
bool is_letter(unsigned cp) {
    if (cp < 0x80) return std::isalpha(static_cast<int>(cp)) != 0;
    if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, arrows, symbols
    if (cp == 0xA0 || cp == 0xAB || cp == 0xBB || cp == 0xA3 || cp == 0xB7 || cp == 0xFFFD) return false;
    if (cp >= 0x1F000) return false;  // emoji
    return true;
}

bool is_digit(unsigned cp) { return cp >= '0' && cp <= '9'; }

bool word_char(unsigned cp) { return is_letter(cp) || is_digit(cp); }

bool is_abbreviation(const std::string& lower) {
    static const char* const kAbbreviations[] = {
        "mr", "mrs", "ms", "dr", "st", "prof", "rev", "cllr", "e.g", "i.e", "etc", "eg", "ie", "vs", "approx",
        "no", "tel", "fig", "cf", "inc", "ltd", "dept", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "ext", "ref", "p", "pp", "para", "sec", "vol"};
    for (const char* a : kAbbreviations)
        if (lower == a) return true;
    return false;
}

}  // namespace

std::vector<Word> split_words(const std::string& text, std::size_t begin, std::size_t end) {
    if (end > text.size()) end = text.size();
    std::vector<Word> out;
    out.reserve((end - begin) / 5);
    std::size_t i = begin;
    while (i < end) {
        unsigned cp;
        std::size_t len = decode(text, i, cp);
        if (!word_char(cp)) { i += len; continue; }
        Word w;
        w.begin = i;
        int letters = 0, uppers = 0;
        while (i < end) {
            len = decode(text, i, cp);
            if (word_char(cp)) {
                if (is_digit(cp)) w.has_digit = true;
                else {
                    w.has_letter = true;
                    ++letters;
                    if (cp < 0x80 && std::isupper(static_cast<int>(cp))) ++uppers;
                    if (letters == 1) w.capitalised = cp < 0x80 && std::isupper(static_cast<int>(cp));
                }
                if (cp < 0x80) w.lower += static_cast<char>(std::tolower(static_cast<int>(cp)));
                else w.lower.append(text, i, len);
                i += len;
                continue;
            }
            // Inner marks: apostrophes and hyphens between letters; number marks between digits.
            if (i + len < end) {
                unsigned next;
                decode(text, i + len, next);
                bool prev_digit = !w.lower.empty() && std::isdigit(static_cast<unsigned char>(w.lower.back()));
                if ((is_apostrophe(cp) || cp == '-') && word_char(next) && !w.lower.empty()) {
                    w.lower += is_apostrophe(cp) ? '\'' : '-';
                    i += len;
                    continue;
                }
                if ((cp == ',' || cp == '.' || cp == '/' || cp == ':') && prev_digit && is_digit(next)) {
                    w.lower += static_cast<char>(cp);
                    i += len;
                    continue;
                }
            }
            if (cp == '%' && w.has_digit) {
                w.lower += '%';
                i += len;
            }
            break;
        }
        w.end = i;
        w.all_caps = letters >= 2 && uppers == letters;
        out.push_back(std::move(w));
    }
    return out;
}

std::vector<Sentence> split_sentences(const std::string& text) {
    std::vector<Sentence> out;
    std::vector<Word> words = split_words(text);
    Sentence cur;
    cur.begin = std::string::npos;
    std::size_t wi = 0;
    std::size_t after_last = 0;  // where the text after the previous sentence starts
    auto close = [&](std::size_t end) {
        if (!cur.words.empty()) {
            cur.end = end;
            out.push_back(std::move(cur));
        }
        cur = Sentence{};
        cur.begin = std::string::npos;
        after_last = end;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        while (wi < words.size() && words[wi].begin == i) {
            if (cur.begin == std::string::npos) {
                // An opening quote or bracket before the first word belongs to the sentence.
                std::size_t start = after_last;
                while (start < i && (text[start] == ' ' || text[start] == '\t' || text[start] == '\n')) ++start;
                cur.begin = start;
            }
            cur.words.push_back(std::move(words[wi]));
            i = cur.words.back().end;
            ++wi;
        }
        if (i >= text.size()) break;
        char c = text[i];
        if (c != '.' && c != '!' && c != '?') continue;
        // Include closing quotes and brackets after the mark.
        std::size_t j = i + 1;
        while (j < text.size() && (text[j] == '.' || text[j] == '!' || text[j] == '?' || text[j] == ')' ||
                                   text[j] == '"' || text[j] == '\''))
            ++j;
        while (j + 2 < text.size() && static_cast<unsigned char>(text[j]) == 0xE2 &&
               static_cast<unsigned char>(text[j + 1]) == 0x80 &&
               (static_cast<unsigned char>(text[j + 2]) == 0x9D || static_cast<unsigned char>(text[j + 2]) == 0x99))
            j += 3;  // ” or ’
        bool at_end = j >= text.size() || text[j] == ' ' || text[j] == '\n' || text[j] == '\t' ||
                      text.compare(j, 2, "\xC2\xA0") == 0;  // a no-break space
        if (!at_end) continue;
        if (c == '.' && !cur.words.empty()) {
            const Word& last = cur.words.back();
            bool joined = last.end == i;
            bool initial = joined && last.lower.size() == 1 && last.capitalised;
            std::string before = last.begin >= 2 ? text.substr(last.begin - 2, i - last.begin + 2) : "";
            for (auto& ch : before) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            bool dotted = before == "e.g" || before == "i.e" || before == "a.m" || before == "p.m";
            if (joined && (is_abbreviation(last.lower) || initial || dotted)) {
                // "Dr. Smith" goes on; "etc." at the very end still closes.
                if (j < text.size()) continue;
            }
        }
        close(j);
        i = j - 1;
    }
    if (cur.begin != std::string::npos) close(text.size());
    return out;
}

bool inside_capitalised_name(const std::vector<Word>& words, std::size_t first, std::size_t count,
                             std::size_t sentence_first) {
    if (count == 0 || first + count > words.size()) return false;
    for (std::size_t k = first; k < first + count; ++k)
        if (words[k].capitalised && !words[k].all_caps && k != sentence_first) return true;
    bool before = first > sentence_first && words[first - 1].capitalised && !words[first - 1].all_caps;
    bool after = first + count < words.size() && words[first + count].capitalised && !words[first + count].all_caps;
    return words[first].capitalised && (before || after);
}

std::vector<std::string> sentence_texts(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& s : split_sentences(text)) out.push_back(text.substr(s.begin, s.end - s.begin));
    return out;
}

int count_words(const std::string& text) {
    int n = 0;
    for (const auto& w : split_words(text))
        if (w.has_letter || w.has_digit) ++n;
    return n;
}

}  // namespace easyread
