#include "report/counting/share_words.hpp"

#include <algorithm>
#include <cmath>

namespace easyread::report {

namespace {

std::string lower_first(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z' && (s.size() < 2 || !(s[1] >= 'A' && s[1] <= 'Z')))
        s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

struct Fixed {
    const char* id;
    const char* plural;
    const char* singular;
};

// The built-in answers of the fixed scales (survey.hpp), said about people.
const Fixed kFaces[] = {
    {"very-happy", "were very happy", "was very happy"}, {"happy", "were happy", "was happy"},
    {"middle", "felt in the middle", "felt in the middle"}, {"sad", "were sad", "was sad"},
    {"very-sad", "were very sad", "was very sad"},        {"dont-know", "said they do not know", "said they do not know"},
};
const Fixed kYesNo[] = {
    {"yes", "said yes", "said yes"},
    {"no", "said no", "said no"},
    {"not-sure", "were not sure", "was not sure"},
    {"dont-know", "said they do not know", "said they do not know"},
};

template <std::size_t N>
const Fixed* find_fixed(const Fixed (&table)[N], const std::string& id) {
    for (const auto& f : table)
        if (id == f.id) return &f;
    return nullptr;
}

}  // namespace

std::string number_words(long n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
    return (n < 0 ? "-" : "") + digits;
}

std::string question_words(const survey::Question& q) {
    return q.page > 0 ? "Page " + std::to_string(q.page) + ": " + q.text : q.text;
}

std::string share_words(int count, int total) {
    return share_words(count, total, total > 0 ? std::lround(10.0 * count / total) : 0);
}

std::string share_words(int count, int total, long tenths) {
    if (total <= 0) return "No one";
    if (count <= 0) return "No one";
    if (total == 1) return "The 1 person who answered";
    if (count == total) return "All " + number_words(total) + " people";
    if (total <= 10) return std::to_string(count) + " out of " + std::to_string(total) + " people";
    // One scale for every share: out of 10, with the real count when the share rounds to 0 or 10.
    if (tenths < 1) return "Fewer than 1 out of 10 people (" + number_words(count) + (count == 1 ? " person)" : " people)");
    if (tenths > 9) return "Almost all (" + number_words(count) + " out of " + number_words(total) + " people)";
    bool exact = static_cast<long>(count) * 10 == tenths * total;
    return std::string(exact ? "" : "About ") + std::to_string(tenths) + " out of 10 people";
}

std::vector<long> tenths_that_add_up(const std::vector<int>& counts, int total) {
    std::vector<long> tenths(counts.size(), 0);
    if (total <= 0) return tenths;
    long left = 10;
    std::vector<std::size_t> order(counts.size());
    for (std::size_t i = 0; i < counts.size(); ++i) {
        tenths[i] = 10L * counts[i] / total;  // rounded down
        left -= tenths[i];
        order[i] = i;
    }
    // The tenths still to give go to the biggest remainders, earlier answers first on a tie.
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return 10L * counts[a] % total > 10L * counts[b] % total;
    });
    for (std::size_t k = 0; k < order.size() && left > 0; ++k) {
        if (10L * counts[order[k]] % total == 0) break;  // exact shares stay as they are
        ++tenths[order[k]];
        --left;
    }
    return tenths;
}

std::string option_predicate(const survey::Question& q, const survey::Option& o, bool singular) {
    const Fixed* f = nullptr;
    if (q.type == survey::QuestionType::Faces3 || q.type == survey::QuestionType::Faces5) f = find_fixed(kFaces, o.id);
    if (q.type == survey::QuestionType::YesNo) f = find_fixed(kYesNo, o.id);
    if (f) return singular ? f->singular : f->plural;
    if (o.id == "dont-know") return "said they do not know";
    return "chose " + lower_first(o.label);
}

std::string share_sentence(const survey::Question& q, const survey::Option& o, int count, int total) {
    return share_sentence(q, o, count, total, total > 0 ? std::lround(10.0 * count / total) : 0);
}

std::string share_sentence(const survey::Question& q, const survey::Option& o, int count, int total, long tenths) {
    std::string who = share_words(count, total, tenths);
    bool singular = who == "No one" || who == "The 1 person who answered";
    return who + " " + option_predicate(q, o, singular) + ".";
}

std::string share_phrase(const survey::Question& q, const survey::Option& o, int count, int total) {
    std::string s = share_sentence(q, o, count, total);
    s.pop_back();  // the full stop
    return lower_first(s);
}

std::string change_sentence(const survey::Question& q, const survey::Option& o, int now_count, int now_total,
                            int before_count, int before_total) {
    if (now_total <= 0 || before_total <= 0) return {};
    // Shares, not counts: (now_count / now_total) - (before_count / before_total),
    // times both totals so it stays whole. Under 1 in 10 apart is "about the same".
    long long apart = static_cast<long long>(now_count) * before_total - static_cast<long long>(before_count) * now_total;
    long long tenth = static_cast<long long>(now_total) * before_total;  // 1 in 10 is tenth / 10
    std::string what = option_predicate(q, o, false);
    std::string numbers = ": " + number_words(now_count) + " out of " + number_words(now_total) + " now, " +
                          number_words(before_count) + " out of " + number_words(before_total) + " before.";
    if ((apart < 0 ? -apart : apart) * 10 < tenth)
        return "About the same share of people " + what + " as at the event before" + numbers;
    return std::string(apart > 0 ? "A bigger" : "A smaller") + " share of people " + what +
           " than at the event before" + numbers;
}

}  // namespace easyread::report
