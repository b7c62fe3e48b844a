// Staff mode: PIN (chosen on first run), event name, counts, speech test, export, quit.
#include <algorithm>
#include <cctype>

#include "kiosk/core/pin.hpp"
#include "kiosk/core/session.hpp"
#include "kiosk/core/survey_names.hpp"
#include "base/text_util.hpp"

namespace easyread::kiosk {

bool Session::open_staff() {
    last_activity_ = clock_.now_ms();
    if (!is_staff_screen(screen_)) {
        // Remember exactly where the person was: cancelling the PIN (or staff
        // closing the menu) goes back there with every answer and word kept.
        staff_return_ = screen_ == Screen::StillThere ? before_still_there_ : screen_;
        staff_return_text_ = text_;
    }
    text_.clear();
    new_pin_.clear();
    staff_message_.clear();
    go(backend_.pin_is_set() ? Screen::StaffPin : Screen::StaffSetPin);
    return true;
}

void Session::leave_staff() {
    Screen to = staff_return_;
    staff_return_ = Screen::Welcome;
    text_ = std::move(staff_return_text_);
    staff_return_text_.clear();
    staff_message_.clear();
    new_pin_.clear();
    Millis now = clock_.now_ms();
    last_activity_ = now;
    if (to == Screen::ThankYou) thank_you_end_ = now + settings_.thank_you_ms;
    if (to == Screen::AskStaff) next_retry_ = now;  // try again at once
    go(to);  // Welcome starts clean; anywhere else keeps the person's answers
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
            staff_message_ = w.staff_pin_wait;  // the view says how long
        } else {
            staff_message_ = w.staff_pin_wrong;
        }
        rebuild_view();
        return true;
    }
    // Choosing a PIN: type it twice.
    if (!pin_is_well_formed(typed)) {
        staff_message_ = w.staff_pin_short;
    } else if (pin_is_guessable(typed)) {
        staff_message_ = w.staff_pin_guessable;
    } else if (new_pin_.empty()) {
        new_pin_ = typed;
        staff_message_.clear();
    } else if (typed != new_pin_) {
        new_pin_.clear();
        staff_message_ = w.staff_pins_differ;
    } else {
        new_pin_.clear();
        const bool usable = backend_.set_pin(typed);
        // "Saved" only when it is on disk; otherwise say so, with why.
        staff_message_ = usable && backend_.pin_on_disk()
                             ? "PIN saved."
                             : std::string(usable ? w.staff_pin_not_saved : "The PIN could not be set.") + " " +
                                   backend_.store_words();
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
    } else if (id == w.staff_settings.id) {
        go(Screen::StaffSettings);
    } else if (id == w.staff_speech.id) {
        say(w.staff_test_speech);
    } else if (id == w.staff_export.id) {
        export_places_ = backend_.export_places();
        go(Screen::StaffExport);
    } else if (id == w.staff_quit.id) {
        if (part_way_at_staff()) {
            // Someone walked away part-way and staff close up: keep what they
            // gave, as the idle timeout would (the staff menu said so).
            screen_ = staff_return_;
            text_ = std::move(staff_return_text_);
            keep_unfinished();
            discard_journey();
            staff_return_ = Screen::Welcome;
            staff_return_text_.clear();
            screen_ = Screen::StaffMenu;
            if (settings_.keep_unfinished) staff_message_ = w.staff_part_way_kept;
        }
        int unsaved = backend_.retry_unsaved();
        if (unsaved > 0) {
            // Closing now would lose them: refuse, and say why and what to do.
            staff_message_ = std::to_string(unsaved) + w.staff_quit_refused;
            go(Screen::StaffMenu);
        } else {
            quit_requested_ = true;
            rebuild_view();
        }
    } else if (id == w.staff_close.id) {
        leave_staff();
    } else {
        return false;
    }
    return true;
}

bool Session::tap_staff_setting(const std::string& id) {
    std::string key = id;
    if (id == "auto_speak") settings_.auto_speak = !settings_.auto_speak;
    else if (id == "echo_keys") settings_.echo_keys = !settings_.echo_keys;
    else if (id == "muted") settings_.muted = !settings_.muted;
    else if (id == "confirm_negative") settings_.confirm_negative = !settings_.confirm_negative;
    else if (id == "keep_unfinished") settings_.keep_unfinished = !settings_.keep_unfinished;
    else if (id == "volume-down" || id == "volume-up") {
        settings_.volume = std::clamp(settings_.volume + (id == "volume-up" ? 20 : -20), 0, 100);
        key = "volume";
    } else if (id == "idle_seconds") {
        // 30 s, 1, 2, 5 minutes, round again.
        const Millis steps[] = {30000, 60000, 120000, 300000};
        Millis next = steps[0];
        for (Millis s : steps)
            if (s > settings_.idle_ms) {
                next = s;
                break;
            }
        settings_.idle_ms = next;
    } else if (id == "settle_ms") {
        // Half a second to two: longer for people whose taps often come twice.
        settings_.settle_ms = settings_.settle_ms >= 2000 ? 500 : (settings_.settle_ms / 500 + 1) * 500;
    } else {
        return false;
    }
    const bool kept = backend_.set_setting(key, setting_value(settings_, key));
    staff_message_ = kept ? std::string() : kiosk_words().staff_setting_not_kept;
    rebuild_view();
    if (key == "volume" || key == "muted") say(kiosk_words().staff_test_speech);  // hear the new volume
    return true;
}

bool Session::tap_staff_export(const std::string& id) {
    if (id == kiosk_words().staff_look_again.id) {  // a memory stick put in since
        export_places_ = backend_.export_places();
        rebuild_view();
        return true;
    }
    const std::string prefix = "place:";
    if (id.rfind(prefix, 0) != 0) return false;
    const std::string n = id.substr(prefix.size());
    if (n.empty() || n.size() > 3 || !std::all_of(n.begin(), n.end(), [](unsigned char c) { return std::isdigit(c); }))
        return false;
    const std::size_t index = static_cast<std::size_t>(std::stoi(n));
    if (index >= export_places_.size()) return false;
    staff_message_ = backend_.export_answers(export_places_[index].dir);
    go(Screen::StaffMenu);
    return true;
}

bool Session::part_way_at_staff() const {
    // Only what was given after "Is it OK to keep your answers?" said yes.
    return is_journey_screen(staff_return_) && !draft_.started_at.empty() &&
           (!draft_.answers.empty() || !trim(staff_return_text_).empty());
}

void Session::refresh_staff() {
    staff_counts_ = backend_.counts_today(survey_.id);
    // Asked again each time the staff menu opens, until the PIN is on disk.
    staff_pin_on_disk_ = backend_.pin_on_disk();
}

}  // namespace easyread::kiosk
