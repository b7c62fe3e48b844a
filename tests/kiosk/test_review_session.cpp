// The co-production review at the kiosk: each page's chunks shown one by one,
// words and pictures marked and unmarked, and the values the contract stores.
#include <catch2/catch.hpp>

#include "kiosk/core/review_chunks.hpp"
#include "tests/kiosk/session_rig.hpp"

using namespace easyread;
using namespace easyread::kiosk;
using kiosk_test::SessionRig;

namespace {

const char* const kKey1 = "00000000000000a1";
const char* const kKey2 = "00000000000000b2";
const char* const kKey3 = "00000000000000c3";

// A review of a three-page leaflet: page 1 has a chunk with a picture and one
// without, page 2 one chunk, page 3 (picture credits) none, so it is not asked about.
void make_review(SessionRig& r) {
    r.survey = kiosk_test::survey_from_text(survey::review_survey_text("leaflet", "leaflet.md"));
    REQUIRE(r.survey.review);
    REQUIRE(expand_document_pages(r.survey, 3, "leaflet.md 0123abcd"));
    r.review_chunks = {
        {1, kKey1, "Your new home.", "A house", "/pictures/house.svg", {0.1, 0.2, 0.9, 0.35}},
        {1, kKey2, "We help with \u201creablement\u201d - at home, and at home.", "", "", {}},
        {2, kKey3, "Call us.", "", "", {}},
    };
}

std::string value(SessionRig& r, const std::string& id) {
    const Answer* a = r.s().draft().find(id);
    return a ? a->value : std::string();
}

const Choice* choice(SessionRig& r, const std::string& id) {
    for (const Choice& c : r.s().view().choices)
        if (c.id == id) return &c;
    return nullptr;
}

const std::string c1 = std::string("chunk-1-") + kKey1, c2 = std::string("chunk-1-") + kKey2,
                  c3 = std::string("chunk-2-") + kKey3;

}  // namespace

TEST_CASE("a chunk's words are targets, stored without the signs around them", "[review]") {
    auto words = review_words("\u201cReablement\u201d means help - at home. (See page 2.) & more");
    std::vector<std::string> shown, items;
    for (const auto& w : words) shown.push_back(w.shown), items.push_back(w.item);
    CHECK(shown == std::vector<std::string>{"\u201cReablement\u201d", "means", "help -", "at", "home.", "(See", "page",
                                            "2.) &", "more"});
    CHECK(items == std::vector<std::string>{"word:Reablement", "word:means", "word:help", "word:at", "word:home",
                                            "word:See", "word:page", "word:2", "word:more"});
    CHECK(review_words("  ").empty());
    CHECK(review_picture_item("a;b") == "picture:a,b");
    CHECK(toggle_review_item("seen", "word:a") == "word:a");
    CHECK(toggle_review_item("", "word:a") == "word:a");
    CHECK(toggle_review_item("word:a", "picture:x") == "word:a;picture:x");
    CHECK(toggle_review_item("word:a;picture:x;word:b", "picture:x") == "word:a;word:b");
    CHECK(toggle_review_item("word:a", "word:a") == "seen");
    CHECK(review_item_marked("word:ab;word:a", "word:a"));
    CHECK_FALSE(review_item_marked("word:ab", "word:a"));
    CHECK(review_spoken({1, "k", "Call us", "", "", {}}) == "Call us.");
    // A list item: its bullet is shown with the first word, never a target, never said.
    auto item = review_words("\u2022 Homes and jobs");
    REQUIRE(item.size() == 3);
    CHECK(item[0].shown == "\u2022 Homes");
    CHECK(item[0].item == "word:Homes");
    CHECK(review_spoken({1, "k", "\u2022 Homes and jobs", "", "", {}}) == "Homes and jobs.");
    CHECK(review_spoken({1, "k", "Is it easy?", "", "", {}}) == "Is it easy?");
}

