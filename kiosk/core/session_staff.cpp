// Staff mode: PIN (chosen on first run), event name, counts, speech test, export, quit.
#include "kiosk/core/pin.hpp"
#include "kiosk/core/session.hpp"
#include "kiosk/core/words.hpp"

namespace easyread::kiosk {

bool Session::open_staff() {
    last_activity_ = clock_.now_ms();
    text_.clear();
    new_pin_.clear();
    staff_message_.clear();
    discard_journey();
    go(backend_.pin_is_set() ? Screen::StaffPin : Screen::StaffSetPin);
    return true;
}

bool Session::submit_pin() {
    const KioskWords& w = kiosk_words();
    std::string typed = text_;
    text_.clear();
    if (screen_ == Screen::StaffPin) {
        if (clock_.now_ms() < pin_wait_end_) {
            staff_message_ = w.staff_pin_wait;
        } else if (backend_.check_pin(typed)) {
            wrong_pins_ = 0;
            staff_message_.clear();
            go(Screen::StaffMenu);
            return true;
        } else if (++wrong_pins_ >= settings_.pin_attempts) {
            wrong_pins_ = 0;
            pin_wait_end_ = clock_.now_ms() + settings_.pin_lockout_ms;
            staff_message_ = w.staff_pin_wait;
        } else {
            staff_message_ = w.staff_pin_wrong;
        }
        rebuild_view();
        return true;
    }
    // Choosing a PIN: type it twice.
    if (!pin_is_well_formed(typed)) {
        staff_message_ = w.staff_pin_short;
    } else if (new_pin_.empty()) {
        new_pin_ = typed;
        staff_message_.clear();
    } else if (typed != new_pin_) {
        new_pin_.clear();
        staff_message_ = w.staff_pins_differ;
    } else {
        new_pin_.clear();
        staff_message_ = backend_.set_pin(typed) ? "PIN saved." : backend_.store_words();
        if (backend_.pin_is_set()) {
            go(Screen::StaffMenu);
            return true;
        }
    }
    rebuild_view();
    return true;
}

bool Session::tap_staff_menu(const std::string& id) {
    const KioskWords& w = kiosk_words();
    if (id == w.staff_event.id) {
        text_ = settings_.event;
        go(Screen::StaffEventName);
    } else if (id == w.staff_speech.id) {
        say(w.staff_test_speech);
    } else if (id == w.staff_export.id) {
        staff_message_ = backend_.export_answers();
        go(Screen::StaffMenu);
    } else if (id == w.staff_quit.id) {
        quit_requested_ = true;
    } else if (id == w.staff_close.id) {
        staff_message_.clear();
        go(Screen::Welcome);
    } else {
        return false;
    }
    return true;
}

void Session::refresh_staff() { staff_counts_ = backend_.counts_today(survey_.id); }

}  // namespace easyread::kiosk
