// The bundled word lists and glossary, and how malformed lines are reported.
#include <catch2/catch.hpp>

#include "generator/lang/lexicon.hpp"
#include "base/sentences.hpp"
#include "tests/check/check_test_support.hpp"

using namespace easyread;
using namespace easyread::check;
using namespace easyread::lang;

TEST_CASE("the bundled lists have the sizes the rules need", "[lexicon]") {
    const Lexicon& lex = test::bundled_lexicon();
    CHECK(lex.common.size() >= 1500);
    CHECK(lex.common.size() <= 3000);
    CHECK(lex.glossary.size() >= 150);
    CHECK(lex.plain.size() >= 300);
    CHECK(lex.same_things.size() >= 10);
}

TEST_CASE("every glossary entry has one short easy read sentence", "[lexicon]") {
    const Lexicon& lex = test::bundled_lexicon();
    for (const auto& e : lex.glossary) {
        INFO(e.term << " (line " << e.line << "): " << e.explanation);
        CHECK(split_sentences(e.explanation).size() == 1);
        CHECK(count_words(e.explanation) <= 25);
        if (e.acronym) CHECK_FALSE(e.full.empty());
    }
}

TEST_CASE("the plain-word pairs include the classic swaps", "[lexicon]") {
    const Lexicon& lex = test::bundled_lexicon();
    auto plain_for = [&](const std::string& wordy) -> std::string {
        for (const auto& p : lex.plain)
            if (p.wordy == wordy) return p.plain.empty() ? "(explain)" : p.plain;
        return "(missing)";
    };
    CHECK(plain_for("in order to") == "to");
    CHECK(plain_for("utilise") == "use");
    CHECK(plain_for("prior to") == "before");
    CHECK(plain_for("commissioning") == "(explain)");
}

TEST_CASE("everyday words are recognised with their endings", "[lexicon]") {
    const Lexicon& lex = test::bundled_lexicon();
    for (const char* w : {"house", "houses", "helping", "helped", "happier", "families", "running", "carer's", "well-being"})
        CHECK(lex.is_common(w));
    for (const char* w : {"commissioning", "stocktake", "proactive", "pragmatic"}) CHECK_FALSE(lex.is_common(w));
}

TEST_CASE("glossary terms match in the plural and in any case", "[lexicon]") {
    const Lexicon& lex = test::bundled_lexicon();
    REQUIRE(lex.find_term("CCG"));
    CHECK(lex.find_term("CCGs") == lex.find_term("CCG"));
    REQUIRE(lex.find_term("care plans"));
    CHECK(lex.find_term("care plans")->term == "care plan");
    CHECK(lex.find_term("Commissioning")->term == "commissioning");
    CHECK(lex.find_term("banana") == nullptr);
}

TEST_CASE("a malformed glossary line names the file and line", "[lexicon]") {
    Lexicon lex;
    Diagnostics d;
    parse_glossary("g.txt",
                   "# comment\n"
                   "GP | general practitioner | A GP is a doctor.\n"
                   "CCG | clinical commissioning group\n"
                   "respite | | a short break\n"
                   "gp | | Another GP.\n",
                   lex, d);
    std::string all = d.format_all();
    INFO(all);
    CHECK(all.find("g.txt:3:1: error[glossary-file]: expected 3 parts separated by \"|\", found 2") != std::string::npos);
    CHECK(all.find("g.txt:4:") != std::string::npos);
    CHECK(all.find("must be one sentence ending with a full stop") != std::string::npos);
    CHECK(all.find("g.txt:5:1: error[glossary-file]: \"gp\" is already in the glossary on line 2") != std::string::npos);
    CHECK(lex.glossary.size() == 1);  // the good line still loads
}

TEST_CASE("malformed word lists name the file and line", "[lexicon]") {
    Lexicon lex;
    Diagnostics d;
    parse_plain_words("p.txt", "in order to | to\nutilise\n", lex, d);
    parse_same_things("s.txt", "\n\njust one name\n", lex, d);
    parse_common_words("c.txt", "house home\nflat 42\n", lex, d);
    std::string all = d.format_all();
    INFO(all);
    CHECK(all.find("p.txt:2:1: error[word-list]") != std::string::npos);
    CHECK(all.find("s.txt:3:1: error[word-list]") != std::string::npos);
    CHECK(all.find("c.txt:2:6: error[word-list]: \"42\" is not a word") != std::string::npos);
    CHECK(lex.plain.size() == 1);
    CHECK(lex.common.count("flat") == 1);
}

TEST_CASE("a missing word list is an error naming it", "[lexicon]") {
    RuleSet r = test::default_rules();
    r.glossary = "/nonexistent/glossary.txt";
    Lexicon lex;
    Diagnostics d;
    CHECK_FALSE(load_lexicon(r, lex, d));
    CHECK(d.format_all().find("/nonexistent/glossary.txt: error[data-file]") != std::string::npos);
}
