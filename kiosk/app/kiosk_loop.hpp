// The kiosk's main loop: wait for input or the session's next timer, draw a
// few frames after anything changes, then sleep again (an idle kiosk draws
// nothing and uses almost no CPU).
#pragma once
#include <chrono>
#include <string>

#include "kiosk/core/session.hpp"
#include "kiosk/app/platform_window.hpp"
#include "kiosk/app/screens/screens.hpp"
#include "kiosk/app/speech.hpp"
#include "kiosk/app/tap_script.hpp"
#include "kiosk/app/trace_log.hpp"
#include "kiosk/app/ui_context.hpp"

namespace easyread::kiosk::ui {

struct KioskLoop {
    Session& session;
    SteppedClock& clock;
    PlatformWindow& window;
    UiContext& ui;
    Speech& speech;
    TraceLog& trace;
    TapScript* script = nullptr;  // test hook; null in real use
    std::chrono::steady_clock::time_point started;
    std::string speech_lang = "en-GB";  // the speech engine starts after the first frame
};

// Returns the process exit code: 0 when staff close the kiosk (or a script
// ends well), 3 when a script step fails.
int run_kiosk_loop(KioskLoop& loop);

// The staff screen saying why the kiosk cannot start, until staff tap Close
// (or close the window).
void run_refusal_screen(PlatformWindow& window, UiContext& ui, TraceLog& trace, const Refusal& refusal);

// Gives one tap to the session; true when the session took it.
bool apply_action(Session& session, const UiAction& action);

}  // namespace easyread::kiosk::ui
