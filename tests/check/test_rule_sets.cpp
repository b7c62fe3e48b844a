// Rule sets: the bundled ones and what a malformed file reports.
#include <catch2/catch.hpp>

#include "generator/lang/rule_set.hpp"

using namespace easyread;
using namespace easyread::lang;

TEST_CASE("the three bundled rule sets load with their numbers and sources", "[rules]") {
    auto names = bundled_rule_sets();
    REQUIRE(names == std::vector<std::string>{"easy-read-standard", "plain-english", "uk-easy-read"});
    Diagnostics d;
    RuleSet uk, ers, plain;
    REQUIRE(load_rule_set("uk-easy-read", uk, d));
    REQUIRE(load_rule_set("easy-read-standard", ers, d));
    REQUIRE(load_rule_set("plain-english", plain, d));
    CHECK(d.items().empty());
    CHECK(uk.body_pt == 16);
    CHECK(uk.max_sentence_words == 15);
    CHECK(uk.max_pages == 20);
    CHECK(uk.source.find("gov.uk") != std::string::npos);
    CHECK(ers.max_sentence_words == 25);
    CHECK(ers.source.find("Easy Read Standard") != std::string::npos);
    CHECK(plain.body_pt == 14);
    CHECK_FALSE(plain.pictures_required);
    CHECK_FALSE(plain.enabled("percentage"));
    CHECK(plain.source.find("Plain English Campaign") != std::string::npos);
}

TEST_CASE("the default rule set is uk-easy-read", "[rules]") {
    Diagnostics d;
    RuleSet r;
    REQUIRE(load_rule_set("", r, d));
    CHECK(r.name == "uk-easy-read");
}

TEST_CASE("a malformed rules file names the file and the line", "[rules]") {
    Diagnostics d;
    RuleSet r;
    const std::string text =
        "# my rules\n"
        "name = mine\n"
        "source = our own guide\n"
        "max_sentence_words = twelve\n"
        "colour = blue\n"
        "this line has no equals sign\n"
        "body_pt = 99\n";
    CHECK_FALSE(parse_rule_set("mine.rules", text, r, d));
    std::string all = d.format_all();
    INFO(all);
    CHECK(all.find("mine.rules:4:22: error[rules-file]: max_sentence_words: \"twelve\" is not a whole number") !=
          std::string::npos);
    CHECK(all.find("mine.rules:5:1: error[rules-file]: unknown setting \"colour\"") != std::string::npos);
    CHECK(all.find("mine.rules:6:1: error[rules-file]: this line is not \"key = value\"") != std::string::npos);
    CHECK(all.find("mine.rules:7:11: error[rules-file]: body_pt: must be between 8 and 40") != std::string::npos);
    CHECK(d.count(Severity::Error) == 4);
}

TEST_CASE("a rules file must name itself and cite a source", "[rules]") {
    Diagnostics d;
    RuleSet r;
    CHECK_FALSE(parse_rule_set("x.rules", "max_pages = 10\n", r, d));
    std::string all = d.format_all();
    CHECK(all.find("has no name") != std::string::npos);
    CHECK(all.find("where its numbers come from") != std::string::npos);
}

TEST_CASE("an unknown rule set name lists the ones there are", "[rules]") {
    Diagnostics d;
    RuleSet r;
    CHECK_FALSE(load_rule_set("nonsense", r, d));
    CHECK(d.format_all().find("Use one of: easy-read-standard, plain-english, uk-easy-read") != std::string::npos);
}

TEST_CASE("a rules file can be given by path and switch checks off", "[rules]") {
    Diagnostics d;
    RuleSet r;
    REQUIRE(parse_rule_set("p.rules", "name = p\nsource = s\noff = italic, all-caps\nerrors = long-sentence\n", r, d));
    CHECK_FALSE(r.enabled("italic"));
    CHECK_FALSE(r.enabled("all-caps"));
    CHECK(r.enabled("long-sentence"));
    CHECK(r.errors.count("long-sentence") == 1);
}
