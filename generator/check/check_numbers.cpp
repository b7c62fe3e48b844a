// Numbers written as words, percentages, Roman numerals, numeric dates, and
// the short forms officers write: financial years (2023/24), 24/7, Q2,
// "£96.4m", "Cllr".
#include <cctype>
#include <cstdlib>
#include <unordered_set>

#include "generator/check/check_context.hpp"
#include "generator/lang/numbers.hpp"

namespace easyread::check {

using lang::number_word_value;
using lang::numeric_date_in_words;
using lang::roman_value;

namespace {

bool is_section_word(const std::string& w) {
    static const char* const kWords[] = {"part", "section", "chapter", "phase", "stage", "schedule", "annex",
                                         "appendix", "volume", "article", "tier", "step", "level", "book", "type"};
    for (const char* s : kWords)
        if (w == s) return true;
    return false;
}

// "2023/24", "24/7", "Q2", "£96.4m": a reader who does not know the short
// form cannot tell what it means. True when one was reported.
bool short_form(const CheckContext& ctx, const TextBlock& block, const Word& w, const std::string& written) {
    const std::string& l = w.lower;
    const auto digits = [&](std::size_t from, std::size_t n) {
        if (from + n > l.size()) return false;
        for (std::size_t k = from; k < from + n; ++k)
            if (!std::isdigit(static_cast<unsigned char>(l[k]))) return false;
        return true;
    };
    if (l.size() == 7 && digits(0, 4) && l[4] == '/' && digits(5, 2) && (l[0] == '1' || l[0] == '2')) {
        const int year = std::atoi(l.c_str());
        ctx.report(block, w.begin, "financial-year", quote(written) + " is a year written in short",
                   "Write the months: \"April " + std::to_string(year) + " to March " + std::to_string(year + 1) +
                       "\".");
        return true;
    }
    if (l == "24/7") {
        ctx.report(block, w.begin, "short-form", quote(written) + " is a short form",
                   "Write \"all day and all night, every day\".");
        return true;
    }
    if (l.size() == 2 && l[0] == 'q' && l[1] >= '1' && l[1] <= '4') {
        ctx.report(block, w.begin, "short-form", quote(written) + " is a short form for 3 months of a year",
                   "Write the months it means, such as \"April to June 2025\".");
        return true;
    }
    // "£96.4m", "£2bn", "£50k": the pound sign is just before the word.
    const bool pounds = w.begin >= 2 && block.text.compare(w.begin - 2, 2, "\xC2\xA3") == 0;
    for (const char* end : {"bn", "m", "k"}) {
        const std::size_t n = std::string(end).size();
        if (!pounds || l.size() <= n || l.compare(l.size() - n, n, end) != 0 || !digits(l.size() - n - 1, 1)) continue;
        const char* word = n == 2 ? "billion" : *end == 'm' ? "million" : "thousand";
        ctx.report(block, w.begin - 2, "money-short", quote("\xC2\xA3" + written) + " is money written in short",
                   "Write \"\xC2\xA3" + written.substr(0, written.size() - n) + " " + word + "\".");
        return true;
    }
    return false;
}

}  // namespace

void check_numbers(const CheckContext& ctx) {
    for (std::size_t b = 0; b < ctx.view.blocks.size(); ++b) {
        const TextBlock& block = ctx.view.blocks[b];
        const BlockWords& bw = ctx.words[b];
        for (std::size_t i = 0; i < bw.words.size(); ++i) {
            const Word& w = bw.words[i];
            std::string written = ctx.text_of(b, w);
            // "1 million" reads better than "1000000": a scale word after digits is fine.
            bool scale_after_digits = i > 0 && number_word_value(w.lower) >= 100 &&
                                      (bw.words[i - 1].has_digit || number_word_value(bw.words[i - 1].lower) > 0);
            if (int v = number_word_value(w.lower); v > 0 && v < 1000000 && !w.all_caps && !scale_after_digits) {
                ctx.report(block, w.begin, "number-as-word", quote(written) + " is a number written as a word",
                           "Write " + std::to_string(v) + ".");
                continue;
            }
            if (w.has_digit && short_form(ctx, block, w, written)) continue;
            if (w.has_digit) {
                bool percent = !w.lower.empty() && w.lower.back() == '%';
                bool per_cent = i + 1 < bw.words.size() &&
                                (bw.lower[i + 1] == "percent" ||
                                 (bw.lower[i + 1] == "per" && i + 2 < bw.words.size() && bw.lower[i + 2] == "cent"));
                if (percent || per_cent) {
                    double value = std::strtod(w.lower.c_str(), nullptr);
                    // The suggestion keeps the value: "14%" is "14 out of 100", never "about 1 out of 10".
                    std::string same = lang::percentage_same_value(value);
                    if (same.empty()) same = w.lower.substr(0, w.lower.find('%')) + " out of 100";
                    ctx.report(block, w.begin, "percentage", quote(written + (per_cent ? " per cent" : "")) + " is a percentage",
                               "Say it as \"" + same + " people\" (or whatever is counted).");
                    continue;
                }
                std::string date = numeric_date_in_words(w.lower);
                if (!date.empty()) {
                    ctx.report(block, w.begin, "numeric-date", quote(written) + " is a date in numbers",
                               "Write the month as a word: \"" + date + "\". Speech readers misread dates in numbers.");
                }
                continue;
            }
            if (w.lower == "cllr" || w.lower == "cllrs") {
                ctx.report(block, w.begin, "short-form", quote(written) + " is a short form",
                           std::string("Write \"Councillor") + (w.lower == "cllrs" ? "s" : "") + "\".");
                continue;
            }
            // Roman numerals: "Part II", "Phase IV", and "XIV" on its own; a lone "I" is a pronoun.
            std::string upper = written;
            int value = roman_value(upper);
            bool after_section = i > 0 && is_section_word(bw.lower[i - 1]);
            bool lower_in_brackets = written.find_first_not_of("ivx") == std::string::npos &&
                                     w.begin > 0 && block.text[w.begin - 1] == '(' && w.end < block.text.size() &&
                                     block.text[w.end] == ')';
            if (lower_in_brackets) {
                std::string up;
                for (char c : written) up += static_cast<char>(c - 'a' + 'A');
                value = roman_value(up);
            }
            bool flagged = value > 0 && (after_section || lower_in_brackets || (written.size() >= 2 && w.all_caps));
            if (flagged && bw.glossary[i].second == 0)
                ctx.report(block, w.begin, "roman-numeral", quote(written) + " is a Roman numeral",
                           "Write " + std::to_string(value) + ".");
        }
    }
}

}  // namespace easyread::check
