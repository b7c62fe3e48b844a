// The drafter makes no new errors: a word swap only where the sentence still
// reads correctly, tables kept as question-and-answer tables, no bullet of a
// lone joining word, and a closing list of every number, date and name with
// the draft line that keeps it.
#include <catch2/catch.hpp>

#include "generator/draft/draft.hpp"
#include "generator/draft/draft_facts.hpp"
#include "generator/lang/lexicon.hpp"
#include "generator/lang/rule_set.hpp"
#include "generator/model/text_blocks.hpp"

using namespace easyread;

namespace {

std::string draft_of(const std::string& text, draft::DraftStats* stats_out = nullptr) {
    Diagnostics d;
    lang::RuleSet rules;
    REQUIRE(lang::load_rule_set(lang::kDefaultRuleSet, rules, d));
    lang::Lexicon lexicon;
    REQUIRE(lang::load_lexicon(rules, lexicon, d));
    SourceText src{"source.md", text};
    ParsedMarkdown md = parse_markdown(src, d);
    draft::DraftStats stats;
    std::string out = draft::draft_markdown(src, md, rules, lexicon, stats);
    if (stats_out) *stats_out = stats;
    return out;
}

// The draft without its notes: what a reader would see.
std::string body_of(const std::string& draft) {
    std::string out;
    std::size_t pos = 0;
    bool in_comment = false;
    while (pos < draft.size()) {
        std::size_t end = draft.find('\n', pos);
        if (end == std::string::npos) end = draft.size();
        std::string line = draft.substr(pos, end - pos);
        pos = end + 1;
        if (line.rfind("<!--", 0) == 0) in_comment = line.find("-->") == std::string::npos;
        else if (in_comment) in_comment = line.find("-->") == std::string::npos;
        else out += line + "\n";
    }
    return out;
}

}  // namespace

TEST_CASE("a word swap that would double a word or break the phrase is not made") {
    const std::string body = body_of(draft_of(
        "We work in a range of different areas.\n\n"
        "After admission to hospital we will call you.\n\n"
        "We chose the 5 priority areas with you.\n\n"
        "We need a range of services.\n"));
    CHECK(body.find("different different") == std::string::npos);
    CHECK(body.find("hospital to hospital") == std::string::npos);
    CHECK(body.find("most important thing areas") == std::string::npos);
    CHECK(body.find("priority areas") != std::string::npos);  // left as written
    CHECK(body.find("different services") != std::string::npos);  // the swap still made where it reads well
}

TEST_CASE("a table stays a table of questions and answers") {
    const std::string draft = draft_of(
        "| Question | What we found | Support needed |\n|---|---|---|\n"
        "| Is there a plan? | Yes. It was agreed in order to help people. | None. |\n"
        "| Who checks it? | The board, every three months. | |\n");
    const std::string body = body_of(draft);
    CHECK(body.find("| Question | What we found | Support needed |") != std::string::npos);
    CHECK(body.find("|---|---|---|") != std::string::npos);
    CHECK(body.find("| Is there a plan? | Yes. It was agreed to help people. | None. |") != std::string::npos);
    CHECK(body.find("| Who checks it? | The board, every 3 months. |  |") != std::string::npos);
}

TEST_CASE("no bullet says only a joining word") {
    const std::string body = body_of(draft_of("\xE2\x80\xA2 We help people \xE2\x80\xA2 and \xE2\x80\xA2 We meet carers\n"));
    CHECK(body.find("- We help people.") != std::string::npos);
    CHECK(body.find("- We meet carers.") != std::string::npos);
    CHECK(body.find("- And.") == std::string::npos);
}

