#include "numbers.hpp"

#include <cmath>
#include <cstdlib>
#include <vector>

namespace easyread::check {

namespace {

int small_number(const std::string& w) {
    static const char* const kUnits[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                                         "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
                                         "sixteen", "seventeen", "eighteen", "nineteen"};
    static const char* const kTens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    for (int i = 2; i < 20; ++i)
        if (w == kUnits[i]) return i;
    for (int i = 0; i < 8; ++i)
        if (w == kTens[i]) return 20 + 10 * i;
    if (w == "hundred") return 100;
    if (w == "thousand") return 1000;
    if (w == "million") return 1000000;
    if (w == "one") return 1;
    return -1;
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

}  // namespace easyread::check
