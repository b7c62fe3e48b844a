// Speech by default, staff settings on the kiosk itself (no sqlite3), typed
// letters echoed, typed words read back, the explanation shown.
#include <catch2/catch.hpp>

#include "kiosk/core/settings.hpp"
#include "tests/kiosk/session_rig.hpp"
#include "tests/kiosk/store_support.hpp"

using namespace easyread::kiosk;
using namespace easyread::survey;
using kiosk_test::SessionRig;

namespace {
bool heard(const std::vector<std::string>& speech, const std::string& words) {
    for (const auto& s : speech)
        if (s.find(words) != std::string::npos) return true;
    return false;
}
}  // namespace

TEST_CASE("each screen is spoken by default, typed letters are said, PIN digits never", "[session][speech]") {
    SessionRig r;
    CHECK(KioskSettings{}.auto_speak);
    CHECK(r.tap("start"));
    CHECK(heard(r.spoken(), "Is it OK to keep your answers?"));
    CHECK(r.tap("agree"));
    CHECK(r.tap("self"));
    CHECK(r.tap("happy"));
    CHECK(r.tap("yes"));
    CHECK(r.tap("big"));
    CHECK(r.tap("homes"));
    CHECK(r.next());
    r.spoken();
    CHECK(r.type("h"));
    CHECK(r.type(" "));
    CHECK(r.spoken() == std::vector<std::string>{"h", "space"});
    // Listen reads back what was typed.
    CHECK(r.later().listen());
    CHECK(heard(r.spoken(), "You wrote: h."));
    CHECK(r.s().open_staff());
    r.spoken();
    CHECK(r.type("1"));
    CHECK(r.spoken().empty());
}

TEST_CASE("a question's explanation is shown on the screen, not only spoken", "[session][view]") {
    SessionRig r;
    r.to_first_question();
    CHECK(r.s().view().body == "Touch a face.");
    CHECK(r.s().view().speech.find("Touch a face.") != std::string::npos);
}

TEST_CASE("staff change speech, volume, idle time and checks on the kiosk, and they are kept", "[session][staff]") {
    SessionRig r;
    CHECK(r.s().open_staff());
    CHECK(r.pin("1234"));
    CHECK(r.tap("settings"));
    REQUIRE(r.screen() == "staff-settings");
    std::vector<std::string> ids;
    for (const auto& c : r.s().view().choices) ids.push_back(c.id);
    CHECK(ids == std::vector<std::string>{"auto_speak", "echo_keys", "muted", "volume-down", "volume-up",
                                          "idle_seconds", "settle_ms", "confirm_negative", "keep_unfinished"});
    CHECK(r.s().view().choices[0].label == "Speak each screen: on");
    CHECK(r.tap("auto_speak"));
    CHECK(r.s().view().choices[0].label == "Speak each screen: off");
    CHECK(r.backend.settings.at("auto_speak") == "no");
    CHECK(r.tap("volume-down"));
    CHECK(r.s().view().volume == 60);
    CHECK(r.backend.settings.at("volume") == "60");
    CHECK(r.tap("idle_seconds"));
    CHECK(r.backend.settings.at("idle_seconds") == "120");
    CHECK(r.tap("confirm_negative"));
    CHECK(r.backend.settings.at("confirm_negative") == "yes");
    CHECK(r.back());
    CHECK(r.screen() == "staff-menu");
    CHECK(r.tap("close"));
    r.spoken();
    // Auto-speak off: a new screen is silent until Listen.
    CHECK(r.tap("start"));
    CHECK(r.spoken().empty());
    // The new idle time and the sad-answer check are used at once.
    CHECK(r.tap("agree"));
    CHECK(r.tap("self"));
    CHECK(r.tap("sad"));
    CHECK(r.screen() == "confirm-answer");
    r.later(119000);
    CHECK(r.screen() == "confirm-answer");
    r.later(1000);
    CHECK(r.screen() == "still-there");

    // Muted: nothing is said, even Listen.
    SessionRig m;
    CHECK(m.s().open_staff());
    CHECK(m.pin("1234"));
    CHECK(m.tap("settings"));
    CHECK(m.tap("muted"));
    CHECK(m.s().view().muted);
    m.spoken();
    CHECK(m.back());
    CHECK(m.tap("close"));
    CHECK(m.later().listen());
    CHECK(m.spoken().empty());
}

TEST_CASE("staff settings are read back from the database", "[settings]") {
    kiosk_test::TempDir dir;
    Store store(dir.file("a.db"));
    REQUIRE(store.set_setting("auto_speak", "no"));
    REQUIRE(store.set_setting("echo_keys", "no"));
    REQUIRE(store.set_setting("volume", "40"));
    REQUIRE(store.set_setting("muted", "yes"));
    REQUIRE(store.set_setting("keep_unfinished", "no"));
    KioskSettings s = load_settings(store);
    CHECK_FALSE(s.auto_speak);
    CHECK_FALSE(s.echo_keys);
    CHECK(s.volume == 40);
    CHECK(s.muted);
    CHECK_FALSE(s.keep_unfinished);
    REQUIRE(store.set_setting("volume", "400"));
    CHECK(load_settings(store).volume == 80);  // out of range: the default
}