TEST_CASE("a review shows each page's chunks, then its questions, and stores what was marked", "[review][session]") {
    SessionRig r;
    make_review(r);
    REQUIRE(r.tap("start"));
    REQUIRE(r.tap("agree"));
    r.spoken();
    REQUIRE(r.tap("self"));

    // Page 1, chunk 1 of 2: its words and its picture, read aloud.
    REQUIRE(r.screen() == "chunk");
    const SessionView& v = r.s().view();
    CHECK(v.body == "Your new home.");
    CHECK(v.document_page == 1);
    CHECK(v.chunk_number == 1);
    CHECK(v.chunk_count == 2);
    CHECK(v.multi_select);
    CHECK(v.chunk_picture_file == "/pictures/house.svg");
    CHECK(v.chunk_box.top == 0.2);  // where it is on the page, framed on its picture
    CHECK(v.chunk_box.bottom == 0.35);
    REQUIRE(v.choices.size() == 4);
    CHECK(v.choices[0].id == "word:Your");
    CHECK(v.choices[2].label == "home.");
    CHECK(v.choices[2].id == "word:home");
    CHECK(v.choices[3].id == "picture:A house");
    CHECK(v.choices[3].label == "This picture does not help");
    CHECK(r.spoken() == std::vector<std::string>{"Page 1. Your new home. Touch a word you do not understand."});
    CHECK(v.progress.size() == 4);  // page 3's questions are not asked: no step for them
    CHECK(value(r, c1) == "seen");  // shown, nothing marked yet

    // Mark, mark the picture, untap the word: each said aloud, each shown chosen.
    CHECK(r.tap("word:new"));
    CHECK(choice(r, "word:new")->selected);
    CHECK(r.spoken() == std::vector<std::string>{"new"});
    CHECK(r.tap("picture:A house"));
    CHECK(value(r, c1) == "word:new;picture:A house");
    CHECK(r.tap("word:home"));
    CHECK(r.tap("word:new"));
    CHECK_FALSE(choice(r, "word:new")->selected);
    CHECK(r.spoken() == std::vector<std::string>{"This picture does not help", "home", "new. Taken away."});
    CHECK(value(r, c1) == "picture:A house;word:home");
    CHECK_FALSE(r.tap("word:nothere"));  // not on this chunk

    // A double tap marks once: the second tap is not an untap.
    CHECK(r.tap("word:Your"));
    r.clock.advance(500);  // past the cooldown, within the settle time
    CHECK_FALSE(r.s().tap_option("word:Your"));
    CHECK(value(r, c1) == "picture:A house;word:home;word:Your");

    // Chunk 2: a word twice is one target id, marked once; untapped, it is "seen" again.
    REQUIRE(r.next());
    CHECK(r.screen() == "chunk");
    CHECK(r.s().view().chunk_number == 2);
    CHECK(r.s().view().chunk_picture_file.empty());
    CHECK(r.tap("word:reablement"));
    CHECK(value(r, c2) == "word:reablement");
    CHECK(r.tap("word:home"));
    int home = 0;
    for (const Choice& c : r.s().view().choices) home += c.id == "word:home" && c.selected;
    CHECK(home == 2);
    CHECK(r.tap("word:home"));
    CHECK(r.tap("word:reablement"));
    CHECK(value(r, c2) == "seen");
    CHECK(r.tap("word:reablement"));

    // Then page 1's questions: the faces, then the comment.
    REQUIRE(r.next());
    REQUIRE(r.screen() == "question");
    CHECK(r.s().view().title == "Is this page easy to understand?");
    CHECK(r.s().view().document_page == 1);
    REQUIRE(r.tap("middle"));
    REQUIRE(r.screen() == "question");
    CHECK(r.s().view().keyboard == Keyboard::Letters);
    REQUIRE(r.type("hard"));
    REQUIRE(r.next());

    // Page 2: Back walks the steps backwards, the marks kept.
    REQUIRE(r.screen() == "chunk");
    CHECK(r.s().view().body == "Call us.");
    REQUIRE(r.back());
    CHECK(r.s().view().keyboard == Keyboard::Letters);
    CHECK(r.s().view().text == "hard");
    REQUIRE(r.back());
    CHECK(r.s().view().title == "Is this page easy to understand?");
    REQUIRE(r.back());
    CHECK(r.s().view().chunk_number == 2);
    CHECK(choice(r, "word:reablement")->selected);
    REQUIRE(r.next());
    REQUIRE(r.next());
    REQUIRE(r.next());
    REQUIRE(r.screen() == "chunk");
    REQUIRE(r.next());       // chunk 3 seen, nothing marked
    REQUIRE(r.tap("happy"));
    REQUIRE(r.next());       // no comment on page 2
    REQUIRE(r.screen() == "anything-else");  // page 3 has no chunks: not asked
    REQUIRE(r.back());
    CHECK(r.s().view().title == r.survey.find("comment-2")->text);
    CHECK(r.s().view().document_page == 2);
    REQUIRE(r.next());
    REQUIRE(r.next());
    REQUIRE(r.screen() == "review");
    // Only what was asked, in that order: who, then each page's marked chunks, its face and its
    // comment (page 3 was not asked about; chunk 3 was seen with nothing marked: no row).
    auto rows = [&r] {
        std::vector<std::string> ids;
        for (const ReviewRow& row : r.s().view().review) ids.push_back(row.question_id);
        return ids;
    };
    auto marks = [&r](const std::string& id) {
        std::vector<std::string> labels;
        for (const ReviewRow& row : r.s().view().review)
            if (row.question_id == id)
                for (const Choice& c : row.answers) labels.push_back(c.label);
        return labels;
    };
    CHECK(rows() == std::vector<std::string>{"who", c1, c2, "page-1", "comment-1", "page-2", "comment-2"});
    const ReviewRow& marked = r.s().view().review[1];
    CHECK(marked.question == "Page 1: You touched these");
    CHECK(marked.page == 1);
    CHECK(marked.change_id == "change:" + c1);
    CHECK(marks(c1) == std::vector<std::string>{"This picture does not help: A house", "home", "Your"});
    CHECK(marks(c2) == std::vector<std::string>{"reablement"});
    CHECK(r.s().view().speech.find("Page 1: You touched these: This picture does not help: A house, home, Your.") !=
          std::string::npos);

    // Change goes back to that chunk with its marks; Next or Back comes back here.
    REQUIRE(r.tap("change:" + c2));
    REQUIRE(r.screen() == "chunk");
    CHECK(r.s().view().body == "We help with \u201creablement\u201d - at home, and at home.");
    CHECK(choice(r, "word:reablement")->selected);
    REQUIRE(r.tap("word:home"));
    REQUIRE(r.next());
    REQUIRE(r.screen() == "review");
    CHECK(marks(c2) == std::vector<std::string>{"reablement", "home"});
    REQUIRE(r.tap("change:" + c2));
    REQUIRE(r.tap("word:home"));
    REQUIRE(r.back());
    REQUIRE(r.screen() == "review");
    CHECK(marks(c2) == std::vector<std::string>{"reablement"});
    // Everything untapped: the chunk is "seen" again and its row goes.
    REQUIRE(r.tap("change:" + c1));
    CHECK(r.s().view().chunk_number == 1);
    for (const char* item : {"picture:A house", "word:home", "word:Your"}) REQUIRE(r.tap(item));
    REQUIRE(r.next());
    CHECK(rows() == std::vector<std::string>{"who", c2, "page-1", "comment-1", "page-2", "comment-2"});
    REQUIRE(r.tap("change:" + c1));
    for (const char* item : {"picture:A house", "word:home", "word:Your"}) REQUIRE(r.tap(item));
    REQUIRE(r.next());
    CHECK(rows() == std::vector<std::string>{"who", c1, c2, "page-1", "comment-1", "page-2", "comment-2"});
    REQUIRE(r.next());
    REQUIRE(r.screen() == "thank-you");

    REQUIRE(r.backend.saved.size() == 1);
    const Response& saved = r.backend.saved[0];
    CHECK_FALSE(saved.unfinished);
    CHECK(saved.respondent == "self");
    CHECK(saved.event == "May board");
    CHECK(saved.document == "leaflet.md 0123abcd");
    std::vector<std::pair<std::string, std::string>> got;
    for (const Answer& a : saved.answers) got.emplace_back(a.question_id, a.value);
    CHECK(got == std::vector<std::pair<std::string, std::string>>{{c1, "picture:A house;word:home;word:Your"},
                                                                  {c2, "word:reablement"},
                                                                  {"page-1", "middle"},
                                                                  {"comment-1", "hard"},
                                                                  {c3, "seen"},
                                                                  {"page-2", "happy"}});
}

