#include "studio/kiosk_screens.hpp"

#include "kiosk/core/session.hpp"
#include "studio/json_writer.hpp"

namespace easyread::studio {

namespace {

using namespace easyread::kiosk;

void choices_json(Json& j, const std::vector<Choice>& choices) {
    j.key("choices").begin_array();
    for (const auto& c : choices)
        j.begin_object().field("id", c.id).field("label", c.label).field("picture", c.picture)
            .field("selected", c.selected).field("negative", c.negative).end_object();
    j.end_array();
}

void view_json(Json& j, const SessionView& v) {
    j.begin_object().field("screen", screen_name(v.screen)).field("title", v.title).field("picture", v.picture)
        .field("body", v.body).field("help", v.help).field("speech", v.speech);
    choices_json(j, v.choices);
    j.field("multi", v.multi_select).field("back", v.back_enabled).field("show_next", v.show_next)
        .field("next_enabled", v.next_enabled).field("next_label", v.next_label)
        .field("keyboard", v.keyboard == Keyboard::Letters ? "letters" : v.keyboard == Keyboard::Digits ? "digits" : "")
        .field("text", v.text).field("question_number", v.question_number).field("question_count", v.question_count)
        .field("document_page", v.document_page);
    j.key("progress").begin_array();
    for (const auto& p : v.progress)
        j.begin_object().field("picture", p.picture).field("answered", p.answered).field("current", p.current).end_object();
    j.end_array().key("review").begin_array();
    for (const auto& r : v.review) {
        j.begin_object().field("question", r.question).field("picture", r.picture).field("text", r.text).field("page", r.page);
        choices_json(j, r.answers);
        j.end_object();
    }
    j.end_array().end_object();
}

// The first answer that is not a "bad" one, so the journey needs no "Is that right?".
std::string first_answer(const SessionView& v) {
    for (const auto& c : v.choices)
        if (!c.negative) return c.id;
    return v.choices.empty() ? std::string() : v.choices.front().id;
}

}  // namespace

std::string kiosk_screens_json(const survey::Survey& survey) {
    FakeClock clock;
    KioskSettings settings;
    settings.auto_speak = false;
    // A staff PIN already set and answers that go nowhere: the journey only.
    MemoryBackend backend("no PIN is typed in a preview");
    Session s(survey, settings, clock, backend);
    Json j;
    j.begin_object().key("screens").begin_array();
    auto wait = [&] {
        clock.advance(settings.settle_ms + 50);
        s.tick();
    };
    auto keep = [&] { view_json(j, s.view()); };
    auto tap = [&](const std::string& id) {
        wait();
        return s.tap_option(id);
    };
    keep();  // Welcome
    tap(kiosk_words().start.id);
    keep();  // Consent
    tap(kiosk_words().consent_yes.id);
    keep();  // Who is answering
    tap(kiosk_words().who[0].id);
    // Each question once (a guard against a journey that does not move on).
    for (std::size_t guard = 0; guard < 4 * survey.questions.size() + 4; ++guard) {
        const Screen now = s.screen();
        if (now != Screen::Question && now != Screen::ConfirmAnswer) break;
        keep();
        const SessionView& v = s.view();
        if (now == Screen::ConfirmAnswer) {
            tap(kiosk_words().confirm_yes.id);
        } else if (v.keyboard != Keyboard::None) {
            wait();
            s.next();
        } else if (v.multi_select) {
            tap(first_answer(v));
            wait();
            s.next();
        } else {
            tap(first_answer(v));
        }
    }
    if (s.screen() == Screen::AnythingElse) {
        keep();
        tap(kiosk_words().anything_else_skip.id);
    }
    if (s.screen() == Screen::Review) {
        keep();
        tap(kiosk_words().review_send.id);
    }
    if (s.screen() == Screen::ThankYou) keep();
    return j.end_array().end_object().str();
}

}  // namespace easyread::studio
