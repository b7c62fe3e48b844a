// The checks on small texts: what they catch, and what they leave alone.
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <future>
#include <thread>

#include "generator/check/readability.hpp"
#include "tests/check/check_test_support.hpp"

using namespace easyread;
using namespace easyread::check;
using namespace easyread::lang;
using test::check_text;
using test::with_id;

TEST_CASE("a term in bold followed by a sentence is explained", "[checks]") {
    auto explained = check_text("You can get **respite**. This means a short break for carers.\n");
    CHECK(with_id(explained, "unexplained-term").empty());
    auto bare = check_text("You can get respite. We can help.\n");
    REQUIRE(with_id(bare, "unexplained-term").size() == 1);
    CHECK(with_id(bare, "unexplained-term")[0].find("\"respite\" is jargon") != std::string::npos);
}

TEST_CASE("an acronym after its full words is explained, later uses are fine", "[checks]") {
    auto ok = check_text("Ask the Care Quality Commission (CQC) for help. The CQC checks services.\n");
    CHECK(with_id(ok, "unexplained-term").empty());
    auto bad = check_text("The CQC checks services. We like them.\n");
    auto found = with_id(bad, "unexplained-term");
    REQUIRE(found.size() == 1);
    CHECK(found[0].find("Write the full words, \"Care Quality Commission\"") != std::string::npos);
}

TEST_CASE("unknown acronyms are caught unless their initials come first", "[checks]") {
    auto bad = with_id(check_text("The WVJIP will help.\n"), "acronym");
    REQUIRE(bad.size() == 1);
    CHECK(bad[0].rfind("doc.md:1:5: warning[acronym]", 0) == 0);
    CHECK(with_id(check_text("The Winterbourne View Joint Improvement Programme (WVJIP) will help.\n"), "acronym").empty());
}

TEST_CASE("hard words are reported once, and not when bold and explained", "[checks]") {
    auto lines = with_id(check_text("We want a multifaceted plan. A multifaceted plan is best.\n"), "hard-word");
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].find("\"multifaceted\"") != std::string::npos);
    CHECK(with_id(check_text("We want a **multifaceted** plan. Multifaceted means it has many parts.\n"), "hard-word").empty());
    // Names in the middle of a sentence are not hard words.
    CHECK(with_id(check_text("We went to Warwickshire on the bus.\n"), "hard-word").empty());
}

TEST_CASE("several ideas: semicolons, joined clauses, 'which'", "[checks]") {
    CHECK(with_id(check_text("We meet; you talk.\n"), "several-ideas").size() == 1);
    CHECK(with_id(check_text("We meet on Monday and we talk about money.\n"), "several-ideas").size() == 1);
    CHECK(with_id(check_text("The plan, which is new, helps people.\n"), "several-ideas").size() == 1);
    // A list of things joined by "and" is one idea.
    CHECK(with_id(check_text("We like tea and cake.\n"), "several-ideas").empty());
    CHECK(with_id(check_text("We help with health and social care.\n"), "several-ideas").empty());
}

TEST_CASE("long sentences name a place to split", "[checks]") {
    auto lines = with_id(check_text("We will meet people in every part of the town to listen to what they think, "
                                    "because we want to make the support in our area better for everyone.\n"),
                         "long-sentence");
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == "doc.md:1:1: warning[long-sentence]: 29 words (limit 15). Split after \"think\".");
}

TEST_CASE("two names for one thing are caught at the second name", "[checks]") {
    auto lines = with_id(check_text("Talk to your doctor.\n\nYour GP can help.\n\nYour doctor is kind.\n"), "two-names");
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].rfind("doc.md:3:6: warning[two-names]: \"GP\" and \"doctor\" (line 1)", 0) == 0);
}

TEST_CASE("shouting is caught, known acronyms in a row are not", "[checks]") {
    CHECK(with_id(check_text("This is VERY IMPORTANT for you.\n"), "all-caps").size() == 1);
    CHECK(with_id(check_text("Do NOT go.\n"), "all-caps").size() == 1);
    CHECK(with_id(check_text("The NHS CCG pays.\n"), "all-caps").empty());
}

TEST_CASE("alignment requests in attributes, HTML and front matter", "[checks]") {
    CHECK(with_id(check_text("We help you. {align=center}\n"), "alignment").size() == 1);
    CHECK(with_id(check_text("<p align=\"justify\">Words</p>\n"), "alignment").size() == 1);
    CHECK(with_id(check_text("---\ntext-align: justify\n---\n\nWe help you.\n"), "alignment").size() == 1);
    CHECK(with_id(check_text("<!-- centred text is a note here -->\n\nWe help you.\n"), "alignment").empty());
}

TEST_CASE("readability figures follow the Flesch formulas", "[checks]") {
    CheckReport report;
    check_text("The cat sat on the mat. The dog ran to the park.\n", "doc.md", nullptr, &report);
    CHECK(report.whole.words == 12);
    CHECK(report.whole.sentences == 2);
    CHECK(report.whole.syllables == 12);
    CHECK(std::fabs(report.whole.reading_ease - (206.835 - 1.015 * 6 - 84.6 * 1)) < 0.01);
    CHECK(std::fabs(report.whole.grade - (0.39 * 6 + 11.8 * 1 - 15.59)) < 0.01);
}

