#include "generator/render/speech_words.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>
#include <regex>
#include <sstream>

#include "base/data_paths.hpp"
#include "base/text_util.hpp"
#include "generator/lang/numbers.hpp"

namespace easyread {

namespace {

// Reads "word: how to say it" lines into `out`; bad lines are warnings.
bool read_word_file(const std::string& path, std::map<std::string, std::string>& out, Diagnostics& diags) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        std::string t = trim(line);
        if (t.empty() || t[0] == '#') continue;
        auto colon = t.find(':');
        std::string word = colon == std::string::npos ? std::string() : trim(t.substr(0, colon));
        std::string say = colon == std::string::npos ? std::string() : trim(t.substr(colon + 1));
        if (word.empty() || say.empty()) {
            diags.warning(path, n, 1, "bad-pronunciation", "this line is not 'word: how to say it'",
                          "Write the word, a colon, then how to say it, e.g. 'LeDeR: led-er'.");
            continue;
        }
        out[word] = say;
    }
    return true;
}

}  // namespace

bool load_pronunciations(const std::string& path, Pronunciations& out, Diagnostics& diags) {
    read_word_file(path, out.words, diags);
    return true;
}

bool load_spoken_words(Pronunciations& out, Diagnostics& diags) {
    const std::string list = data_path("templates/words/spoken-acronyms.txt");
    bool ok = read_word_file(list, out.acronyms, diags);
    if (!ok) diags.warning(list, 0, 0, "missing-data", "the list of how acronyms are said could not be read", "");
    std::ifstream in(data_path("templates/words/common-words.txt"), std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream words(line);
        for (std::string w; words >> w;) out.common.insert(lower(w));
    }
    return ok && !out.common.empty();
}

namespace {

bool is_vowel(const std::string& w, std::size_t i) {
    const char c = w[i];
    return std::strchr("aeiou", c) != nullptr || (c == 'y' && i > 0);
}

bool in_list(const std::string& group, std::initializer_list<const char*> list) {
    for (const char* s : list)
        if (group == s) return true;
    return false;
}

// Consonant groups English begins and ends words with.
bool onset(const std::string& g) {
    if (g.size() <= 1) return g != "x" && g != "q";
    return in_list(g, {"bl", "br", "ch", "cl", "cr", "dr", "dw", "fl", "fr", "gl", "gr", "kn", "pl", "pr", "ph", "sc",
                       "sh", "sk", "sl", "sm", "sn", "sp", "st", "sw", "th", "tr", "tw", "wh", "wr", "scr", "shr", "spl",
                       "spr", "str", "thr", "squ"});
}

bool coda(const std::string& g) {
    if (g.size() <= 1) return g != "q" && g != "j" && g != "v" && g != "h";
    return in_list(g, {"ch", "ck", "ct", "ds", "ft", "gs", "ld", "lf", "lk", "ll", "lm", "lp", "ls", "lt", "mb", "mp",
                       "ms", "nd", "ng", "nk", "ns", "nt", "ps", "pt", "rb", "rd", "rf", "rk", "rl", "rm", "rn", "rp",
                       "rs", "rt", "sh", "sk", "sp", "ss", "st", "th", "ts", "tch", "nds", "nts", "nch", "rst", "rth"});
}

}  // namespace

