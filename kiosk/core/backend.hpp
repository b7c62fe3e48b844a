// What the session needs from the outside world, as an interface so the
// state machine has no SQLite in it and tests can count calls.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "kiosk/core/clock.hpp"
#include "kiosk/core/export_places.hpp"
#include "kiosk/core/survey_names.hpp"

namespace easyread::kiosk {

class SessionBackend {
public:
    virtual ~SessionBackend() = default;
    virtual SaveResult save_response(const Response& response) = 0;
    virtual TodayCounts counts_today(const std::string& survey_id) = 0;
    virtual bool store_ok() = 0;
    virtual std::string store_words() = 0;  // plain words for staff
    virtual bool pin_is_set() = 0;
    virtual bool check_pin(const std::string& pin) = 0;
    // True when the PIN can be used from now on (on disk, or only in memory for this run).
    virtual bool set_pin(const std::string& pin) = 0;
    // True when the PIN's hash is on disk; first tries again to write one kept only in memory.
    virtual bool pin_on_disk() = 0;
    virtual bool set_event_name(const std::string& event) = 0;
    // Keeps one staff setting (settings.hpp keys); false when the database cannot be written.
    virtual bool set_setting(const std::string& key, const std::string& value) = 0;
    // Where Export may copy to: the kiosk's own export folder first, then each
    // memory stick in now (export_places.hpp).
    virtual std::vector<ExportPlace> export_places() = 0;
    // Copies the answers into the folder `dir`; returns plain words for staff.
    virtual std::string export_answers(const std::string& dir) = 0;
    // Finished responses held only in memory (neither the database nor the recovery file took them).
    virtual int unsaved_count() = 0;
    // Tries again to put those on disk; returns how many are still only in memory.
    virtual int retry_unsaved() = 0;
};

// Answers counted and dropped, the PIN and settings kept in memory: no disk.
// For drawing screens with no kiosk behind them (the studio's preview of a
// survey) and for fuzzing and timing sessions. A PIN given at construction
// is already set, so the session starts where staff have been.
class MemoryBackend : public SessionBackend {
public:
    explicit MemoryBackend(std::string staff_pin = "") : pin(std::move(staff_pin)) {}
    int saved = 0;  // responses given to save_response
    std::string pin;
    std::vector<ExportPlace> places;  // what export_places offers
    SaveResult save_response(const Response&) override {
        ++saved;
        return SaveResult::Stored;
    }
    TodayCounts counts_today(const std::string&) override { return {}; }
    bool store_ok() override { return true; }
    std::string store_words() override { return {}; }
    bool pin_is_set() override { return !pin.empty(); }
    bool check_pin(const std::string& p) override { return !pin.empty() && p == pin; }
    bool set_pin(const std::string& p) override {
        pin = p;
        return true;
    }
    bool pin_on_disk() override { return !pin.empty(); }
    bool set_event_name(const std::string&) override { return true; }
    bool set_setting(const std::string&, const std::string&) override { return true; }
    std::vector<ExportPlace> export_places() override { return places; }
    std::string export_answers(const std::string&) override { return "exported"; }
    int unsaved_count() override { return 0; }
    int retry_unsaved() override { return 0; }
};

// The real backend: a Store plus the settings it holds (pin_hash, event).
class StoreBackend final : public SessionBackend {
public:
    // `mounts_root` is where /proc/mounts and /sys are read from: "" on a kiosk (tests: a fake one).
    StoreBackend(Store& store, const Clock& clock, std::string export_dir, std::string mounts_root = "");
    SaveResult save_response(const Response& response) override;
    TodayCounts counts_today(const std::string& survey_id) override;
    bool store_ok() override { return store_.ok(); }
    std::string store_words() override { return store_.status().words; }
    bool pin_is_set() override;
    bool check_pin(const std::string& pin) override;
    bool set_pin(const std::string& pin) override;
    bool pin_on_disk() override;
    bool set_event_name(const std::string& event) override;
    bool set_setting(const std::string& key, const std::string& value) override { return store_.set_setting(key, value); }
    // The export folder (export_dir, else "export" beside the answers file), then memory sticks.
    std::vector<ExportPlace> export_places() override;
    // "<dir>/easyread-answers-<device>-<date>.db" (+ the recovery file if any).
    // A place with no room is said in plain words ("The memory stick is full")
    // and what could not be finished is removed.
    std::string export_answers(const std::string& dir) override;
    int unsaved_count() override { return store_.held_count(); }
    int retry_unsaved() override { return store_.retry_held(); }

private:
    std::string own_export_dir() const;  // export_dir, else "export" beside the answers file

    Store& store_;
    const Clock& clock_;
    std::string export_dir_;
    std::string mounts_root_;
    // When the database cannot keep the PIN (damaged, read-only), it is kept
    // here for this run, so staff can still reach Export and Quit.
    std::string pin_hash_in_memory_;
};

}  // namespace easyread::kiosk
