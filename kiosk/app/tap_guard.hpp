// The app's half of the double-tap rules (the session's half is its settle
// time): a tap counts only if the finger went down after what it lands on was
// drawn, and once that has shown for the settle time. "What it lands on" is
// the session's screen and the app's own panels (Help, a zoomed page,
// Review's page); a tap that comes too soon starts the wait again.
#pragma once
#include <cstdint>

#include "kiosk/core/clock.hpp"
#include "kiosk/app/screen_ui_state.hpp"
#include "kiosk/app/ui_context.hpp"

namespace easyread::kiosk::ui {

class TapGuard {
public:
    // Once per frame after the input is read: `shown` is the session view's
    // count of screens, `state` the app's panels, `frame` ImGui's frame count.
    void frame_begun(std::uint64_t shown, const ScreenUiState& state, int frame, bool press_began, Millis now);
    // Nullptr when the tap may go on, else why not ("press-before-shown", "settling").
    const char* refuse(const UiAction& action, Millis now, Millis settle_ms);
    // Counts what was shown: the trace prints it so tests wait for the settle time.
    std::uint64_t sights() const { return sights_; }

private:
    std::uint64_t shown_ = ~std::uint64_t{0};
    ScreenUiState state_;
    std::uint64_t sights_ = 0;
    int shown_frame_ = -1;  // a press seen in this frame began before it was drawn
    int press_frame_ = -1;
    Millis settle_from_ = 0;
};

}  // namespace easyread::kiosk::ui
