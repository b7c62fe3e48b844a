// The tokeniser, the lemmatiser's base forms and the stop words.
#include <algorithm>

#include <catch2/catch.hpp>

#include "symbols/lemma.hpp"
#include "symbols/tokens.hpp"
#include "symbols/word_classes.hpp"

using namespace easyread::symbols;

namespace {

std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& t : tokenize(text)) out.push_back(t.word);
    return out;
}

bool may_be(const std::string& word, const std::string& base) {
    auto forms = base_form_candidates(word);
    return std::find(forms.begin(), forms.end(), base) != forms.end();
}

}  // namespace

TEST_CASE("the tokeniser lowers case, joins contractions and drops possessives") {
    CHECK(words("The Doctor's NOTES") == std::vector<std::string>{"the", "doctor", "notes"});
    CHECK(words("I don\xE2\x80\x99t know") == std::vector<std::string>{"i", "dont", "know"});
    CHECK(words("co-production & A&E") == std::vector<std::string>{"co", "production", "and", "a", "and", "e"});
    CHECK(words("\xE2\x80\x9CQuoted\xE2\x80\x9D \xE2\x80\x94 text") == std::vector<std::string>{"quoted", "text"});
    CHECK(words("caf\xC3\xA9 costs \xC2\xA3" "5") == std::vector<std::string>{"caf\xC3\xA9", "costs", "\xC2\xA3", "5"});
}

TEST_CASE("the tokeniser counts sentences and marks bold words") {
    auto t = tokenize("It is a **care plan**. Read it! See example.org now");
    REQUIRE(t.size() == 11);
    CHECK(t[3].word == "care");
    CHECK(t[3].bold);
    CHECK(t[4].bold);
    CHECK_FALSE(t[0].bold);
    CHECK(t[4].sentence == 0);
    CHECK(t[5].sentence == 1);  // "read"
    CHECK(t[8].word == "example");
    CHECK(t[10].sentence == 2);  // the dot in example.org ends nothing
}

TEST_CASE("the tokeniser never fails on odd bytes") {
    CHECK(tokenize("").empty());
    CHECK(tokenize("*** ___ ... ''' \xE2\x80").size() <= 1);
    std::string noise;
    for (int c = 1; c < 256; ++c) noise += static_cast<char>(c);
    CHECK_NOTHROW(tokenize(noise));
}

TEST_CASE("base forms cover plurals, verb endings and irregular words") {
    CHECK(may_be("families", "family"));
    CHECK(may_be("carers", "carer"));
    CHECK(may_be("notes", "note"));
    CHECK(may_be("buses", "bus"));
    CHECK(may_be("planned", "plan"));
    CHECK(may_be("planning", "plan"));
    CHECK(may_be("caring", "care"));
    CHECK(may_be("cared", "care"));
    CHECK(may_be("moving", "move"));
    CHECK(may_be("supported", "support"));
    CHECK(may_be("children", "child"));
    CHECK(may_be("went", "go"));
    CHECK(may_be("paid", "pay"));
    CHECK(may_be("happier", "happy"));
    CHECK(may_be("safely", "safe"));
    CHECK(may_be("organized", "organised"));
    CHECK(may_be("gps", "gp"));
    // The word itself always comes first, so known words stay as they are.
    CHECK(base_form_candidates("meeting").front() == "meeting");
    // "notes" is tried as "note" before "not".
    auto forms = base_form_candidates("notes");
    CHECK(std::find(forms.begin(), forms.end(), "note") < std::find(forms.begin(), forms.end(), "not"));
}

TEST_CASE("grammar words and vague verbs are stop words, picture words are not") {
    for (const char* w : {"the", "if", "ensure", "and", "with", "provide", "will"}) CHECK(is_stop_word(w));
    for (const char* w : {"doctor", "house", "money", "hospital", "safe"}) CHECK_FALSE(is_stop_word(w));
}
