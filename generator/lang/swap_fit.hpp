// Whether a plain word or phrase fits where a wordy one stands in a
// sentence: the one rule the drafter uses to make a swap and the checker
// uses to suggest it.
#pragma once
#include <string>
#include <vector>

#include "base/sentences.hpp"

namespace easyread::lang {

// The word class the wordy and the plain words share, from the word list's
// third field. `Clause`: the plain words say the same thing in another
// shape ("voluntary | you can choose"), so they never replace the word as
// it stands; a person must rewrite the sentence.
enum class WordClass { Phrase, Noun, Verb, Adjective, Adverb, Clause };

// "noun", "verb", "adj", "adv", "phrase", "clause"; false for anything else.
bool parse_word_class(const std::string& name, WordClass& out);
const char* word_class_name(WordClass c);

// "the", "our", "every": words that start a noun phrase.
bool is_determiner(const std::string& word);

// True when swapping words[i, i+len) of sentence `s` for `plain`, of class
// `cls`, leaves a sentence that still reads correctly: the words around it
// are a frame that class fits ("the" + noun, "we will" + verb, adjective
// before a noun only when the plain words are one adjective), no doubled
// words, "a"/"an" and determiners kept in step.
bool swap_fits(const std::string& s, const std::vector<Word>& words, std::size_t i, std::size_t len,
               const std::string& plain, WordClass cls);

// "utilises" -> "uses", "initiatives" -> "plans": a plural or third-person
// "s" on the written word carried over to a one-word replacement.
std::string carry_plural(const std::string& written, const std::string& wordy_last, const std::string& plain);

}  // namespace easyread::lang
