// Turns session state into the plain data the app draws and speaks.
#include <algorithm>

#include "kiosk/core/pin.hpp"
#include "kiosk/core/session.hpp"
#include "kiosk/core/survey_names.hpp"
#include "base/text_util.hpp"

namespace easyread::kiosk {

namespace {

Choice fixed(const FixedChoice& f, bool selected = false) {
    Choice c;
    c.id = f.id;
    c.label = f.label;
    c.picture = f.picture;
    c.selected = selected;
    return c;
}

// Listen says the words on the screen and every answer, one sentence each.
std::string spoken(const SessionView& v) {
    std::string out;
    auto add = [&](const std::string& s) {
        if (s.empty()) return;
        if (!out.empty()) out += ' ';
        out += s;
        char last = s.back();
        if (last != '.' && last != '?' && last != '!') out += '.';
    };
    add(v.title);
    add(v.body);
    for (const auto& c : v.choices) add(c.label);
    return out;
}

// "You chose sad." reads better than "You chose Sad."; "I don't know" keeps its capital.
std::string in_sentence(const std::string& label) {
    if (label.empty() || label.rfind("I ", 0) == 0 || label.rfind("I'", 0) == 0) return label;
    std::string out = label;
    if (out[0] >= 'A' && out[0] <= 'Z') out[0] = static_cast<char>(out[0] - 'A' + 'a');
    return out;
}

bool contains_id(const std::string& value, const std::string& id) {
    std::size_t start = 0;
    while (start <= value.size()) {
        std::size_t end = value.find(';', start);
        if (value.compare(start, end == std::string::npos ? std::string::npos : end - start, id) == 0 &&
            (end == std::string::npos ? value.size() - start : end - start) == id.size())
            return true;
        if (end == std::string::npos) return false;
        start = end + 1;
    }
    return false;
}

// 1000 -> "1 s", 1500 -> "1.5 s"
std::string seconds_words(Millis ms) {
    std::string out = std::to_string(ms / 1000);
    if (ms % 1000) out += "." + std::to_string((ms % 1000) / 100);
    return out + " s";
}

}  // namespace

void Session::rebuild_view() {
    const KioskWords& w = kiosk_words();
    SessionView v;
    v.screen = screen_;
    v.revision = view_.revision + 1;
    v.shown = shown_count_;
    v.next_label = w.next;
    v.back_enabled = true;
    v.volume = settings_.volume;
    v.store_problem = !backend_.store_ok() || backend_.unsaved_count() > 0;
    v.muted = settings_.muted;
    switch (screen_) {
    case Screen::Welcome:
        v.title = w.welcome_title;
        v.picture = w.start.picture;
        v.choices = {fixed(w.start)};
        v.back_enabled = false;
        v.animate = settings_.animate_start;
        v.help = w.welcome_speech;
        break;
    case Screen::Consent:
        v.title = w.consent_title;
        v.body = w.consent_body;
        v.picture = w.consent_picture;
        v.choices = {fixed(w.consent_yes), fixed(w.consent_no)};
        v.help = w.consent_body;
        break;
    case Screen::WhoIsAnswering:
        v.title = w.who_title;
        v.picture = w.who_picture;
        for (const auto& f : w.who) v.choices.push_back(fixed(f, changing_from_review_ && draft_.respondent == f.id));
        v.help = w.question_help;
        break;
    case Screen::Question:
        build_question_view(v);
        break;
    case Screen::ConfirmAnswer: {
        const Question& q = survey_.questions[static_cast<std::size_t>(question_index_)];
        const Option* o = q.find_option(confirm_option_);
        v.title = std::string(w.confirm_title_before) + in_sentence(o ? o->label : confirm_option_) + w.confirm_title_after;
        v.picture = o ? o->picture : std::string();
        v.choices = {fixed(w.confirm_yes), fixed(w.confirm_no)};
        v.help = w.question_help;
        break;
    }
    case Screen::AnythingElse:
        v.title = w.anything_else_title;
        v.picture = w.anything_else_picture;
        v.choices = {fixed(w.anything_else_skip)};
        v.keyboard = Keyboard::Letters;
        v.text = text_;
        v.text_max = kCommentMaxChars;
        v.show_next = true;
        v.next_enabled = true;
        v.help = w.anything_else_help;
        break;
    case Screen::ConfirmDiscard:
        v.title = w.discard_title;
        v.body = std::string(w.discard_body_before) + "\"" + trim(text_) + "\"";
        v.picture = w.discard_yes.picture;
        v.choices = {fixed(w.discard_keep), fixed(w.discard_yes)};
        v.help = std::string(w.discard_title) + " " + w.discard_keep.label + ". " + w.discard_yes.label + ".";
        break;
    case Screen::AskStaff:
        v.title = w.ask_staff_title;
        v.body = w.ask_staff_body;
        v.picture = w.ask_staff_picture;
        v.back_enabled = false;
        v.help = w.ask_staff_body;
        break;
    case Screen::Review:
        build_review_view(v);
        break;
    case Screen::Chunk:
        build_chunk_view(v);
        break;
    case Screen::ThankYou:
        v.title = w.thanks_title;
        v.body = w.thanks_body;
        v.picture = w.thanks_picture;
        v.choices = {fixed(w.thanks_done)};
        v.back_enabled = false;
        v.help = w.thanks_body;
        break;
    case Screen::StillThere: {
        v.title = w.still_there_title;
        v.picture = w.still_there_picture;
        v.choices = {fixed(w.still_there_yes)};
        v.back_enabled = false;
        v.countdown_seconds = countdown_shown();
        v.help = w.still_there_title;
        break;
    }
    default:
        build_staff_view(v);
        break;
    }
    if (v.speech.empty()) v.speech = spoken(v);
    // Listen on a keyboard screen reads back what was typed.
    if (v.keyboard == Keyboard::Letters && !trim(v.text).empty()) v.speech += std::string(" ") + w.read_back + trim(v.text) + ".";
    if (on_journey()) {
        v.question_count = static_cast<int>(survey_.questions.size());
        for (std::size_t i = 0; i < survey_.questions.size(); ++i) {
            if (!steps_.empty() && step_of_question(static_cast<int>(i)) < 0) continue;  // a review's page with no chunks
            ProgressStep step;
            step.picture = survey_.questions[i].picture;
            step.answered = draft_.find(survey_.questions[i].id) != nullptr;
            step.current = screen_ == Screen::Question && static_cast<int>(i) == question_index_;
            v.progress.push_back(std::move(step));
        }
    }
    view_ = std::move(v);
}

void Session::build_question_view(SessionView& v) const {
    const KioskWords& w = kiosk_words();
    const Question& q = survey_.questions[static_cast<std::size_t>(question_index_)];
    std::string value = answer_of(q.id);
    v.title = q.text;
    v.picture = q.picture;
    v.document_page = q.page;
    v.question_number = question_index_ + 1;
    v.multi_select = q.is_multi();
    v.show_next = true;
    v.next_enabled = true;
    for (const auto& o : q.options) {
        Choice c;
        c.id = o.id;
        c.label = o.label;
        c.picture = o.picture;
        c.negative = o.negative;
        c.selected = q.is_multi() ? contains_id(value, o.id) : value == o.id;
        v.choices.push_back(std::move(c));
    }
    if (q.is_comment()) {
        v.keyboard = Keyboard::Letters;
        v.text = text_;
        v.text_max = kCommentMaxChars;
    }
    std::string general = q.is_comment() ? w.comment_help : q.is_multi() ? w.many_help : w.question_help;
    v.help = q.help.empty() ? general : q.help + " " + general;
    v.speech = spoken(v);
    // A page question reads the page first: people who cannot read the page
    // hear what it says before being asked how easy it was.
    if (q.page > 0)
        v.speech = std::string(w.page_prefix) + std::to_string(q.page) + ". " +
                   (q.page_words.empty() ? std::string() : q.page_words + " ") + v.speech;
    if (!q.help.empty()) v.speech += " " + q.help;
    v.body = q.help;  // the explanation is shown on screen as well as spoken
}

void Session::build_chunk_view(SessionView& v) const {
    const ReviewWords& rw = review_screen_words();
    const ReviewChunk& chunk = chunks_[static_cast<std::size_t>(steps_[static_cast<std::size_t>(step_)].chunk)];
    const std::string value = answer_of(review_answer_id(chunk));
    v.title = rw.title;
    v.body = chunk.words;
    v.document_page = chunk.page;
    v.multi_select = true;
    v.show_next = true;
    v.next_enabled = true;
    v.help = rw.help;
    for (const ReviewChunk& c : chunks_)
        if (c.page == chunk.page) {
            ++v.chunk_count;
            if (&c == &chunk) v.chunk_number = v.chunk_count;
        }
    for (const ReviewWord& word : review_words(chunk.words)) {
        Choice c;
        c.id = word.item;
        c.label = word.shown;
        c.selected = review_item_marked(value, word.item);
        v.choices.push_back(std::move(c));
    }
    v.chunk_box = chunk.box;
    if (!chunk.picture_file.empty()) {
        Choice c;
        c.id = review_picture_item(chunk.picture);
        c.label = rw.picture_label;
        c.selected = review_item_marked(value, c.id);
        v.choices.push_back(std::move(c));
        v.chunk_picture_file = chunk.picture_file;
    }
    // The chunk as the audio version says it, then what to do; a page's
    // first chunk says which page it is.
    if (v.choices.size() == 1 && !v.chunk_picture_file.empty()) v.title = rw.picture_title;
    const std::string words = review_spoken(chunk);
    v.speech = (v.chunk_number == 1 ? kiosk_words().page_prefix + std::to_string(chunk.page) + ". " : std::string()) +
               (words.empty() ? std::string() : words + " ") + v.title;
}

// What the reviewer marked in a chunk, from the stored value, in the order
// tapped: each word as stored, the picture as "This picture does not help: <name>".
ReviewRow Session::marked_row(const ReviewChunk& chunk) const {
    const ReviewWords& rw = review_screen_words();
    ReviewRow row;
    row.question_id = review_answer_id(chunk);
    row.question = kiosk_words().page_prefix + std::to_string(chunk.page) + ": " + rw.review_row;
    row.page = chunk.page;
    row.change_id = "change:" + row.question_id;
    const std::string value = answer_of(row.question_id);
    for (const std::string& item : split(value, ';')) {
        Choice c;
        c.id = item;
        c.selected = true;
        if (item.rfind("word:", 0) == 0) c.label = item.substr(5);
        else if (item.rfind("picture:", 0) == 0) c.label = std::string(rw.picture_label) + ": " + item.substr(8);
        else continue;  // "seen"
        row.answers.push_back(std::move(c));
    }
    return row;
}

void Session::build_review_view(SessionView& v) const {
    const KioskWords& w = kiosk_words();
    v.title = w.review_title;
    v.picture = w.review_picture;
    v.choices = {fixed(w.review_send)};
    v.show_next = true;
    v.next_enabled = true;
    v.next_label = w.review_send.label;
    v.help = w.review_help;

    ReviewRow who;
    who.question_id = "who";
    who.question = w.who_title;
    who.picture = w.who_picture;
    who.change_id = "change:who";
    for (const auto& f : w.who)
        if (draft_.respondent == f.id) who.answers.push_back(fixed(f, true));
    v.review.push_back(std::move(who));

    std::string speech = w.review_title + std::string(".");
    // A review's questions as they were asked, page by page (a page with no
    // chunks was not), each chunk where something was marked before them.
    std::vector<Step> asked = steps_;
    if (steps_.empty())
        for (std::size_t q = 0; q < survey_.questions.size(); ++q) asked.push_back({static_cast<int>(q), -1});
    for (const Step& step : asked) {
        if (step.chunk >= 0) {
            ReviewRow row = marked_row(chunks_[static_cast<std::size_t>(step.chunk)]);
            if (row.answers.empty()) continue;  // seen, nothing marked
            std::string said;
            for (const auto& c : row.answers) said += (said.empty() ? "" : ", ") + c.label;
            speech += " " + row.question + ": " + said + ".";
            v.review.push_back(std::move(row));
            continue;
        }
        const Question& q = survey_.questions[static_cast<std::size_t>(step.question)];
        ReviewRow row;
        row.question_id = q.id;
        row.question = q.page > 0 ? w.page_prefix + std::to_string(q.page) + ": " + q.text : q.text;
        row.picture = q.picture;
        row.page = q.page;
        row.change_id = "change:" + q.id;
        std::string value = answer_of(q.id);
        if (q.is_comment()) {
            row.text = value;
        } else {
            for (const auto& o : q.options) {
                if (q.is_multi() ? !contains_id(value, o.id) : value != o.id) continue;
                Choice c;
                c.id = o.id;
                c.label = o.label;
                c.picture = o.picture;
                c.selected = true;
                c.negative = o.negative;
                row.answers.push_back(std::move(c));
            }
        }
        std::string said = row.text;
        for (const auto& c : row.answers) said += (said.empty() ? "" : ", ") + c.label;
        speech += " " + row.question + " " + (said.empty() ? std::string(w.review_no_answer) : said) + ".";
        v.review.push_back(std::move(row));
    }
    std::string comment = answer_of(kAnythingElseId);
    if (!comment.empty()) {
        ReviewRow row;
        row.question_id = kAnythingElseId;
        row.question = w.anything_else_title;
        row.picture = w.anything_else_picture;
        row.text = comment;
        row.change_id = std::string("change:") + kAnythingElseId;
        v.review.push_back(std::move(row));
        speech += std::string(" ") + w.anything_else_title + " " + comment + ".";
    }
    v.speech = speech + " " + w.review_send.label + ".";
}

void Session::build_staff_view(SessionView& v) const {
    const KioskWords& w = kiosk_words();
    v.back_enabled = backend_.pin_is_set();
    v.staff.event = settings_.event;
    v.staff.today = staff_counts_;
    if (backend_.pin_is_set() && !staff_pin_on_disk_) v.staff.pin_not_saved = w.staff_pin_not_saved;
    v.staff.store_ok = backend_.store_ok();
    v.staff.store_words = backend_.store_words();
    v.staff.unsaved = backend_.unsaved_count();
    v.staff.message = staff_message_;
    Millis now = clock_.now_ms();
    v.staff.pin_wait_seconds = now < pin_wait_end_ ? static_cast<int>((pin_wait_end_ - now + 999) / 1000) : 0;
    // A lockout says how long, counting down.
    if (v.staff.pin_wait_seconds > 0 && screen_ == Screen::StaffPin)
        v.staff.message = w.staff_pin_wait_before + std::to_string(v.staff.pin_wait_seconds) + w.staff_pin_wait_after;
    if (part_way_at_staff()) v.staff.part_way = settings_.keep_unfinished ? w.staff_part_way_keep : w.staff_part_way_drop;
    switch (screen_) {
    case Screen::StaffSetPin:
    case Screen::StaffPin:
        v.title = screen_ == Screen::StaffPin ? w.staff_pin_title
                  : new_pin_.empty()          ? w.staff_new_pin_title
                                              : w.staff_new_pin_again;
        v.keyboard = Keyboard::Digits;
        v.text = text_;
        v.text_masked = true;
        v.text_max = kPinMaxDigits;
        v.show_next = true;
        v.next_enabled = !text_.empty() && v.staff.pin_wait_seconds == 0;
        v.help = w.staff_pin_short;
        break;
    case Screen::StaffMenu:
        v.title = w.staff_menu_title;
        v.choices = {fixed(w.staff_event), fixed(w.staff_settings), fixed(w.staff_speech), fixed(w.staff_export),
                     fixed(w.staff_quit), fixed(w.staff_close)};
        break;
    case Screen::StaffSettings: {
        v.title = w.staff_settings_title;
        auto toggle = [&](const char* id, const std::string& label, bool on, const char* picture) {
            Choice c;
            c.id = id;
            c.label = label + (on ? ": on" : ": off");
            c.picture = picture;
            c.selected = on;
            v.choices.push_back(std::move(c));
        };
        toggle("auto_speak", "Speak each screen", settings_.auto_speak, "talk");
        toggle("echo_keys", "Say each letter", settings_.echo_keys, "keyboard");
        toggle("muted", "Mute", settings_.muted, "quiet");
        Choice down = fixed(FixedChoice{"volume-down", "Quieter", "decrease"});
        down.label += " (" + std::to_string(settings_.volume) + ")";
        v.choices.push_back(down);
        Choice up = fixed(FixedChoice{"volume-up", "Louder", "increase"});
        up.label += " (" + std::to_string(settings_.volume) + ")";
        v.choices.push_back(up);
        Choice idle = fixed(FixedChoice{"idle_seconds", "", "clock"});
        idle.label = "Still there? after " + std::to_string(settings_.idle_ms / 1000) + " s";
        v.choices.push_back(idle);
        Choice settle = fixed(FixedChoice{"settle_ms", "", "hourglass"});
        // Short enough for two lines on a 10-inch tablet's staff buttons.
        settle.label = "New screen waits " + seconds_words(settings_.settle_ms);
        v.choices.push_back(settle);
        toggle("confirm_negative", "Check sad answers", settings_.confirm_negative, "question");
        toggle("keep_unfinished", "Keep part answers", settings_.keep_unfinished, "save");
        break;
    }
    case Screen::StaffExport: {
        v.title = w.staff_export.label;
        v.body = w.staff_export_body;
        bool stick = false;
        for (std::size_t i = 0; i < export_places_.size(); ++i) {
            const ExportPlace& place = export_places_[i];
            const bool folder = i == 0;  // export_places() lists the kiosk's own folder first
            stick = stick || !folder;
            Choice c = fixed(folder ? w.staff_export_folder : w.staff_export_stick);
            c.id = "place:" + std::to_string(i);
            c.label = place.label;
            v.choices.push_back(std::move(c));
            v.body += "\n" + place.label + ": " + place.dir;
        }
        if (!stick) v.body += std::string("\n") + w.staff_export_no_stick;
        v.choices.push_back(fixed(w.staff_look_again));
        break;
    }
    case Screen::StaffEventName:
        v.title = w.staff_event_title;
        v.keyboard = Keyboard::Letters;
        v.text = text_;
        v.text_max = kEventMaxChars;
        v.show_next = true;
        v.next_enabled = true;
        break;
    default:
        break;
    }
    v.speech = v.title;
}

}  // namespace easyread::kiosk
