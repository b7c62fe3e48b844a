#include "report/counting/mask_personal_details.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <ctime>
#include <fstream>
#include <functional>
#include <regex>
#include <set>
#include <sstream>
#include <vector>

#include "base/data_paths.hpp"
#include "base/text_util.hpp"

namespace easyread::report {

namespace {

using std::regex;
const auto kIcase = regex::ECMAScript | regex::icase;

const char* const kMonths =
    "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    "oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

std::string word_date() {
    const std::string m = kMonths, day = R"(\d{1,2}(?:st|nd|rd|th)?)";
    return "(?:" + day + R"((?:\s+of)?\s+)" + m + R"((?:,?\s+\d{2,4})?|)" + m + R"(\s+)" + day +
           R"((?:,?\s+\d{4})?|)" + m + R"(\s+\d{4}))";
}

// Built once: std::regex construction is slow and comments can be many.
struct Patterns {
    // name@place.tld, with the dots and pluses people use; and spelled out,
    // "jo at example dot org", "jo (at) example (dot) co (dot) uk".
    regex email{R"([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+)"};
    regex spelled_email{R"([A-Za-z0-9._%+-]+(?:\s*@\s*|\s*[\(\[]\s*at\s*[\)\]]\s*|\s+at\s+)[A-Za-z][A-Za-z0-9-]*)"
                        R"((?:(?:\.|\s*[\(\[]\s*dot\s*[\)\]]\s*|\s+dot\s+)[A-Za-z][A-Za-z0-9-]*)+)",
                        kIcase};
    // National Insurance numbers: two letters, six digits, A to D (spaces allowed between pairs).
    regex ni{R"(\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b)", kIcase};
    // A date after "born", "date of birth", "DOB" or "birthday".
    regex birth{R"(\b(born|date of birth|d\.?o\.?b\.?|birthday(?:\s+is)?)(\s*(?:on|in|:|-)?\s*(?:the\s+)?))" "(" +
                    word_date() + R"(|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}))",
                kIcase};
    // Whole dates with a year: "03/03/1985", "14 March 1985" (only years long ago are masked).
    regex numeric_date{R"(\b\d{1,2}[/.-]\d{1,2}[/.-](\d{4}|\d{2})\b)"};
    regex word_full_date{R"(\b\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+)" + std::string(kMonths) + R"(,?\s+(\d{4})\b)", kIcase};
    // "Flat 3, 45 Acacia Avenue", "12 High Street", "7b Mill Rd".
    regex street{R"(\b(?:(?:flat|apartment|apt\.?|unit)\s+\d+[a-z]?,?\s+)?\d{1,4}[a-z]?,?\s+((?:[a-z][a-z'-]*\s+){1,3}))"
                 R"((?:street|road|avenue|lane|close|drive|way|crescent|court|place|gardens|grove|terrace|square|)"
                 R"(walk|row|mews|st|rd|ave|ln|dr)\b\.?)",
                 kIcase};
    regex flat{R"(\b(?:flat|apartment)\s+\d+[a-z]?\b)", kIcase};
    // UK postcodes: outward code (A9, A9A, A99, AA9, AA9A, AA99) + inward code (9AA); and GIR 0AA.
    regex postcode{R"(\b(?:GIR\s*0AA|[A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2})\b)", kIcase};
    // Phone numbers: +44 or 0 then 9 or 10 more digits, with spaces, dots,
    // dashes or brackets between groups; also any run of 7+ digits.
    regex phone{R"((\+\s*44\s*(\(0\))?|\(?0)[\d\s().-]{8,16}\d|\b\d[\d\s-]{5,}\d\b)"};
    // What comes before a name, whatever its case (the kiosk keyboard types
    // small letters): "my name is" (group 1), "call me", "I am called" (group
    // 2), "I am", "I'm", "im" (group 3).
    regex name_intro{R"(\b(?:(my\s+name\s+is|my\s+name(?:'|’)?s)|(call\s+me|i\s+am\s+called|i(?:'|’)?m\s+called|)"
                     R"(i\s+am\s+known\s+as)|(i\s+am|i(?:'|’)m|im))\s+)",
                     kIcase};
};

const Patterns& patterns() {
    static const Patterns p;  // immutable after construction; shared by every call
    return p;
}

int this_year() {
    static const int year = [] {
        std::time_t t = std::time(nullptr);
        std::tm local{};
        localtime_r(&t, &local);
        return local.tm_year + 1900;
    }();
    return year;
}

// Replaces each match for which `keep_match` is false with `words`.
std::string replace_each(const std::string& text, const regex& re, const std::string& words,
                         const std::function<bool(const std::smatch&)>& keep_match = nullptr,
                         int keep_group = 0) {
    std::string out;
    std::size_t last = 0;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) {
        const std::smatch& m = *it;
        if (keep_match && keep_match(m)) continue;
        std::size_t from = static_cast<std::size_t>(m.position());
        out.append(text, last, from - last);
        for (int g = 1; g <= keep_group; ++g) out += m.str(g);  // the leading words stay ("born ")
        out += words;
        last = from + static_cast<std::size_t>(m.length());
    }
    out.append(text, last, std::string::npos);
    return out;
}

std::vector<std::string> digit_groups(const std::string& s) {
    std::vector<std::string> groups;
    std::string cur;
    for (char c : s) {
        if (c >= '0' && c <= '9') {
            cur += c;
        } else if (!cur.empty()) {
            groups.push_back(cur);
            cur.clear();
        }
    }
    if (!cur.empty()) groups.push_back(cur);
    return groups;
}

// Not a phone number: fewer than 7 digits, years ("2024-2025", "1999 2000"),
// or a count with spaces between thousands ("1 000 000").
bool not_a_phone(const std::smatch& m) {
    const auto groups = digit_groups(m.str());
    std::size_t digits = 0;
    for (const auto& g : groups) digits += g.size();
    if (digits < 7) return true;
    // A date written year first, "2025-11-12", is a date.
    static const regex iso_date{R"(\d{4}-\d{1,2}-\d{1,2})"};
    if (std::regex_match(m.str(), iso_date)) return true;
    bool years = true, thousands = groups.size() >= 2 && groups[0].size() <= 3 && groups[0][0] != '0';
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const auto& g = groups[i];
        years = years && g.size() == 4 && (g.compare(0, 2, "19") == 0 || g.compare(0, 2, "20") == 0);
        if (i > 0) thousands = thousands && g.size() == 3;
    }
    return years || thousands;
}

