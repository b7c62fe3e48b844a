// Numbers written as words, percentages, Roman numerals, numeric dates.
#include <cstdlib>
#include <unordered_set>

#include "generator/check/check_context.hpp"
#include "generator/check/numbers.hpp"

namespace easyread::check {

namespace {

bool is_section_word(const std::string& w) {
    static const char* const kWords[] = {"part", "section", "chapter", "phase", "stage", "schedule", "annex",
                                         "appendix", "volume", "article", "tier", "step", "level", "book", "type"};
    for (const char* s : kWords)
        if (w == s) return true;
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
            if (w.has_digit) {
                bool percent = !w.lower.empty() && w.lower.back() == '%';
                bool per_cent = i + 1 < bw.words.size() &&
                                (bw.lower[i + 1] == "percent" ||
                                 (bw.lower[i + 1] == "per" && i + 2 < bw.words.size() && bw.lower[i + 2] == "cent"));
                if (percent || per_cent) {
                    double value = std::strtod(w.lower.c_str(), nullptr);
                    ctx.report(block, w.begin, "percentage", quote(written + (per_cent ? " per cent" : "")) + " is a percentage",
                               "Say it as \"" + percentage_in_words(value) + " people\" (or whatever is counted).");
                    continue;
                }
                std::string date = numeric_date_in_words(w.lower);
                if (!date.empty()) {
                    ctx.report(block, w.begin, "numeric-date", quote(written) + " is a date in numbers",
                               "Write the month as a word: \"" + date + "\". Speech readers misread dates in numbers.");
                }
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
