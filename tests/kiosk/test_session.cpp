#include <catch2/catch.hpp>

#include "kiosk/core/script_driver.hpp"
#include "tests/kiosk/session_rig.hpp"

using namespace easyread::kiosk;
using namespace easyread::survey;
using kiosk_test::SessionRig;

TEST_CASE("the session starts on Welcome, or on choosing a PIN the first time", "[session]") {
    SessionRig with_pin;
    CHECK(with_pin.screen() == "welcome");
    CHECK_FALSE(with_pin.s().view().back_enabled);
    SessionRig first_run(false);
    CHECK(first_run.screen() == "staff-set-pin");
    CHECK_FALSE(first_run.back());  // no way round choosing a PIN
}

TEST_CASE("a whole journey saves one response with every answer", "[session]") {
    SessionRig r;
    r.to_first_question("carer");
    CHECK(r.tap("happy"));            // meeting, moves on by itself
    CHECK(r.tap("yes"));              // hear
    CHECK(r.tap("little"));           // room
    CHECK(r.tap("jobs"));             // topics: choose-many waits for Next
    CHECK(r.tap("homes"));
    CHECK(r.screen() == "question");
    CHECK(r.next());
    CHECK(r.type("The "));            // best: a comment
    CHECK(r.type("lunch"));
    CHECK(r.next());
    CHECK(r.screen() == "anything-else");
    CHECK(r.type("More breaks please"));
    CHECK(r.next());
    CHECK(r.screen() == "review");
    CHECK(r.backend.saved.empty());
    CHECK(r.tap("send"));
    CHECK(r.screen() == "thank-you");
    REQUIRE(r.backend.saved.size() == 1);
    const Response& saved = r.backend.saved[0];
    CHECK(looks_like_uuid(saved.uuid));
    CHECK(saved.survey_id == "small");
    CHECK(saved.survey_version == 3);
    CHECK(saved.survey_hash == r.survey.hash);
    CHECK(saved.event == "May board");
    CHECK(saved.device_id == "device-1");
    CHECK(saved.respondent == "carer");
    CHECK(saved.started_at == "2024-05-03T10:00:02.000Z");  // consent given on the second tap, a second apart
    CHECK(saved.finished_at > saved.started_at);
    REQUIRE(saved.answers.size() == 6);
    CHECK(saved.find("meeting")->value == "happy");
    CHECK(saved.find("hear")->value == "yes");
    CHECK(saved.find("room")->value == "little");
    CHECK(saved.find("topics")->value == "homes;jobs");  // survey order, not tap order
    CHECK(saved.find("best")->value == "The lunch");
    CHECK(saved.answers.back().question_id == "anything-else");
    CHECK(saved.answers.back().value == "More breaks please");
    CHECK(r.s().last_save() == SaveResult::Stored);

    // Thank you returns to Welcome by itself, and the next person starts clean.
    r.later(9000);
    CHECK(r.screen() == "thank-you");
    r.later(1000);
    CHECK(r.screen() == "welcome");
    CHECK(r.s().draft().answers.empty());
    CHECK(r.s().draft().uuid.empty());
    CHECK(r.backend.saved.size() == 1);
}

