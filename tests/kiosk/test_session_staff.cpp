#include <catch2/catch.hpp>

#include "tests/kiosk/session_rig.hpp"

using namespace easyread::kiosk;
using namespace easyread::survey;
using kiosk_test::SessionRig;

TEST_CASE("the first run asks for a PIN twice, then opens staff mode", "[session][staff]") {
    SessionRig r(false);
    REQUIRE(r.screen() == "staff-set-pin");
    CHECK(r.s().view().keyboard == Keyboard::Digits);
    CHECK(r.s().view().text_masked);
    CHECK_FALSE(r.type("a"));
    CHECK(r.pin("12"));
    CHECK(r.s().view().staff.message == "A new PIN is 6 to 10 numbers.");
    CHECK(r.pin("4831"));  // 4 digits: too short for a new PIN
    CHECK(r.s().view().staff.message == "A new PIN is 6 to 10 numbers.");
    for (const char* easy : {"123456", "000000", "654321", "121212", "123123", "890123"}) {
        INFO(easy);
        CHECK(r.pin(easy));
        CHECK(r.s().view().staff.message.find("too easy to guess") != std::string::npos);
        CHECK(r.s().view().title == "Choose a staff PIN");
    }
    CHECK(r.pin("483190"));
    CHECK(r.s().view().title == "Type the same PIN again");
    CHECK(r.pin("483191"));
    CHECK(r.s().view().staff.message.find("not the same") != std::string::npos);
    CHECK(r.s().view().title == "Choose a staff PIN");
    CHECK(r.pin("483190"));
    CHECK(r.pin("483190"));
    CHECK(r.screen() == "staff-menu");
    CHECK(verify_pin(r.backend.pin_hash, "483190"));
    CHECK(r.backend.pin_hash.find("483190") == std::string::npos);
    CHECK(r.tap("close"));
    CHECK(r.screen() == "welcome");
}

TEST_CASE("staff mode needs the PIN and locks after wrong ones", "[session][staff]") {
    SessionRig r;
    r.settings.pin_attempts = 3;
    r.settings.pin_lockout_ms = 30000;
    CHECK(r.s().open_staff());
    CHECK(r.screen() == "staff-pin");
    CHECK(r.pin("9999"));
    CHECK(r.s().view().staff.message == "That PIN is not right.");
    CHECK(r.pin("9998"));
    CHECK(r.pin("9997"));
    CHECK(r.s().view().staff.pin_wait_seconds == 30);
    CHECK(r.s().view().staff.message == "Too many wrong PINs. Try again in 30 seconds.");
    r.later(10000);
    CHECK(r.s().view().staff.message == "Too many wrong PINs. Try again in 20 seconds.");  // counting down
    CHECK(r.pin("1234"));  // right, but too soon
    CHECK(r.screen() == "staff-pin");
    r.later(20000);
    CHECK(r.s().view().staff.pin_wait_seconds == 0);
    CHECK(r.pin("1234"));
    CHECK(r.screen() == "staff-menu");
}

TEST_CASE("staff actions: event name, counts, speech test, export, quit", "[session][staff]") {
    SessionRig r;
    CHECK(r.s().open_staff());
    CHECK(r.pin("1234"));
    REQUIRE(r.screen() == "staff-menu");
    CHECK(r.s().view().staff.event == "May board");
    CHECK(r.s().view().staff.today.total == 0);

    CHECK(r.tap("event"));
    CHECK(r.screen() == "staff-event-name");
    CHECK(r.s().view().text == "May board");
    for (int i = 0; i < 5; ++i) CHECK(r.later().erase());
    CHECK(r.type("June"));
    CHECK(r.next());
    CHECK(r.screen() == "staff-menu");
    CHECK(r.backend.event == "May June");
    CHECK(r.s().view().staff.event == "May June");

    r.spoken();
    CHECK(r.tap("test-speech"));
    CHECK(r.spoken() == std::vector<std::string>{"This is a test of the speech. Can you hear me?"});
    CHECK(r.tap("export"));
    CHECK(r.screen() == "staff-export");
    CHECK(r.backend.exports == 0);  // nothing copied before staff choose where
    CHECK(r.s().view().choices.size() == 3);
    CHECK(r.s().view().choices[1].label == "Memory stick SANDISK");
    CHECK(r.s().view().body.find("Memory stick SANDISK: /media/SANDISK") != std::string::npos);
    CHECK(r.tap("place:1"));
    CHECK(r.backend.exports == 1);
    CHECK(r.backend.export_dir == "/media/SANDISK");
    CHECK(r.screen() == "staff-menu");
    CHECK(r.s().view().staff.message == "Exported.");
    CHECK_FALSE(r.s().quit_requested());
    CHECK(r.tap("quit"));
    CHECK(r.s().quit_requested());
}

TEST_CASE("the event name and counts reach the next responses", "[session][staff]") {
    SessionRig r;
    CHECK(r.s().open_staff());
    CHECK(r.pin("1234"));
    CHECK(r.tap("event"));
    for (int i = 0; i < 9; ++i) CHECK(r.later().erase());
    CHECK(r.type("Day centre"));
    CHECK(r.next());
    CHECK(r.tap("close"));
    r.to_first_question("helper");
    for (int i = 0; i < 5; ++i) CHECK(r.next());
    CHECK(r.tap("skip"));
    CHECK(r.tap("send"));
    REQUIRE(r.backend.saved.size() == 1);
    CHECK(r.backend.saved[0].event == "Day centre");
    CHECK(r.s().open_staff());
    CHECK(r.pin("1234"));
    CHECK(r.s().view().staff.today.total == 1);
    CHECK(r.s().view().staff.today.by_respondent.at("helper") == 1);
}

TEST_CASE("staff mode closes itself when left alone", "[session][staff]") {
    SessionRig r;
    CHECK(r.s().open_staff());
    CHECK(r.pin("1234"));
    r.later(59000);
    CHECK(r.screen() == "staff-menu");
    r.later(1000);
    CHECK(r.screen() == "welcome");
    CHECK(r.s().open_staff());
    CHECK(r.back());
    CHECK(r.screen() == "welcome");
}
