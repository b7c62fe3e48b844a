// The session's timers: idle, "Are you still there?" countdown, Thank you return, PIN wait.
#include <algorithm>
#include <limits>

#include "kiosk/core/session.hpp"
#include "kiosk/core/survey_names.hpp"

namespace easyread::kiosk {

void Session::tick() {
    Millis now = clock_.now_ms();
    if (on_journey() && now - last_activity_ >= settings_.idle_ms) {
        before_still_there_ = screen_;
        countdown_end_ = now + settings_.still_there_ms;
        countdown_spoken_ = 0;
        go(Screen::StillThere);
        if (!settings_.auto_speak) say(view_.speech);  // always said aloud: a time limit must be heard
        return;
    }
    if (screen_ == Screen::StillThere) {
        if (now >= countdown_end_) {
            screen_ = before_still_there_;  // where the typed words were
            keep_unfinished();
            go(Screen::Welcome);  // the next person sees nothing of these answers
            return;
        }
        const int left = countdown_shown();
        if (left != view_.countdown_seconds) {
            rebuild_view();
            // Read the countdown aloud every 5 seconds and for the last 3.
            if (left != countdown_spoken_ && (left % 5 == 0 || left <= 3) &&
                left * 1000 < settings_.still_there_ms) {
                countdown_spoken_ = left;
                say(std::to_string(left), false);
            }
        }
        return;
    }
    if (screen_ == Screen::AskStaff && now >= next_retry_) {
        next_retry_ = now + kRetryMs;
        if (backend_.retry_unsaved() == 0) {
            ++saved_count_;
            last_save_ = backend_.store_ok() ? SaveResult::Stored : SaveResult::KeptInRecovery;
            thank_you_end_ = now + settings_.thank_you_ms;
            go(Screen::ThankYou);  // now it is true: "We have your answers"
        }
        return;
    }
    if (screen_ == Screen::ThankYou && now >= thank_you_end_) {
        go(Screen::Welcome);
        return;
    }
    if (is_staff_screen(screen_) && backend_.pin_is_set() && now - last_activity_ >= settings_.idle_ms) {
        leave_staff();  // staff mode never stays open on an unattended kiosk
        return;
    }
    if (screen_ == Screen::StaffPin) {
        int wait = now < pin_wait_end_ ? static_cast<int>((pin_wait_end_ - now + 999) / 1000) : 0;
        if (wait != view_.staff.pin_wait_seconds) rebuild_view();
    }
}

int Session::countdown_shown() const {
    const Millis left_ms = countdown_end_ - clock_.now_ms();
    const int left = left_ms > 0 ? static_cast<int>((left_ms + 999) / 1000) : 0;
    return left > 5 ? (left + 4) / 5 * 5 : left;
}

Millis Session::next_deadline() const {
    Millis none = std::numeric_limits<Millis>::max();
    Millis now = clock_.now_ms();
    auto next_second = [&](Millis end) { return end - ((end - now - 1) / 1000) * 1000; };
    if (on_journey()) return last_activity_ + settings_.idle_ms;
    if (screen_ == Screen::StillThere) return std::min(countdown_end_, next_second(countdown_end_));
    if (screen_ == Screen::ThankYou) return thank_you_end_;
    if (screen_ == Screen::AskStaff) return next_retry_;
    if (is_staff_screen(screen_)) {
        Millis idle = backend_.pin_is_set() ? last_activity_ + settings_.idle_ms : none;
        if (screen_ == Screen::StaffPin && now < pin_wait_end_) return std::min(idle, next_second(pin_wait_end_));
        return idle;
    }
    return none;
}

}  // namespace easyread::kiosk