TEST_CASE("Back goes one screen back from every journey screen", "[session]") {
    SessionRig r;
    CHECK_FALSE(r.back());  // Welcome
    CHECK(r.tap("start"));
    CHECK(r.back());
    CHECK(r.screen() == "welcome");
    CHECK(r.tap("start"));
    CHECK(r.tap("agree"));
    CHECK(r.screen() == "who-is-answering");
    CHECK(r.back());
    CHECK(r.screen() == "consent");
    CHECK(r.tap("agree"));
    CHECK(r.tap("self"));
    CHECK(r.s().view().question_number == 1);
    CHECK(r.back());
    CHECK(r.screen() == "who-is-answering");
    CHECK(r.tap("staff"));
    CHECK(r.tap("sad"));
    CHECK(r.s().view().question_number == 2);
    CHECK(r.back());
    CHECK(r.s().view().question_number == 1);
    CHECK(r.s().view().choices[2].selected);  // the answer is still there
    for (int i = 0; i < 4; ++i) CHECK(r.next());
    CHECK(r.next());  // comment question, left empty
    CHECK(r.screen() == "anything-else");
    CHECK(r.back());
    CHECK(r.s().view().question_number == 5);
    CHECK(r.next());
    CHECK(r.next());
    CHECK(r.screen() == "review");
    CHECK(r.back());
    CHECK(r.screen() == "anything-else");
    CHECK(r.next());
    CHECK(r.next());  // Next on Review sends
    CHECK(r.screen() == "thank-you");
    CHECK_FALSE(r.back());
    CHECK(r.next());
    CHECK(r.screen() == "welcome");
    REQUIRE(r.backend.saved.size() == 1);
    CHECK(r.backend.saved[0].respondent == "staff");
    CHECK(r.backend.saved[0].answers.size() == 1);  // only "sad" was answered
}

TEST_CASE("saying no to consent, or Finish on Thank you, returns to Welcome", "[session]") {
    SessionRig r;
    CHECK(r.tap("start"));
    CHECK(r.tap("disagree"));
    CHECK(r.screen() == "welcome");
    CHECK_FALSE(r.tap("agree"));  // not on this screen
    CHECK(r.tap("start"));
    CHECK(r.tap("agree"));
    CHECK(r.tap("not-said"));
    for (int i = 0; i < 5; ++i) CHECK(r.next());
    CHECK(r.tap("skip"));
    CHECK(r.tap("send"));
    CHECK(r.tap("done"));
    CHECK(r.screen() == "welcome");
    REQUIRE(r.backend.saved.size() == 1);
    CHECK(r.backend.saved[0].respondent == "not-said");
    CHECK(r.backend.saved[0].answers.empty());
}

TEST_CASE("change on Review jumps to the question and comes back", "[session]") {
    SessionRig r;
    r.to_first_question();
    CHECK(r.tap("happy"));
    CHECK(r.tap("no"));
    for (int i = 0; i < 3; ++i) CHECK(r.next());
    CHECK(r.tap("skip"));
    REQUIRE(r.screen() == "review");
    const auto& rows = r.s().view().review;
    REQUIRE(rows.size() == 6);  // who + 5 questions
    CHECK(rows[0].answers[0].id == "self");
    CHECK(rows[2].question_id == "hear");
    CHECK(rows[2].answers[0].label == "No");
    CHECK(rows[3].answers.empty());

    CHECK(r.tap("change:hear"));
    CHECK(r.screen() == "question");
    CHECK(r.s().view().question_number == 2);
    CHECK(r.tap("yes"));
    CHECK(r.screen() == "review");  // straight back, not on to question 3
    CHECK(r.s().view().review[2].answers[0].id == "yes");

    CHECK(r.tap("change:room"));
    CHECK(r.back());  // Back while changing also returns to Review
    CHECK(r.screen() == "review");

    CHECK(r.tap("change:who"));
    CHECK(r.screen() == "who-is-answering");
    CHECK(r.s().view().choices[0].selected);
    CHECK(r.tap("helper"));
    CHECK(r.screen() == "review");
    CHECK_FALSE(r.tap("change:no-such-question"));
    CHECK(r.s().view().review.size() == 6);  // no comment yet: no row for it
    CHECK(r.tap("change:anything-else"));
    CHECK(r.screen() == "anything-else");
    CHECK(r.type("Tea"));
    CHECK(r.next());
    CHECK(r.screen() == "review");
    REQUIRE(r.s().view().review.size() == 7);
    CHECK(r.s().view().review[6].text == "Tea");
    CHECK(r.s().view().review[6].change_id == "change:anything-else");
    CHECK(r.tap("change:anything-else"));
    CHECK(r.back());
    CHECK(r.screen() == "review");
    CHECK(r.s().view().review[6].text == "Tea");
    CHECK(r.tap("send"));
    REQUIRE(r.backend.saved.size() == 1);
    CHECK(r.backend.saved[0].respondent == "helper");
    CHECK(r.backend.saved[0].find("hear")->value == "yes");
}

