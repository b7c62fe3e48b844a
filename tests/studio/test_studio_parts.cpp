// The studio's parts on real generator output: one-click fixes from the
// checker's own warnings, the "nothing left out" map of a first draft, and
// previews that redraw only the pages an edit changed.
#include <catch2/catch.hpp>

#include <regex>

#include "base/text_util.hpp"
#include "generator/pipeline.hpp"
#include "studio/compare.hpp"
#include "studio/fixes.hpp"
#include "studio/meaning.hpp"
#include "tests/studio/studio_fixture.hpp"

using namespace easyread;
using namespace easyread::studio;

namespace {

std::vector<Diagnostic> check_text(const std::string& text) {
    SourceText src;
    src.path = "fix.md";
    src.text = text;
    PipelineOptions po;
    po.checks = true;
    auto c = compile(std::move(src), po);
    c->finish_checks();
    std::vector<Diagnostic> all;
    for (const auto* part : {&c->read_diags, &c->check_diags})
        for (const auto& d : part->items()) all.push_back(d);
    return all;
}

std::string apply_fix(const std::string& text, const Fix& f) {
    std::size_t at = 0;
    for (int l = 1; l < f.line; ++l) at = text.find('\n', at) + 1;
    for (int c = 1; c < f.column; ++c) {
        ++at;
        while ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
    }
    REQUIRE(text.compare(at, f.from.size(), f.from) == 0);
    return text.substr(0, at) + f.to + text.substr(at + f.from.size());
}

}  // namespace

TEST_CASE("the checker's exact replacements become fixes, and applying one clears its warning") {
    const std::string text =
        "---\ntitle: Fixes\ncontcat: Phone 01632 960 000\n---\n\n# About this\n\n"
        "We meet three times a year.\n\nRead Part II of the plan.\n\nWe will do this in order to help you.\n\n"
        "The meeting is on 01/02/2027 in the café.\n";
    const auto diags = check_text(text);
    std::map<std::string, Fix> fixes;
    for (const auto& d : diags)
        if (auto f = fix_for(d, text, lang::RuleSet{})) fixes[d.id] = *f;
    REQUIRE(fixes.count("number-as-word"));
    CHECK(fixes["number-as-word"].from == "three");
    CHECK(fixes["number-as-word"].to == "3");
    REQUIRE(fixes.count("roman-numeral"));
    CHECK(fixes["roman-numeral"].to == "2");
    REQUIRE(fixes.count("numeric-date"));
    CHECK(std::regex_search(fixes["numeric-date"].to, std::regex("2027")));
    REQUIRE(fixes.count("front-matter-key"));
    CHECK(fixes["front-matter-key"].to == "contact");
    REQUIRE(fixes.count("wordy-phrase"));
    CHECK(fixes["wordy-phrase"].from == "in order to");
    for (const auto& [id, f] : fixes) {
        INFO(id);
        const std::string fixed = apply_fix(text, f);
        bool still = false;
        for (const auto& d : check_text(fixed)) still = still || (d.id == id && d.line == f.line);
        CHECK_FALSE(still);
    }
    // A warning whose words are no longer at its place offers no fix.
    for (const auto& d : diags)
        if (d.id == "number-as-word") CHECK_FALSE(fix_for(d, "nothing here\n", lang::RuleSet{}));
}

TEST_CASE("a fix is offered only where the checker states the replacement for exactly the quoted words") {
    // Each line: a warning the checker gives, and the fix expected (empty: none, only the hint).
    struct Case {
        std::string line, id, from, to;
    };
    const std::vector<Case> cases = {
        {"Cllr Smith chairs the board.", "short-form", "Cllr", "Councillor"},
        {"The council will spend \xC2\xA3" "2m on it.", "money-short", "\xC2\xA3" "2m", "\xC2\xA3" "2 million"},
        {"We did this in 2023/24 with you.", "financial-year", "2023/24", "April 2023 to March 2024"},
        {"Prior to the meeting we talk.", "wordy-phrase", "Prior to", "Before"},
        // The list says "assist | help": "assists" matched it, but "help" does not fit there.
        {"She assists people at home.", "wordy-phrase", "", ""},
        // Advice, not a replacement: shown with the cursor on the words.
        {"We will do it by Q2 next year.", "short-form", "", ""},
        {"About 25% of people said yes.", "percentage", "", ""},
        {"We have two homes for you.", "number-as-word", "two", "2"},
    };
    for (const auto& c : cases) {
        INFO(c.line);
        const std::string text = "---\ntitle: Fixes\n---\n\n" + c.line + "\n";
        bool warned = false;
        for (const auto& d : check_text(text)) {
            if (d.id != c.id) continue;
            warned = true;
            auto f = fix_for(d, text, lang::RuleSet{});
            if (c.to.empty()) {
                CHECK_FALSE(f.has_value());
                continue;
            }
            REQUIRE(f.has_value());
            CHECK(f->from == c.from);
            CHECK(f->to == c.to);
            const std::string fixed = apply_fix(text, *f);
            for (const auto& again : check_text(fixed)) CHECK_FALSE((again.id == c.id && again.line == f->line));
        }
        CHECK(warned);
    }
}

