// Double and triple taps (tremor, a bouncing finger, an impatient second
// tap): only the first tap of a burst counts, and no answer is ever given on
// a screen before it has shown for the settle time.
#include <catch2/catch.hpp>

#include <functional>

#include "tests/kiosk/session_rig.hpp"

using namespace easyread::kiosk;
using kiosk_test::SessionRig;

namespace {

// Every control a finger could land on: the screen's choices, Next, Back,
// Listen, Help. Each must refuse the tap; the screen and the answers stay.
void every_control_refuses(SessionRig& r, const std::string& when) {
    const Session& s = r.s();
    const std::uint64_t shown = s.view().shown;
    const std::vector<Answer> answers = s.draft().answers;
    std::vector<std::string> ids;
    for (const Choice& c : s.view().choices) ids.push_back(c.id);
    for (const ReviewRow& row : s.view().review) ids.push_back(row.change_id);
    for (const std::string& id : ids) {
        INFO(when << ": option " << id);
        CHECK_FALSE(r.s().tap_option(id));
    }
    INFO(when);
    CHECK_FALSE(r.s().next());
    CHECK_FALSE(r.s().back());
    CHECK_FALSE(r.s().listen());
    CHECK_FALSE(r.s().help());
    if (r.s().view().keyboard != Keyboard::None) CHECK_FALSE(r.s().type_text("a"));
    CHECK(r.s().view().shown == shown);
    CHECK(r.s().draft().answers.size() == answers.size());
}

struct Step {
    std::string what;
    std::function<bool(Session&)> act;
    std::string then;  // the screen after it
    bool repeated = true;  // keys are typed as pressed: a doubled letter is two letters
};

}  // namespace

TEST_CASE("double and triple taps at 100-900 ms answer only what was seen", "[session][double-tap]") {
    const std::vector<Step> journey = {
        {"start", [](Session& s) { return s.tap_option("start"); }, "consent"},
        {"agree", [](Session& s) { return s.tap_option("agree"); }, "who-is-answering"},
        {"self", [](Session& s) { return s.tap_option("self"); }, "question"},
        {"happy face", [](Session& s) { return s.tap_option("happy"); }, "question"},
        {"yes", [](Session& s) { return s.tap_option("yes"); }, "question"},
        {"small room", [](Session& s) { return s.tap_option("little"); }, "question"},
        {"homes (choose-many)", [](Session& s) { return s.tap_option("homes"); }, "question"},
        {"Next on choose-many", [](Session& s) { return s.next(); }, "question"},
        {"type", [](Session& s) { return s.type_text("Good"); }, "question", false},
        {"Next on a comment", [](Session& s) { return s.next(); }, "anything-else"},
        {"Nothing else", [](Session& s) { return s.tap_option("skip"); }, "review"},
        {"Send", [](Session& s) { return s.tap_option("send"); }, "thank-you"},
    };
    for (Millis gap = 100; gap <= 900; gap += 100) {
        for (int taps = 2; taps <= 3; ++taps) {
            SessionRig r;
            for (const Step& step : journey) {
                INFO(taps << " taps " << gap << " ms apart on " << step.what);
                r.later();
                const std::uint64_t shown = r.s().view().shown;
                REQUIRE(step.act(r.s()));
                REQUIRE(r.screen() == step.then);
                const bool new_screen = r.s().view().shown != shown;
                for (int k = 1; k < taps && step.repeated; ++k) {
                    r.clock.advance(gap);
                    r.s().tick();
                    if (new_screen) {
                        every_control_refuses(r, "tap " + std::to_string(k + 1));
                    } else {
                        // The same place on the same screen: the same answer or key.
                        CHECK_FALSE(step.act(r.s()));
                    }
                }
            }
            REQUIRE(r.backend.saved.size() == 1);
            const Response& saved = r.backend.saved[0];
            INFO(taps << " taps " << gap << " ms apart");
            CHECK(saved.respondent == "self");
            REQUIRE(saved.answers.size() == 5);
            CHECK(saved.find("meeting")->value == "happy");
            CHECK(saved.find("hear")->value == "yes");
            CHECK(saved.find("room")->value == "little");
            CHECK(saved.find("topics")->value == "homes");
            CHECK(saved.find("best")->value == "Good");
        }
    }
}