bool sayable_as_word(const std::string& capitals) {
    const std::string w = lower(capitals);
    if (w.empty()) return false;
    for (char c : w)
        if (c < 'a' || c > 'z') return false;
    // Alternate groups: consonants, vowels, consonants, ...
    std::vector<std::pair<std::string, bool>> groups;  // text, is vowel group
    for (std::size_t i = 0; i < w.size(); ++i) {
        const bool v = is_vowel(w, i);
        if (groups.empty() || groups.back().second != v) groups.push_back({{}, v});
        groups.back().first += w[i];
    }
    int vowel_groups = 0;
    for (std::size_t k = 0; k < groups.size(); ++k) {
        const auto& [g, vowel] = groups[k];
        if (vowel) {
            ++vowel_groups;
            if (g.size() > 2 || (g.size() == 2 && g[0] == g[1] && g != "ee" && g != "oo")) return false;
            continue;
        }
        if (k == 0) {
            if (!onset(g)) return false;
        } else if (k + 1 == groups.size()) {
            if (!coda(g)) return false;
        } else if (g.size() == 3) {
            // Between vowels, three consonants split into an ending and a beginning ("nstr" is too many).
            if (!(coda(g.substr(0, 1)) && onset(g.substr(1))) && !(coda(g.substr(0, 2)) && onset(g.substr(2))))
                return false;
        } else if (g.size() > 3 || g.find_first_of("qx") != std::string::npos) {
            return false;
        }
    }
    return vowel_groups > 0;
}

namespace {

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); }

// Whole-word replacement; the longest key that matches at a place wins.
// With `kept`, each replacement is put there and the text holds a mark
// ("\x01" index "\x02", no digit nor capital) that no later rule reads.
std::string apply_words(const std::string& text, const std::map<std::string, std::string>& words, bool skip_letters,
                        std::vector<std::string>* kept = nullptr) {
    if (words.empty()) return text;
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const std::pair<const std::string, std::string>* best = nullptr;
        if (i == 0 || !word_char(text[i - 1]))
            for (const auto& kv : words) {
                const std::string& k = kv.first;
                if (skip_letters && kv.second == "letters") continue;
                if (text.compare(i, k.size(), k) == 0 && (i + k.size() == text.size() || !word_char(text[i + k.size()])) &&
                    (!best || k.size() > best->first.size()))
                    best = &kv;
            }
        if (best) {
            if (kept) {
                out += '\x01' + std::string(kept->size() / 26 + 1, 'z') + static_cast<char>('a' + kept->size() % 26) + '\x02';
                kept->push_back(best->second);
            } else {
                out += best->second;
            }
            i += best->first.size();
        } else {
            out += text[i++];
        }
    }
    return out;
}

std::string ordinal(int n) {
    const int tens = n % 100;
    const char* suffix = (tens >= 11 && tens <= 13) ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
    return std::to_string(n) + suffix;
}

#define EASYREAD_MONTHS "January|February|March|April|May|June|July|August|September|October|November|December"

template <class F>
std::string replace_each(const std::string& text, const std::regex& re, F f) {
    std::string out;
    auto last = text.cbegin();
    for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end; ++it) {
        out.append(last, (*it)[0].first);
        out += f(*it);
        last = (*it)[0].second;
    }
    out.append(last, text.cend());
    return out;
}

std::string spell_digits(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (std::isdigit(static_cast<unsigned char>(c))) out += std::string(out.empty() || out.back() == ' ' ? "" : " ") + c;
        else if (c == ' ' && !out.empty() && out.back() != ',') out += ", ";
    }
    return out;
}

// Letter by letter. The engine reads a lone "A" as the article ("uh"):
// "eh" is the letter's name as it says it.
std::string spell_letters(const std::string& letters) {
    std::string out;
    for (std::size_t i = 0; i < letters.size(); ++i)
        out += (i ? " " : "") + (letters[i] == 'A' ? std::string("eh") : std::string(1, letters[i]));
    return out;
}

std::string date_words(int d, int mo, const std::string& year, const std::string& whole) {
    if (d < 1 || d > 31 || mo < 1 || mo > 12) return whole;
    return ordinal(d) + " " + lang::month_name(mo) + " " + year;
}

// "2023/24" and "2023-24" (a financial year) and "2023/2024": "2023 to 2024".
std::string year_span(const std::string& from, const std::string& second, const std::string& whole) {
    const int first = std::stoi(from);
    int to = std::stoi(second);
    if (second.size() == 2) to += first / 100 * 100;
    if (to <= first || to > first + 50) return whole;
    return from + " to " + std::to_string(to);
}

