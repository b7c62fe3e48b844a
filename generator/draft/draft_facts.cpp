#include "generator/draft/draft_facts.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <set>

#include "base/sentences.hpp"
#include "base/text_util.hpp"
#include "generator/lang/numbers.hpp"

namespace easyread::draft {

using check::BlockKind;
using lang::number_words_run;
using lang::numeric_date_in_words;
using lang::percentage_in_words;

namespace {

bool name_joiner(const std::string& lower) {
    return lower == "of" || lower == "and" || lower == "for" || lower == "the" || lower == "on" || lower == "in";
}

// 1..12 for a month's name or its short form ("march", "sept"; not "may"
// or "mar" cut short, which are words), else 0.
int month_number(const std::string& lower) {
    static const std::array<std::string, 12> kNames = [] {  // asked of every word: made once
        std::array<std::string, 12> names;
        for (int m = 1; m <= 12; ++m) names[m - 1] = easyread::lower(lang::month_name(m));
        return names;
    }();
    for (int m = 1; m <= 12; ++m) {
        const std::string& name = kNames[m - 1];
        if (lower == name || (lower.size() >= 3 && lower.size() <= 4 && lower != "may" && lower != "mar" &&
                              name.compare(0, lower.size(), lower) == 0))
            return m;
    }
    return 0;
}

// A day of the month as written: "31", "1st", "22nd".
bool day_number(const std::string& lower) {
    const std::size_t digits = std::min(lower.size(), lower.find_first_not_of("0123456789"));
    if (digits == 0 || digits > 2) return false;
    const std::string rest = lower.substr(digits);
    const int day = std::atoi(lower.c_str());
    return day >= 1 && day <= 31 && (rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th");
}

bool year_number(const std::string& lower) {
    return lower.size() == 4 && lower.find_first_not_of("0123456789") == std::string::npos &&
           (lower[0] == '1' || lower[0] == '2');
}

// Nothing but spaces between two words: no comma, bracket or full stop.
bool joined(const std::string& text, const Word& a, const Word& b) {
    for (std::size_t i = a.end; i < b.begin && i < text.size(); ++i)
        if (text[i] != ' ' && text[i] != '\n') return false;
    return true;
}

std::string comment_safe(std::string s) {
    for (std::size_t p = s.find("--"); p != std::string::npos; p = s.find("--", p)) s.replace(p, 2, "- -");
    return s;
}

// The digits of a number without its marks: "1,240" -> "1240".
std::string digits_only(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c >= '0' && c <= '9') out += c;
    return out;
}

}  // namespace

std::vector<Fact> source_facts(const TextView& view, const Lexicon* lexicon) {
    std::vector<Fact> out;
    std::set<std::string> seen;
    auto add = [&](const std::string& written, std::vector<std::string> forms, int line) {
        if (written.empty() || !seen.insert(written).second) return;
        forms.insert(forms.begin(), written);
        out.push_back({written, std::move(forms), line});
    };
    for (const auto& b : view.blocks) {
        const std::string& t = b.text;
        std::vector<Word> words = split_words(t);
        std::vector<std::string> lower_words;
        for (const auto& w : words) lower_words.push_back(w.lower);
        std::set<std::size_t> sentence_starts;
        for (const auto& s : split_sentences(t))
            if (!s.words.empty()) sentence_starts.insert(s.words.front().begin);
        for (std::size_t i = 0; i < words.size(); ++i) {
            const Word& w = words[i];
            const int line = b.where(w.begin).line;
            std::string written = t.substr(w.begin, w.end - w.begin);
            // A date in words is one fact ("31 March 2027", "March 2026"), so
            // the list says whether the whole date was kept, not its parts.
            {
                std::size_t last = i;
                if (day_number(w.lower) && i + 1 < words.size() && month_number(words[i + 1].lower) &&
                    joined(t, w, words[i + 1]))
                    last = i + 1;
                else if (month_number(w.lower) && w.capitalised && i + 1 < words.size() &&
                         year_number(words[i + 1].lower) && joined(t, w, words[i + 1]))
                    last = i + 1;
                if (last > i && last + 1 < words.size() && !year_number(words[last].lower) &&
                    year_number(words[last + 1].lower) && joined(t, words[last], words[last + 1]))
                    ++last;
                // A phone number in groups ("01632 960123") is one fact too.
                auto all_digits = [](const std::string& x) {
                    return !x.empty() && x.find_first_not_of("0123456789") == std::string::npos;
                };
                if (last == i && all_digits(w.lower) && w.lower[0] == '0' && w.lower.size() >= 3)
                    while (last + 1 < words.size() && last < i + 2 && all_digits(words[last + 1].lower) &&
                           words[last + 1].lower.size() >= 3 && joined(t, words[last], words[last + 1]))
                        ++last;
                if (last > i) {
                    std::vector<std::string> forms;
                    // "1st April" may be written "1 April".
                    if (day_number(w.lower) && !all_digits(w.lower))
                        forms.push_back(std::to_string(std::atoi(w.lower.c_str())) +
                                        t.substr(w.end, words[last].end - w.end));
                    add(t.substr(w.begin, words[last].end - w.begin), forms, line);
                    i = last;
                    continue;
                }
            }
            if (w.has_digit) {
                std::vector<std::string> forms;
                if (std::string date = numeric_date_in_words(w.lower); !date.empty()) forms.push_back(date);
                if (w.lower.back() == '%' || (i + 1 < words.size() && (words[i + 1].lower == "per" ||
                                                                       words[i + 1].lower == "percent"))) {
                    // Only forms with the same value: "14 out of 100", or "1 out of 2" for 50%.
                    const double value = std::strtod(w.lower.c_str(), nullptr);
                    bool exact = false;
                    std::string words_form = percentage_in_words(value, &exact);
                    if (exact) forms.push_back(words_form);
                    if (value == static_cast<double>(static_cast<long>(value)))
                        forms.push_back(std::to_string(static_cast<long>(value)) + " out of 100");
                }
                std::string plain = digits_only(written);
                if (plain != written && plain.size() >= 4) forms.push_back(plain);
                // "£9.2 million": the scale word belongs to the figure.
                if (i + 1 < words.size() && (words[i + 1].lower == "million" || words[i + 1].lower == "billion") &&
                    joined(t, w, words[i + 1]))
                    written += " " + t.substr(words[i + 1].begin, words[i + 1].end - words[i + 1].begin);
                add(written, forms, line);
                continue;
            }
            std::size_t run_end = i;
            if (const long value = number_words_run(lower_words, i, run_end); value > 1) {
                // "two hundred and fifty" is one fact, 250 in the draft.
                add(t.substr(w.begin, words[run_end].end - w.begin), {std::to_string(value)}, line);
                i = run_end;
                continue;
            }
            // Names: a run of capitalised words, with "of", "and", "for" inside
            // ("Department for Work and Pensions"); a lone capitalised word
            // at the start of a sentence is just the sentence's first word.
            if (!w.capitalised || w.lower == "i") continue;
            std::size_t last = i;
            for (std::size_t k = i + 1; k < words.size() && joined(t, words[k - 1], words[k]); ++k) {
                if (month_number(words[k].lower)) break;  // "Cabinet in March 2026": a name, then a date
                if (words[k].capitalised) {
                    last = k;
                } else if (!name_joiner(words[k].lower) || k + 1 >= words.size() || !words[k + 1].capitalised ||
                           !joined(t, words[k], words[k + 1])) {
                    break;
                }
            }
            const bool first_of_sentence = sentence_starts.count(w.begin) > 0;
            std::size_t from = i;
            if (first_of_sentence && last == i && !w.all_caps) continue;
            if (first_of_sentence && last > i && !words[i + 1].capitalised) {
                i = last;  // "The Department ..." is fine; "Our plan" is not a name
                continue;
            }
            if (first_of_sentence && !w.all_caps &&
                ((lexicon && lexicon->is_common(w.lower)) || w.lower == "the" || w.lower == "our" ||
                 w.lower == "we" || w.lower == "in" || w.lower == "on" || w.lower == "by" || w.lower == "this"))
                ++from;
            if (from <= last && (last > from || words[from].capitalised) && b.kind != BlockKind::Heading)
                add(t.substr(words[from].begin, words[last].end - words[from].begin), {}, line);
            i = last;
        }
    }
    return out;
}

namespace {

// `form` in `line` as whole words: "19" is not found inside "2019" or "19.5".
bool contains_words(const std::string& line, const std::string& form) {
    auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    for (std::size_t p = line.find(form); p != std::string::npos; p = line.find(form, p + 1)) {
        bool left = p == 0 || !alnum(form.front()) || !alnum(line[p - 1]);
        std::size_t e = p + form.size();
        bool right = e >= line.size() || !alnum(form.back()) || !alnum(line[e]) ||
                     (line[e] == '.' && (e + 1 >= line.size() || !alnum(line[e + 1])));
        if (left && right) return true;
    }
    return false;
}

}  // namespace

std::string facts_checklist(const std::vector<Fact>& facts, const std::string& draft, int& missing) {
    missing = 0;
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos <= draft.size()) {
        std::size_t end = draft.find('\n', pos);
        lines.push_back(draft.substr(pos, end == std::string::npos ? std::string::npos : end - pos));
        if (end == std::string::npos) break;
        pos = end + 1;
    }
    // Where the body starts: past the front matter, so a title there does not count.
    std::size_t body = 0;
    if (!lines.empty() && lines[0] == "---")
        for (std::size_t k = 1; k < lines.size(); ++k)
            if (lines[k] == "---") {
                body = k + 1;
                break;
            }
    // The source line each draft line came from ("<!-- from line 12 -->").
    std::vector<int> from(lines.size(), 0);
    int current = 0;
    for (std::size_t k = body; k < lines.size(); ++k) {
        const std::string marker = "<!-- from line ";
        if (lines[k].rfind(marker, 0) == 0) current = std::atoi(lines[k].c_str() + marker.size());
        from[k] = current;
    }
    auto keeps = [&](std::size_t k, const Fact& f) {
        if (lines[k].rfind("<!--", 0) == 0) return false;  // notes do not keep a fact
        // Bold marks and link brackets are not words: "**NHS** Long Term Plan" keeps "NHS Long Term Plan".
        std::string line = lines[k];
        for (const char* mark : {"**", "[", "]"})
            for (std::size_t p = line.find(mark); p != std::string::npos; p = line.find(mark, p))
                line.erase(p, std::string(mark).size());
        for (const auto& form : f.draft_forms)
            if (!form.empty() && contains_words(line, form)) return true;
        return false;
    };
    std::string out;
    for (const auto& f : facts) {
        std::size_t found = 0;
        // First the lines made from the fact's own source line, then any.
        for (std::size_t k = body; k < lines.size() && !found; ++k)
            if (from[k] == f.source_line && keeps(k, f)) found = k + 1;
        for (std::size_t k = body; k < lines.size() && !found; ++k)
            if (keeps(k, f)) found = k + 1;
        std::string what = "\"" + f.written + "\" (source line " + std::to_string(f.source_line) + ")";
        if (found) {
            out += "<!-- [ ] line " + std::to_string(found) + ": " + comment_safe(what) + " -->\n";
        } else {
            ++missing;
            out += "<!-- [ ] NOT IN THE DRAFT: " + comment_safe(what) + ": add it, or make sure it was meant to go -->\n";
        }
    }
    // One note a line, so each can be ticked or deleted on its own.
    return "<!-- Facts to tick off: every number, date and name in the source, with the line of this draft that "
           "keeps it. Check each one is still right. -->\n" +
           out;
}

}  // namespace easyread::draft
