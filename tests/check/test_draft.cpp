// The drafter on small texts and on the long documents in tests/cases/draft/.
#include <catch2/catch.hpp>

#include "generator/draft/draft_guard.hpp"

#include <dirent.h>

#include <algorithm>
#include <map>
#include <set>
#include <cstdio>
#include <regex>
#include <sstream>

#include "generator/lang/data_file.hpp"
#include "generator/draft/draft.hpp"
#include "generator/model/build_document.hpp"
#include "generator/lang/numbers.hpp"
#include "base/sentences.hpp"
#include "tests/check/check_test_support.hpp"
#include "generator/parse/markdown_front.hpp"

using namespace easyread;
using namespace easyread::check;
using namespace easyread::lang;
using namespace easyread::draft;

namespace {

std::string draft_of(const std::string& text, DraftStats* stats_out = nullptr, const std::string& name = "in.md") {
    Diagnostics d;
    SourceText src{name, text};
    ParsedMarkdown md = parse_markdown(src, d);
    DraftStats stats;
    std::string out = draft_markdown(src, md, test::default_rules(), test::bundled_lexicon(), stats);
    if (stats_out) *stats_out = stats;
    return out;
}

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

// The draft's body without comments and front matter, as lower-case words.
std::set<std::string> draft_words(const std::string& draft) {
    std::set<std::string> out;
    for (const auto& w : split_words(draft)) out.insert(w.lower);
    return out;
}

}  // namespace

TEST_CASE("draft: inline lists become bullet lists", "[draft]") {
    std::string d = draft_of("You can get help with: money, housing, jobs and friends.\n");
    CHECK(has(d, "You can get help with:\n\n- money\n- housing\n- jobs\n- friends\n"));
    std::string e = draft_of("We support people in many ways, including visits, phone calls and letters.\n");
    CHECK(has(e, "We support people in many ways, including:\n\n- visits\n- phone calls\n- letters\n"));
}

TEST_CASE("draft: a sentence is a list only when its lead-in can stand before the items", "[draft]") {
    // "If you would like: call ..." would tell everyone to call.
    std::string d = draft_of("If you would like this plan in another format, call 01632 960123 or email "
                             "asc@example.gov.uk.\n");
    CHECK_FALSE(has(d, "If you would like:"));
    CHECK_FALSE(has(d, "- call 01632 960123"));
    CHECK(has(d, "call 01632 960123 or email"));
    std::string e = draft_of("When you visit us, including on Saturdays, Sundays and bank holidays, bring a friend.\n");
    CHECK_FALSE(has(e, "When you visit us, including:"));
    std::string f = draft_of("We run groups like art, music, walking and cooking.\n");
    CHECK(has(f, "We run groups like:\n\n- art\n- music\n- walking\n- cooking\n"));
    std::string g = draft_of("If you need help, you can get it with: money, housing, jobs and friends.\n");
    CHECK(has(g, "If you need help, you can get it with:\n\n- money\n"));
}

TEST_CASE("draft: the author's bold words that the text explains stay bold, with the author's meaning only", "[draft]") {
    std::string d = draft_of("After a stay in hospital you might get **intermediate care**. Our team works every day.\n\n"
                             "Intermediate care is short-term support to help you get back on your feet.\n\n"
                             "A **direct payment** lets you buy your own support.\n\n"
                             "Tell us by **June 2025**.\n");
    CHECK(has(d, "you might get **intermediate care**."));
    CHECK_FALSE(has(d, "hard word \"intermediate\""));
    CHECK(has(d, "A **direct payment** lets you buy your own support."));
    CHECK_FALSE(has(d, "explains the bold word above"));  // not the glossary's sentence as well
    CHECK_FALSE(has(d, "**June 2025**"));  // bold for emphasis is not a hard word
    // The easy read made from the draft explains each as the source did.
    Diagnostics diags;
    SourceText again{"draft.md", d};
    Document doc = build_document(again, parse_markdown(again, diags), diags);
    std::map<std::string, std::string> meaning;
    for (const auto& hw : doc.hard_words) meaning[hw.word] = hw.explanation;
    CHECK(meaning["intermediate care"] == "Intermediate care is short-term support to help you get back on your feet.");
    CHECK(meaning["direct payment"] == "A direct payment lets you buy your own support.");
}

