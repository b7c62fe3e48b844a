// Kiosk settings: defaults here, overrides stored in the database's settings table.
#pragma once
#include <string>

#include "kiosk/core/clock.hpp"

namespace easyread::survey {
class Store;
}  // namespace easyread::survey

namespace easyread::kiosk {

using survey::Store;

struct KioskSettings {
    Millis idle_ms = 60000;         // no tap for this long -> "Are you still there?"
    Millis still_there_ms = 20000;  // countdown before unfinished answers are discarded
    Millis cooldown_ms = 400;       // taps closer together than this count once
    Millis settle_ms = 1000;        // a new screen takes no tap until it has shown this long (double taps)
    Millis thank_you_ms = 10000;    // Thank you returns to Welcome by itself after this
    bool confirm_negative = false;  // ask "You chose sad. Is that right?"
    bool auto_speak = true;         // speak each screen when it appears (most users read little)
    bool echo_keys = true;          // say each letter as it is typed
    int volume = 80;                // speech volume, 0..100
    bool muted = false;             // no speech at all (a quiet room); the screen shows everything
    bool auto_advance = true;       // a one-answer question moves on when tapped
    bool animate_start = false;     // the Welcome button moves gently
    bool keep_unfinished = true;    // keep answers left part-way (after consent), marked unfinished
    int pin_attempts = 5;           // wrong PINs in a row before a wait
    Millis pin_lockout_ms = 60000;
    std::string event;      // event name stored with each response
    std::string device_id;  // made once, kept in the database
    std::string export_dir;  // where staff "Export" copies the answers; empty = next to the database
};

// Database keys (settings table): idle_seconds, still_there_seconds,
// cooldown_ms, settle_ms, thank_you_seconds, confirm_negative, auto_speak, echo_keys, volume, muted, auto_advance,
// animate_start, keep_unfinished, event, device_id, export_dir, pin_hash (see pin.hpp).
// Missing or unreadable values keep the defaults above. When the database has
// no device_id, a new random one is made and stored.
KioskSettings load_settings(Store& store);
// Writes the one value that changed; false when the database cannot be written.
bool save_event_name(Store& store, const std::string& event);
// The staff settings screen's keys and their stored words ("yes"/"no", seconds, 0..100).
std::string setting_value(const KioskSettings& s, const std::string& key);

}  // namespace easyread::kiosk