TEST_CASE("a hard word's new meaning is written so that the generator reads it, wherever the old one was") {
    struct Case {
        std::string why, body, word, meaning;
    };
    const std::vector<Case> cases = {
        {"next sentence", "You will get a **care plan**. It says what help you get.\n", "care plan",
         "A care plan is a list of the help you will get."},
        {"next sentence over two lines", "You will get a **care plan**.\nIt says what\nhelp you get.\n", "care plan",
         "A care plan is a list of the help you will get."},
        {"next sentence with a link and bold", "You will get a **care plan**. It says what [help](https://example.org) you get from **staff**.\n",
         "care plan", "A care plan is a list of the help you will get."},
        {"naming sentence", "It is a list of the help you get. This is called a **care plan**.\n", "care plan",
         "It is a list of all the help you will get."},
        {"not explained, picture chosen", "You can ask for an **advocate** to help you {picture=house}\n", "advocate",
         "An advocate is a person who speaks up for you."},
        {"from the bundled glossary", "The **ICB** pays for it.\n\nWe meet every month.\n", "ICB",
         "An ICB is the group that pays for health care near you."},
        {"a few words, not a sentence", "You can ask for an **advocate** to help you.\n", "advocate",
         "someone who speaks up for you"},
    };
    const std::string head = "---\ntitle: Meanings\n---\n\n# Help\n\n";
    auto bank = std::make_unique<symbols::Bank>();
    Diagnostics loaded;
    REQUIRE(bank->load_bundled(loaded));
    for (const auto& c : cases) {
        INFO(c.why);
        const std::string text = head + c.body;
        const MeaningEdit edit = set_meaning("meaning.md", "", *bank, text, c.word, c.meaning);
        REQUIRE(edit.error.empty());
        // The generator reads it back as the word's meaning, with the officer's words in it.
        SourceText src;
        src.path = "meaning.md";
        src.text = edit.text;
        PipelineOptions po;
        po.bank = bank.get();
        po.layout = false;
        auto compiled = compile(std::move(src), po);
        std::string read;
        for (const auto& w : compiled->doc.hard_words)
            if (w.word == c.word) read = w.explanation;
        CHECK(read == edit.explanation);
        std::string words = c.meaning;
        words.erase(words.find_last_not_of('.') + 1);
        CHECK(lower(read).find(lower(words.substr(words.find(' ') + 1))) != std::string::npos);
        // Only the part with the word changed: the heading and the front matter are as they were.
        CHECK(edit.text.compare(0, head.size(), head) == 0);
        CHECK(edit.text.find("**" + c.word + "**") != std::string::npos);
    }
    // No meaning, or a word that is not a hard word: a clear error, nothing changed.
    CHECK_FALSE(set_meaning("m.md", "", *bank, head + "Plain words.\n", "plain", "x").error.empty());
    CHECK_FALSE(set_meaning("m.md", "", *bank, head + "A **care plan** is here.\n", "care plan", "  ").error.empty());
}

TEST_CASE("the draft map links each source paragraph to its parts and flags what differs") {
    SourceText src;
    src.path = "long.md";
    src.text =
        "# Money\n\n"
        "The council spent £41.6 million on support in 2025. You must apply by 3 March 2027.\n\n"
        "A paragraph nothing was made from, about the Larkfield House beds.\n\n"
        "People can ask for an advocate.\n";
    const std::string draft =
        "<!-- from line 1 -->\n# Money\n\n"
        "<!-- from line 3 -->\nThe council spent money on support in 2025.\n\n"
        "<!-- from line 3 -->\nYou can apply by 3 March 2027.\n\n"
        "<!-- from line 7 -->\nPeople can ask for an advocate.\n";
    auto paras = compare_draft(src, draft);
    REQUIRE(paras.size() == 4);
    CHECK(paras[0].heading);
    CHECK(paras[1].chunks == std::vector<int>{5, 8});
    auto has = [](const std::vector<std::string>& v, const std::string& w) {
        for (const auto& x : v)
            if (x.find(w) != std::string::npos) return true;
        return false;
    };
    CHECK(has(paras[1].left_out, "41.6"));
    CHECK(has(paras[1].left_out, "must"));
    CHECK_FALSE(has(paras[1].left_out, "2025"));
    CHECK_FALSE(has(paras[1].left_out, "March"));
    CHECK(has(paras[1].added, "can"));
    CHECK(paras[2].chunks.empty());
    CHECK(paras[3].chunks == std::vector<int>{11});
    CHECK(paras[3].left_out.empty());
    CHECK(paras[3].added.empty());
    CHECK(duty_words("You must not go. You can't stay; you have to leave.") ==
          std::vector<std::string>{"must not", "can't", "have to"});
}

