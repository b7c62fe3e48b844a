// Fuzz target: bytes -> survey parser -> (when it parses) a whole journey.
// Any survey the parser accepts must be answerable to "Thank you" by the
// session, and a refused one must say why; neither may crash. Built with
// libFuzzer when EASYREAD_FUZZ=ON (clang); the corpus is replayed under ctest
// with any compiler.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "kiosk/core/backend.hpp"
#include "kiosk/core/script_driver.hpp"
#include "survey/survey_parser.hpp"
#include "symbols/bank.hpp"
#include "symbols/matcher.hpp"

namespace {

using namespace easyread;
using namespace easyread::kiosk;
using namespace easyread::survey;

struct Shared {
    symbols::Bank bank;
    std::unique_ptr<symbols::Matcher> matcher;
    Shared() {
        Diagnostics d;
        bank.load_bundled(d);
        matcher = std::make_unique<symbols::Matcher>(bank);
    }
};

[[noreturn]] void broken(const std::string& why) {
    std::fprintf(stderr, "fuzz_survey: %s\n", why.c_str());
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Shared shared;  // the picture bank is read once per process
    if (size > 64 * 1024) return 0;
    std::string bytes(reinterpret_cast<const char*>(data), size);
    Diagnostics diags;
    if (!check_source_bytes("fuzz.md", bytes, diags)) return 0;
    SurveyParseOptions options;
    options.matcher = shared.matcher.get();
    options.bank = &shared.bank;
    std::optional<Survey> survey = parse_survey(SourceText{"fuzz.md", bytes}, diags, options);
    if (!survey) {
        if (!diags.has_errors()) broken("a refused survey without an error saying why");
        return 0;
    }
    if (survey->has_page_questions() && !expand_document_pages(*survey, 2, "fuzz-doc.md 00000000")) return 0;
    if (survey->hash.empty() || survey->questions.empty()) broken("an accepted survey without a hash or questions");
    for (const Question& q : survey->questions) {
        if (!q.is_comment() && q.options.empty()) broken("question '" + q.id + "' has no answers");
        for (const Option& o : q.options)
            if (!q.allows_value(o.id)) broken("question '" + q.id + "' refuses its own answer '" + o.id + "'");
    }
    FakeClock clock;
    MemoryBackend backend("no PIN is typed here");
    KioskSettings settings;
    Session session(*survey, settings, clock, backend);
    ScriptResult r = run_script(session, &clock, script_answer_all(*survey, "self"));
    if (!r.ok) broken("an accepted survey cannot be answered: " + r.message);
    if (backend.saved != 1) broken("a whole journey did not save exactly once");
    return 0;
}