TEST_CASE("a reviewer who walks away is kept as unfinished when the setting is on, else dropped", "[review][session][idle]") {
    for (bool keep : {true, false}) {
        SessionRig r;
        make_review(r);
        r.settings.keep_unfinished = keep;
        REQUIRE(r.tap("start"));
        REQUIRE(r.tap("agree"));
        REQUIRE(r.tap("carer"));
        REQUIRE(r.tap("word:home"));
        REQUIRE(r.next());
        REQUIRE(r.screen() == "chunk");
        r.clock.advance(r.settings.idle_ms);
        r.s().tick();
        REQUIRE(r.screen() == "still-there");
        r.clock.advance(r.settings.still_there_ms);
        r.s().tick();
        REQUIRE(r.screen() == "welcome");
        if (!keep) {
            CHECK(r.backend.saved.empty());
            continue;
        }
        REQUIRE(r.backend.saved.size() == 1);
        const Response& saved = r.backend.saved[0];
        CHECK(saved.unfinished);
        CHECK(saved.respondent == "carer");
        std::vector<std::pair<std::string, std::string>> got;
        for (const Answer& a : saved.answers) got.emplace_back(a.question_id, a.value);
        CHECK(got == std::vector<std::pair<std::string, std::string>>{{c1, "word:home"}, {c2, "seen"}});
        // The next reviewer starts clean.
        REQUIRE(r.tap("start"));
        REQUIRE(r.tap("agree"));
        REQUIRE(r.tap("self"));
        CHECK_FALSE(choice(r, "word:home")->selected);
        CHECK(value(r, c1) == "seen");
    }
}