TEST_CASE("the hardest paragraphs are listed, hardest first, at most 5", "[checks]") {
    std::string text;
    for (int i = 0; i < 7; ++i) text += "We meet at the hall on the hill with our friends today.\n\n";
    text += "Consequently, organisational accountability necessitates comprehensive evaluation methodologies for everyone.\n";
    CheckReport report;
    auto lines = check_text(text, "doc.md", nullptr, &report);
    REQUIRE(report.worst.size() == 5);
    CHECK(report.worst[0].line == 15);
    CHECK(report.worst[0].score.reading_ease < report.worst[1].score.reading_ease);
    // Only the one that misses the rule set's aims is named as hard.
    auto hard = with_id(lines, "hard-paragraph");
    REQUIRE(hard.size() == 1);
    CHECK(hard[0].find("doc.md:15:1:") == 0);
}

TEST_CASE("at most 5 hard paragraphs are named, hardest first", "[checks]") {
    std::string text;
    for (int i = 0; i < 7; ++i)
        text += "The partnership arrangements will facilitate improvement across organisations number " +
                std::to_string(i + 1) + (i == 3 ? " notwithstanding considerable complications.\n\n" : ".\n\n");
    auto lines = check_text(text);
    auto hard = with_id(lines, "hard-paragraph");
    REQUIRE(hard.size() == 5);
    CHECK(hard[0].find("doc.md:7:1:") == 0);  // the longest words: the hardest
}

TEST_CASE("document length: words and estimated pages against the limits", "[checks]") {
    RuleSet r = test::default_rules();
    r.max_words = 20;
    r.max_pages = 2;
    r.off = {"missing-picture", "picture-unrelated"};
    std::string text;
    for (int i = 0; i < 10; ++i) text += "We meet at the hall with our friends.\n\n";
    CheckReport report;
    auto lines = check_text(text, "doc.md", &r, &report);
    CHECK(report.words == 80);
    CHECK(report.pages_estimated);
    REQUIRE(with_id(lines, "document-words").size() == 1);
    CHECK(with_id(lines, "document-words")[0] ==
          "doc.md: warning[document-words]: 80 words (limit 20). Split it into two or more documents, each about one thing.");
    REQUIRE(with_id(lines, "document-pages").size() == 1);
    CHECK(with_id(lines, "document-pages")[0].find("(estimated without laying it out)") != std::string::npos);
}

TEST_CASE("a page count from the layout replaces the estimate", "[checks]") {
    Diagnostics diags;
    SourceText src{"doc.md", "We meet at the hall.\n"};
    ParsedMarkdown md = parse_markdown(src, diags);
    CheckOptions options;
    options.page_count = 30;
    options.lexicon = &test::bundled_lexicon();
    CheckReport report = check_markdown(src, md, test::default_rules(), options, diags);
    CHECK_FALSE(report.pages_estimated);
    CHECK(report.pages == 30);
    CHECK(diags.format_all().find("doc.md: warning[document-pages]: 30 pages (limit 20)") != std::string::npos);
}

TEST_CASE("a page count still being laid out on another thread is waited for", "[checks]") {
    Diagnostics diags;
    SourceText src{"doc.md", "We meet at the hall.\n"};
    ParsedMarkdown md = parse_markdown(src, diags);
    std::promise<int> pages;
    CheckOptions options;
    options.page_count_later = pages.get_future().share();
    options.lexicon = &test::bundled_lexicon();
    std::thread layout([&pages] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        pages.set_value(31);
    });
    CheckReport report = check_markdown(src, md, test::default_rules(), options, diags);
    layout.join();
    CHECK_FALSE(report.pages_estimated);
    CHECK(report.pages == 31);
    CHECK(diags.format_all().find("doc.md: warning[document-pages]: 31 pages (limit 20)") != std::string::npos);
}

TEST_CASE("checks switched off by the rule set report nothing, 'errors' makes errors", "[checks]") {
    RuleSet r = test::default_rules();
    r.off.insert("numeric-date");
    r.errors.insert("percentage");
    auto lines = check_text("On 05/07/2024, 30% came.\n", "doc.md", &r);
    CHECK(with_id(lines, "numeric-date").empty());
    REQUIRE(with_id(lines, "percentage").size() == 1);
    CHECK(with_id(lines, "percentage")[0].find("error[percentage]") != std::string::npos);
}

TEST_CASE("odd input never crashes the checker", "[checks]") {
    for (const char* text : {"", "\n\n\n", "---\n---\n", "#", "| |\n|-|\n| |\n", "**", "![](symbol:)", "{picture=}",
                             "....!!!???", "\xE2\x80\xA2\xE2\x80\xA2", "a\\", "1.2.3.4.5", "()", "<u>", "`code`"}) {
        CHECK_NOTHROW(check_text(text));
    }
}

