// Numbers and dates the easy read way: digits, months in words, no
// percentages or Roman numerals. Shared by the checker and the drafter.
#pragma once
#include <string>
#include <vector>

namespace easyread::lang {

// "seven" -> 7, "twenty-five" -> 25, "hundred" -> 100; -1 when not a number word.
// "one" is left out on purpose: it is more often a pronoun ("no one").
int number_word_value(const std::string& lower);

// The value of the number written in words from lower[i]: "two hundred and
// fifty" -> 250, "one thousand" and "a hundred" -> 1000 and 100, "twenty"
// -> 20; `last` is the index of its last word. -1 when lower[i] starts no
// number, and for a scale word alone ("hundreds of people", "thousand"
// after digits), which is kept as written.
long number_words_run(const std::vector<std::string>& lower, std::size_t i, std::size_t& last);

// "05/07/2024", "5.7.24", "2024-07-05" -> "5 July 2024" (day first, as in the UK);
// empty when the text is not a date.
std::string numeric_date_in_words(const std::string& token);

// The value of a Roman numeral made of I, V and X ("XIV" -> 14), or -1.
int roman_value(const std::string& upper);

// "25" (per cent) -> "1 out of 4"; "30" -> "3 out of 10"; "5" -> "5 out of 100".
// `exact` (optional) says whether the words equal the percentage.
std::string percentage_in_words(double percent, bool* exact = nullptr);

// The same value in words, never rounded: "50" -> "1 out of 2", "14" ->
// "14 out of 100"; empty ("12.5" stays a percentage) when no whole count
// out of 100 says it.
std::string percentage_same_value(double percent);

// "January".."December" for 1..12.
const char* month_name(int month);

}  // namespace easyread::lang
