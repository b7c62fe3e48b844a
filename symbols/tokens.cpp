#include "symbols/tokens.hpp"

#include <cctype>

namespace easyread::symbols {

namespace {

bool is_letter_or_digit(unsigned char c) { return std::isalnum(c) != 0; }

// Length of a UTF-8 punctuation sequence at text[i] that separates words
// (dashes, curly double quotes, ellipsis, no-break space), else 0.
std::size_t separator_length(const std::string& text, std::size_t i) {
    auto at = [&](std::size_t k) { return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u; };
    if (at(i) == 0xC2 && at(i + 1) == 0xA0) return 2;
    if (at(i) == 0xE2 && at(i + 1) == 0x80) {
        unsigned char c = static_cast<unsigned char>(at(i + 2));
        if ((c >= 0x90 && c <= 0x97) || c == 0x9C || c == 0x9D || c == 0xA6) return 3;
    }
    return 0;
}

// Length of an apostrophe at text[i]: ' or U+2018 / U+2019, else 0.
std::size_t apostrophe_length(const std::string& text, std::size_t i) {
    if (text[i] == '\'') return 1;
    if (i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xE2 &&
        static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(text[i + 2]) == 0x98 || static_cast<unsigned char>(text[i + 2]) == 0x99))
        return 3;
    return 0;
}

class Tokenizer {
public:
    explicit Tokenizer(const std::string& text) : text_(text) {}

    std::vector<Token> run() {
        std::size_t i = 0;
        while (i < text_.size()) i = step(i);
        flush();
        return std::move(out_);
    }

private:
    std::size_t step(std::size_t i) {
        const unsigned char c = static_cast<unsigned char>(text_[i]);
        if ((c == '*' || c == '_') && i + 1 < text_.size() && text_[i + 1] == text_[i]) {
            flush();
            bold_ = !bold_;
            return i + 2;
        }
        if (std::size_t n = apostrophe_length(text_, i)) {
            if (word_.empty()) return i + n;  // an opening quote
            // "person's" -> "person"; "don't" -> "dont"
            std::size_t after = i + n;
            bool possessive = after < text_.size() && (text_[after] == 's' || text_[after] == 'S') &&
                              (after + 1 >= text_.size() || !is_letter_or_digit(static_cast<unsigned char>(text_[after + 1])));
            return possessive ? after + 1 : after;
        }
        if (std::size_t n = separator_length(text_, i)) {
            flush();
            return i + n;
        }
        if (c == 0xC2 && i + 1 < text_.size() && static_cast<unsigned char>(text_[i + 1]) == 0xA3) {
            flush();
            emit("\xC2\xA3");  // the pound sign is a word of its own
            return i + 2;
        }
        if (is_letter_or_digit(c) || c >= 0x80) {
            word_ += static_cast<char>(std::tolower(c));
            return i + 1;
        }
        flush();
        if (c == '&') emit("and");
        if (c == '.' || c == '!' || c == '?' || c == ';') {
            // A full stop inside "example.org" or "2.5" does not end a sentence.
            bool inside = i + 1 < text_.size() && is_letter_or_digit(static_cast<unsigned char>(text_[i + 1]));
            if (!inside && !out_.empty() && out_.back().sentence == sentence_) ++sentence_;
        }
        return i + 1;
    }

    void flush() {
        if (!word_.empty()) emit(word_);
        word_.clear();
    }

    void emit(const std::string& w) { out_.push_back({w, sentence_, bold_}); }

    const std::string& text_;
    std::vector<Token> out_;
    std::string word_;
    int sentence_ = 0;
    bool bold_ = false;
};

}  // namespace

std::vector<Token> tokenize(const std::string& text) { return Tokenizer(text).run(); }

}  // namespace easyread::symbols