// A date whose year is recent (an event, a meeting) is not a birth date.
bool recent_year(const std::string& year_text) {
    if (year_text.empty()) return false;
    int year = std::stoi(year_text);
    if (year_text.size() == 2) year += year > this_year() % 100 ? 1900 : 2000;
    return year > this_year() - 10;
}

// Words after "I'm" / "I am" that are not names.
const std::set<std::string>& not_names() {
    static const std::set<std::string> words = {
        "a", "an", "the", "not", "so", "very", "really", "also", "still", "just", "now", "here", "there", "in", "on",
        "at", "from", "with", "going", "glad", "happy", "sad", "fine", "ok", "okay", "sorry", "sure", "deaf",
        "blind", "autistic", "disabled", "english", "british", "welsh", "scottish", "irish", "muslim", "christian",
        "jewish", "hindu", "sikh", "always", "never", "too", "quite", "pleased", "grateful", "thankful", "new",
        "old", "retired", "married", "single", "only", "all", "no", "one", "and", "but", "or", "if", "when",
        "because", "i", "it", "this", "that", "my", "your", "our", "their", "his", "her", "hoping", "looking",
        "feeling", "able", "unable", "learning", "living", "working", "tired", "worried", "scared", "excited",
        "proud", "lucky", "well", "better", "good", "bad", "nice", "back", "over", "about", "like", "as", "to",
        "for", "by", "of", "more", "less", "staff", "carer", "helper", "member", "someone", "nobody", "called"};
    return words;
}

