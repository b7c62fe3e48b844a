// Words and sentences: the units every check counts, and the one splitter
// the model and the kiosk's speech use too.
#include <catch2/catch.hpp>

#include "base/sentences.hpp"

using namespace easyread;

TEST_CASE("sentences end at . ! ? followed by a space", "[tokenize]") {
    auto s = sentence_texts("We meet on Monday. Can you come? Yes! Thank you");
    REQUIRE(s.size() == 4);
    CHECK(s[0] == "We meet on Monday.");
    CHECK(s[1] == "Can you come?");
    CHECK(s[3] == "Thank you");
}

TEST_CASE("abbreviations, initials and decimals do not end a sentence", "[tokenize]") {
    auto s = sentence_texts("Dr. Smith met J. Brown, e.g. at 2.5 miles away. Then we left.");
    REQUIRE(s.size() == 2);
    CHECK(s[0] == "Dr. Smith met J. Brown, e.g. at 2.5 miles away.");
}

TEST_CASE("closing quotes stay with their sentence", "[tokenize]") {
    auto s = sentence_texts("He said \"we will.\" Then he went. She said \xE2\x80\x9Cyes.\xE2\x80\x9D Good.");
    REQUIRE(s.size() == 4);
    CHECK(s[0] == "He said \"we will.\"");
    CHECK(s[2] == "She said \xE2\x80\x9Cyes.\xE2\x80\x9D");
}

TEST_CASE("words keep apostrophes, hyphens and number marks", "[tokenize]") {
    auto w = split_words("People\xE2\x80\x99s person-centred plan: 3,200 people, 10% and 05/07/2024 (ii).");
    std::vector<std::string> lower;
    for (const auto& x : w) lower.push_back(x.lower);
    CHECK(lower == std::vector<std::string>{"people's", "person-centred", "plan", "3,200", "people", "10%", "and",
                                            "05/07/2024", "ii"});
    CHECK(w[0].capitalised);
    CHECK(w[3].has_digit);
    CHECK_FALSE(w[3].has_letter);
}

TEST_CASE("all caps needs two or more capital letters", "[tokenize]") {
    auto w = split_words("I saw the NHS and A team");
    CHECK_FALSE(w[0].all_caps);
    CHECK(w[3].all_caps);
    CHECK_FALSE(w[5].all_caps);
}

TEST_CASE("accented letters are part of words", "[tokenize]") {
    auto w = split_words("We had a café meeting");
    REQUIRE(w.size() == 5);
    CHECK(w[3].lower == "café");
    CHECK(count_words("We had a café meeting") == 5);
}