TEST_CASE("the draft map finds each row of a source table in the draft's table") {
    SourceText src;
    src.path = "money.md";
    src.text =
        "# Money\n\n"
        "| Area | 2027/28 | Who pays |\n|---|---|---|\n"
        "| Liaison nurses | £210,000 | ICB |\n"
        "| Short breaks | £350,000 | Council |\n"
        "| Direct payments | £85,000 | Council |\n\n"
        "We will check the money every year.\n";
    // The draft keeps the table under one source link (its first row), a
    // number changed in one row, one row left out.
    const std::string draft =
        "<!-- from line 1 -->\n# Money\n\n"
        "<!-- from line 3 -->\n| Area | 2027/28 | Who pays |\n|---|---|---|\n"
        "| Liaison nurses | £210,000 | ICB |\n"
        "| Short breaks | £300,000 | Council |\n\n"
        "<!-- from line 9 -->\nWe will check the money every year.\n";
    auto paras = compare_draft(src, draft);
    REQUIRE(paras.size() == 6);
    CHECK(paras[1].chunks == std::vector<int>{5});
    CHECK(paras[2].chunks == std::vector<int>{7});
    CHECK(paras[2].left_out.empty());
    CHECK(paras[3].chunks == std::vector<int>{8});
    REQUIRE(paras[3].left_out.size() == 1);
    CHECK(paras[3].left_out[0].find("350,000") != std::string::npos);
    CHECK(paras[4].chunks.empty());  // the row the draft left out
    CHECK(paras[5].chunks == std::vector<int>{11});
}

TEST_CASE("a preview redraws only the pages an edit changed") {
    LiveStudio s;
    std::string text = "---\ntitle: Pages\n---\n\n";
    for (int i = 1; i <= 40; ++i) text += "# Part " + std::to_string(i) + "\n\nWe will help you with point " + std::to_string(i) + ".\n\n";
    write_file(s.dir.file("pages.md"), text);
    const std::string v1 = s.version("pages.md");
    s.server->app().preview().wait_idle();
    auto revisions = [&] {
        std::vector<int> out;
        const std::string json = s.server->app().preview().last_pages("pages.md");
        for (std::size_t at = 0; (at = json.find("\"revision\":", at)) != std::string::npos; at += 11)
            out.push_back(std::atoi(json.c_str() + at + 11));
        return out;
    };
    const auto before = revisions();
    REQUIRE(before.size() > 6);
    // Change a word near the end: pages before it stay as they were drawn.
    const std::string edited = std::regex_replace(text, std::regex("point 39\\."), "point 39, and more.");
    s.save("pages.md", edited, v1);
    s.server->app().preview().wait_idle();
    const auto after = revisions();
    REQUIRE(after.size() == before.size());
    int changed = 0;
    for (std::size_t p = 0; p < after.size(); ++p) changed += after[p] != before[p];
    CHECK(changed >= 1);
    CHECK(changed <= 3);
    CHECK(after[1] == before[1]);
    // The page image is a real PNG of the page.
    auto png = s.bare_client()->Get("/api/page?doc=pages.md&n=3");
    REQUIRE(png);
    CHECK(png->status == 200);
    CHECK(png->body.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
}

TEST_CASE("a newer text waiting skips the rest of the older one's preview: no drawing or check of words already changed") {
    LiveStudio s;
    std::string text = "---\ntitle: Pages\n---\n\n";
    for (int i = 1; i <= 40; ++i) text += "# Part " + std::to_string(i) + "\n\nWe will help you with point " + std::to_string(i) + ".\n\n";
    write_file(s.dir.file("pages.md"), text);
    auto& hub = s.server->app().events();
    auto listener = hub.subscribe("pages.md");
    auto& preview = s.server->app().preview();
    const std::string path = s.dir.file("pages.md");
    // The first preview draws every page: two first, then the rest. Once the
    // first two are out, a newer text arrives.
    preview.request("pages.md", path, text, "old");
    std::vector<std::string> seen;
    for (std::string m; (m = hub.next(listener, 30)).size();) {
        seen.push_back(m);
        if (m.find("event: pages") == 0) break;
    }
    REQUIRE_FALSE(seen.empty());
    REQUIRE(seen.back().find("\"version\":\"old\"") != std::string::npos);
    preview.request("pages.md", path, text + "We will check it every year.\n", "new");
    preview.wait_idle();
    for (std::string m; (m = hub.next(listener, 1)).size();) seen.push_back(m);
    int old_pages = 0, old_checks = 0, new_checks = 0;
    for (const auto& m : seen) {
        const bool old = m.find("\"version\":\"old\"") != std::string::npos;
        if (m.find("event: pages") == 0 && old) ++old_pages;
        if (m.find("event: check") == 0) (old ? old_checks : new_checks) += 1;
    }
    CHECK(old_pages == 1);   // the rest of the old text's pages were not drawn
    CHECK(old_checks == 0);  // nor checked
    CHECK(new_checks == 1);  // the newer text was, fully
    hub.unsubscribe(listener);
}