// "9 am", "2 30 pm", "9 oh 5 am", "12 noon" ("a m" apart is read "uh m").
std::string clock_words(int hour, int minutes, char half) {
    if (minutes == 0 && hour == 12) return half == 'p' ? "12 noon" : "12 midnight";
    std::string out = std::to_string(hour);
    if (minutes > 0) out += minutes < 10 ? " oh " + std::to_string(minutes) : " " + std::to_string(minutes);
    return out + " " + half + "m";
}

const char* const kCounting[] = {"", "a", "two", "three", "four", "five", "six", "seven", "eight", "nine"};

// "3/4" -> "three quarters"; empty when it is not a common fraction.
std::string fraction_words(int top, int bottom, bool half_alone) {
    if (top < 1 || top >= bottom || top > 9) return {};
    const char* one = nullptr;
    const char* many = nullptr;
    switch (bottom) {
        case 2: return half_alone ? "half" : "a half";
        case 3: one = "third", many = "thirds"; break;
        case 4: one = "quarter", many = "quarters"; break;
        case 5: one = "fifth", many = "fifths"; break;
        case 8: one = "eighth", many = "eighths"; break;
        case 10: one = "tenth", many = "tenths"; break;
        default: return {};
    }
    if (top == 1) return std::string(bottom == 8 ? "an " : "a ") + one;
    return std::string(kCounting[top]) + " " + many;
}

std::string unit_words(const std::string& unit, bool one) {
    static const std::pair<const char*, const char*> kUnits[] = {
        {"km", "kilometre"}, {"kms", "kilometre"}, {"kg", "kilogram"}, {"kgs", "kilogram"}, {"mg", "milligram"},
        {"ml", "millilitre"}, {"cm", "centimetre"}, {"mm", "millimetre"}, {"m", "metre"}, {"min", "minute"},
        {"mins", "minute"}, {"hr", "hour"}, {"hrs", "hour"}, {"sec", "second"}, {"secs", "second"},
    };
    if (unit == "mph") return "miles per hour";
    for (const auto& [u, name] : kUnits)
        if (unit == u) return std::string(name) + (one ? "" : "s");
    return unit;
}

bool all_capitals(const std::string& w) {
    if (w.size() < 2) return false;
    for (char c : w)
        if (c < 'A' || c > 'Z') return false;
    return true;
}

