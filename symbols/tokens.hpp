// Splits a block of text into lower-case words, keeping what the matcher
// needs to know about each: its sentence, its place and whether it is bold.
#pragma once
#include <string>
#include <vector>

namespace easyread::symbols {

struct Token {
    std::string word;   // lower case; "don't" -> "dont", "person's" -> "person"
    int sentence = 0;   // 0 for the first sentence of the block
    bool bold = false;  // inside **...** or __...__ (a hard word)
};

// Never fails: any bytes give some (maybe no) tokens. '&' becomes "and";
// '-' and other punctuation split words; . ! ? ; end a sentence.
std::vector<Token> tokenize(const std::string& text);

}  // namespace easyread::symbols
