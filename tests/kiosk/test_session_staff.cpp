#include <catch2/catch.hpp>

#include "tests/kiosk/session_rig.hpp"

using namespace easyread::kiosk;
using kiosk_test::SessionRig;

namespace {
bool type_pin(SessionRig& r, const std::string& pin) {
    for (char c : pin)
        if (!r.type(std::string(1, c))) return false;
    return r.next();
}
}  // namespace

TEST_CASE("the first run asks for a PIN twice, then opens staff mode", "[session][staff]") {
    SessionRig r(false);
    REQUIRE(r.screen() == "staff-set-pin");
    CHECK(r.s().view().keyboard == Keyboard::Digits);
    CHECK(r.s().view().text_masked);
    CHECK_FALSE(r.type("a"));
    CHECK(type_pin(r, "12"));
    CHECK(r.s().view().staff.message == "A PIN is 4 to 8 numbers.");
    CHECK(type_pin(r, "4321"));
    CHECK(r.s().view().title == "Type the same PIN again");
    CHECK(type_pin(r, "4322"));
    CHECK(r.s().view().staff.message.find("not the same") != std::string::npos);
    CHECK(r.s().view().title == "Choose a staff PIN");
    CHECK(type_pin(r, "4321"));
    CHECK(type_pin(r, "4321"));
    CHECK(r.screen() == "staff-menu");
    CHECK(verify_pin(r.backend.pin_hash, "4321"));
    CHECK(r.backend.pin_hash.find("4321") == std::string::npos);
    CHECK(r.tap("close"));
    CHECK(r.screen() == "welcome");
}

TEST_CASE("staff mode needs the PIN and locks after wrong ones", "[session][staff]") {
    SessionRig r;
    r.settings.pin_attempts = 3;
    r.settings.pin_lockout_ms = 30000;
    CHECK(r.s().open_staff());
    CHECK(r.screen() == "staff-pin");
    CHECK(type_pin(r, "9999"));
    CHECK(r.s().view().staff.message == "That PIN is not right.");
    CHECK(type_pin(r, "9998"));
    CHECK(type_pin(r, "9997"));
    CHECK(r.s().view().staff.pin_wait_seconds == 30);
    CHECK(type_pin(r, "1234"));  // right, but too soon
    CHECK(r.screen() == "staff-pin");
    r.later(30000);
    CHECK(r.s().view().staff.pin_wait_seconds == 0);
    CHECK(type_pin(r, "1234"));
    CHECK(r.screen() == "staff-menu");
}

TEST_CASE("staff actions: event name, counts, speech test, export, quit", "[session][staff]") {
    SessionRig r;
    CHECK(r.s().open_staff());
    CHECK(type_pin(r, "1234"));
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
    CHECK(r.backend.exports == 1);
    CHECK(r.s().view().staff.message == "Exported.");
    CHECK_FALSE(r.s().quit_requested());
    CHECK(r.tap("quit"));
    CHECK(r.s().quit_requested());
}

TEST_CASE("the event name and counts reach the next responses", "[session][staff]") {
    SessionRig r;
    CHECK(r.s().open_staff());
    CHECK(type_pin(r, "1234"));
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
    CHECK(type_pin(r, "1234"));
    CHECK(r.s().view().staff.today.total == 1);
    CHECK(r.s().view().staff.today.by_respondent.at("helper") == 1);
}

TEST_CASE("staff mode closes itself when left alone", "[session][staff]") {
    SessionRig r;
    CHECK(r.s().open_staff());
    CHECK(type_pin(r, "1234"));
    r.later(59000);
    CHECK(r.screen() == "staff-menu");
    r.later(1000);
    CHECK(r.screen() == "welcome");
    CHECK(r.s().open_staff());
    CHECK(r.back());
    CHECK(r.screen() == "welcome");
}
