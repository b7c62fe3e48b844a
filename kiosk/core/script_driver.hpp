// Drives a Session from a small text script, with no window: for tests,
// end-to-end runs (the app can feed it a file) and benchmarks.
//
// One step per line; '#' starts a comment:
//   tap <choice id>      tap_option()     back | next | listen | help | still-here
//   type <words>         type_text()      erase
//   staff                open_staff()     wait <ms>   (advances a FakeClock, then tick())
//   tick                 tick()
//   expect <screen>      fails unless screen_name() matches ("question", "thank-you")
//   expect-saved <n>     fails unless saved_count() == n
#pragma once
#include <string>
#include <vector>

#include "kiosk/core/session.hpp"

namespace easyread::kiosk {

struct ScriptResult {
    bool ok = true;
    int failed_line = 0;  // 1-based line of the first failing step
    std::string message;  // why it failed
    std::vector<std::string> screens;  // screen_name() after each step
};

// A step the session does not take (returns false) fails the script. With a
// FakeClock, the clock moves `step_ms` before each step so the tap cooldown
// and a new screen's settle time let every step through; with `clock` null,
// time is real and a "wait" step fails (run the session with cooldown_ms and
// settle_ms 0 then).
ScriptResult run_script(Session& session, FakeClock* clock, const std::string& script, Millis step_ms = 1000);

// The steps that answer every question of `survey` with its first answer that
// needs no "Is that right?" check (typed words for comments), as `respondent`
// would, ending on Thank you. With auto_advance off, a "next" follows each
// tap. Handy for benchmarks and kill -9 tests.
std::string script_answer_all(const Survey& survey, const std::string& respondent, bool auto_advance = true);

}  // namespace easyread::kiosk