TEST_CASE("draft: semicolons and long chains become separate sentences", "[draft]") {
    std::string d = draft_of("We meet every week; you can come too.\n");
    CHECK(has(d, "<!-- from line 1 -->\nWe meet every week.\n"));
    CHECK(has(d, "<!-- from line 1 -->\nYou can come too.\n"));
    std::string e = draft_of("The group meets in the town hall every month with people from the area, "
                             "and they talk about what is going well and what needs to change.\n");
    CHECK(has(e, "The group meets in the town hall every month with people from the area.\n"));
    CHECK(has(e, "They talk about what is going well and what needs to change.\n"));
}

TEST_CASE("draft: wordy phrases become plain words", "[draft]") {
    std::string d = draft_of("Prior to the meeting we will utilise the room in order to talk.\n");
    CHECK(has(d, "Before the meeting we will use the room to talk."));
}

TEST_CASE("draft: acronyms get full words, bold, and an explanation after", "[draft]") {
    std::string d = draft_of("The CCG pays for it. The CCG is local.\n");
    CHECK(has(d, "The **CCG** (clinical commissioning group) pays for it.\n"));
    CHECK(has(d, "<!-- from line 1: explains the bold word above -->\nA CCG was a group of local doctors"));
    CHECK(has(d, "\nThe CCG is local.\n"));  // only the first use is expanded
}

TEST_CASE("draft: digits, month names and no percentages", "[draft]") {
    std::string d = draft_of("We have twenty-five staff and three hundred people. We meet on 05/07/2024. "
                             "About 30% of people came.\n");
    CHECK(has(d, "We have 25 staff and 300 people."));
    CHECK(has(d, "We meet on 5 July 2024."));
    CHECK(has(d, "About 3 out of 10 people came."));
    CHECK(has(draft_of("About 2 million people live here.\n"), "About 2 million people live here."));
    // A number in words is changed whole or not at all: "one thousand" was "one 1000".
    std::string e = draft_of("We saw 1,240 people, up from one thousand. We trained two hundred and fifty carers. "
                             "Hundreds of people came.\n");
    CHECK(has(e, "up from 1000."));
    CHECK(has(e, "We trained 250 carers."));
    CHECK(has(e, "Hundreds of people came."));
    CHECK_FALSE(has(e, "NOT IN THE DRAFT"));
}

TEST_CASE("draft: every block names its source line, TODOs mark what is left", "[draft]") {
    DraftStats stats;
    std::string d = draft_of("# About the plan\n\nWe want a multifaceted and idiosyncratic approach.\n\n"
                             "The group will look at housing, jobs, money, friends, travel, health, "
                             "college and leisure for people who need support in the whole county.\n",
                             &stats);
    CHECK(has(d, "<!-- from line 1 -->\n# About the plan\n"));
    CHECK(has(d, "<!-- from line 3 -->\nWe want a multifaceted"));
    CHECK(has(d, "<!-- TODO (line 3): hard words \"multifaceted\", \"idiosyncratic\": "));
    CHECK(has(d, "<!-- from line 5 -->"));
    CHECK(stats.todos >= 1);
    // Every line of text has a comment above it (lists hang under their lead-in).
    std::istringstream in(d);
    std::string line, previous;
    bool in_front = false, body = false;
    int fences = 0;
    while (std::getline(in, line)) {
        if (line == "---" && fences < 2) { ++fences; in_front = fences == 1; continue; }
        if (in_front && fences == 1) continue;
        body = true;
        bool text = !line.empty() && line.rfind("<!--", 0) != 0;
        bool list_under_lead = line.rfind("- ", 0) == 0 && (previous.empty() || previous.rfind("- ", 0) == 0);
        if (text && !list_under_lead) {
            INFO(line);
            CHECK(previous.rfind("<!-- from line ", 0) == 0);
        }
        previous = line;
    }
    CHECK(body);
}

TEST_CASE("draft: bullets copied from web pages become list items with their own lines", "[draft]") {
    std::string d = draft_of("Good support:\n\xE2\x80\xA2 listens to you;\n\xE2\x80\xA2 helps you choose;\n");
    CHECK(has(d, "<!-- from line 2 -->\n- Listens to you.\n"));
    CHECK(has(d, "<!-- from line 3 -->\n- Helps you choose.\n"));
}