TEST_CASE("a new screen takes its first tap once it has shown for the settle time", "[session][double-tap]") {
    SessionRig r;
    r.later();
    REQUIRE(r.s().tap_option("start"));
    r.clock.advance(999);
    CHECK_FALSE(r.s().tap_option("agree"));  // too soon: and it starts the wait again
    r.clock.advance(999);
    CHECK_FALSE(r.s().tap_option("agree"));
    r.clock.advance(1);
    CHECK_FALSE(r.s().settled());
    r.clock.advance(999);
    CHECK(r.s().settled());
    CHECK(r.s().tap_option("agree"));
    CHECK(r.screen() == "who-is-answering");
    CHECK(r.s().draft().started_at == iso_utc(r.clock.wall_ms()));
}

TEST_CASE("choose-many: a double tap does not take the answer away again", "[session][double-tap]") {
    SessionRig r;
    r.to_first_question();
    for (int i = 0; i < 3; ++i) REQUIRE(r.next());
    REQUIRE(r.s().view().multi_select);
    CHECK(r.tap("homes"));
    r.clock.advance(500);
    CHECK(r.s().tap_option("jobs"));          // another answer: only the cooldown applies
    r.clock.advance(500);
    CHECK_FALSE(r.s().tap_option("jobs"));    // the same one again, half a second later
    CHECK(r.s().draft().find("topics")->value == "homes;jobs");
    r.clock.advance(1000);
    CHECK(r.s().tap_option("jobs"));          // a second later it is meant
    CHECK(r.s().draft().find("topics")->value == "homes");
}

TEST_CASE("keys: a journey keyboard waits for the settle time, the staff PIN does not", "[session][double-tap]") {
    SessionRig r;
    r.to_first_question();
    for (int i = 0; i < 4; ++i) REQUIRE(r.next());
    REQUIRE(r.s().view().keyboard == Keyboard::Letters);
    r.clock.advance(1000);
    REQUIRE(r.s().next());
    REQUIRE(r.screen() == "anything-else");
    r.clock.advance(300);
    CHECK_FALSE(r.s().type_text("q"));  // Next tapped twice lands on the keyboard
    r.clock.advance(1000);
    CHECK(r.s().type_text("o"));
    CHECK(r.s().type_text("k"));  // letters as fast as they come
    CHECK(r.s().view().text == "ok");

    REQUIRE(r.s().open_staff());
    REQUIRE(r.screen() == "staff-pin");
    CHECK(r.s().type_text("1"));
    CHECK(r.s().type_text("2"));
    CHECK(r.s().view().text == "12");
}

TEST_CASE("the settle time is a staff setting, kept in the answers file", "[session][double-tap]") {
    SessionRig r;
    CHECK(r.s().settings().settle_ms == 1000);
    REQUIRE(r.s().open_staff());
    REQUIRE(r.pin("1234"));
    REQUIRE(r.tap("settings"));
    auto label = [&] {
        for (const Choice& c : r.s().view().choices)
            if (c.id == "settle_ms") return c.label;
        return std::string();
    };
    CHECK(label() == "New screen waits 1 s");
    const std::vector<std::string> cycle = {"1500", "2000", "500", "1000"};
    for (const std::string& want : cycle) {
        REQUIRE(r.tap("settle_ms"));
        CHECK(r.backend.settings["settle_ms"] == want);
        CHECK(std::to_string(r.s().settings().settle_ms) == want);
    }
    REQUIRE(r.tap("settle_ms"));
    CHECK(label() == "New screen waits 1.5 s");
}