TEST_CASE("a negative answer is checked when the setting is on", "[session]") {
    SessionRig r;
    r.settings.confirm_negative = true;
    r.to_first_question();
    CHECK(r.tap("sad"));
    REQUIRE(r.screen() == "confirm-answer");
    CHECK(r.s().view().title == "You chose sad. Is that right?");
    CHECK(r.s().view().picture == "sad");
    CHECK(r.tap("change"));
    CHECK(r.screen() == "question");
    CHECK(r.s().draft().find("meeting") == nullptr);
    CHECK(r.tap("sad"));
    CHECK(r.tap("keep"));
    CHECK(r.s().view().question_number == 2);
    CHECK(r.s().draft().find("meeting")->value == "sad");
    CHECK(r.tap("yes"));  // not negative: no check
    CHECK(r.s().view().question_number == 3);
    CHECK(r.tap("dont-know"));
    CHECK(r.screen() == "question");

    SessionRig off;
    off.to_first_question();
    CHECK(off.tap("sad"));
    CHECK(off.s().view().question_number == 2);
}

TEST_CASE("with auto-advance off a tap selects and Next moves on", "[session]") {
    SessionRig r;
    r.settings.auto_advance = false;
    r.to_first_question();
    CHECK(r.tap("happy"));
    CHECK(r.s().view().question_number == 1);
    CHECK(r.tap("middle"));
    CHECK(r.s().view().choices[1].selected);
    CHECK_FALSE(r.s().view().choices[0].selected);
    CHECK(r.next());
    CHECK(r.s().view().question_number == 2);
    CHECK(r.s().draft().find("meeting")->value == "middle");
}

TEST_CASE("choose-many toggles, and I don't know stands alone", "[session]") {
    SessionRig r;
    r.to_first_question();
    for (int i = 0; i < 3; ++i) CHECK(r.next());
    REQUIRE(r.s().view().multi_select);
    CHECK(r.tap("homes"));
    CHECK(r.tap("jobs"));
    CHECK(r.s().draft().find("topics")->value == "homes;jobs");
    CHECK(r.tap("homes"));
    CHECK(r.s().draft().find("topics")->value == "jobs");
    CHECK(r.tap("dont-know"));
    CHECK(r.s().draft().find("topics")->value == "dont-know");
    CHECK(r.tap("homes"));
    CHECK(r.s().draft().find("topics")->value == "homes");
    CHECK(r.tap("homes"));
    CHECK(r.s().draft().find("topics") == nullptr);
    CHECK_FALSE(r.tap("no-such-option"));
}

TEST_CASE("taps within the cooldown count once", "[session][cooldown]") {
    SessionRig r;
    r.to_first_question();
    r.clock.advance(1000);
    CHECK(r.s().tap_option("happy"));
    CHECK_FALSE(r.s().tap_option("happy"));  // the same instant: a double tap
    r.clock.advance(399);
    CHECK_FALSE(r.s().tap_option("yes"));    // would have answered question 2 by accident
    CHECK(r.s().view().question_number == 2);
    r.clock.advance(1000);
    CHECK(r.s().tap_option("yes"));          // once question 2 has settled
    CHECK(r.s().view().question_number == 3);
    CHECK(r.s().draft().find("hear")->value == "yes");

    // Back held down goes back one screen, not two.
    r.clock.advance(1000);
    CHECK(r.s().back());
    r.clock.advance(100);
    CHECK_FALSE(r.s().back());
    CHECK(r.s().view().question_number == 2);

    // Within one screen (choose-many) the cooldown alone spaces taps on different answers.
    r.clock.advance(1000);
    CHECK(r.s().next());
    r.clock.advance(1000);
    CHECK(r.s().next());
    REQUIRE(r.s().view().multi_select);
    r.clock.advance(1000);
    CHECK(r.s().tap_option("homes"));
    r.clock.advance(100);
    CHECK_FALSE(r.s().tap_option("jobs"));
    r.clock.advance(300);
    CHECK(r.s().tap_option("jobs"));

    // Keys have no cooldown: a doubled letter is typed twice.
    r.clock.advance(1000);
    CHECK(r.s().next());
    r.clock.advance(1000);
    REQUIRE(r.s().view().keyboard == Keyboard::Letters);
    CHECK(r.s().type_text("a"));
    CHECK(r.s().type_text("a"));
    CHECK(r.s().type_text("b"));
    CHECK(r.s().view().text == "aab");
}

