#include "generator/lang/numbers.hpp"

#include <cmath>
#include <cstdlib>
#include <unordered_map>
#include <vector>

namespace easyread::lang {

namespace {

int small_number(const std::string& w) {
    if (w.size() < 3 || w.size() > 9) return -1;  // quick no for most words: this runs on every word
    static const std::unordered_map<std::string, int> kValues = {
        {"one", 1},       {"two", 2},        {"three", 3},      {"four", 4},       {"five", 5},
        {"six", 6},       {"seven", 7},      {"eight", 8},      {"nine", 9},       {"ten", 10},
        {"eleven", 11},   {"twelve", 12},    {"thirteen", 13},  {"fourteen", 14},  {"fifteen", 15},
        {"sixteen", 16},  {"seventeen", 17}, {"eighteen", 18},  {"nineteen", 19},  {"twenty", 20},
        {"thirty", 30},   {"forty", 40},     {"fifty", 50},     {"sixty", 60},     {"seventy", 70},
        {"eighty", 80},   {"ninety", 90},    {"hundred", 100},  {"thousand", 1000}, {"million", 1000000}};
    auto it = kValues.find(w);
    return it == kValues.end() ? -1 : it->second;
}

std::vector<int> parts(const std::string& s, char sep) {
    std::vector<int> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t end = s.find(sep, start);
        std::string p = s.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (p.empty() || p.size() > 4 || p.find_first_not_of("0123456789") != std::string::npos) return {};
        out.push_back(std::atoi(p.c_str()));
        out.push_back(static_cast<int>(p.size()));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

}  // namespace

int number_word_value(const std::string& lower) {
    std::size_t dash = lower.find('-');
    if (dash == std::string::npos) {
        int v = small_number(lower);
        return v == 1 ? -1 : v;
    }
    int tens = small_number(lower.substr(0, dash));
    int unit = small_number(lower.substr(dash + 1));
    if (tens < 20 || tens > 90 || tens % 10 != 0 || unit < 1 || unit > 9) return -1;
    return tens + unit;
}

const char* month_name(int month) {
    static const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                          "July",    "August",   "September", "October", "November", "December"};
    return month >= 1 && month <= 12 ? kMonths[month - 1] : "";
}

std::string numeric_date_in_words(const std::string& token) {
    for (char sep : {'/', '.', '-'}) {
        if (token.find(sep) == std::string::npos) continue;
        std::vector<int> p = parts(token, sep);  // value, length pairs
        if (p.size() != 6) continue;
        int day, month, year;
        if (p[1] == 4) {  // 2024-07-05
            year = p[0]; month = p[2]; day = p[4];
            if (p[3] > 2 || p[5] > 2) continue;
        } else {  // 05/07/2024 or 5.7.24
            day = p[0]; month = p[2]; year = p[4];
            if (p[1] > 2 || p[3] > 2 || (p[5] != 2 && p[5] != 4)) continue;
            if (p[5] == 2) year += year < 70 ? 2000 : 1900;
        }
        if (day < 1 || day > 31 || month < 1 || month > 12) continue;
        return std::to_string(day) + " " + month_name(month) + " " + std::to_string(year);
    }
    return "";
}

int roman_value(const std::string& upper) {
    if (upper.empty() || upper.find_first_not_of("IVX") != std::string::npos) return -1;
    auto v = [](char c) { return c == 'I' ? 1 : c == 'V' ? 5 : 10; };
    int total = 0;
    for (std::size_t i = 0; i < upper.size(); ++i) {
        int a = v(upper[i]);
        int b = i + 1 < upper.size() ? v(upper[i + 1]) : 0;
        total += a < b ? -a : a;
    }
    // Only well-formed numerals: rebuild and compare ("IIII" and "VX" are not).
    static const char* const kOnes[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
    static const char* const kTens[] = {"", "X", "XX", "XXX"};
    if (total < 1 || total > 39) return -1;
    std::string rebuilt = std::string(kTens[total / 10]) + kOnes[total % 10];
    return rebuilt == upper ? total : -1;
}

std::string percentage_in_words(double percent, bool* exact) {
    // Simple fractions first ("1 out of 4"), then tenths, then hundredths.
    for (int d : {2, 4, 3, 10}) {
        long n = std::lround(percent * d / 100.0);
        double off = std::fabs(static_cast<double>(n) * 100.0 / d - percent);
        if (n >= 1 && (n < d || d == 10) && (off <= 1.0 || (d == 10 && percent >= 10))) {
            if (exact) *exact = off < 0.01;
            return std::to_string(n) + " out of " + std::to_string(d);
        }
    }
    long n = std::lround(percent);
    if (exact) *exact = std::fabs(static_cast<double>(n) - percent) < 0.01;
    if (n < 1) return "fewer than 1 out of 100";
    return std::to_string(n) + " out of 100";
}

std::string percentage_same_value(double percent) {
    bool exact = false;
    std::string words = percentage_in_words(percent, &exact);
    if (exact) return words;
    if (percent >= 1 && percent <= 100 && percent == std::floor(percent))
        return std::to_string(static_cast<long>(percent)) + " out of 100";
    return {};
}

long number_words_run(const std::vector<std::string>& lower, std::size_t i, std::size_t& last) {
    last = i;
    if (i >= lower.size()) return -1;
    auto scale_at = [&](std::size_t k) {
        if (k >= lower.size()) return 0;
        const int v = number_word_value(lower[k]);
        return v == 100 || v == 1000 ? v : 0;
    };
    long value = number_word_value(lower[i]);
    if ((lower[i] == "one" || lower[i] == "a" || lower[i] == "an") && scale_at(i + 1)) value = 1;
    if (value <= 0 || value >= 100) return -1;  // not a number, or a scale word alone
    if (const int scale = scale_at(i + 1)) {
        value *= scale;
        last = i + 1;
        // "two hundred and fifty", "one thousand two hundred"
        std::size_t k = last + 1;
        if (k < lower.size() && lower[k] == "and") ++k;
        const int rest = k < lower.size() ? number_word_value(lower[k]) : -1;
        if (rest > 0 && rest < 100 && !scale_at(k + 1)) {
            value += rest;
            last = k;
        } else if (scale == 1000 && rest > 0 && rest < 10 && scale_at(k + 1) == 100) {
            value += rest * 100;
            last = k + 1;
            std::size_t j = last + 1;
            if (j < lower.size() && lower[j] == "and") ++j;
            const int tail = j < lower.size() ? number_word_value(lower[j]) : -1;
            if (tail > 0 && tail < 100) {
                value += tail;
                last = j;
            }
        }
    }
    return value;
}

}  // namespace easyread::lang
