#include "report/mask_contacts.hpp"

#include <regex>

namespace easyread::report {

namespace {

// Built once: std::regex construction is slow and comments can be many.
struct Patterns {
    // name@place.tld, with the dots and pluses people use.
    std::regex email{R"([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+)"};
    // UK postcodes: outward code (A9, A9A, A99, AA9, AA9A, AA99) + inward code (9AA).
    std::regex postcode{R"(\b[A-Za-z]{1,2}[0-9][A-Za-z0-9]?\s*[0-9][A-Za-z]{2}\b)"};
    // Phone numbers: +44 or 0 then 9 or 10 more digits, with spaces, dots,
    // dashes or brackets between groups; also any run of 7+ digits.
    std::regex phone{R"((\+\s*44\s*(\(0\))?|\(?0)[\d\s().-]{8,16}\d|\b\d[\d\s-]{5,}\d\b)"};
};

const Patterns& patterns() {
    static const Patterns p;  // immutable after construction; shared by every call
    return p;
}

int digits_in(const std::string& s) {
    int n = 0;
    for (char c : s)
        if (c >= '0' && c <= '9') ++n;
    return n;
}

std::string mask_phones(const std::string& text) {
    std::string out;
    std::size_t last = 0;
    const std::regex& re = patterns().phone;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) {
        const std::smatch& m = *it;
        // Dates and counts ("2024", "12 30") are short: a phone number has 7 or more digits.
        if (digits_in(m.str()) < 7) continue;
        out.append(text, last, static_cast<std::size_t>(m.position()) - last);
        out += "[phone number]";
        last = static_cast<std::size_t>(m.position() + m.length());
    }
    out.append(text, last, std::string::npos);
    return out;
}

}  // namespace

std::string mask_contacts(const std::string& text) {
    if (text.find_first_of("0123456789@") == std::string::npos) return text;  // the usual case: nothing to mask
    std::string s = std::regex_replace(text, patterns().email, "[email address]");
    s = std::regex_replace(s, patterns().postcode, "[postcode]");
    return mask_phones(s);
}

}  // namespace easyread::report
