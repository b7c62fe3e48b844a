#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <thread>

#include "kiosk/app/speech.hpp"
#include "kiosk/app/tap_script.hpp"

using namespace easyread::kiosk::ui;

TEST_CASE("speech is cut into sentences so a new request cuts in quickly") {
    auto parts = speech_parts("Did you like the meeting today? Happy. In the middle.  Sad. I don't know");
    REQUIRE(parts.size() == 5);
    CHECK(parts[0] == "Did you like the meeting today?");
    CHECK(parts[2] == "In the middle.");
    CHECK(parts[4] == "I don't know");
    CHECK(speech_parts("").empty());
    CHECK(speech_parts("Version 1.5 is here.").size() == 1);  // a dot inside a number is not an end
    CHECK(speech_parts("Yes\nNo").size() == 2);              // answers listed a line each
}

TEST_CASE("espeak-ng makes speech on its own thread, with or without a sound card") {
    int changes = 0;
    Speech speech([&] { ++changes; });
    speech.start("en-GB");
    speech.say({"Did you like the meeting today?", "Happy."});
    for (int i = 0; i < 400 && speech.parts_spoken() < 2; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(25));
    INFO(speech.status());
    REQUIRE(speech.available());
    CHECK(speech.parts_spoken() == 2);
    CHECK(speech.samples_made() > 22050 / 2);  // more than half a second of sound at 22 kHz
    for (int i = 0; i < 100 && speech.speaking(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    CHECK_FALSE(speech.speaking());
    CHECK(changes >= 2);  // told the loop when it started and stopped
}

namespace {

std::string write_temp(const std::string& text) {
    char name[] = "/tmp/kiosk-script-XXXXXX";
    int fd = mkstemp(name);
    REQUIRE(fd >= 0);
    std::FILE* f = fdopen(fd, "w");
    std::fputs(text.c_str(), f);
    std::fclose(f);
    return name;
}

}  // namespace

TEST_CASE("a tap script with a wrong step is refused with its file and line") {
    std::string error;
    TapScript ok;
    std::string good = write_temp("# a comment\ntap start\n\ntype good day\nwait 500\nexpect welcome\n");
    CHECK(ok.load(good, error));
    CHECK_FALSE(ok.done());

    TapScript bad;
    std::string wrong = write_temp("tap start\npress start\n");
    CHECK_FALSE(bad.load(wrong, error));
    CHECK(error == wrong + ":2: unknown step 'press'. Use tap, back, next, listen, help, still-here, type, erase, staff, "
                           "wait, expect or expect-saved");
    TapScript bad_wait;
    std::string wait = write_temp("wait soon\n");
    CHECK_FALSE(bad_wait.load(wait, error));
    CHECK(error.find(":1: 'wait' needs a whole number") != std::string::npos);
    std::remove(good.c_str());
    std::remove(wrong.c_str());
    std::remove(wait.c_str());
}