// Facts: every number, every name and nearly every content word of the
// source is still in the draft. The sources are long strategy-like documents
// written for this test (Markdown with tables, and text as pasted from a PDF).
TEST_CASE("draft keeps every fact of the long documents", "[draft][documents]") {
    std::vector<std::string> documents;
    DIR* dir = opendir(DRAFT_CASES_DIR);
    INFO("the documents are in " DRAFT_CASES_DIR);
    REQUIRE(dir != nullptr);
    while (dirent* e = readdir(dir)) {
        std::string n = e->d_name;
        auto ends = [&n](const std::string& end) {
            return n.size() > end.size() && n.compare(n.size() - end.size(), end.size(), end) == 0;
        };
        if (ends(".md") || ends(".txt")) documents.push_back(n);
    }
    closedir(dir);
    std::sort(documents.begin(), documents.end());
    REQUIRE(documents.size() >= 3);
    const Lexicon& lex = test::bundled_lexicon();
    for (const auto& name : documents) {
        std::string text = test::read_file(std::string(DRAFT_CASES_DIR) + "/" + name);
        DraftStats stats;
        std::string d = draft_of(text, &stats, name);
        std::set<std::string> out = draft_words(d);
        int content = 0, kept = 0;
        std::string lost;
        for (const auto& s : split_sentences(text)) {
            std::vector<std::string> lower;
            for (const Word& w : s.words) lower.push_back(w.lower);
            std::size_t swapped_until = 0;  // the words of a phrase the draft says in other words
            for (std::size_t i = 0; i < s.words.size(); ++i) {
                const Word& w = s.words[i];
                if (w.has_digit) {
                    // Numbers stay; dates and percentages ("30%", "71 per cent") are kept in their new form.
                    std::string date = numeric_date_in_words(w.lower);
                    bool per = i + 1 < lower.size() && lower[i + 1] == "per";
                    bool ok = out.count(w.lower) || w.lower.back() == '%' || (!date.empty() && has(d, date)) || per;
                    INFO(name << ": number " << w.lower);
                    CHECK(ok);
                    if (per && i + 2 < lower.size() && lower[i + 2] == "cent") swapped_until = i + 3;
                    continue;
                }
                if (i < swapped_until) continue;
                // Wordy words and phrases swapped for plain ones, and number words now in digits, are kept in meaning.
                auto swap = lex.plain_index.match(lower, i);
                if (swap.second > 0 && !lex.plain[swap.first].plain.empty()) {
                    swapped_until = i + swap.second;
                    continue;
                }
                if (number_word_value(w.lower) > 0) continue;
                bool name_word = w.capitalised && i > 0 && !lex.is_common(w.lower);
                if (name_word) {
                    INFO(name << ": name " << w.lower);
                    CHECK(out.count(w.lower) == 1);
                    continue;
                }
                if (w.lower.size() < 4 || lex.is_common(w.lower)) continue;
                ++content;
                if (out.count(w.lower)) ++kept;
                else lost += w.lower + " ";
            }
        }
        INFO(name << ": content words not in the draft: " << lost);
        CHECK(kept * 100 >= content * 95);
        CHECK(stats.sentences > 0);
    }
}

TEST_CASE("draft: every percentage keeps its value", "[draft]") {
    std::string d = draft_of("Only 14% of adults were in paid work, compared with 58% in 2019 and 63% nationally.\n"
                             "Half of them, 50% of carers, and 12.5% of young people said so.\n"
                             "Costs went up by approximately 12%.\n");
    CHECK(has(d, "14 out of 100"));
    CHECK(has(d, "58 out of 100"));
    CHECK(has(d, "63 out of 100"));
    CHECK(has(d, "1 out of 2 carers"));
    CHECK(has(d, "12.5%"));
    CHECK_FALSE(has(d, "about 1 out of 10"));
    CHECK_FALSE(has(d, "about 6 out of 10"));
    CHECK_FALSE(has(d, "about about"));
}

