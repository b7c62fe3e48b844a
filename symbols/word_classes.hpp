// Small closed classes of English words the matcher needs. Every `word` is
// lower case, as the tokeniser gives it.
#pragma once
#include <string>

namespace easyread::symbols {

// Words that never choose a picture on their own: grammar words and the
// vague verbs of official writing ("ensure", "provide").
bool is_stop_word(const std::string& word);

// Words after which the next word is most likely a verb: "we will *send*",
// "people were *sent*". Verbs make weaker pictures than the
// things they act on.
bool comes_before_verb(const std::string& word);

// Words that say the opposite of what follows: "We will *not* share", "We
// *never* sell", "*Don't* worry" (the tokeniser drops apostrophes). Not
// "no": "no smoking", "no money" name a thing.
bool is_negation(const std::string& word);

// Helping verbs and the like that may stand between "not" and the act it
// denies: "not *be* locked", "never *have to* pay".
bool is_auxiliary(const std::string& word);

// Words that start a noun phrase: a sentence's first word followed by one of
// these is an instruction's verb ("*Wear* your glasses").
bool is_determiner(const std::string& word);

}  // namespace easyread::symbols