bool is_word_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '\'' || c == '-' ||
           static_cast<unsigned char>(c) >= 0x80;
}

std::set<std::string> read_word_list(const std::string& relative) {
    std::set<std::string> words;
    std::ifstream in(data_path(relative), std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream list(line);
        for (std::string w; list >> w;) words.insert(lower(w));
    }
    return words;
}

// Given names (templates/words/given-names.txt), hidden wherever they are typed.
const std::set<std::string>& given_names() {
    static const std::set<std::string> names = read_word_list("templates/words/given-names.txt");
    return names;
}

// An everyday word (templates/words/common-words.txt, with its simple endings):
// after a name, such a word is the sentence going on, not a surname.
bool common_word(const std::string& lw) {
    static const std::set<std::string> common = read_word_list("templates/words/common-words.txt");
    if (common.count(lw)) return true;
    for (const char* ending : {"s", "es", "ed", "d", "ing", "er", "est", "ly"}) {
        std::size_t n = std::strlen(ending);
        if (lw.size() > n + 2 && lw.compare(lw.size() - n, n, ending) == 0 && common.count(lw.substr(0, lw.size() - n)))
            return true;
    }
    return false;
}

// "Sarah's" is Sarah.
std::string name_form(const std::string& word) {
    std::string lw = lower(word);
    for (const char* tail : {"'s", "\xE2\x80\x99s"}) {
        std::size_t n = std::strlen(tail);
        if (lw.size() > n && lw.compare(lw.size() - n, n, tail) == 0) return lw.substr(0, lw.size() - n);
    }
    return lw;
}

bool is_given_name(const std::string& word) { return given_names().count(name_form(word)) > 0; }

bool capitalised(const std::string& word) {
    return (word[0] >= 'A' && word[0] <= 'Z') || static_cast<unsigned char>(word[0]) >= 0x80;
}

// A word after a name that is more of the name: another given name, a
// capital word that is not one of not_names(), or a small-letter word that
// is no everyday word ("sarah jones").
bool more_of_name(const std::string& word) {
    const std::string lw = name_form(word);
    if (is_given_name(word)) return true;
    if (not_names().count(lw) || lw.size() < 2) return false;  // "love from Mary x"
    return capitalised(word) || !common_word(lw);
}

// How strongly what comes before says a name follows.
enum class Intro { NameIs, CalledOrCallMe, IAm, None };

// Whether the first word after an intro is a name.
bool first_is_name(const std::string& word, Intro intro) {
    const std::string lw = name_form(word);
    switch (intro) {
    case Intro::NameIs: return !not_names().count(lw) || capitalised(word);
    case Intro::CalledOrCallMe:
        return is_given_name(word) || (!not_names().count(lw) && (capitalised(word) || !common_word(lw)));
    case Intro::IAm:
    case Intro::None: return is_given_name(word);
    }
    return false;
}

// The end of the name starting at `pos` (up to 3 words, one space apart), or `pos` when none.
std::size_t name_end(const std::string& text, std::size_t pos, Intro intro) {
    std::size_t end = pos;
    for (int words = 0; words < 3 && pos < text.size(); ++words) {
        std::size_t w = pos;
        while (w < text.size() && is_word_char(text[w])) ++w;
        if (w == pos) break;
        const std::string word = text.substr(pos, w - pos);
        if (words == 0 ? !first_is_name(word, intro) : !more_of_name(word)) break;
        end = w;
        pos = w;
        if (pos < text.size() && text[pos] == ' ') ++pos;
    }
    return end;
}

