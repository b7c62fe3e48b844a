#include "kiosk/core/review_chunks.hpp"

#include <cctype>

#include "kiosk/core/survey_names.hpp"

namespace easyread::kiosk {

namespace {

// UTF-8 signs a word may start or end with besides ASCII punctuation.
// The list bullet (the generator's list_bullet()) is one of them: seen, not a word.
const char* const kWideSigns[] = {"\u201c", "\u201d", "\u2018", "\u2019", "\u2013", "\u2014",
                                  "\u2026", "\u00ab", "\u00bb", "\u2022"};

bool starts_with_sign(const std::string& s, std::size_t at, std::size_t& len) {
    const unsigned char c = static_cast<unsigned char>(s[at]);
    if (c < 0x80) {
        len = 1;
        return std::ispunct(c) != 0;
    }
    for (const char* sign : kWideSigns) {
        const std::string w = sign;
        if (s.compare(at, w.size(), w) == 0) return len = w.size(), true;
    }
    return false;
}

bool ends_with_sign(const std::string& s, std::size_t end, std::size_t& len) {
    const unsigned char c = static_cast<unsigned char>(s[end - 1]);
    if (c < 0x80) {
        len = 1;
        return std::ispunct(c) != 0;
    }
    for (const char* sign : kWideSigns) {
        const std::string w = sign;
        if (end >= w.size() && s.compare(end - w.size(), w.size(), w) == 0) return len = w.size(), true;
    }
    return false;
}

// "(understand)." -> "understand"; "" when the word is only signs.
std::string bare_word(const std::string& token) {
    std::size_t b = 0, e = token.size(), len = 0;
    while (b < e && starts_with_sign(token, b, len)) b += len;
    while (e > b && ends_with_sign(token, e, len)) e -= len;
    std::string out = token.substr(b, e - b);
    for (char& c : out)
        if (c == ';') c = ',';  // ';' joins the stored items
    return out;
}

std::vector<std::string> split_items(const std::string& value) {
    std::vector<std::string> out;
    if (value.empty() || value == survey::kReviewSeen) return out;
    std::size_t start = 0;
    while (true) {
        std::size_t end = value.find(';', start);
        out.push_back(value.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) return out;
        start = end + 1;
    }
}

}  // namespace

std::vector<ReviewWord> review_words(const std::string& words) {
    std::vector<ReviewWord> out;
    std::string before;  // signs met before the first word
    std::size_t i = 0;
    while (i < words.size()) {
        while (i < words.size() && std::isspace(static_cast<unsigned char>(words[i]))) ++i;
        std::size_t j = i;
        while (j < words.size() && !std::isspace(static_cast<unsigned char>(words[j]))) ++j;
        if (j == i) break;
        const std::string token = words.substr(i, j - i);
        i = j;
        const std::string bare = bare_word(token);
        if (bare.empty()) {
            if (out.empty()) before += token + " ";
            else out.back().shown += " " + token;
            continue;
        }
        out.push_back({before + token, "word:" + bare});
        before.clear();
    }
    return out;
}

std::string review_picture_item(const std::string& picture_name) {
    std::string name = picture_name;
    for (char& c : name)
        if (c == ';') c = ',';
    return "picture:" + name;
}

std::string review_answer_id(const ReviewChunk& chunk) {
    return survey::kReviewChunkPrefix + std::to_string(chunk.page) + "-" + chunk.key;
}

bool review_item_marked(const std::string& value, const std::string& item) {
    for (const std::string& s : split_items(value))
        if (s == item) return true;
    return false;
}

std::string toggle_review_item(const std::string& value, const std::string& item) {
    std::vector<std::string> items = split_items(value);
    bool found = false;
    std::string out;
    for (const std::string& s : items) {
        if (s == item) {
            found = true;
            continue;
        }
        out += (out.empty() ? "" : ";") + s;
    }
    if (!found) out += (out.empty() ? "" : ";") + item;
    return out.empty() ? std::string(survey::kReviewSeen) : out;
}

std::string review_spoken(const ReviewChunk& chunk) {
    // A list item's bullet is seen and not said, as in the audio version.
    std::string out;
    for (const ReviewWord& w : review_words(chunk.words)) out += (out.empty() ? "" : " ") + w.shown;
    const std::string bullet = "\u2022";
    for (std::size_t at; (at = out.find(bullet)) != std::string::npos;) {
        const std::size_t end = at + bullet.size() < out.size() && out[at + bullet.size()] == ' ' ? at + bullet.size() + 1
                                                                                                   : at + bullet.size();
        out.erase(at, end - at);
    }
    while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back()))) out.pop_back();
    if (out.empty()) return out;
    const char last = out.back();
    if (last != '.' && last != '?' && last != '!' && last != ':') out += '.';
    return out;
}

const ReviewWords& review_screen_words() {
    static const ReviewWords words;
    return words;
}

}  // namespace easyread::kiosk
