// Passes every call to the real backend and notes each save in the trace,
// after the save returned, so a "saved" line always means "committed".
#pragma once
#include "kiosk/core/backend.hpp"
#include "kiosk/app/trace_log.hpp"

namespace easyread::kiosk::ui {

const char* save_result_name(SaveResult r);

class TracingBackend final : public SessionBackend {
public:
    TracingBackend(SessionBackend& inner, TraceLog& trace) : inner_(inner), trace_(trace) {}
    SaveResult save_response(const Response& response) override {
        SaveResult r = inner_.save_response(response);
        trace_.line(std::string("saved ") + save_result_name(r) + " " + response.uuid);
        return r;
    }
    TodayCounts counts_today(const std::string& survey_id) override { return inner_.counts_today(survey_id); }
    bool store_ok() override { return inner_.store_ok(); }
    std::string store_words() override { return inner_.store_words(); }
    bool pin_is_set() override { return inner_.pin_is_set(); }
    bool check_pin(const std::string& pin) override { return inner_.check_pin(pin); }
    bool set_pin(const std::string& pin) override { return inner_.set_pin(pin); }
    bool pin_on_disk() override { return inner_.pin_on_disk(); }
    bool set_event_name(const std::string& event) override { return inner_.set_event_name(event); }
    bool set_setting(const std::string& key, const std::string& value) override {
        trace_.line("setting " + key + " " + value);
        return inner_.set_setting(key, value);
    }
    std::vector<ExportPlace> export_places() override { return inner_.export_places(); }
    std::string export_answers(const std::string& dir) override {
        trace_.line("export " + dir);
        return inner_.export_answers(dir);
    }
    int unsaved_count() override { return inner_.unsaved_count(); }
    int retry_unsaved() override {
        int before = inner_.unsaved_count();
        int left = inner_.retry_unsaved();
        if (left < before) trace_.line("retry saved " + std::to_string(before - left) + " left " + std::to_string(left));
        return left;
    }

private:
    SessionBackend& inner_;
    TraceLog& trace_;
};

}  // namespace easyread::kiosk::ui