TEST_CASE("a different cooldown setting is used", "[session][cooldown]") {
    SessionRig r;
    r.settings.cooldown_ms = 1000;
    r.settings.settle_ms = 0;
    CHECK(r.s().tap_option("start"));
    r.clock.advance(900);
    CHECK_FALSE(r.s().tap_option("agree"));
    r.clock.advance(100);
    CHECK(r.s().tap_option("agree"));
}

TEST_CASE("idle asks Are you still there? and Yes carries on where it was", "[session][idle]") {
    SessionRig r;
    r.to_first_question();
    CHECK(r.tap("happy"));
    r.spoken();
    CHECK(r.s().next_deadline() == r.clock.now_ms() + 60000);
    r.clock.advance(59999);
    r.s().tick();
    CHECK(r.screen() == "question");
    r.clock.advance(1);
    r.s().tick();
    REQUIRE(r.screen() == "still-there");
    CHECK(r.s().view().countdown_seconds == 20);
    CHECK_FALSE(r.s().view().back_enabled);
    auto said = r.spoken();
    REQUIRE(said.size() == 1);
    CHECK(said[0].find("Are you still there?") == 0);
    r.clock.advance(5000);
    r.s().tick();
    CHECK(r.s().view().countdown_seconds == 15);
    CHECK(r.spoken() == std::vector<std::string>{"15"});
    CHECK(r.s().still_here());
    CHECK(r.screen() == "question");
    CHECK(r.s().view().question_number == 2);
    CHECK(r.s().draft().find("meeting")->value == "happy");
}

TEST_CASE("idle with no answer keeps the part-finished answers, marked, and shows Welcome clean", "[session][idle]") {
    SessionRig r;
    r.to_first_question();
    CHECK(r.tap("sad"));
    CHECK(r.tap("no"));
    r.clock.advance(60000);
    r.s().tick();
    REQUIRE(r.screen() == "still-there");
    for (int left = 19; left >= 1; --left) {
        r.clock.advance(1000);
        r.s().tick();
        // Steps of five (what is said aloud), then each of the last five seconds.
        CHECK(r.s().view().countdown_seconds == (left > 5 ? (left + 4) / 5 * 5 : left));
        CHECK(r.screen() == "still-there");
    }
    r.clock.advance(1000);
    r.s().tick();
    CHECK(r.screen() == "welcome");
    CHECK(r.s().draft().answers.empty());
    // Kept, marked unfinished, not counted as a finished response on screen.
    REQUIRE(r.backend.saved.size() == 1);
    CHECK(r.backend.saved[0].unfinished);
    CHECK(r.backend.saved[0].find("meeting")->value == "sad");
    CHECK(r.backend.saved[0].find("hear")->value == "no");
    CHECK(r.s().saved_count() == 0);
    // The next person starts with nothing of the last.
    CHECK(r.tap("start"));
    CHECK(r.tap("agree"));
    CHECK(r.tap("self"));
    CHECK_FALSE(r.s().view().choices[2].selected);
    CHECK_FALSE(r.s().view().progress[0].answered);
}

