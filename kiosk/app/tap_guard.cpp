#include "kiosk/app/tap_guard.hpp"

namespace easyread::kiosk::ui {

namespace {

// Keys type as fast as they are pressed (the session guards journey keys);
// the staff hold is long by nature.
bool waits_for_settle(UiActionKind kind) {
    return kind != UiActionKind::Type && kind != UiActionKind::Erase && kind != UiActionKind::KeyboardLayer &&
           kind != UiActionKind::KeyboardPage &&
           kind != UiActionKind::OpenStaff;
}

}  // namespace

void TapGuard::frame_begun(std::uint64_t shown, const ScreenUiState& state, int frame, bool press_began, Millis now) {
    if (press_began) press_frame_ = frame;
    if (shown != shown_ || !state.same_sight(state_)) {
        shown_ = shown;
        state_ = state;
        shown_frame_ = frame;
        settle_from_ = now;
        ++sights_;
    }
}

const char* TapGuard::refuse(const UiAction& action, Millis now, Millis settle_ms) {
    // A click is a release; the press it ends began at press_frame_.
    if (press_frame_ <= shown_frame_) return "press-before-shown";
    if (waits_for_settle(action.kind) && now - settle_from_ < settle_ms) {
        settle_from_ = now;  // a burst of taps is one: wait until it ends
        return "settling";
    }
    return nullptr;
}

}  // namespace easyread::kiosk::ui
