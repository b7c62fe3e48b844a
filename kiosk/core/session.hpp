// The kiosk journey as a plain state machine: no GL, no SQLite, time from a Clock.
//
//   Welcome -> Consent -> WhoIsAnswering -> Question x N (-> ConfirmAnswer)
//           -> AnythingElse -> Review (change -> Question -> Review) -> ThankYou -> Welcome
//   AnythingElse --"Nothing else" with words typed--> ConfirmDiscard (keep -> AnythingElse, throw away -> Review)
//   Review --send, not on disk--> AskStaff --retried until on disk--> ThankYou
//   any journey screen --idle--> StillThere --countdown--> Welcome (answers given after consent,
//   and words typed, are kept, marked unfinished, unless settings.keep_unfinished is off; the
//   screen shows none of them). Staff closing the kiosk mid-survey keeps them the same way.
//   A review (Survey::review): WhoIsAnswering -> for each page with chunks: Chunk x its chunks,
//   then that page's questions -> the other questions -> AnythingElse; Back walks the same steps.
//   open_staff() -> StaffSetPin (first run) | StaffPin -> StaffMenu (-> StaffEventName);
//   leaving staff mode returns to the screen it was opened on, answers untouched
//
// The app draws view() and turns input into the event methods below; it never
// keeps journey state of its own. Every event returns true when it was taken
// and false when it was ignored (cooldown, settle time, or not possible on this screen).
//
// Double taps: a new screen takes no tap (and, on journey screens, no key)
// until it has shown for settings.settle_ms, so the second tap of a double tap
// never answers a screen nobody saw. A tap that comes too soon starts that
// wait again: a burst of taps is one tap, however long it goes on. On a
// choose-many screen the same answer cannot be taken away again that soon.
//
// Choice ids on fixed screens (see words.hpp):
//   Welcome: start            Consent: agree, disagree
//   WhoIsAnswering: self, carer, helper, staff, not-said
//   Question: option ids      ConfirmAnswer: keep, change
//   AnythingElse: skip        Review: send, change:who, change:<question id>, change:anything-else
//   ConfirmDiscard: keep-words, discard-words
//   ThankYou: done            StillThere: still-here (same as still_here())
//   Chunk: "word:<word>", "picture:<name>" (the choices shown; a tap marks it, a second unmarks it)
//   StaffMenu: event, settings, test-speech, export, quit, close
//   StaffExport: place:<n> (n-th of SessionBackend::export_places()), look-again
//   StaffSettings: auto_speak, echo_keys, muted, volume-down, volume-up, idle_seconds, settle_ms,
//                  confirm_negative, keep_unfinished (each tap changes and keeps it)
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/backend.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/review_chunks.hpp"
#include "kiosk/core/survey_names.hpp"
#include "kiosk/core/settings.hpp"

