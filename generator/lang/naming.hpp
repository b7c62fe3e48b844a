// Easy read names a thing after explaining it: "Every person will have a plan
// to leave hospital. This plan is called a **discharge plan**." The model (for
// the Hard words page) and the checker (for unexplained words) read this the
// same way.
#pragma once
#include <string>

namespace easyread::lang {

// True when `before_word`, the words of a sentence up to a hard word, is a
// naming opening: "This is called", "This plan is called a", "These are known
// as", "This means", "We call this", "People call this". The sentence before
// then explains the word.
bool is_naming_opening(const std::string& before_word);

// True when `sentence` is about the hard word `word`: the word is what it
// describes, the subject before its first verb ("An x-ray is ...", "A
// support worker can help ...", "Advice and guidance tell ..."), or, when
// `pointing` (the sentence comes right after the word's), "this", "it",
// "they" or "these" stands for it ("It keeps your things safe."). "Our team
// visits people on Tuesdays." is not about "reablement".
bool sentence_about(const std::string& sentence, const std::string& word, bool pointing);

// True when `sentence` mentions the hard word `word` (case and simple endings
// aside): "A care plan says ..." names "care plan" and "care plans".
bool sentence_names(const std::string& sentence, const std::string& word);

// True when the sentence says what the word is: the word as its subject and
// "means", or "is"/"are" naming a thing, right after it ("An x-ray is a
// photo of ...", not "The advocate is free").
// Such a sentence is a better meaning than one that says what it does.
bool sentence_defines(const std::string& sentence, const std::string& word);

}  // namespace easyread::lang
