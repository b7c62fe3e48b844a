#include "tests/kiosk/test_support.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "kiosk/core/pin.hpp"
#include "survey/survey_parser.hpp"

namespace kiosk_test {

easyread::survey::Survey survey_from_text(const std::string& text, const std::string& path) {
    easyread::Diagnostics diags;
    easyread::SourceText src{path, text};
    auto survey = easyread::survey::parse_survey(src, diags);
    INFO(diags.format_all());
    REQUIRE(survey.has_value());
    return *survey;
}

const char* const kSmallSurvey = R"(---
id: small
version: 3
title: A small survey
lang: en-GB
---

## Did you like the meeting today? {#meeting picture=meeting}

Touch a face.

## Could you hear the speakers? {#hear type=yes-no picture=talk}

## Which room was best? {#room type=choose-one picture=house}
- The big room {#big picture=house}
- The small room {#little picture=house}

## What should the board talk about next? {#topics type=choose-many picture=question}
- Homes {#homes picture=house}
- Jobs {#jobs picture=work}

## What was the best part? {#best type=comment picture=idea}
)";

easyread::survey::SaveResult MemoryBackend::save_response(const easyread::survey::Response& r) {
    if (disk_fails) {
        held.push_back(r);
        return easyread::survey::SaveResult::Lost;
    }
    for (const auto& s : saved)
        if (s.uuid == r.uuid) return easyread::survey::SaveResult::AlreadyStored;
    saved.push_back(r);
    return easyread::survey::SaveResult::Stored;
}

easyread::survey::TodayCounts MemoryBackend::counts_today(const std::string& survey_id) {
    easyread::survey::TodayCounts c;
    for (const auto& s : saved) {
        if (s.survey_id != survey_id) continue;
        ++c.total;
        ++c.by_respondent[s.respondent];
    }
    return c;
}

int MemoryBackend::retry_unsaved() {
    if (disk_fails) return static_cast<int>(held.size());
    for (const auto& r : held) saved.push_back(r);
    held.clear();
    return 0;
}

bool MemoryBackend::check_pin(const std::string& pin) { return easyread::kiosk::verify_pin(pin_hash, pin); }

bool MemoryBackend::set_pin(const std::string& pin) {
    pin_hash = easyread::kiosk::hash_pin(pin);
    return !pin_hash.empty();
}

}  // namespace kiosk_test