// Cues without which a rule cannot match (each rule's pattern needs them), so
// the pattern is not tried at all: a regex search costs a walk of the whole
// comment, and there are ten of them. Only ASCII letters and digits are
// cued on: std::regex in the classic locale reads \d, \b and icase so.
std::size_t digits_in(const std::string& s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }));
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// `word` (small letters) anywhere in `s`, in any case.
bool has_word_part(const std::string& s, const char* word) {
    const std::size_t n = std::strlen(word);
    for (std::size_t i = 0; i + n <= s.size(); ++i) {
        std::size_t k = 0;
        while (k < n && ascii_lower(s[i + k]) == word[k]) ++k;
        if (k == n) return true;
    }
    return false;
}

// d.o.b, dob, d.ob, do.b, any case.
bool has_dob(const std::string& s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (ascii_lower(s[i]) != 'd') continue;
        std::size_t k = i + 1;
        if (k < s.size() && s[k] == '.') ++k;
        if (k >= s.size() || ascii_lower(s[k]) != 'o') continue;
        ++k;
        if (k < s.size() && s[k] == '.') ++k;
        if (k < s.size() && ascii_lower(s[k]) == 'b') return true;
    }
    return false;
}

bool ascii_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// What name_intro needs: "name", "call", or an "i" starting a word followed
// by white space and "am", by "'m" / "’m", or by "m".
bool may_introduce_name(const std::string& s) {
    if (has_word_part(s, "name") || has_word_part(s, "call")) return true;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (ascii_lower(s[i]) != 'i' || (i > 0 && ascii_word_char(s[i - 1]))) continue;
        std::size_t k = i + 1;
        if (k < s.size() && ascii_lower(s[k]) == 'm') return true;
        if (s.compare(k, 1, "'") == 0 && k + 1 < s.size() && ascii_lower(s[k + 1]) == 'm') return true;
        if (s.compare(k, 3, "\xE2\x80\x99") == 0 && k + 3 < s.size() && ascii_lower(s[k + 3]) == 'm') return true;
        std::size_t w = k;
        while (w < s.size() && std::isspace(static_cast<unsigned char>(s[w]))) ++w;
        if (w > k && w + 1 < s.size() && ascii_lower(s[w]) == 'a' && ascii_lower(s[w + 1]) == 'm') return true;
    }
    return false;
}

std::string mask_names(const std::string& text, bool cues) {
    std::vector<std::pair<std::size_t, std::size_t>> spans;  // [from, to) to hide
    const regex& re = patterns().name_intro;
    const bool try_intros = !cues || may_introduce_name(text);
    for (auto it = try_intros ? std::sregex_iterator(text.begin(), text.end(), re) : std::sregex_iterator();
         it != std::sregex_iterator(); ++it) {
        const std::smatch& m = *it;
        Intro intro = m[1].matched ? Intro::NameIs : m[2].matched ? Intro::CalledOrCallMe : Intro::IAm;
        std::size_t from = static_cast<std::size_t>(m.position() + m.length());
        std::size_t to = name_end(text, from, intro);
        if (to > from) spans.push_back({from, to});
    }
    // Given names anywhere else ("thanks to priya and tom").
    for (std::size_t pos = 0; pos < text.size();) {
        if (!is_word_char(text[pos]) || (pos > 0 && is_word_char(text[pos - 1]))) {
            ++pos;
            continue;
        }
        std::size_t to = name_end(text, pos, Intro::None);
        if (to > pos) spans.push_back({pos, to});
        while (pos < text.size() && is_word_char(text[pos])) ++pos;
    }
    std::sort(spans.begin(), spans.end());
    std::string out;
    std::size_t last = 0;
    for (const auto& [from, to] : spans) {
        if (from < last) continue;  // inside a name already hidden
        out.append(text, last, from - last);
        out += "[name]";
        last = to;
    }
    out.append(text, last, std::string::npos);
    return out;
}

