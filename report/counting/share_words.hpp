// Shares in plain words, as easy read asks: "7 out of 10 people were happy",
// never percentages.
#pragma once
#include <string>
#include <vector>

#include "survey/survey.hpp"

namespace easyread::report {

// A count as people read it: "125,000" (digits, with commas from 1,000).
std::string number_words(long n);

// The question as people read it; page questions say their page: "Page 3: Is this page easy to understand?".
std::string question_words(const survey::Question& question);

// The one way every output says a share: "7 out of 10 people", "About 7 out
// of 10 people", "All 12 people", "No one", "The 1 person who answered".
// Real counts when `total` is 10 or fewer; else rounded to tenths, with
// "About" when the rounding changed the number, and the real count when the
// share rounds to 0 or 10 ("Fewer than 1 out of 10 people (4 people)").
std::string share_words(int count, int total);
// The same with the tenths already chosen (tenths_that_add_up), so the shares
// of one question's answers add up to 10 out of 10.
std::string share_words(int count, int total, long tenths);

// Each count's share in whole tenths of `total`, by the largest remainder:
// each is its share rounded down or up, and together they make 10 when the
// counts add up to `total` (one answer each; not for choose-many).
std::vector<long> tenths_that_add_up(const std::vector<int>& counts, int total);

// What choosing `option` says about people: "were happy", "said yes",
// "chose Homes". `singular` gives "was happy".
std::string option_predicate(const survey::Question& question, const survey::Option& option, bool singular);

// share_words + predicate + ".": "7 out of 10 people were happy."
std::string share_sentence(const survey::Question& question, const survey::Option& option, int count, int total);
std::string share_sentence(const survey::Question& question, const survey::Option& option, int count, int total,
                           long tenths);

// share_sentence inside a sentence: "about 7 out of 10 people were happy".
std::string share_phrase(const survey::Question& question, const survey::Option& option, int count, int total);

// "A bigger share of people were happy than at the event before: 7 out of 10
// now, 5 out of 10 before." / "A smaller share ..." / "About the same share
// ..." when the shares are under 1 in 10 apart.
std::string change_sentence(const survey::Question& question, const survey::Option& option, int now_count,
                            int now_total, int before_count, int before_total);

}  // namespace easyread::report
