#include <filesystem>

#include "kiosk/core/backend.hpp"
#include "kiosk/core/pin.hpp"
#include "kiosk/core/settings.hpp"

namespace easyread::kiosk {

namespace {

bool copy_file(const std::string& from, const std::string& to) {
    std::error_code ec;
    return std::filesystem::copy_file(from, to, std::filesystem::copy_options::overwrite_existing, ec) && !ec;
}

bool exists(const std::string& path) { return std::filesystem::exists(path); }

}  // namespace

StoreBackend::StoreBackend(Store& store, const Clock& clock, std::string export_dir)
    : store_(store), clock_(clock), export_dir_(std::move(export_dir)) {}

SaveResult StoreBackend::save_response(const Response& response) { return store_.save(response); }

TodayCounts StoreBackend::counts_today(const std::string& survey_id) {
    return store_.counts_since(local_midnight_iso_utc(clock_.wall_ms()), survey_id);
}

bool StoreBackend::pin_is_set() {
    return !pin_hash_in_memory_.empty() || !store_.setting("pin_hash").value_or("").empty();
}

bool StoreBackend::check_pin(const std::string& pin) {
    std::string stored = store_.setting("pin_hash").value_or("");
    return verify_pin(stored.empty() ? pin_hash_in_memory_ : stored, pin);
}

bool StoreBackend::set_pin(const std::string& pin) {
    std::string hash = hash_pin(pin);
    if (hash.empty()) return false;
    if (!store_.set_setting("pin_hash", hash)) pin_hash_in_memory_ = hash;
    return true;
}

bool StoreBackend::set_event_name(const std::string& event) { return save_event_name(store_, event); }

std::string StoreBackend::export_answers() {
    std::string dir = export_dir_;
    if (dir.empty()) {
        std::size_t slash = store_.path().rfind('/');
        dir = (slash == std::string::npos ? std::string(".") : store_.path().substr(0, slash)) + "/export";
    }
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return "Could not make the folder " + dir + ": " + ec.message() + ". Is the memory stick in?";
    // A name that never overwrites an earlier export from this or another kiosk.
    std::string stamp = iso_utc(clock_.wall_ms());
    for (char& c : stamp)
        if (c == ':' || c == '.') c = '-';
    std::string device = store_.setting("device_id").value_or("kiosk").substr(0, 8);
    std::string base = dir + "/easyread-answers-" + device + "-" + stamp;
    std::string error;
    std::string said;
    if (store_.backup_to(base + ".db", error)) {
        said = "Answers copied to " + base + ".db.";
    } else if (exists(store_.path()) && copy_file(store_.path(), base + ".db")) {
        // A damaged file cannot be backed up page by page; its bytes still can.
        said = "The answers file is damaged; a plain copy is in " + base + ".db.";
    } else {
        said = "Could not copy the answers: " + error + ".";
    }
    if (exists(store_.recovery_path())) {
        if (copy_file(store_.recovery_path(), base + ".recovery.jsonl"))
            said += " Answers waiting in the recovery file are in " + base + ".recovery.jsonl.";
        else
            said += " The recovery file could not be copied.";
    }
    return said;
}

}  // namespace easyread::kiosk