TEST_CASE("part-finished answers: off by setting, never before consent, and typed words kept", "[session][idle]") {
    SessionRig off;
    off.settings.keep_unfinished = false;
    off.to_first_question();
    CHECK(off.tap("happy"));
    off.later(60000);
    off.later(20000);
    CHECK(off.screen() == "welcome");
    CHECK(off.backend.saved.empty());

    SessionRig no_answers;  // consent given but nothing answered: nothing to keep
    no_answers.to_first_question();
    no_answers.later(60000);
    no_answers.later(20000);
    CHECK(no_answers.backend.saved.empty());

    SessionRig typed;
    typed.to_first_question();
    CHECK(typed.tap("happy"));
    CHECK(typed.tap("yes"));
    CHECK(typed.tap("big"));
    CHECK(typed.tap("homes"));
    CHECK(typed.next());
    CHECK(typed.type("half a tho"));  // walked away mid-word
    typed.later(60000);
    typed.later(20000);
    REQUIRE(typed.backend.saved.size() == 1);
    CHECK(typed.backend.saved[0].unfinished);
    CHECK(typed.backend.saved[0].find("best")->value == "half a tho");
}

TEST_CASE("idle timing follows the settings and never fires on Welcome", "[session][idle]") {
    SessionRig r;
    r.settings.idle_ms = 30000;
    r.settings.still_there_ms = 25000;
    r.later(10 * 60 * 1000);
    CHECK(r.screen() == "welcome");
    CHECK(r.tap("start"));
    r.later(29000);
    CHECK(r.screen() == "consent");
    r.later(1000);
    CHECK(r.screen() == "still-there");
    CHECK(r.s().view().countdown_seconds == 25);
    r.later(25000);
    CHECK(r.screen() == "welcome");
}

TEST_CASE("Review and Anything else time out too", "[session][idle]") {
    SessionRig r;
    r.to_first_question();
    for (int i = 0; i < 5; ++i) CHECK(r.next());
    CHECK(r.type("half a sentence"));
    r.later(60000);
    CHECK(r.screen() == "still-there");
    CHECK(r.later().still_here());
    CHECK(r.screen() == "anything-else");
    CHECK(r.s().view().text == "half a sentence");
    r.later(60000);
    r.later(20000);
    CHECK(r.screen() == "welcome");
    CHECK(r.s().view().text.empty());
    // Kept for the Board, marked unfinished, with the half sentence.
    REQUIRE(r.backend.saved.size() == 1);
    CHECK(r.backend.saved[0].unfinished);
    CHECK(r.backend.saved[0].find("anything-else")->value == "half a sentence");
}

TEST_CASE("a finished response is saved exactly once", "[session]") {
    SessionRig r;
    kiosk_test::SessionRig* rig = &r;
    auto run = [&] {
        auto res = run_script(rig->s(), &rig->clock, script_answer_all(rig->survey, "self"));
        INFO(res.message);
        REQUIRE(res.ok);
    };
    run();
    CHECK(r.backend.saved.size() == 1);
    CHECK_FALSE(r.tap("send"));
    CHECK_FALSE(r.back());
    r.later(60000);
    CHECK(r.backend.saved.size() == 1);
    CHECK(r.screen() == "welcome");
    run();
    REQUIRE(r.backend.saved.size() == 2);
    CHECK(r.backend.saved[0].uuid != r.backend.saved[1].uuid);
    CHECK(r.s().saved_count() == 2);
}

TEST_CASE("Listen says the question and every answer, and Help says the help", "[session][speech]") {
    SessionRig r;
    r.to_first_question();
    r.spoken();
    CHECK(r.later().listen());
    auto said = r.spoken();
    REQUIRE(said.size() == 1);
    CHECK(said[0] == "Did you like the meeting today? Happy. In the middle. Sad. I don't know. Touch a face.");
    CHECK(r.later().help());
    said = r.spoken();
    REQUIRE(said.size() == 1);
    CHECK(said[0].find("Touch a face. Touch the picture that shows your answer.") == 0);
    CHECK(r.s().view().speech == "Did you like the meeting today? Happy. In the middle. Sad. I don't know. Touch a face.");
}

