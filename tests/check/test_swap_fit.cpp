// A word swap fits the sentence: the drafter makes it and the checker
// suggests it only where the plain words are the same word class and the
// words around them are a frame that class fits.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "generator/lang/lexicon.hpp"
#include "generator/lang/swap_fit.hpp"
#include "base/sentences.hpp"
#include "base/text_util.hpp"
#include "tests/check/check_test_support.hpp"

using namespace easyread;
using namespace easyread::lang;
namespace test = easyread::check::test;

namespace {

// Whether the bundled list's swap for `wordy` fits where it stands in `sentence`.
bool fits(const std::string& sentence, const std::string& wordy) {
    const Lexicon& lex = test::bundled_lexicon();
    std::vector<Word> words = split_words(sentence);
    std::vector<std::string> lower;
    for (const auto& w : words) lower.push_back(w.lower);
    for (std::size_t i = 0; i < words.size(); ++i) {
        auto [id, len] = lex.plain_index.match(lower, i);
        if (len > 0 && lex.plain[id].wordy == wordy)
            return swap_fits(sentence, words, i, len, lex.plain[id].plain, lex.plain[id].word_class);
    }
    FAIL("\"" << wordy << "\" is not found in \"" << sentence << "\"");
    return false;
}

const PlainPair* pair_for(const std::string& wordy) {
    for (const auto& p : test::bundled_lexicon().plain)
        if (p.wordy == wordy) return &p;
    return nullptr;
}

}  // namespace

TEST_CASE("a swap fits only the frame of its word class", "[swap]") {
    // Nouns: after "the" or "your", never where a verb stands.
    CHECK(fits("Your query will be answered.", "query"));
    CHECK_FALSE(fits("Please query the bill.", "query"));
    CHECK_FALSE(fits("We query every bill.", "query"));
    // Several plain words do not follow a describing word.
    CHECK(fits("We thank our colleagues.", "colleagues"));
    CHECK_FALSE(fits("Our regeneration colleagues came.", "colleagues"));
    // Verbs: after "will" or "we", never where a noun stands.
    CHECK(fits("We will monitor the plan.", "monitor"));
    CHECK_FALSE(fits("The monitor beeps.", "monitor"));
    // Adjectives: one word before a noun, a longer phrase only after "is".
    CHECK(fits("We have sufficient staff.", "sufficient"));
    CHECK(fits("We have insufficient staff.", "insufficient"));
    CHECK(fits("The risk is negligible.", "negligible"));
    CHECK_FALSE(fits("All admitted patients get a leaflet.", "admitted"));
    CHECK(fits("She was admitted.", "admitted"));
    // A clause fits nowhere a word stood.
    CHECK_FALSE(fits("We work with the voluntary sector.", "voluntary"));
    CHECK_FALSE(fits("Taking part is voluntary.", "voluntary"));
    CHECK_FALSE(fits("Training is mandatory.", "mandatory"));
}

TEST_CASE("every word in the plain-word list has a word class and fits its own frame", "[swap][lexicon]") {
    const Lexicon& lex = test::bundled_lexicon();
    int single = 0, checked = 0;
    for (const auto& p : lex.plain) {
        if (p.plain.empty() || p.words.size() != 1 || lower(p.plain) == lower(p.wordy)) continue;
        ++single;
        INFO(p.wordy << " | " << p.plain << " | " << word_class_name(p.word_class) << " (line " << p.line << ")");
        // Plain words that start with a pronoun are a clause: they never replace a word.
        const std::string first = lower(p.plain.substr(0, p.plain.find(' ')));
        if (first == "you" || first == "we" || first == "they" || first == "what" || first == "something")
            CHECK(p.word_class == WordClass::Clause);
        const std::string w = p.wordy;
        switch (p.word_class) {
            case WordClass::Noun:
                CHECK_FALSE(fits("We will " + w + " it.", w));
                CHECK_FALSE(fits("They " + w + " it.", w));
                if (!is_determiner(lower(p.plain.substr(0, p.plain.find(' '))))) CHECK(fits("We talked about the " + w + ".", w));
                break;
            case WordClass::Verb:
                CHECK_FALSE(fits("The " + w + " was late.", w));
                CHECK_FALSE(fits("A lot of " + w + " was late.", w));
                CHECK(fits("We will " + w + " it.", w));
                break;
            case WordClass::Adjective:
                CHECK(fits("This is " + w + ".", w));
                if (split_words(p.plain).size() > 1 && lower(p.plain).rfind("not ", 0) != 0 &&
                    lower(p.plain).rfind("very ", 0) != 0)
                    CHECK_FALSE(fits("We saw " + w + " people there.", w));
                break;
            case WordClass::Clause:
                CHECK_FALSE(fits("This is " + w + ".", w));
                CHECK_FALSE(fits("We saw the " + w + " here.", w));
                break;
            case WordClass::Adverb:
            case WordClass::Phrase:
                break;
        }
        ++checked;
    }
    CHECK(single >= 250);
    CHECK(checked == single);
}

TEST_CASE("every line of the bundled plain-word list names its word class", "[swap][lexicon]") {
    std::istringstream in(test::read_file(std::string(EASYREAD_SOURCE_DIR) + "/templates/words/plain-words.txt"));
    int lines = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        INFO(line);
        CHECK(std::count(line.begin(), line.end(), '|') == 2);
        ++lines;
    }
    CHECK(lines >= 500);
}

TEST_CASE("a word class the list does not know is an error at its line", "[swap][lexicon]") {
    Lexicon lex;
    Diagnostics d;
    parse_plain_words("words.txt", "utilise | use | verb\nprocure | buy | verbal\nassist | help | verb | more\n", lex, d);
    REQUIRE(d.count(Severity::Error) == 2);
    CHECK(d.items()[0].line == 2);
    CHECK(d.items()[0].message.find("\"verbal\" is not a word class") != std::string::npos);
    CHECK(d.items()[1].line == 3);
    REQUIRE(lex.plain.size() == 1);
    CHECK(lex.plain[0].word_class == WordClass::Verb);
    CHECK(pair_for("utilise") != nullptr);
}