TEST_CASE("the short forms officers write are found: financial years, 24/7, Q2, money in short, Cllr", "[checks]") {
    const auto found = check_text("In 2023/24 the 24/7 café cost £96.4m and £50k.\n\nBy Q2 Cllr Patel will report.\n");
    auto one = [&](const std::string& id, const std::string& what) {
        for (const auto& l : with_id(found, id))
            if (l.find(what) != std::string::npos) return true;
        return false;
    };
    CHECK(one("financial-year", "April 2023 to March 2024"));
    CHECK(one("short-form", "\"24/7\""));
    CHECK(one("short-form", "\"Q2\""));
    CHECK(one("short-form", "Councillor"));
    CHECK(one("money-short", "\xC2\xA3" "96.4 million"));
    CHECK(one("money-short", "\xC2\xA3" "50 thousand"));
}

TEST_CASE("the percentage check suggests the same value, never a rounded one", "[checks]") {
    // "14%" as "1 out of 10" would change the fact the checker asks to rewrite.
    const auto lines = with_id(check_text("14% came. 41% stayed. 25% left. 12.5% phoned. 50 per cent wrote.\n"), "percentage");
    REQUIRE(lines.size() == 5);
    CHECK(lines[0].find("\"14 out of 100 people\"") != std::string::npos);
    CHECK(lines[1].find("\"41 out of 100 people\"") != std::string::npos);
    CHECK(lines[2].find("\"1 out of 4 people\"") != std::string::npos);
    CHECK(lines[3].find("\"12.5 out of 100 people\"") != std::string::npos);
    CHECK(lines[4].find("\"1 out of 2 people\"") != std::string::npos);
    for (const auto& l : lines) CHECK(l.find("about") == std::string::npos);
}

TEST_CASE("a date in numbers in the front matter is found: it is printed on the cover", "[checks]") {
    auto lines = with_id(check_text("---\ntitle: Our plan\ndate: 14/03/2025\n---\n\nWe will help.\n"), "numeric-date");
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].rfind("doc.md:3:", 0) == 0);
    CHECK(lines[0].find("14 March 2025") != std::string::npos);
}

TEST_CASE("words of a web address or an email are not hard words", "[checks]") {
    auto lines = check_text("Find out more at www.eastbridge.gov.uk/ascengagement or write to "
                            "engagement.team@eastbridge.gov.uk today.\n");
    for (const auto& l : with_id(lines, "hard-word")) {
        INFO(l);
        CHECK(l.find("eastbridge") == std::string::npos);
        CHECK(l.find("ascengagement") == std::string::npos);
    }
}

TEST_CASE("a place named inside a sentence is a name at the start of one too", "[checks]") {
    auto hard = with_id(check_text("Kettering has a new day centre.\n\nWe live in Kettering and we like it.\n"), "hard-word");
    for (const auto& l : hard) INFO(l);
    CHECK(hard.empty());
    // Written in lower case somewhere, it is a word, not a name.
    CHECK(with_id(check_text("Remediation is planned.\n\nThe remediation of Remediation Street.\n"), "hard-word").size() == 1);
}

TEST_CASE("a plain-word suggestion fits the sentence as the drafter's swap does", "[checks]") {
    CHECK(with_id(check_text("Your query will be answered.\n"), "wordy-phrase").size() == 1);
    CHECK(with_id(check_text("Please query the bill.\n"), "wordy-phrase").empty());
    CHECK(with_id(check_text("The monitor beeps.\n"), "wordy-phrase").empty());
    CHECK(with_id(check_text("We will monitor the plan.\n"), "wordy-phrase").size() == 1);
    // The suggestion keeps the word's plural or "s", as the drafter's swap does.
    const auto plural = with_id(check_text("We run many initiatives. The team transfers calls.\n"), "wordy-phrase");
    REQUIRE(plural.size() == 2);
    CHECK(plural[0].find("Write \"plans\" instead") != std::string::npos);
    CHECK(plural[1].find("Write \"moves\" instead") != std::string::npos);
}

TEST_CASE("passive voice is found, 'be' with an adjective is not", "[checks]") {
    CHECK(with_id(check_text("The strategy was agreed by the Cabinet.\n"), "passive").size() == 1);
    CHECK(with_id(check_text("Services will be commissioned by the ICB.\n"), "passive").size() == 1);
    CHECK(with_id(check_text("Money is spent on housing.\n"), "passive").size() == 1);
    CHECK(with_id(check_text("We are pleased to help. I am tired. The office is based in town.\n"), "passive").empty());
    CHECK(with_id(check_text("The Cabinet agreed the strategy.\n"), "passive").empty());
}

TEST_CASE("a plain-word suggestion is made only where it fits the sentence", "[checks]") {
    for (const auto& l : with_id(check_text("We work with the voluntary sector in line with the law.\n"), "wordy-phrase")) {
        INFO(l);
        CHECK(l.find("you can choose") == std::string::npos);
        CHECK(l.find("\"like\"") == std::string::npos);
    }
}
