#include "kiosk/core/settings.hpp"

#include <cstdlib>

#include "kiosk/core/survey_names.hpp"

namespace easyread::kiosk {

namespace {

// A whole number in [low, high], else the default stays.
void read_number(const Store& store, const char* key, Millis scale, Millis low, Millis high, Millis& out) {
    auto v = store.setting(key);
    if (!v || v->empty()) return;
    char* end = nullptr;
    long long n = std::strtoll(v->c_str(), &end, 10);
    if (*end != '\0' || n < low || n > high) return;
    out = static_cast<Millis>(n) * scale;
}

void read_flag(const Store& store, const char* key, bool& out) {
    auto v = store.setting(key);
    if (v && (*v == "yes" || *v == "true" || *v == "1")) out = true;
    if (v && (*v == "no" || *v == "false" || *v == "0")) out = false;
}

}  // namespace

KioskSettings load_settings(Store& store) {
    KioskSettings s;
    read_number(store, "idle_seconds", 1000, 10, 3600, s.idle_ms);
    // WCAG 2.2.1: at least 20 seconds to answer "Are you still there?".
    read_number(store, "still_there_seconds", 1000, 20, 600, s.still_there_ms);
    read_number(store, "cooldown_ms", 1, 0, 5000, s.cooldown_ms);
    read_number(store, "settle_ms", 1, 0, 5000, s.settle_ms);
    read_number(store, "thank_you_seconds", 1000, 2, 600, s.thank_you_ms);
    read_flag(store, "confirm_negative", s.confirm_negative);
    read_flag(store, "auto_speak", s.auto_speak);
    read_flag(store, "echo_keys", s.echo_keys);
    read_flag(store, "muted", s.muted);
    Millis volume = s.volume;
    read_number(store, "volume", 1, 0, 100, volume);
    s.volume = static_cast<int>(volume);
    read_flag(store, "auto_advance", s.auto_advance);
    read_flag(store, "animate_start", s.animate_start);
    read_flag(store, "keep_unfinished", s.keep_unfinished);
    s.event = store.setting("event").value_or("");
    s.export_dir = store.setting("export_dir").value_or("");
    s.device_id = store.setting("device_id").value_or("");
    if (s.device_id.empty()) {
        s.device_id = new_uuid();
        store.set_setting("device_id", s.device_id);  // kept when the database can be written
    }
    return s;
}

bool save_event_name(Store& store, const std::string& event) { return store.set_setting("event", event); }

std::string setting_value(const KioskSettings& s, const std::string& key) {
    auto flag = [](bool b) { return std::string(b ? "yes" : "no"); };
    if (key == "auto_speak") return flag(s.auto_speak);
    if (key == "echo_keys") return flag(s.echo_keys);
    if (key == "muted") return flag(s.muted);
    if (key == "confirm_negative") return flag(s.confirm_negative);
    if (key == "keep_unfinished") return flag(s.keep_unfinished);
    if (key == "volume") return std::to_string(s.volume);
    if (key == "idle_seconds") return std::to_string(s.idle_ms / 1000);
    if (key == "settle_ms") return std::to_string(s.settle_ms);
    return {};
}

}  // namespace easyread::kiosk
