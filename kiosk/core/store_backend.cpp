#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "kiosk/core/backend.hpp"
#include "kiosk/core/pin.hpp"
#include "kiosk/core/settings.hpp"
#include "kiosk/core/survey_names.hpp"

namespace easyread::kiosk {

namespace {

bool copy_file(const std::string& from, const std::string& to, std::string* error = nullptr) {
    std::error_code ec;
    const bool ok = std::filesystem::copy_file(from, to, std::filesystem::copy_options::overwrite_existing, ec) && !ec;
    if (!ok && error) *error = ec.message();
    return ok;
}

// A file an export began and could not finish: it goes, so nobody takes it for a whole copy.
void remove_partial(const std::string& path) {
    std::error_code ec;
    for (const char* tail : {"", "-journal", "-wal", "-shm"}) std::filesystem::remove(path + tail, ec);
}

bool exists(const std::string& path) { return std::filesystem::exists(path); }

// Whether an error says the place has no room: SQLite's SQLITE_FULL, or ENOSPC.
bool says_full(const std::string& error) {
    return error.find(sqlite3_errstr(SQLITE_FULL)) != std::string::npos ||
           error.find(std::strerror(ENOSPC)) != std::string::npos;
}

// Puts responses that are not in the kiosk's database (recovery file, memory)
// into an exported database, so one file holds every answer.
// `full`: the place had no room (the database could not grow).
bool add_responses_to(const std::string& db_path, std::vector<Response> responses, std::string& error, bool& full) {
    StoreOptions options;
    options.replay_recovery = false;
    Store out(db_path, options);
    full = out.status().state == StoreState::Full;
    if (!out.ok()) {
        error = out.status().words;
        return false;
    }
    for (Response& r : responses)
        if (r.source == "kiosk") r.source = "recovery";
    if (!out.save_all(responses, error)) {
        full = out.status().state == StoreState::Full || says_full(error);
        return false;
    }
    exec_sql(out.handle(), "PRAGMA journal_mode=DELETE");  // one self-contained file
    return true;
}

}  // namespace

StoreBackend::StoreBackend(Store& store, const Clock& clock, std::string export_dir, std::string mounts_root)
    : store_(store), clock_(clock), export_dir_(std::move(export_dir)), mounts_root_(std::move(mounts_root)) {}

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

bool StoreBackend::pin_on_disk() {
    if (!pin_hash_in_memory_.empty() && store_.reopen_if_unwritable() &&
        store_.set_setting("pin_hash", pin_hash_in_memory_))
        pin_hash_in_memory_.clear();
    return pin_hash_in_memory_.empty() && !store_.setting("pin_hash").value_or("").empty();
}

bool StoreBackend::set_event_name(const std::string& event) { return save_event_name(store_, event); }

std::string StoreBackend::own_export_dir() const {
    if (!export_dir_.empty()) return export_dir_;
    std::size_t slash = store_.path().rfind('/');
    return (slash == std::string::npos ? std::string(".") : store_.path().substr(0, slash)) + "/export";
}

std::vector<ExportPlace> StoreBackend::export_places() {
    std::vector<ExportPlace> places{{kiosk_words().staff_export_folder.label, own_export_dir()}};
    for (ExportPlace& stick : removable_drives(mounts_root_)) places.push_back(std::move(stick));
    return places;
}

std::string StoreBackend::export_answers(const std::string& dir) {
    // A full memory stick (or disk) is said in plain words, never as SQLite's message.
    const bool stick = dir != own_export_dir();
    const std::string no_room = stick ? "The memory stick is full" : "The disk is full";
    const std::string fix = stick ? " Delete files you no longer need from the memory stick, or use another one, then export again."
                                  : " Export to a memory stick instead, or free some space on this kiosk.";
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec == std::errc::no_space_on_device) return no_room + ": the answers are NOT copied." + fix;
    if (ec) return "Could not make the folder " + dir + ": " + ec.message() + ". Is the memory stick in?";
    // A name that never overwrites an earlier export from this or another kiosk.
    std::string stamp = iso_utc(clock_.wall_ms());
    for (char& c : stamp)
        if (c == ':' || c == '.') c = '-';
    std::string device = store_.setting("device_id").value_or("kiosk").substr(0, 8);
    std::string base = dir + "/easyread-answers-" + device + "-" + stamp;
    std::string error;
    std::string said;
    // One more try to put answers held in memory on disk before copying.
    store_.retry_held();
    const std::vector<Response> waiting = store_.waiting_responses();
    std::string waiting_into = base + ".db";
    std::string copy_error;
    if (store_.backup_to(base + ".db", error)) {
        said = "Answers copied to " + base + ".db.";
    } else if (!says_full(error) && exists(store_.path()) && copy_file(store_.path(), base + ".db", &copy_error)) {
        // A file SQLite cannot back up (damaged, or unopenable in a read-only
        // folder) can still be copied byte for byte, with its write-ahead log.
        if (exists(store_.path() + "-wal")) copy_file(store_.path() + "-wal", base + ".db-wal");
        said = std::string(store_.status().state == StoreState::Corrupt ? "The answers file is damaged"
                                                                        : "The answers file could not be opened") +
               "; a plain copy is in " + base + ".db.";
        waiting_into = base + "-waiting.db";
    } else {
        remove_partial(base + ".db");
        if (says_full(error) || says_full(copy_error)) return no_room + ": the answers are NOT copied." + fix;
        said = "Could not copy the answers file: " + error + ".";
    }
    bool waiting_copied = true;
    if (!waiting.empty()) {
        std::string n = std::to_string(waiting.size());
        std::string add_error;
        bool add_full = false;
        if (add_responses_to(waiting_into, waiting, add_error, add_full)) {
            said += " The " + n + " answers waiting outside the answers file are in " + waiting_into + ".";
        } else if (add_full) {
            if (waiting_into != base + ".db") remove_partial(waiting_into);
            return no_room + ": the answers are NOT all copied. " + base + ".db holds the answers file, but not the " + n +
                   " answers waiting outside it." + fix;
        } else {
            waiting_copied = false;
            said += " The " + n + " answers waiting outside the answers file could not be copied: " + add_error + ".";
        }
    }
    if (exists(store_.recovery_path())) {
        if (copy_file(store_.recovery_path(), base + ".recovery.jsonl", &copy_error)) {
            said += " The recovery file is copied to " + base + ".recovery.jsonl.";
        } else if (says_full(copy_error)) {
            remove_partial(base + ".recovery.jsonl");
            said += " " + no_room + ", so the recovery file is not copied beside it" +
                    (waiting_copied ? " (its answers are in the copy)." : ".");
        } else {
            remove_partial(base + ".recovery.jsonl");
            said += " The recovery file could not be copied: " + copy_error + ".";
        }
    }
    return said;
}

}  // namespace easyread::kiosk