TEST_CASE("auto-speak says each screen as it appears", "[session][speech]") {
    SessionRig r;
    r.settings.auto_speak = true;
    r.s();
    CHECK(r.spoken() == std::vector<std::string>{"Tell us what you think. Start."});
    CHECK(r.tap("start"));
    auto said = r.spoken();
    REQUIRE(said.size() == 1);
    CHECK(said[0].find("Is it OK to keep your answers? We keep your answers. We do not ask your name.") == 0);
    SessionRig quiet;
    quiet.settings.auto_speak = false;
    quiet.s();
    CHECK(quiet.tap("start"));
    CHECK(quiet.spoken().empty());
}

TEST_CASE("the view gives pictures, progress and enabled buttons as plain data", "[session][view]") {
    SessionRig r;
    const SessionView& v0 = r.s().view();
    CHECK(v0.screen == Screen::Welcome);
    REQUIRE(v0.choices.size() == 1);
    CHECK(v0.choices[0].id == "start");
    CHECK(v0.choices[0].picture == "start");
    std::uint64_t rev = v0.revision;
    r.to_first_question();
    const SessionView& v = r.s().view();
    CHECK(v.revision > rev);
    CHECK(v.title == "Did you like the meeting today?");
    CHECK(v.picture == "meeting");
    CHECK(v.question_count == 5);
    REQUIRE(v.progress.size() == 5);
    CHECK(v.progress[0].current);
    CHECK(v.progress[3].picture == "question");
    CHECK(v.back_enabled);
    CHECK(v.show_next);
    REQUIRE(v.choices.size() == 4);
    CHECK(v.choices[0].picture == "happy");
    CHECK(v.choices[2].negative);
    CHECK(r.tap("happy"));
    CHECK(r.s().view().progress[0].answered);
    CHECK(r.s().view().progress[1].current);
}

TEST_CASE("typing keeps whole UTF-8 letters and stops at the limit", "[session]") {
    SessionRig r;
    r.to_first_question();
    for (int i = 0; i < 4; ++i) CHECK(r.next());
    CHECK(r.type("caf\xC3\xA9"));
    CHECK(r.later().erase());
    CHECK(r.s().view().text == "caf");
    CHECK(r.type(std::string(kCommentMaxChars - 3, 'x')));
    CHECK_FALSE(r.type("y"));
    CHECK(r.next());
    CHECK(r.s().draft().find("best")->value.size() == kCommentMaxChars);
}

TEST_CASE("page questions show their page and say its number", "[session]") {
    SessionRig r;
    r.survey = kiosk_test::survey_from_text("---\nid: p\nversion: 1\ntitle: P\n---\n## Is this page easy to understand? {#page each=page}\n");
    REQUIRE(expand_document_pages(r.survey, 2, "leaflet.pdf 3f9a"));
    r.to_first_question();
    CHECK(r.s().view().document_page == 1);
    CHECK(r.s().view().speech.find("Page 1. Is this page easy to understand?") == 0);
    CHECK(r.tap("happy"));
    CHECK(r.s().view().document_page == 2);
    CHECK(r.s().view().speech.find("Page 2. Is this page easy to understand?") == 0);
    CHECK(r.tap("sad"));
    CHECK(r.tap("skip"));
    CHECK(r.tap("send"));
    REQUIRE(r.backend.saved.size() == 1);
    CHECK(r.backend.saved[0].document == "leaflet.pdf 3f9a");
    CHECK(r.backend.saved[0].find("page-2")->value == "sad");
}