TEST_CASE("Are you still there? on a chunk comes back to the same chunk with its marks", "[review][session][idle]") {
    SessionRig r;
    make_review(r);
    REQUIRE(r.tap("start"));
    REQUIRE(r.tap("agree"));
    REQUIRE(r.tap("self"));
    REQUIRE(r.tap("word:new"));
    r.clock.advance(r.settings.idle_ms);
    r.s().tick();
    REQUIRE(r.screen() == "still-there");
    REQUIRE(r.tap("still-here"));
    REQUIRE(r.screen() == "chunk");
    CHECK(r.s().view().chunk_number == 1);
    CHECK(choice(r, "word:new")->selected);
    // Back from the first chunk is Who is answering?
    REQUIRE(r.back());
    CHECK(r.screen() == "who-is-answering");
}

TEST_CASE("an ordinary survey never shows chunks", "[review][session]") {
    SessionRig r;
    r.review_chunks = {{1, kKey1, "Your new home.", "", "", {}}};
    r.to_first_question();
    CHECK(r.s().draft().answers.empty());
}

TEST_CASE("a chunk that is only a picture asks about the picture", "[review][session]") {
    SessionRig r;
    r.survey = kiosk_test::survey_from_text(survey::review_survey_text("leaflet", "leaflet.md"));
    REQUIRE(expand_document_pages(r.survey, 1, "leaflet.md 0123abcd"));
    r.review_chunks = {{1, kKey1, "", "A house", "/pictures/house.svg", {}}};
    REQUIRE(r.tap("start"));
    REQUIRE(r.tap("agree"));
    r.spoken();
    REQUIRE(r.tap("self"));
    REQUIRE(r.screen() == "chunk");
    CHECK(r.s().view().title == "Touch the picture if it does not help you.");
    REQUIRE(r.s().view().choices.size() == 1);
    CHECK(r.spoken() == std::vector<std::string>{"Page 1. Touch the picture if it does not help you."});
    CHECK(r.tap("picture:A house"));
    CHECK(value(r, c1) == "picture:A house");
}
