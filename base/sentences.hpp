// Words and sentences of plain text, as byte ranges so positions survive:
// the one sentence splitter of the model, the checker and the kiosk's speech.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace easyread {

struct Word {
    std::size_t begin = 0;  // byte offsets into the text
    std::size_t end = 0;
    std::string lower;      // lower case, curly apostrophes made straight
    bool capitalised = false;  // first letter upper case
    bool all_caps = false;     // two or more letters, all upper case
    bool has_digit = false;
    bool has_letter = false;
};

struct Sentence {
    std::size_t begin = 0;
    std::size_t end = 0;  // just past the closing punctuation
    std::vector<Word> words;
};

// Words: letters and digits with inner apostrophes, hyphens and, between
// digits, the marks of numbers and dates ("3,200", "2.5", "05/07/2024", "10%").
std::vector<Word> split_words(const std::string& text, std::size_t begin = 0,
                              std::size_t end = std::string::npos);

// Sentences end at ". ! ?" followed by a space or the end, except after
// abbreviations ("Dr.", "e.g.") and initials. Text with no end mark is one
// sentence. Empty sentences are dropped.
std::vector<Sentence> split_sentences(const std::string& text);
// The same sentences as text, without the space between them. A line break
// does not end a sentence (Markdown wraps lines mid-sentence); split lines
// first where each line is its own utterance.
std::vector<std::string> sentence_texts(const std::string& text);

// True when words[first, first+count) sit inside a name written in capitals
// ("Strategic Assessment Framework", "Joint Strategy for Autistic People"):
// a capitalised word that is not the sentence's first, or a capitalised
// neighbour. `sentence_first` is the index of the sentence's first word.
bool inside_capitalised_name(const std::vector<Word>& words, std::size_t first, std::size_t count,
                             std::size_t sentence_first);

// The number of words a sentence-like stretch of text holds.
int count_words(const std::string& text);

}  // namespace easyread
