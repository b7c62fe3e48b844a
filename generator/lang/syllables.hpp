// Syllables of an English word, by rule: vowel groups, then corrections for
// silent "e", "-es"/"-ed" endings and vowel pairs said as two sounds.
#pragma once
#include <string>

namespace easyread::lang {

// `word` in any case; apostrophes and hyphens allowed. Numbers count one
// syllable a digit, at most 4. Returns at least 1 for any word with a letter
// or digit, 0 otherwise.
int count_syllables(const std::string& word);

}  // namespace easyread::lang
