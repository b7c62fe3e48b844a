// A session on a fake clock and an in-memory backend, with taps spaced past the
// cooldown and the settle time of a new screen.
#pragma once
#include <memory>

#include "kiosk/core/pin.hpp"
#include "kiosk/core/session.hpp"
#include "tests/kiosk/test_support.hpp"

namespace kiosk_test {

inline const std::string& pin_1234_hash() {
    static const std::string hash = easyread::kiosk::hash_pin("1234");  // slow on purpose: hash once
    return hash;
}

struct SessionRig {
    easyread::survey::Survey survey = survey_from_text(kSmallSurvey);
    easyread::kiosk::FakeClock clock;
    MemoryBackend backend;
    easyread::kiosk::KioskSettings settings;
    std::vector<easyread::kiosk::ReviewChunk> review_chunks;  // a review survey's chunks
    std::unique_ptr<easyread::kiosk::Session> session;

    explicit SessionRig(bool pin_set = true) {
        if (pin_set) backend.pin_hash = pin_1234_hash();
        settings.device_id = "device-1";
        settings.event = "May board";
    }
    easyread::kiosk::Session& s() {
        if (!session) session = std::make_unique<easyread::kiosk::Session>(survey, settings, clock, backend, review_chunks);
        return *session;
    }
    // Each step waits a second first: past the 400 ms cooldown and the 1 s settle time.
    bool tap(const std::string& id) { return later().tap_option(id); }
    bool back() { return later().back(); }
    bool next() { return later().next(); }
    bool type(const std::string& t) { return later().type_text(t); }
    easyread::kiosk::Session& later(easyread::kiosk::Millis ms = 1000) {
        s();  // the first screen shows before time moves
        clock.advance(ms);
        s().tick();
        return s();
    }
    std::string screen() { return easyread::kiosk::screen_name(s().screen()); }
    // Types a PIN a digit at a time, then Next.
    bool pin(const std::string& digits) {
        for (char c : digits)
            if (!type(std::string(1, c))) return false;
        return next();
    }
    // Welcome -> ... -> first question.
    void to_first_question(const std::string& who = "self") {
        REQUIRE(tap("start"));
        REQUIRE(tap("agree"));
        REQUIRE(tap(who));
        REQUIRE(screen() == "question");
    }
    std::vector<std::string> spoken() {
        std::vector<std::string> out;
        while (auto r = s().take_speech()) out.push_back(r->text);
        return out;
    }
};

}  // namespace kiosk_test