TEST_CASE("the draft ends with every number, date and name and the line that keeps it") {
    draft::DraftStats stats;
    const std::string draft = draft_of(
        "---\ntitle: Our plan\n---\n"
        "Eastmoor Borough Council met eleven times between 02/02/2026 and 19/12/2026.\n\n"
        "Around 38% of adults live with their families, and the ICB spent \xC2\xA3" "9.2 million.\n",
        &stats);
    const std::size_t list = draft.find("<!-- Facts to tick off");
    REQUIRE(list != std::string::npos);
    const std::string facts = draft.substr(list);
    CHECK(facts.find("\"Eastmoor Borough Council\" (source line 4)") != std::string::npos);
    CHECK(facts.find("\"eleven\" (source line 4)") != std::string::npos);
    CHECK(facts.find("\"02/02/2026\"") != std::string::npos);
    CHECK(facts.find("\"38%\" (source line 6)") != std::string::npos);
    CHECK(facts.find("\"9.2 million\"") != std::string::npos);
    CHECK(facts.find("NOT IN THE DRAFT") == std::string::npos);
    CHECK(stats.facts >= 6);
    CHECK(stats.facts_missing == 0);
    // Each fact names the draft line that keeps it, in the draft's own words.
    const std::string date_line = "<!-- [ ] line ";
    std::size_t at = facts.find("\"02/02/2026\"");
    std::size_t line_start = facts.rfind('\n', at) + 1;
    REQUIRE(facts.compare(line_start, date_line.size(), date_line) == 0);
    int line = std::stoi(facts.substr(line_start + date_line.size()));
    std::size_t pos = 0;
    for (int k = 1; k < line; ++k) pos = draft.find('\n', pos) + 1;
    CHECK(draft.substr(pos, draft.find('\n', pos) - pos).find("2 February 2026") != std::string::npos);
}

TEST_CASE("a fact the draft loses is named") {
    Diagnostics d;
    lang::RuleSet rules;
    lang::Lexicon lexicon;
    REQUIRE(lang::load_lexicon(rules, lexicon, d));
    SourceText src{"source.md", "Call Hannah Abernethy on 01632 960318 by 28/11/2025.\n"};
    ParsedMarkdown md = parse_markdown(src, d);
    const auto facts = draft::source_facts(check::collect_text(src, md), &lexicon);
    int missing = 0;
    const std::string list =
        draft::facts_checklist(facts, "---\ntitle: x\n---\n\nCall Hannah by 28 November 2025.\n", missing);
    CHECK(list.find("<!-- [ ] line 5: \"28/11/2025\"") != std::string::npos);
    CHECK(list.find("NOT IN THE DRAFT: \"Hannah Abernethy\"") != std::string::npos);
    CHECK(list.find("NOT IN THE DRAFT: \"01632 960318\"") != std::string::npos);
    CHECK(missing == 2);  // the name and the phone number (one fact, not its two groups)
}

TEST_CASE("a date in words and a phone number in groups are each one fact") {
    Diagnostics d;
    lang::RuleSet rules;
    lang::Lexicon lexicon;
    REQUIRE(lang::load_lexicon(rules, lexicon, d));
    SourceText src{"source.md",
                   "This plan was agreed by Cabinet in March 2026.\n\nWe will pay carers by 31 March 2027 and "
                   "again from the 1st April 2028. Call 0300 123 4567.\n"};
    ParsedMarkdown md = parse_markdown(src, d);
    std::vector<std::string> written;
    for (const auto& f : draft::source_facts(check::collect_text(src, md), &lexicon)) written.push_back(f.written);
    CHECK(written == std::vector<std::string>{"Cabinet", "March 2026", "31 March 2027", "1st April 2028",
                                              "0300 123 4567"});
    int missing = 0;
    // The day's "st" may go; the year may not.
    draft::facts_checklist(draft::source_facts(check::collect_text(src, md), &lexicon),
                           "Cabinet agreed the plan in March 2026.\nWe pay carers by 31 March 2026.\n"
                           "And from 1 April 2028.\nCall 0300 123 4567.\n",
                           missing);
    CHECK(missing == 1);  // 31 March 2027 became 2026
}
