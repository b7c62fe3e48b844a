// Shared helpers for the kiosk tests: survey text and a counting backend
// (temp folders and files come from tests/support).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "kiosk/core/backend.hpp"
#include "survey/survey.hpp"
#include "tests/support/command.hpp"

namespace kiosk_test {

using ::read_file;
using ::source_path;
using ::TempDir;
using ::write_file;

// Parses survey text that must be valid (fails the test otherwise).
easyread::survey::Survey survey_from_text(const std::string& text, const std::string& path = "test.md");

// A small survey: faces3, yes-no, choose-one, choose-many, comment.
extern const char* const kSmallSurvey;

// Backend that keeps responses in memory and counts calls.
class MemoryBackend final : public easyread::kiosk::SessionBackend {
public:
    std::vector<easyread::survey::Response> saved;
    std::vector<easyread::survey::Response> held;  // "Lost" saves, kept in memory as the Store does
    bool disk_fails = false;  // true: saves return Lost and retries fail
    std::string pin_hash;
    std::string event;
    int exports = 0;
    easyread::survey::SaveResult save_response(const easyread::survey::Response& r) override;
    easyread::survey::TodayCounts counts_today(const std::string& survey_id) override;
    bool store_ok() override { return true; }
    std::string store_words() override { return "The answers are being saved."; }
    bool pin_is_set() override { return !pin_hash.empty(); }
    bool check_pin(const std::string& pin) override;
    bool set_pin(const std::string& pin) override;
    bool pin_on_disk() override { return !pin_hash.empty() && !disk_fails; }
    std::map<std::string, std::string> settings;
    bool set_setting(const std::string& key, const std::string& value) override {
        settings[key] = value;
        return true;
    }
    bool set_event_name(const std::string& e) override {
        event = e;
        return true;
    }
    std::string export_dir;  // where the last export went
    std::vector<easyread::kiosk::ExportPlace> export_places() override {
        return {{"This kiosk's export folder", "/srv/kiosk/export"}, {"Memory stick SANDISK", "/media/SANDISK"}};
    }
    std::string export_answers(const std::string& dir) override {
        ++exports;
        export_dir = dir;
        return "Exported.";
    }
    int unsaved_count() override { return static_cast<int>(held.size()); }
    int retry_unsaved() override;
};

}  // namespace kiosk_test