// Acronyms: the bundled list's way, words when they read as words, else
// letter by letter. A run of capitals with two everyday words or more is a
// heading in capitals, said as words ("WHAT WE WILL DO").
std::string say_acronyms(const std::string& t, const Pronunciations& p) {
    struct Word {
        std::size_t start, size;
        std::string caps;  // the capitals, without a plural "s"
        bool plural;
    };
    std::vector<Word> words;
    for (std::size_t i = 0; i < t.size();) {
        if (!word_char(t[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < t.size() && (word_char(t[j]) || (t[j] == '\'' && j + 1 < t.size() && t[j + 1] == 's'))) ++j;
        std::string w = t.substr(i, j - i);
        bool plural = false;
        if (w.size() > 2 && w.back() == 's' && w[w.size() - 2] == '\'') w.resize(w.size() - 2), plural = true;
        else if (w.size() > 2 && w.back() == 's') w.pop_back(), plural = true;
        if (all_capitals(w)) words.push_back({i, j - i, w, plural});
        i = j;
    }
    // Runs of capitals next to each other (only spaces between).
    std::vector<bool> heading(words.size(), false);
    for (std::size_t a = 0; a < words.size();) {
        std::size_t b = a + 1;
        while (b < words.size() && t.find_first_not_of(' ', words[b - 1].start + words[b - 1].size) == words[b].start) ++b;
        int everyday = 0;
        for (std::size_t k = a; k < b; ++k) everyday += p.common.count(lower(words[k].caps)) ? 1 : 0;
        if (everyday >= 2)
            for (std::size_t k = a; k < b; ++k) heading[k] = true;
        a = b;
    }
    std::string out;
    std::size_t last = 0;
    for (std::size_t k = 0; k < words.size(); ++k) {
        const Word& w = words[k];
        out.append(t, last, w.start - last);
        last = w.start + w.size;
        auto listed = p.acronyms.find(w.caps);
        const bool as_word = listed != p.acronyms.end() ? listed->second != "letters"
                             : heading[k] ? p.common.count(lower(w.caps)) > 0 || sayable_as_word(w.caps)
                                          : w.caps.size() >= 4 && sayable_as_word(w.caps);
        if (!as_word) out += spell_letters(w.caps) + (w.plural ? "'s" : "");
        else out += (listed != p.acronyms.end() ? listed->second : lower(w.caps)) + (w.plural ? "s" : "");
    }
    out.append(t, last, std::string::npos);
    return out;
}

// A short form's full stop, unless it ends the sentence.
#define DOT R"((?:\.(?=\s*[a-z0-9]))?)"

// Short forms officers write that the engine reads as other words ("Mon"
// as "mon", "Sept" as "sept", "High St" as "High Saint", "Ms" as "M S").
std::string written_out(std::string t) {
    static const std::pair<std::regex, const char*> kForms[] = {
        // Days; "Sat" and "Sun" only beside a number or another day.
        {std::regex(R"(\bMon\b)" DOT R"()"), "Monday"},
        {std::regex(R"(\bTues?\b)" DOT R"()"), "Tuesday"},
        {std::regex(R"(\bWeds?\b)" DOT R"()"), "Wednesday"},
        {std::regex(R"(\bThu(?:rs?)?\b)" DOT R"()"), "Thursday"},
        {std::regex(R"(\bFri\b)" DOT R"()"), "Friday"},
        {std::regex(R"(\bSat\b)" DOT R"((?=\s*(?:\d|[-,&]|\xE2\x80\x93|to |and )))"), "Saturday"},
        {std::regex(R"(\bSun\b)" DOT R"((?=\s*(?:\d|[-,&]|\xE2\x80\x93|to |and )))"), "Sunday"},
        {std::regex(R"((day ?(?:[-,&]|\xE2\x80\x93|to|and) ?)Sat\b)" DOT R"()"), "$1Saturday"},
        {std::regex(R"((day ?(?:[-,&]|\xE2\x80\x93|to|and) ?)Sun\b)" DOT R"()"), "$1Sunday"},
        // Days and months joined by a dash: "Monday-Friday", "April–June".
        {std::regex(R"(\b((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|)" EASYREAD_MONTHS R"() ?(?:-|\xE2\x80\x93) ?(?=(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|)" EASYREAD_MONTHS R"())"), "$1 to "},
        // Names, places, numbers.
        {std::regex(R"(\bMs\b)" DOT R"()"), "Miz"},
        {std::regex(R"(\bProf\b\.?(?= [A-Z]))"), "Professor"},
        {std::regex(R"(([A-Z][a-z]+ )St\b)" DOT R"((?! ?[A-Z]))"), "$1Street"},
        {std::regex(R"(([A-Z][a-z]+ )Rd\b)" DOT R"()"), "$1Road"},
        {std::regex(R"(\b[Ee]xt\b)" DOT R"( ?(?=\d))"), "extension "},
        {std::regex(R"(\b[Ww]/[Cc]\b)"), "week starting"},
        {std::regex(R"((^|[\s(])(?:c\.|~|approx\b) ?(?=\xC2\xA3|\d))"), "$1about "},
        // An Act's section: "s.117", "S.2", "S117" (not "S4C" nor a school year "S1").
        {std::regex(R"(\b(?:S\.|s\.) ?(\d{1,3}[A-Z]?)\b)"), "section $1"},
        {std::regex(R"(\bS(\d{2,3})\b)"), "section $1"},
        // A web address is said from its name: "kelsworth.gov.uk/carers", not "h t t p s colon slash slash".
        {std::regex(R"(\bhttps?://)"), ""},
    };
    for (const auto& [re, to] : kForms) t = std::regex_replace(t, re, to);
    // Months, beside a day or a year: "3 Feb", "Sept 2026".
    static const std::vector<std::pair<std::regex, std::string>> kMonthForms = [] {
        std::vector<std::pair<std::regex, std::string>> out;
        for (int month = 1; month <= 12; ++month) {
            const std::string full = lang::month_name(month), short_form = full == "September" ? "Sept?" : full.substr(0, 3);
            if (full == "May") continue;
            out.push_back({std::regex(R"(\b)" + short_form + R"(\b)" DOT R"((?= \d))"), full});
            out.push_back({std::regex(R"((\d ))" + short_form + R"(\b)" DOT), "$1" + full});
        }
        return out;
    }();
    for (const auto& [re, to] : kMonthForms) t = std::regex_replace(t, re, to);
    return t;
}

}  // namespace

std::string speakable(const std::string& input, const Pronunciations& p) {
    // The user's words win: kept aside until the end, so no later rule reads
    // them; then the bundled list's words (not those it spells).
    std::vector<std::string> users;
    std::string t = written_out(apply_words(apply_words(input, p.words, false, &users), p.acronyms, true));

    // Round-the-clock and one-to-one, before they are taken for fractions, times or ranges.
    static const std::regex always(R"(\b24/7\b)");
    t = std::regex_replace(t, always, "24 hours a day, 7 days a week");
    static const std::regex one_to_one(R"(\b1(?::1|-2-1|-to-1)\b)");
    t = std::regex_replace(t, one_to_one, "one to one");

    // Dates: "2025-03-14" and "05/07/2024" -> "5th July 2024".
    static const std::regex iso_date(R"(\b(\d{4})-(\d{2})-(\d{2})\b)");
    t = replace_each(t, iso_date, [](const std::smatch& m) {
        return date_words(std::stoi(m[3].str()), std::stoi(m[2].str()), m[1].str(), m.str());
    });
    static const std::regex numeric_date(R"(\b(\d{1,2})/(\d{1,2})/(\d{4})\b)");
    t = replace_each(t, numeric_date, [](const std::smatch& m) {
        return date_words(std::stoi(m[1].str()), std::stoi(m[2].str()), m[3].str(), m.str());
    });
    // Years: "2023/24", "2023-24", "2023/2024", "2025-2030", "2025 - 2030"; two
    // financial years joined: "2025/26 to 2027/28" -> "2025 to 2026 through to 2027 to 2028".
    // Not "2025 - 31 March", which is a range of dates.
    static const std::regex two_years(
        R"(\b((?:19|20)\d\d[/\-]\d\d) ?(?:-|\xE2\x80\x93|to) ?((?:19|20)\d\d[/\-]\d\d)\b)");
    t = std::regex_replace(t, two_years, "$1 through to $2");
    static const std::regex years(R"(\b((?:19|20)\d\d)(?:[/\-\xE2\x80\x93](\d\d(?:\d\d)?)| ?[/\-\xE2\x80\x93] ?(\d{4}))\b)");
    t = replace_each(t, years, [](const std::smatch& m) {
        const std::string second = m[2].matched ? m[2].str() : m[3].str();
        return year_span(m[1].str(), second, m.str());
    });

    // Phone numbers (a leading 0 and 10 or 11 digits): digit by digit, in their groups.
    static const std::regex phone(R"(\b0\d{2,4}(?: ?\d{3,4}){1,3}\b)");
    t = replace_each(t, phone, [](const std::smatch& m) {
        std::string s = m.str();
        int digits = 0;
        for (char c : s) digits += std::isdigit(static_cast<unsigned char>(c)) ? 1 : 0;
        return digits >= 10 && digits <= 11 ? spell_digits(s) : s;
    });
    // International: "+44 1632 960447" -> "plus 4 4, 1 6 3 2, ...".
    static const std::regex abroad(R"(\+(\d{1,3})((?: ?\(0\))?(?: ?\d{2,5}){2,5})\b)");
    t = replace_each(t, abroad, [](const std::smatch& m) {
        std::string rest = m[2].str();
        for (std::size_t at; (at = rest.find("(0)")) != std::string::npos;) rest.erase(at, 3);
        const std::string spelled = spell_digits(trim(rest));
        const std::size_t digits = std::count_if(rest.begin(), rest.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
        return digits >= 8 && digits <= 13 ? "plus " + spell_digits(m[1].str()) + ", " + spelled : m.str();
    });

    // Ranges: "10-12", "£3m-£4m", "9am-5pm" -> "X to Y".
    // "9.00 to 17.00", "9.30-16.30": times with a dot, when both are whole or half hours.
    static const std::regex dotted_times(
        R"(\b([01]?\d|2[0-3])\.(00|15|30|45)( ?(?:-|\xE2\x80\x93|to|until) ?)([01]?\d|2[0-3])\.(00|15|30|45)\b)");
    t = std::regex_replace(t, dotted_times, "$1:$2$3$4:$5");
    static const std::regex range(
        R"((^|[^\w.,/:])((?:\xC2\xA3)?\d[\d,.:]*(?:bn|m|k|%|am|pm|p|st|nd|rd|th)?) ?(?:-|\xE2\x80\x93) ?(?=(?:\xC2\xA3)?\d))");
    for (std::string before; before != t;) {
        before = t;
        t = std::regex_replace(t, range, "$1$2 to ");
    }

    // Signs the engine reads badly or not at all.
    static const std::pair<const char*, const char*> kSigns[] = {
        {"\xC2\xB7", ","},      // middle dot between contact details
        {"\xE2\x80\x93", ","},  // en dash
        {"\xE2\x80\x94", ","},  // em dash
        {"&", " and "},
        {"e.g.", "for example"},
        {"i.e.", "that is"},
    };
    for (const auto& [from, to] : kSigns)
        for (std::size_t at = 0; (at = t.find(from, at)) != std::string::npos; at += std::strlen(to))
            t.replace(at, std::strlen(from), to);

    // Money: "£1,200" -> "1200 pounds", "£5.50" -> "5 pounds 50", "£96.4m" -> "96.4 million pounds".
    static const std::regex money(R"(\xC2\xA3(\d[\d,]*)(\.\d+)?(?:(bn|m|k)\b|( (?:thousand|million|billion))\b)?)");
    t = replace_each(t, money, [](const std::smatch& m) {
        std::string whole = m[1].str();
        whole.erase(std::remove(whole.begin(), whole.end(), ','), whole.end());
        const std::string frac = m[2].str(), letter = m[3].str();
        std::string mult = m[4].str();
        if (letter == "k") mult = " thousand";
        else if (letter == "m") mult = " million";
        else if (letter == "bn") mult = " billion";
        if (mult.empty() && frac.size() == 3) {
            const std::string pence = frac.substr(1) == "00" ? "" : " " + std::to_string(std::stoi(frac.substr(1)));
            return whole + (whole == "1" ? " pound" : " pounds") + pence;
        }
        return whole + frac + mult + (whole == "1" && frac.empty() && mult.empty() ? " pound" : " pounds");
    });
    static const std::regex pence(R"(\b(\d+)p\b)");
    t = replace_each(t, pence, [](const std::smatch& m) { return m[1].str() + (m[1].str() == "1" ? " penny" : " pence"); });
    // "18+" -> "18 and over" after an age; "£5m+" and "400+" -> "... or more".
    static const std::regex plus(R"((\d(?:[\d,.]*\d)?(?: (?:thousand|million|billion))?(?: pounds?| pence)?)\+(?![\d+]))");
    t = replace_each(t, plus, [&t](const std::smatch& m) {
        static const std::regex age(R"(\b[Aa]ge[sd]?\b[^.;:,]*$)");
        const bool of_age = std::regex_search(t.substr(0, static_cast<std::size_t>(m.position(0))), age);
        return m[1].str() + (of_age ? " and over" : " or more");
    });

    // Fractions: "3/4" -> "three quarters"; "½" -> "a half", "2½" -> "2 and a half".
    static const std::regex half_sign(R"((\d)?\xC2\xBD)");
    t = replace_each(t, half_sign, [](const std::smatch& m) { return m[1].matched ? m[1].str() + " and a half" : "\xC2\xBD"; });
    static const std::regex half_alone(R"(((?:\b[Aa] )?)\xC2\xBD(?= (?:an?|of)\b))");
    t = std::regex_replace(t, half_alone, "$1half");
    static const std::regex a_half(R"(\b([Aa]) \xC2\xBD)");
    t = std::regex_replace(t, a_half, "$1 half");
    for (std::size_t at; (at = t.find("\xC2\xBD")) != std::string::npos;) t.replace(at, 2, "a half");
    static const std::regex mixed(R"(\b(\d+) (\d/\d{1,2})(?![\w/]))");  // "1 1/2 hours": "1 and 1/2"
    t = std::regex_replace(t, mixed, "$1 and $2");
    static const std::regex fraction(R"((^|[^\w/])(\d)/(\d{1,2})(?:st|nds?|rds?|ths?)?(?![\w/]))");
    t = replace_each(t, fraction, [&](const std::smatch& m) {
        const std::string rest = t.substr(static_cast<std::size_t>(m.position(0) + m.length(0)), 4);
        const bool alone = rest.rfind(" of", 0) == 0 || rest.rfind(" an", 0) == 0;
        std::string w = fraction_words(std::stoi(m[2].str()), std::stoi(m[3].str()), alone);
        return w.empty() ? m.str() : m[1].str() + w;
    });

    // Thousands separators: the engine reads "1,200" as two numbers.
    static const std::regex thousands(R"((\d),(\d{3})(?!\d))");
    for (std::string before; before != t;) {
        before = t;
        t = std::regex_replace(t, thousands, "$1$2");
    }

    // "3 May 2024" -> "3rd May 2024"; "May 3, 2024" -> "May 3rd, 2024".
    static const std::regex day_month(R"(\b(\d{1,2}) ()" EASYREAD_MONTHS R"()\b)");
    t = replace_each(t, day_month, [](const std::smatch& m) {
        int d = std::stoi(m[1].str());
        return d >= 1 && d <= 31 ? ordinal(d) + " " + m[2].str() : m.str();
    });
    static const std::regex month_day(R"(\b()" EASYREAD_MONTHS R"() (\d{1,2})(?=,| \d{4}|\.|$))");
    t = replace_each(t, month_day, [](const std::smatch& m) {
        int d = std::stoi(m[2].str());
        return d >= 1 && d <= 31 ? m[1].str() + " " + ordinal(d) : m.str();
    });

    // Times: "10am" -> "10 a m", "9:30am" -> "9 30 a m", "14:00" -> "2 p m".
    static const std::regex time(R"(\b(\d{1,2})(?:[.:](\d{2}))? ?([ap])(?:\.m\.|m)(?![A-Za-z]))");
    t = replace_each(t, time, [](const std::smatch& m) {
        const int h = std::stoi(m[1].str()), mins = m[2].matched ? std::stoi(m[2].str()) : 0;
        if (h < 1 || h > 12 || mins > 59) return m.str();
        return clock_words(h, mins, m[3].str()[0]);
    });
    static const std::regex clock(R"(\b([01]?\d|2[0-3]):([0-5]\d)\b)");
    t = replace_each(t, clock, [](const std::smatch& m) {
        const int h = std::stoi(m[1].str()), mins = std::stoi(m[2].str());
        if (h == 0 && mins == 0) return std::string("midnight");
        return clock_words(h == 0 ? 12 : h > 12 ? h - 12 : h, mins, h >= 12 ? 'p' : 'a');
    });

    // Quarters of a year: "Q2" -> "quarter 2".
    static const std::regex quarter(R"(\bQ([1-4])\b)");
    t = std::regex_replace(t, quarter, "quarter $1");
    static const std::regex quarters(R"(\b(quarter \d)/quarter\b)");
    t = std::regex_replace(t, quarters, "$1 or quarter");
    static const std::regex quarter_of(R"(\b(quarter \d) (?=(?:19|20)\d\d\b))");
    t = std::regex_replace(t, quarter_of, "$1 of ");

    // Units: "5km" -> "5 kilometres", "a 24hr line" -> "a 24 hour line"; a
    // bare "m" straight after a whole number, or apart before a small word ("500 m away").
    static const std::regex unit(
        R"(\b(\d+(?:\.\d+)?)(?:(m)\b|\s?(kms?|kgs?|mg|ml|cm|mm|mph|mins?|hrs?|secs?)\b| (m)(?= [a-z]| ?[.,;:)]|$)))");
    t = replace_each(t, unit, [&t](const std::smatch& m) {
        const std::string n = m[1].str();
        if (m[2].matched && n.find('.') != std::string::npos) return n + " million";
        static const std::regex article(R"((?:^|\s)[Aa]n? $)");
        const bool one = n == "1" || std::regex_search(t.substr(0, static_cast<std::size_t>(m.position(0))), article);
        return n + " " + unit_words(m[2].matched ? m[2].str() : m[3].matched ? m[3].str() : m[4].str(), one);
    });

    // Short forms.
    static const std::pair<std::regex, const char*> kShort[] = {
        {std::regex(R"(\bCllr(s?)\b)"), "Councillor$1"},
        {std::regex(R"(\bapprox\.(?=\s))"), "about"},
        {std::regex(R"(\betc\.(?=$| [A-Z]))"), "and so on."},
        {std::regex(R"(\betc\.?)"), "and so on"},
        {std::regex(R"(\bvs\.?(?=\s))"), "versus"},
        {std::regex(R"(\bNo\. ?(?=\d))"), "number "},
        {std::regex(R"(\b(\d+)x\b)"), "$1 times"},
        {std::regex(R"(\b(days?|times?|hours?|nights?|visits?|sessions?)/(day|week|month|year)\b)"), "$1 a $2"},
        {std::regex(R"(\xC2\xB0C\b)"), " degrees Celsius"},
        // Numbers said digit by digit: "NHS 111", "call 999".
        {std::regex(R"(\b((?:NHS|[Cc]all|[Rr]ing|[Dd]ial|[Pp]hone|[Tt]ext|or|on) )(1)(1)(1)\b)"), "$1$2 $3 $4"},
        {std::regex(R"(\b((?:[Cc]all|[Rr]ing|[Dd]ial|[Pp]hone|[Tt]ext|or|on) )(9)(9)(9)\b)"), "$1$2 $3 $4"},
        {std::regex(R"(\b((?:[Cc]all|[Rr]ing|[Dd]ial|[Pp]hone|or|on) )(1)(0)(1)\b)"), "$1$2 $3 $4"},
    };
    for (const auto& [re, to] : kShort) t = std::regex_replace(t, re, to);

    t = say_acronyms(t, p);
    // The user's words back in their places.
    for (std::size_t at; (at = t.find('\x01')) != std::string::npos;) {
        const std::size_t end = t.find('\x02', at);
        if (end == std::string::npos) break;
        const std::size_t index = (end - at - 3) * 26 + static_cast<std::size_t>(t[end - 1] - 'a');
        t.replace(at, end - at + 1, index < users.size() ? users[index] : std::string());
    }
    return t;
}

}  // namespace easyread
