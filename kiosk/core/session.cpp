#include "kiosk/core/session.hpp"

#include <algorithm>
#include <limits>

#include "kiosk/core/pin.hpp"
#include "kiosk/core/survey_names.hpp"
#include "base/text_util.hpp"

namespace easyread::kiosk {

namespace {

const char* const kScreenNames[] = {"welcome",    "consent",   "who-is-answering", "question",   "confirm-answer",
                                    "anything-else", "review", "thank-you",        "still-there", "staff-set-pin",
                                    "staff-pin",  "staff-menu", "staff-event-name", "confirm-discard", "ask-staff", "staff-settings",
                                    "staff-export", "chunk"};

std::size_t utf8_length(const std::string& s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}


// "homes;jobs" <-> {"homes", "jobs"}
std::vector<std::string> split_ids(const std::string& value) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= value.size() && !value.empty()) {
        std::size_t end = value.find(';', start);
        out.push_back(value.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

}  // namespace

const char* screen_name(Screen s) { return kScreenNames[static_cast<int>(s)]; }

bool is_staff_screen(Screen s) {
    return s == Screen::StaffSetPin || s == Screen::StaffPin || s == Screen::StaffMenu || s == Screen::StaffEventName ||
           s == Screen::StaffSettings || s == Screen::StaffExport;
}

Session::Session(const Survey& survey, KioskSettings settings, Clock& clock, SessionBackend& backend,
                 std::vector<ReviewChunk> review_chunks)
    : survey_(survey), settings_(std::move(settings)), clock_(clock), backend_(backend), chunks_(std::move(review_chunks)) {
    build_steps();
    last_activity_ = clock_.now_ms();
    if (backend_.pin_is_set()) go(Screen::Welcome);
    else open_staff();  // first run: staff choose a PIN before anyone can use the kiosk
}

// ---- taps -------------------------------------------------------------------

bool Session::settled() const { return clock_.now_ms() - settle_from_ >= settings_.settle_ms; }

bool Session::accept_tap() {
    Millis now = clock_.now_ms();
    // The second tap of a double tap lands on the screen the first one opened:
    // it must not answer a question nobody has seen yet. A third tap as soon
    // after the second is the same burst.
    if (!settled()) {
        settle_from_ = now;
        return false;
    }
    // A held or bouncing finger is one answer (HappyOrNot-style cooldown).
    if (tapped_before_ && now - last_tap_ < settings_.cooldown_ms) return false;
    tapped_before_ = true;
    last_tap_ = now;
    last_activity_ = now;
    return true;
}

bool Session::accept_key() {
    // Keys have no cooldown: "1111" and "good" are typed as pressed. The
    // cooldown is for answers, where a second tap would answer the next question.
    // A key on a journey screen that has just appeared is the end of a double
    // tap, not typing (staff type their PIN at once).
    if (!is_staff_screen(screen_) && !settled()) {
        settle_from_ = clock_.now_ms();
        return false;
    }
    last_activity_ = clock_.now_ms();
    return true;
}

bool is_journey_screen(Screen s) {
    switch (s) {
    case Screen::Consent:
    case Screen::WhoIsAnswering:
    case Screen::Question:
    case Screen::ConfirmAnswer:
    case Screen::AnythingElse:
    case Screen::ConfirmDiscard:
    case Screen::Review:
    case Screen::Chunk:
        return true;
    default:
        return false;
    }
}

bool Session::on_journey() const { return is_journey_screen(screen_); }

void Session::go(Screen s) {
    if (s == Screen::Welcome) discard_journey();
    screen_ = s;
    settle_from_ = clock_.now_ms();
    ++shown_count_;
    last_toggle_.clear();
    if (s == Screen::StaffMenu) refresh_staff();
    rebuild_view();
    // A question the kiosk asks before it drops anything, and a save problem,
    // are always said aloud: a person who does not read must hear them.
    if ((settings_.auto_speak || s == Screen::ConfirmDiscard || s == Screen::AskStaff) && !is_staff_screen(s))
        say(view_.speech);
}

void Session::begin_journey() {
    draft_ = Response{};
    draft_.uuid = new_uuid();
    draft_.survey_id = survey_.id;
    draft_.survey_version = survey_.version;
    draft_.survey_hash = survey_.hash;
    draft_.document = survey_.document_label;
    draft_.device_id = settings_.device_id;
    text_.clear();
    question_index_ = 0;
    step_ = 0;
    changing_from_review_ = false;
}

void Session::discard_journey() {
    // The next person sees nothing of the last one.
    draft_ = Response{};
    text_.clear();
    confirm_option_.clear();
    question_index_ = 0;
    changing_from_review_ = false;
}

bool Session::tap_option(const std::string& id) {
    if (!accept_tap()) return false;
    const KioskWords& w = kiosk_words();
    switch (screen_) {
    case Screen::Welcome:
        if (id != w.start.id) return false;
        begin_journey();
        go(Screen::Consent);
        return true;
    case Screen::Consent:
        if (id == w.consent_yes.id) {
            draft_.started_at = iso_utc(clock_.wall_ms());
            go(Screen::WhoIsAnswering);
            return true;
        }
        if (id == w.consent_no.id) {
            go(Screen::Welcome);
            return true;
        }
        return false;
    case Screen::WhoIsAnswering: {
        Respondent who;
        if (!respondent_from_value(id, who)) return false;
        draft_.respondent = id;
        if (changing_from_review_) {
            changing_from_review_ = false;
            go(Screen::Review);
        } else if (!steps_.empty()) {
            show_step(0);
        } else if (survey_.questions.empty()) {
            go(Screen::AnythingElse);
        } else {
            show_question(0);
        }
        return true;
    }
    case Screen::Chunk:
        return tap_chunk(id);
    case Screen::Question:
        return tap_question(id);
    case Screen::ConfirmAnswer:
        if (id == w.confirm_yes.id) {
            leave_question_forward();
            return true;
        }
        if (id == w.confirm_no.id) {
            set_answer(survey_.questions[static_cast<std::size_t>(question_index_)].id, {});
            go(Screen::Question);
            return true;
        }
        return false;
    case Screen::AnythingElse:
        if (id != w.anything_else_skip.id) return false;
        if (!trim(text_).empty()) {
            go(Screen::ConfirmDiscard);  // never drop typed words without asking
            return true;
        }
        text_.clear();
        set_answer(kAnythingElseId, {});
        changing_from_review_ = false;
        go(Screen::Review);
        return true;
    case Screen::ConfirmDiscard:
        if (id == w.discard_keep.id) {
            go(Screen::AnythingElse);  // the words are still there
            return true;
        }
        if (id != w.discard_yes.id) return false;
        text_.clear();
        set_answer(kAnythingElseId, {});
        changing_from_review_ = false;
        go(Screen::Review);
        return true;
    case Screen::Review:
        if (id == w.review_send.id) {
            finish();
            return true;
        }
        if (id == "change:who") {
            changing_from_review_ = true;
            go(Screen::WhoIsAnswering);
            return true;
        }
        if (id == std::string("change:") + kAnythingElseId) {
            changing_from_review_ = true;
            text_ = answer_of(kAnythingElseId);
            go(Screen::AnythingElse);  // its Next and skip both lead back here
            return true;
        }
        if (id.rfind("change:", 0) == 0 && !steps_.empty()) {  // a chunk's marks: back to that chunk
            for (std::size_t i = 0; i < steps_.size(); ++i) {
                const int c = steps_[i].chunk;
                if (c < 0 || "change:" + review_answer_id(chunks_[static_cast<std::size_t>(c)]) != id) continue;
                changing_from_review_ = true;
                show_step(static_cast<int>(i));
                return true;
            }
        }
        if (id.rfind("change:", 0) == 0) {
            int index = survey_.index_of(id.substr(7));
            if (index < 0) return false;
            changing_from_review_ = true;
            show_question(index);
            return true;
        }
        return false;
    case Screen::ThankYou:
        if (id != w.thanks_done.id) return false;
        go(Screen::Welcome);
        return true;
    case Screen::StillThere:
        if (id != w.still_there_yes.id) return false;
        go(before_still_there_);
        return true;
    case Screen::StaffMenu:
        return tap_staff_menu(id);
    case Screen::StaffSettings:
        return tap_staff_setting(id);
    case Screen::StaffExport:
        return tap_staff_export(id);
    default:
        return false;
    }
}

bool Session::tap_question(const std::string& id) {
    const Question& q = survey_.questions[static_cast<std::size_t>(question_index_)];
    const Option* option = q.find_option(id);
    if (!option) return false;
    if (q.is_multi()) {
        // A double tap on one answer would choose it and take it away again.
        const Millis now = clock_.now_ms();
        const bool again = id == last_toggle_ && now - last_toggle_at_ < settings_.settle_ms;
        last_toggle_ = id;
        last_toggle_at_ = now;
        if (again) return false;
        std::vector<std::string> chosen = split_ids(answer_of(q.id));
        bool was_chosen = std::find(chosen.begin(), chosen.end(), id) != chosen.end();
        std::string value;
        // "I don't know" and real answers exclude each other.
        for (const auto& o : q.options) {
            bool keep = o.id == id ? !was_chosen
                                   : (id != "dont-know" && o.id != "dont-know" &&
                                      std::find(chosen.begin(), chosen.end(), o.id) != chosen.end());
            if (keep) value += (value.empty() ? "" : ";") + o.id;
        }
        set_answer(q.id, value);
        rebuild_view();
        return true;
    }
    set_answer(q.id, id);
    if (settings_.confirm_negative && option->negative) {
        confirm_option_ = id;
        go(Screen::ConfirmAnswer);
    } else if (settings_.auto_advance) {
        leave_question_forward();
    } else {
        rebuild_view();
    }
    return true;
}

void Session::build_steps() {
    if (!survey_.review) return;
    // Page by page: its chunks, then the questions about it; then the rest.
    // A page with no chunks (the cover, contents or picture credits the
    // layout made) has nothing to review and is not asked about.
    int last_page = 0;
    for (const auto& c : chunks_) last_page = std::max(last_page, c.page);
    for (int page = 1; page <= last_page; ++page) {
        const std::size_t before = steps_.size();
        for (std::size_t c = 0; c < chunks_.size(); ++c)
            if (chunks_[c].page == page) steps_.push_back({-1, static_cast<int>(c)});
        if (steps_.size() == before) continue;
        for (std::size_t q = 0; q < survey_.questions.size(); ++q)
            if (survey_.questions[q].page == page) steps_.push_back({static_cast<int>(q), -1});
    }
    for (std::size_t q = 0; q < survey_.questions.size(); ++q)
        if (survey_.questions[q].page == 0) steps_.push_back({static_cast<int>(q), -1});
}

void Session::show_step(int step) {
    step_ = step;
    const Step& s = steps_[static_cast<std::size_t>(step)];
    if (s.question >= 0) {
        show_question(s.question);
        return;
    }
    // Shown is counted: "4 of 6 reviewers" are over those who saw the chunk.
    const std::string id = review_answer_id(chunks_[static_cast<std::size_t>(s.chunk)]);
    if (answer_of(id).empty()) set_answer(id, survey::kReviewSeen);
    go(Screen::Chunk);
}

int Session::step_of_question(int question) const {
    for (std::size_t i = 0; i < steps_.size(); ++i)
        if (steps_[i].question == question) return static_cast<int>(i);
    return -1;
}

bool Session::tap_chunk(const std::string& id) {
    const ReviewChunk& chunk = chunks_[static_cast<std::size_t>(steps_[static_cast<std::size_t>(step_)].chunk)];
    std::string said;
    for (const Choice& c : view_.choices)
        if (c.id == id) said = c.id.rfind("word:", 0) == 0 ? c.id.substr(5) : c.label;
    if (said.empty()) return false;
    // A double tap on one word would mark it and take it away again.
    const Millis now = clock_.now_ms();
    const bool again = id == last_toggle_ && now - last_toggle_at_ < settings_.settle_ms;
    last_toggle_ = id;
    last_toggle_at_ = now;
    if (again) return false;
    const std::string answer = review_answer_id(chunk);
    const std::string value = toggle_review_item(answer_of(answer), id);
    set_answer(answer, value);
    rebuild_view();
    say(review_item_marked(value, id) ? said : said + review_screen_words().unmarked_after);
    return true;
}

void Session::show_question(int index) {
    question_index_ = index;
    const Question& q = survey_.questions[static_cast<std::size_t>(index)];
    if (q.is_comment()) text_ = answer_of(q.id);
    go(Screen::Question);
}

void Session::keep_typed_text() {
    // "Throw away your words?" still holds them: only a yes drops them.
    if (screen_ == Screen::AnythingElse || screen_ == Screen::ConfirmDiscard) set_answer(kAnythingElseId, trim(text_));
    if (screen_ == Screen::Question) {
        const Question& q = survey_.questions[static_cast<std::size_t>(question_index_)];
        if (q.is_comment()) set_answer(q.id, trim(text_));
    }
}

void Session::leave_question_forward() {
    keep_typed_text();
    if (changing_from_review_) {
        changing_from_review_ = false;
        go(Screen::Review);
    } else if (!steps_.empty() && (screen_ == Screen::Chunk || step_of_question(question_index_) >= 0)) {
        const int step = screen_ == Screen::Chunk ? step_ : step_of_question(question_index_);
        if (step + 1 < static_cast<int>(steps_.size())) {
            show_step(step + 1);
        } else {
            text_ = answer_of(kAnythingElseId);
            go(Screen::AnythingElse);
        }
    } else if (question_index_ + 1 < static_cast<int>(survey_.questions.size())) {
        show_question(question_index_ + 1);
    } else {
        text_ = answer_of(kAnythingElseId);
        go(Screen::AnythingElse);
    }
}

bool Session::back() {
    if (!accept_tap()) return false;
    switch (screen_) {
    case Screen::Consent:
        go(Screen::Welcome);
        return true;
    case Screen::WhoIsAnswering:
        if (changing_from_review_) {
            changing_from_review_ = false;
            go(Screen::Review);
        } else {
            go(Screen::Consent);
        }
        return true;
    case Screen::Question:
        keep_typed_text();
        if (changing_from_review_) {
            changing_from_review_ = false;
            go(Screen::Review);
        } else if (const int step = step_of_question(question_index_); step > 0) {
            show_step(step - 1);
        } else if (question_index_ > 0 && steps_.empty()) {
            show_question(question_index_ - 1);
        } else {
            go(Screen::WhoIsAnswering);
        }
        return true;
    case Screen::Chunk:
        if (changing_from_review_) {
            changing_from_review_ = false;
            go(Screen::Review);
        } else if (step_ > 0) {
            show_step(step_ - 1);
        } else {
            go(Screen::WhoIsAnswering);
        }
        return true;
    case Screen::ConfirmAnswer:
        go(Screen::Question);
        return true;
    case Screen::ConfirmDiscard:
        go(Screen::AnythingElse);
        return true;
    case Screen::AnythingElse:
        keep_typed_text();
        if (changing_from_review_) {
            changing_from_review_ = false;
            go(Screen::Review);
        } else if (!steps_.empty()) {
            show_step(static_cast<int>(steps_.size()) - 1);
        } else if (survey_.questions.empty()) {
            go(Screen::WhoIsAnswering);
        } else {
            show_question(static_cast<int>(survey_.questions.size()) - 1);
        }
        return true;
    case Screen::Review:
        text_ = answer_of(kAnythingElseId);
        go(Screen::AnythingElse);
        return true;
    case Screen::StaffSetPin:
    case Screen::StaffPin:
    case Screen::StaffMenu:
        if (!backend_.pin_is_set()) return false;  // first run: a PIN must be chosen
        leave_staff();
        return true;
    case Screen::StaffEventName:
    case Screen::StaffSettings:
    case Screen::StaffExport:
        go(Screen::StaffMenu);
        return true;
    default:
        return false;  // Welcome, Thank you and Are you still there? have no way back
    }
}

bool Session::next() {
    if (!accept_tap()) return false;
    switch (screen_) {
    case Screen::Question:
    case Screen::Chunk:
        leave_question_forward();
        return true;
    case Screen::AnythingElse:
        keep_typed_text();
        changing_from_review_ = false;
        go(Screen::Review);
        return true;
    case Screen::Review:
        finish();
        return true;
    case Screen::ThankYou:
        go(Screen::Welcome);
        return true;
    case Screen::StaffSetPin:
    case Screen::StaffPin:
        return submit_pin();
    case Screen::StaffEventName:
        settings_.event = trim(text_);
        staff_message_ = backend_.set_event_name(settings_.event) ? "Event name saved." : backend_.store_words();
        go(Screen::StaffMenu);
        return true;
    default:
        return false;
    }
}

Response Session::ordered_draft() const {
    Response r = draft_;
    r.finished_at = iso_utc(clock_.wall_ms());
    r.event = settings_.event;
    // Answers in survey order (a review's in the order shown), empty ones dropped, "Anything else?" last.
    std::vector<Answer> ordered;
    for (const auto& step : steps_) {
        const std::string id = step.chunk >= 0 ? review_answer_id(chunks_[static_cast<std::size_t>(step.chunk)])
                                               : survey_.questions[static_cast<std::size_t>(step.question)].id;
        if (const Answer* a = draft_.find(id)) ordered.push_back(*a);
    }
    if (steps_.empty())
        for (const auto& q : survey_.questions)
            if (const Answer* a = draft_.find(q.id)) ordered.push_back(*a);
    if (const Answer* a = draft_.find(kAnythingElseId)) ordered.push_back(*a);
    r.answers = std::move(ordered);
    return r;
}

void Session::keep_unfinished() {
    // Only answers given after "Is it OK to keep your answers?" said yes.
    keep_typed_text();
    if (!settings_.keep_unfinished || draft_.started_at.empty() || draft_.answers.empty()) return;
    Response r = ordered_draft();
    r.unfinished = true;
    backend_.save_response(r);  // a failure is held and retried by the store, and shown to staff
}

void Session::finish() {
    draft_ = ordered_draft();
    last_save_ = backend_.save_response(draft_);
    if (last_save_ == SaveResult::Lost) {
        // Not on any disk: never say "We have your answers". Ask for staff
        // and keep trying (tick) until the answers are on disk.
        next_retry_ = clock_.now_ms() + kRetryMs;
        go(Screen::AskStaff);
        return;
    }
    ++saved_count_;
    thank_you_end_ = clock_.now_ms() + settings_.thank_you_ms;
    go(Screen::ThankYou);
}

void Session::set_answer(const std::string& question_id, const std::string& value) {
    auto it = std::find_if(draft_.answers.begin(), draft_.answers.end(),
                           [&](const Answer& a) { return a.question_id == question_id; });
    if (value.empty()) {
        if (it != draft_.answers.end()) draft_.answers.erase(it);
    } else if (it != draft_.answers.end()) {
        it->value = value;
    } else {
        draft_.answers.push_back({question_id, value});
    }
}

std::string Session::answer_of(const std::string& question_id) const {
    const Answer* a = draft_.find(question_id);
    return a ? a->value : std::string();
}

bool Session::listen() {
    if (!accept_tap()) return false;
    say(view_.speech);
    return true;
}

bool Session::help() {
    if (!accept_tap()) return false;
    say(view_.help);
    return true;
}

bool Session::still_here() { return tap_option(kiosk_words().still_there_yes.id); }

bool Session::type_text(const std::string& utf8) {
    if (utf8.empty() || view_.keyboard == Keyboard::None) return false;
    if (view_.keyboard == Keyboard::Digits &&
        !std::all_of(utf8.begin(), utf8.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    if (utf8_length(text_) + utf8_length(utf8) > view_.text_max) return false;
    if (!accept_key()) return false;
    text_ += utf8;
    rebuild_view();
    // Each letter said as it is typed (never PIN digits: someone may be listening).
    if (settings_.echo_keys && !view_.text_masked) say(utf8 == " " ? std::string("space") : utf8);
    return true;
}

bool Session::erase() {
    if (text_.empty() || !accept_key()) return false;
    std::size_t cut = text_.size() - 1;
    while (cut > 0 && (static_cast<unsigned char>(text_[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 character
    text_.erase(cut);
    rebuild_view();
    return true;
}

void Session::say(const std::string& text, bool interrupt) {
    if (!text.empty() && !settings_.muted) speech_.push_back({text, interrupt});
}

std::optional<SpeechRequest> Session::take_speech() {
    if (speech_.empty()) return std::nullopt;
    SpeechRequest r = std::move(speech_.front());
    speech_.erase(speech_.begin());
    return r;
}

}  // namespace easyread::kiosk
