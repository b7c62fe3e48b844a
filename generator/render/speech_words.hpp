// Making text speakable: what the speech engine is given for a piece of
// written text, so that money, dates, times, ranges, units and acronyms are
// said the way people say them.
#pragma once
#include <map>
#include <string>
#include <unordered_set>

#include "base/diagnostics.hpp"

namespace easyread {

struct Pronunciations {
    // Words said instead of others, from a pronunciation file such as
    //   # comment
    //   LeDeR: led-er
    // Keys are matched as whole words, exactly as written; they win over everything else.
    std::map<std::string, std::string> words;
    // The bundled list (templates/words/spoken-acronyms.txt): acronym -> how
    // it is said, or "letters" to spell it.
    std::map<std::string, std::string> acronyms;
    // Everyday words (templates/words/common-words.txt), lower case: a
    // heading written in capitals ("WHAT WE WILL DO") is said as words.
    std::unordered_set<std::string> common;
};

// Reads `path`; a missing file is no error (returns true with nothing).
// Bad lines are warnings naming the file and line.
bool load_pronunciations(const std::string& path, Pronunciations& out, Diagnostics& diags);

// The bundled acronym list and everyday words, from the data folder.
bool load_spoken_words(Pronunciations& out, Diagnostics& diags);

// An acronym of 4 or more letters that reads as an English word: one vowel
// group or more, and consonant groups English starts, joins and ends words
// with ("NICE", "STOMP", "SENCO", "ADASS"; not "VCSE", "CAMHS", "EHCP").
bool sayable_as_word(const std::string& capitals);

// The text as a speech engine should get it: the user's words first, then
// money ("£96.4m" -> "96.4 million pounds"), ranges ("10-12" -> "10 to
// 12"), fiscal years ("2023/24" -> "2023 to 2024"), dates, times ("9:30am",
// "14:00", "24/7"), fractions, units, short forms ("Cllr"), phone numbers
// digit by digit, and acronyms: as words when they are words ("NICE"), else
// spelled ("NHS" -> "N H S").
std::string speakable(const std::string& text, const Pronunciations& p);

}  // namespace easyread
