// Fuzz target: bytes -> the kiosk's tap-script reader (--script) and the
// session script driver, played against a small survey. A script is either
// refused with file:line or read; played, a step may fail but never crash.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "kiosk/app/tap_script.hpp"
#include "kiosk/core/backend.hpp"
#include "kiosk/core/script_driver.hpp"
#include "survey/survey_parser.hpp"

namespace {

using namespace easyread;
using namespace easyread::kiosk;
using namespace easyread::survey;

const char* const kSurvey = R"(---
id: fuzz
version: 1
title: Fuzz
---

## Did you like it? {#liked}

## Could you hear? {#hear type=yes-no}

## Which topics? {#topics type=choose-many}
- Homes {#homes}
- Jobs {#jobs}

## Anything to say? {#say type=comment}
)";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 16 * 1024) return 0;
    static const Survey survey = [] {
        Diagnostics d;
        std::optional<Survey> s = parse_survey(SourceText{"fuzz-survey.md", kSurvey}, d);
        if (!s) std::abort();
        return *s;
    }();
    std::string text(reinterpret_cast<const char*>(data), size);
    ui::TapScript script;
    std::string error;
    if (!script.parse("fuzz.script", text, error)) {
        if (error.rfind("fuzz.script:", 0) != 0) {
            std::fprintf(stderr, "fuzz_tap_script: a refusal that does not name the file and line: %s\n", error.c_str());
            std::abort();
        }
        return 0;
    }
    FakeClock clock;
    MemoryBackend backend;  // no PIN yet: a script may set one
    backend.places = {{"This kiosk's export folder", "/tmp/export"}};
    KioskSettings settings;
    Session session(survey, settings, clock, backend);
    run_script(session, &clock, text);
    return 0;
}