TEST_CASE("draft: the facts list says a fact is kept only when the draft has its value", "[draft]") {
    DraftStats stats;
    std::string d = draft_of("Only 14% of adults were in paid work.\n", &stats);
    CHECK(has(d, "line "));
    CHECK_FALSE(has(d, "NOT IN THE DRAFT: \"14%\""));
    CHECK(stats.facts_missing == 0);
}

TEST_CASE("draft: front matter's summary_of is kept", "[draft]") {
    std::string d = draft_of("---\ntitle: Our plan\nsummary_of: Eastbridge Learning Disability Strategy 2025-2030\n---\n\nWe will help.\n");
    CHECK(has(d, "summary_of: \"Eastbridge Learning Disability Strategy 2025-2030\""));
}

TEST_CASE("draft: no nested brackets, no clause put in place of a word, no doubled words", "[draft]") {
    std::string d = draft_of("The Integrated Care Board (ICB) will plan services.\n"
                             "We will work with the voluntary, community and social enterprise (VCSE) sector.\n");
    CHECK_FALSE(has(d, "(**ICB** ("));
    CHECK_FALSE(has(d, "(**VCSE** ("));
    CHECK_FALSE(has(d, "the you can choose"));
    for (const char* doubled : {"about about", "the the", "to to", "a a "}) {
        INFO(doubled);
        CHECK_FALSE(has(d, doubled));
    }
}

TEST_CASE("draft: a swap is made only where the plain words fit the sentence", "[draft]") {
    std::string d = draft_of("There are mechanisms for clients.\n"
                             "Our regeneration colleagues came.\n"
                             "Training is mandatory.\n"
                             "Please query the bill.\n"
                             "We will monitor the plan.\n"
                             "We have sufficient staff.\n"
                             "This is a priority for us.\n");
    CHECK(has(d, "There are ways for people."));
    CHECK_FALSE(has(d, "waies"));
    CHECK(has(d, "Our regeneration colleagues came."));
    CHECK(has(d, "Training is mandatory."));
    CHECK(has(d, "Please query the bill."));
    CHECK(has(d, "We will check the plan."));
    CHECK(has(d, "We have enough staff."));
    CHECK_FALSE(has(d, "a most important thing"));
}

TEST_CASE("draft: a sentence the plain words would break is kept as the source has it, with a TODO", "[draft]") {
    // Each drafted piece is looked at again before it is written.
    using easyread::draft::draft_fault;
    CHECK(draft_fault("We know about it.", "We know about about it.") == "the word \"about\" twice");
    CHECK(draft_fault("We had had enough.", "We had had enough.").empty());
    CHECK(draft_fault("Send queries, questions or forms.", "Send questions, questions or forms.") ==
          "the word \"questions\" twice");
    CHECK(draft_fault("The ICB (Integrated Care Board) plans.", "The ICB (Integrated Care Board (ICB)) plans.") ==
          "brackets inside brackets");
    CHECK(draft_fault("14% of them", "14 out of 100 them") == "\"out of 100 them\"");
    CHECK(draft_fault("the voluntary sector", "the you can choose sector") == "\"the you\"");
    CHECK(draft_fault("So that people get help, we will act.", "So that people get help.") ==
          "\"So that\" without its sentence");
    CHECK(draft_fault("So that you get help.", "So that you get help.").empty());
    CHECK(draft_fault("We help (and listen).", "We help (and listen.") == "a bracket without its pair");
    CHECK(draft_fault("We help.", "We **help.") == "a bold mark without its pair");
    CHECK(draft_fault("We utilise it.", "We use it.").empty());
}

TEST_CASE("draft: a clause that starts 'So that' stays with its sentence", "[draft]") {
    std::string d = draft_of("So that people can get help quickly, we will set up a single point of access.\n");
    CHECK_FALSE(has(d, "\nSo that people can get help quickly.\n"));
}

TEST_CASE("draft: links and pictures are kept", "[draft]") {
    std::string d = draft_of("Find out more at [our website](https://www.eastbridge.gov.uk/ascengagement).\n\n"
                             "![A map of the town](map.png)\n\nRead the [NHS Long Term Plan](https://example.org/ltp) "
                             "to learn more.\n");
    CHECK(has(d, "[our website](https://www.eastbridge.gov.uk/ascengagement)"));
    CHECK(has(d, "![A map of the town](map.png)"));
    CHECK(has(d, "(https://example.org/ltp)"));
    CHECK_FALSE(has(d, "NHS** (National Health Service) Long Term Plan"));
}

