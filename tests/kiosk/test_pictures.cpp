#include <catch2/catch.hpp>

#include "survey/survey_parser.hpp"
#include "survey/kiosk_words.hpp"
#include "symbols/bank.hpp"
#include "tests/kiosk/test_support.hpp"

using namespace easyread;
using namespace easyread::kiosk;
using namespace easyread::survey;

namespace {
const symbols::Bank& bundled_bank() {
    static const symbols::Bank bank = [] {
        symbols::Bank b;
        Diagnostics diags;
        b.load_bundled(diags);
        return b;
    }();
    return bank;
}
}  // namespace

TEST_CASE("every picture the kiosk names itself is in the bundled picture bank", "[pictures]") {
    const symbols::Bank& bank = bundled_bank();
    REQUIRE_FALSE(bank.pictures().empty());
    const KioskWords& w = kiosk_words();
    std::vector<std::string> ids = {w.consent_picture, w.who_picture,    w.anything_else_picture,
                                    w.review_picture,  w.thanks_picture, w.still_there_picture,
                                    w.ask_staff_picture};
    for (const FixedChoice* f : {&w.start, &w.consent_yes, &w.consent_no, &w.confirm_yes, &w.confirm_no,
                                 &w.anything_else_skip, &w.discard_keep, &w.discard_yes, &w.review_send, &w.thanks_done, &w.still_there_yes,
                                 &w.staff_event, &w.staff_speech, &w.staff_export, &w.staff_quit, &w.staff_close})
        ids.push_back(f->picture);
    for (const auto& f : w.who) ids.push_back(f.picture);
    for (QuestionType t : {QuestionType::Faces3, QuestionType::Faces5, QuestionType::YesNo})
        for (const auto& o : builtin_options(t)) ids.push_back(o.picture);
    for (const auto& id : ids) {
        INFO("picture id " << id);
        CHECK(bank.find(id) != nullptr);
    }
}

TEST_CASE("the bundled surveys name only pictures the bank has", "[pictures][templates]") {
    SurveyParseOptions options;
    options.bank = &bundled_bank();
    for (const char* name : {"templates/surveys/board-event.md", "templates/surveys/easy-to-understand.md"}) {
        Diagnostics diags;
        auto s = load_survey(kiosk_test::source_path(name), diags, options);
        INFO(diags.format_all());
        REQUIRE(s.has_value());
        CHECK(diags.count(Severity::Warning) == 0);
    }
}