TEST_CASE("a page question reads the page's words before asking about it", "[session]") {
    SessionRig r;
    r.survey = kiosk_test::survey_from_text(
        "---\nid: p\nversion: 1\ntitle: P\n---\n## Is this page easy to understand? {#page each=page}\n");
    REQUIRE(expand_document_pages(r.survey, 2, "leaflet.md 3f9a"));
    r.survey.questions[0].page_words = "We want to hear from you. Tell us what you think.";
    r.survey.questions[1].page_words = "Hard words. A survey is a list of questions.";
    r.to_first_question();
    CHECK(r.s().view().speech.find("Page 1. We want to hear from you. Tell us what you think. Is this page easy") == 0);
    CHECK(r.tap("happy"));
    CHECK(r.s().view().speech.find("Page 2. Hard words. A survey is a list of questions. Is this page easy") == 0);
    // The page's words are heard, not printed again beside the page.
    CHECK(r.s().view().body.find("Hard words") == std::string::npos);
}

TEST_CASE("the script driver reports the step the session did not take", "[session][script]") {
    SessionRig r;
    auto res = run_script(r.s(), &r.clock, "tap start\nexpect consent\ntap self\n");
    CHECK_FALSE(res.ok);
    CHECK(res.failed_line == 3);
    CHECK(res.message.find("on screen consent") != std::string::npos);
    SessionRig r2;
    res = run_script(r2.s(), &r2.clock, "tap start\nwait 61000\nexpect still-there\nstill-here\nexpect consent\n");
    INFO(res.message);
    CHECK(res.ok);
    CHECK(res.screens == std::vector<std::string>{"consent", "still-there", "still-there", "consent", "consent"});
}

TEST_CASE("every journey screen times out to Are you still there? and comes back to itself", "[session][idle]") {
    SessionRig r;
    r.settings.confirm_negative = true;
    // Steps that reach each journey screen from Welcome.
    const std::vector<std::pair<std::string, std::vector<std::string>>> routes = {
        {"consent", {"start"}},
        {"who-is-answering", {"start", "agree"}},
        {"question", {"start", "agree", "self"}},
        {"confirm-answer", {"start", "agree", "self", "sad"}},
    };
    for (const auto& route : routes) {
        INFO(route.first);
        for (const auto& step : route.second) REQUIRE(r.tap(step));
        REQUIRE(r.screen() == route.first);
        r.later(60000);
        CHECK(r.screen() == "still-there");
        CHECK(r.later().still_here());
        CHECK(r.screen() == route.first);
        r.later(60000);
        r.later(20000);
        CHECK(r.screen() == "welcome");
    }
    // Whatever was answered is kept, marked unfinished; nothing counts as finished.
    for (const auto& saved : r.backend.saved) CHECK(saved.unfinished);
    CHECK(r.s().saved_count() == 0);
}

TEST_CASE("Back on the Is that right? check returns to the question", "[session]") {
    SessionRig r;
    r.settings.confirm_negative = true;
    r.to_first_question();
    CHECK(r.tap("dont-know"));
    CHECK(r.tap("no"));
    REQUIRE(r.screen() == "confirm-answer");
    CHECK(r.s().view().title == "You chose no. Is that right?");
    CHECK(r.back());
    CHECK(r.screen() == "question");
    CHECK(r.s().view().question_number == 2);
    CHECK(r.s().view().choices[1].selected);
}

TEST_CASE("the example survey of the kiosk's format parses as described", "[survey]") {
    Survey s = kiosk_test::survey_from_text(R"(---
id: board-event
version: 2
title: Tell us about today
lang: en-GB
---

## Did you like the meeting today? {#meeting picture=meeting}

## Could you hear the speakers? {#hear type=yes-no picture=ear}

## What should the board talk about next? {#topics type=choose-many picture=question}
- Homes {#homes picture=house}
- Jobs {#jobs picture=briefcase}

## Anything else you want to tell us? {#comment type=comment}
)");
    CHECK(s.id == "board-event");
    CHECK(s.version == 2);
    REQUIRE(s.questions.size() == 4);
    CHECK(s.questions[0].type == QuestionType::Faces3);
    CHECK(s.questions[1].type == QuestionType::YesNo);
    CHECK(s.questions[2].options[1].picture == "briefcase");
    CHECK(s.questions[3].id == "comment");
    CHECK(s.questions[3].type == QuestionType::Comment);
}