namespace {

// The draft's own lines: no front matter, no comments.
std::vector<std::string> body_lines(const std::string& draft) {
    std::vector<std::string> out;
    std::istringstream in(draft);
    int fences = 0;
    for (std::string line; std::getline(in, line);) {
        if (line == "---" && fences < 2) {
            ++fences;
            continue;
        }
        if (fences < 2 || line.empty() || line.rfind("<!--", 0) == 0) continue;
        out.push_back(line);
    }
    return out;
}

}  // namespace

TEST_CASE("draft of the long strategies changes no fact and writes none of the broken patterns", "[draft][documents]") {
    std::vector<std::string> documents;
    DIR* dir = opendir(DRAFT_CASES_DIR);
    REQUIRE(dir != nullptr);
    while (dirent* e = readdir(dir)) {
        std::string n = e->d_name;
        if (n.size() > 3 && (n.compare(n.size() - 3, 3, ".md") == 0 || n.compare(n.size() - 4, 4, ".txt") == 0))
            documents.push_back(n);
    }
    closedir(dir);
    REQUIRE(documents.size() >= 6);
    const std::regex percent(R"((\d+(?:\.\d+)?)%)");
    const std::regex money(R"(\xC2\xA3\d[\d,.]*\d(?:bn|m|k)?|\xC2\xA3\d(?:bn|m|k)?)");
    const std::regex date(
        R"(\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b)");
    const std::regex phone(R"(\b0\d{3,4} \d{3} \d{3,4}\b)");
    const std::regex link(R"(\]\(([^)\s]+)\))");
    const std::regex doubled(R"(\b([A-Za-z]+) \1\b)", std::regex::icase);
    const std::regex nested(R"(\([^()]*\()");
    const std::regex pointing_after_count(R"(out of \d+ (?:them|all|the|us)\b)");
    int facts = 0;
    for (const auto& name : documents) {
        INFO(name);
        const std::string text = test::read_file(std::string(DRAFT_CASES_DIR) + "/" + name);
        DraftStats stats;
        const std::string d = draft_of(text, &stats, name);
        // The draft's words: its front matter and its lines, never the comments that quote the source.
        std::string body = d.substr(0, d.find("\n---\n") + 5);
        for (const auto& l : body_lines(d)) body += l + "\n";
        CHECK_FALSE(has(d, "NOT IN THE DRAFT"));
        auto each = [&](const std::regex& re, auto check) {
            for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end; ++it) {
                ++facts;
                check(*it);
            }
        };
        each(percent, [&](const std::smatch& m) {
            const double v = std::stod(m[1].str());
            bool exact = false;
            const std::string words = percentage_in_words(v, &exact);
            INFO("percentage " << m.str());
            CHECK((has(body, m.str()) || has(body, m[1].str() + " out of 100") || (exact && has(body, words))));
        });
        for (const auto* re : {&money, &date, &phone, &link})
            each(*re, [&](const std::smatch& m) {
                INFO("fact " << m.str());
                CHECK(has(body, m.str()));
            });
        if (std::string s = test::read_file(std::string(DRAFT_CASES_DIR) + "/" + name); has(s, "\nsummary_of: ")) {
            const std::size_t at = s.find("\nsummary_of: ") + 13;
            CHECK(has(d, "summary_of: \"" + s.substr(at, s.find('\n', at) - at) + "\""));
        }
        for (const auto& line : body_lines(d)) {
            INFO(line);
            std::smatch twice;
            if (std::regex_search(line, twice, doubled)) CHECK((twice[1] == "had" || twice[1] == "that"));
            CHECK_FALSE(std::regex_search(line, nested));
            CHECK_FALSE(std::regex_search(line, pointing_after_count));
            CHECK_FALSE(has(line, "the you "));
            CHECK_FALSE(has(line, "a one "));
            // A fronted purpose clause needs its sentence: "So that X, we will Y."
            if (line.rfind("So that", 0) == 0) CHECK(has(line, ", "));
        }
    }
    std::printf("draft: %zu long documents, %d numbers, amounts, dates, phone numbers and links checked\n",
                documents.size(), facts);
}