namespace easyread::kiosk {

enum class Screen {
    Welcome,
    Consent,
    WhoIsAnswering,
    Question,
    ConfirmAnswer,
    AnythingElse,
    Review,
    ThankYou,
    StillThere,
    StaffSetPin,
    StaffPin,
    StaffMenu,
    StaffEventName,
    ConfirmDiscard,  // "Throw away your words?" before "Nothing else" drops typed words
    AskStaff,        // the answers are not on disk yet: "Please ask a member of staff"
    StaffSettings,   // speech, volume, idle time, checks: no sqlite3 needed
    StaffExport,     // where to copy the answers: the export folder or a memory stick
    Chunk,           // a review: one chunk of a page, each word and its picture a target
};
const char* screen_name(Screen s);  // "welcome", "question", ... (logs, tests, screenshots)
bool is_staff_screen(Screen s);
bool is_journey_screen(Screen s);  // consent to Review: a person is answering

enum class Keyboard { None, Letters, Digits };

constexpr std::size_t kCommentMaxChars = 500;  // "Anything else?" and comment questions
constexpr std::size_t kEventMaxChars = 80;

struct Choice {
    std::string id;       // give back to tap_option()
    std::string label;    // words under the picture; spoken by Listen
    std::string picture;  // picture bank id; may be empty
    bool selected = false;
    bool negative = false;
};

struct ProgressStep {
    std::string picture;  // the question's picture
    bool answered = false;
    bool current = false;
};

struct ReviewRow {
    std::string question_id;
    std::string question;  // the question's words
    std::string picture;
    std::vector<Choice> answers;  // chosen options (empty: not answered, or a comment)
    std::string text;             // comment words
    std::string change_id;        // "change:<question id>"
    int page = 0;                 // a page question: the document page it asks about (shown small); else 0
};

struct StaffView {
    std::string event;
    TodayCounts today;
    bool store_ok = true;
    std::string store_words;  // plain words about the database
    int unsaved = 0;          // finished responses held only in memory (not on any disk)
    std::string message;      // result of the last staff action, or a PIN problem
    int pin_wait_seconds = 0;  // > 0 after too many wrong PINs
    std::string part_way;      // someone was part-way when staff came: what Close the kiosk does with their answers
    std::string pin_not_saved;  // the PIN works but is only in memory: said on every staff menu until it is on disk
};

struct SessionView {
    Screen screen = Screen::Welcome;
    std::string title;    // the big words: question, "Who is answering?", ...
    std::string picture;  // picture beside the title
    std::string body;     // smaller words under the title (consent text, thanks)
    std::string help;     // words Help shows and speaks
    std::string speech;   // what Listen says: the title, the body and every choice
    std::vector<Choice> choices;
    bool multi_select = false;  // choose-many: taps toggle, Next moves on
    bool back_enabled = false;  // Back is always drawn; greyed when false
    bool show_next = false;
    bool next_enabled = false;
    std::string next_label;
    Keyboard keyboard = Keyboard::None;
    std::string text;          // words typed so far (comment, event name)
    bool text_masked = false;  // PIN entry: draw dots
    std::size_t text_max = 0;  // characters allowed
    int question_number = 0;   // 1-based while on a question; 0 elsewhere
    int question_count = 0;
    std::vector<ProgressStep> progress;  // one per question
    int document_page = 0;     // > 0: show this page of Survey::document beside the question
    // Chunk: `body` holds the chunk's words; the choices are its words, then
    // its picture ("picture:<name>", drawn from this file).
    std::string chunk_picture_file;
    PageBox chunk_box;         // Chunk: where it is on document_page (framed there)
    int chunk_number = 0;      // Chunk: 1-based among its page's chunks
    int chunk_count = 0;
    int countdown_seconds = 0;  // StillThere: seconds left, in steps of five until the last five
    bool animate = false;       // Welcome: settings.animate_start
    std::vector<ReviewRow> review;
    StaffView staff;
    bool store_problem = false;  // the database cannot be written (read-only, locked, damaged): a staff badge
    int volume = 80;     // speech volume 0..100 and mute, from the staff settings: the app applies them
    bool muted = false;
    std::uint64_t shown = 0;     // counts screens shown; a change in place (a toggle, a letter) keeps it
    std::uint64_t revision = 0;  // changes whenever anything above changes: redraw then
};

struct SpeechRequest {
    std::string text;
    bool interrupt = true;  // stop what is being said first
};

class Session {
public:
    // Starts on Welcome, or on StaffSetPin when no PIN has been set yet.
    // `survey` and the others must outlive the session.
    // A review survey (Survey::review) also gives its document's chunks in
    // reading order, page by page.
    Session(const Survey& survey, KioskSettings settings, Clock& clock, SessionBackend& backend,
            std::vector<ReviewChunk> review_chunks = {});

    const SessionView& view() const { return view_; }
    Screen screen() const { return view_.screen; }
    const KioskSettings& settings() const { return settings_; }
    // True once the screen showing has been up for settings().settle_ms
    // (counted from the last tap that came too soon).
    bool settled() const;

    bool tap_option(const std::string& id);
    bool back();
    bool next();
    bool listen();          // queue the screen's speech
    bool help();            // queue the screen's help words
    bool still_here();      // the big Yes on StillThere
    bool type_text(const std::string& utf8);  // keyboard letters, PIN digits
    bool erase();           // remove the last character
    bool open_staff();      // the app's hidden staff gesture
    // Runs timers: idle, countdown, Thank you return, PIN wait. Call it each
    // loop turn; cheap when nothing is due.
    void tick();
    // How often AskStaff tries again to put the answers on disk.
    static constexpr Millis kRetryMs = 2000;
    // When tick() next has something to do (clock ms), for glfwWaitEventsTimeout.
    Millis next_deadline() const;