bool might_hold_personal(const std::string& text) {
    if (text.find_first_of("0123456789@") != std::string::npos) return true;
    const std::string l = lower(text);
    for (const char* cue : {"name", "i'm", "i\xE2\x80\x99m", "i am", "im ", "call", "born", "birth", "flat", "gir"})
        if (l.find(cue) != std::string::npos) return true;
    return (l.find(" at ") != std::string::npos || l.find("(at)") != std::string::npos ||
            l.find("[at]") != std::string::npos) &&
           l.find("dot") != std::string::npos;
}

// "Room B2 3rd floor": a postcode's inward part that is an ordinal ("3rd",
// "8th") followed by a word such as "floor" counts floors, not post.
bool ordinal_not_postcode(const std::smatch& m) {
    static const regex ordinal{R"((\d)(st|nd|rd|th)$)", regex::ECMAScript | regex::icase};
    static const regex counted{R"(^\s+(floor|floors|time|times|place|row|day|week|year|of)\b)",
                               regex::ECMAScript | regex::icase};
    const std::string whole = m.str(), rest = m.suffix().str();
    return std::regex_search(whole, ordinal) && std::regex_search(rest, counted);
}

// Street words that are everyday words, not a street's name ("2 miles down the road").
bool not_a_street(const std::smatch& m) {
    static const std::set<std::string> everyday = {
        "the", "a", "an", "down", "up", "to", "on", "in", "of", "and", "or", "my", "our", "your", "their", "his",
        "her", "miles", "mile", "minutes", "mins", "hours", "times", "people", "buses", "bus", "more", "other",
        "different", "across", "along", "over", "from", "off", "by", "at", "this", "that", "every", "each"};
    std::string words = m.str(1);
    std::size_t start = 0;
    while (start < words.size()) {
        std::size_t end = words.find_first_of(" \t\n", start);
        if (end == std::string::npos) end = words.size();
        if (end > start && everyday.count(lower(words.substr(start, end - start)))) return true;
        start = end + 1;
    }
    return false;
}

}  // namespace

namespace {

std::string mask_with(const std::string& text, bool cues) {
    if (!might_hold_personal(text)) return mask_names(text, cues);  // the usual case: at most a name
    const Patterns& p = patterns();
    // Each rule runs on what the rules before it left; its cue is read there.
    auto needs = [&](const std::string& s, std::size_t digits) { return !cues || digits_in(s) >= digits; };
    std::string s = !cues || text.find('@') != std::string::npos ? std::regex_replace(text, p.email, "[email address]") : text;
    if (!cues || s.find('@') != std::string::npos || has_word_part(s, "at"))
        s = std::regex_replace(s, p.spelled_email, "[email address]");
    if (needs(s, 6)) s = std::regex_replace(s, p.ni, "[National Insurance number]");
    if (needs(s, 1) && (!cues || has_word_part(s, "born") || has_word_part(s, "birth") || has_dob(s)))
        s = replace_each(s, p.birth, "[date of birth]", nullptr, 2);
    if (needs(s, 4))
        s = replace_each(s, p.numeric_date, "[date of birth]", [](const std::smatch& m) { return recent_year(m.str(1)); });
    if (needs(s, 5))
        s = replace_each(s, p.word_full_date, "[date of birth]", [](const std::smatch& m) { return recent_year(m.str(1)); });
    if (needs(s, 1)) s = replace_each(s, p.street, "[address]", not_a_street);
    if (needs(s, 1) && (!cues || has_word_part(s, "flat") || has_word_part(s, "apartment")))
        s = std::regex_replace(s, p.flat, "[address]");
    if (needs(s, 1)) s = replace_each(s, p.postcode, "[postcode]", ordinal_not_postcode);
    // A match of fewer than 7 digits is never a phone number (not_a_phone).
    if (needs(s, 7)) s = replace_each(s, p.phone, "[phone number]", not_a_phone);
    return mask_names(s, cues);
}

}  // namespace

std::string mask_personal(const std::string& text) { return mask_with(text, true); }

std::string mask_personal_every_rule(const std::string& text) { return mask_with(text, false); }

}  // namespace easyread::report