    std::optional<SpeechRequest> take_speech();
    bool quit_requested() const { return quit_requested_; }

    // What is being answered now, and what happened to the last finished one.
    const Response& draft() const { return draft_; }
    SaveResult last_save() const { return last_save_; }
    int saved_count() const { return saved_count_; }

private:
    bool accept_tap();
    bool accept_key();
    void leave_staff();
    void go(Screen s);
    void begin_journey();
    void discard_journey();
    void show_question(int index);
    bool tap_question(const std::string& id);
    // A review's steps: its chunks and questions in the order shown.
    void build_steps();
    void show_step(int step);
    int step_of_question(int question) const;
    bool tap_chunk(const std::string& id);
    void build_chunk_view(SessionView& v) const;
    void leave_question_forward();
    void keep_typed_text();
    void finish();
    Response ordered_draft() const;  // the draft with answers in survey order, stamped now
    void keep_unfinished();          // the person left: store what they answered, marked
    bool part_way_at_staff() const;  // staff were opened on a journey with answers given after consent
    void set_answer(const std::string& question_id, const std::string& value);
    std::string answer_of(const std::string& question_id) const;
    bool tap_staff_menu(const std::string& id);
    bool tap_staff_setting(const std::string& id);
    bool tap_staff_export(const std::string& id);
    bool submit_pin();
    void refresh_staff();
    bool on_journey() const;
    void rebuild_view();
    void build_question_view(SessionView& v) const;
    void build_review_view(SessionView& v) const;
    ReviewRow marked_row(const ReviewChunk& chunk) const;
    void build_staff_view(SessionView& v) const;
    // StillThere's number: the seconds left in steps of five (20, 15, 10, 5),
    // then each second: what is shown is what is said, and an idle kiosk
    // draws a frame every five seconds, not every second.
    int countdown_shown() const;
    void say(const std::string& text, bool interrupt = true);

    const Survey& survey_;
    KioskSettings settings_;
    Clock& clock_;
    SessionBackend& backend_;
    SessionView view_;
    Screen screen_ = Screen::Welcome;

    Response draft_;
    int question_index_ = 0;  // the question shown on Question and ConfirmAnswer
    struct Step {
        int question = -1;  // index into survey_.questions, or
        int chunk = -1;     // index into chunks_
    };
    std::vector<ReviewChunk> chunks_;
    std::vector<Step> steps_;  // empty unless the survey is a review
    int step_ = 0;             // the step shown
    bool changing_from_review_ = false;
    std::string confirm_option_;  // ConfirmAnswer: the answer being checked
    std::string text_;            // keyboard words of the screen showing a keyboard
    Screen before_still_there_ = Screen::Welcome;
    Millis last_activity_ = 0;
    Millis countdown_end_ = 0;
    int countdown_spoken_ = 0;
    Millis thank_you_end_ = 0;
    Millis last_tap_ = 0;
    bool tapped_before_ = false;
    Millis settle_from_ = 0;      // when go() last showed a screen, or a tap came too soon
    std::uint64_t shown_count_ = 0;
    std::string last_toggle_;     // choose-many: the answer last chosen or taken away, and when
    Millis last_toggle_at_ = 0;
    Screen staff_return_ = Screen::Welcome;  // where open_staff() was called from
    std::string staff_return_text_;          // the words being typed there
    Millis next_retry_ = 0;                  // AskStaff: the next try to save
    std::string new_pin_;  // StaffSetPin: the first entry while the second is typed
    int wrong_pins_ = 0;
    Millis pin_wait_end_ = 0;
    std::string staff_message_;
    TodayCounts staff_counts_;
    bool staff_pin_on_disk_ = true;
    std::vector<ExportPlace> export_places_;  // as listed on the export screen
    bool quit_requested_ = false;
    int saved_count_ = 0;
    SaveResult last_save_ = SaveResult::Stored;
    std::vector<SpeechRequest> speech_;
};

}  // namespace easyread::kiosk
