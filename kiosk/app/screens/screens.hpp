// Drawing is a function of the session's view: each screen reads the view,
// draws, and reports taps as UiActions. Nothing here changes the session.
#pragma once
#include "kiosk/core/session.hpp"
#include "kiosk/app/screens/screen_frame.hpp"

namespace easyread::kiosk::ui {

// Picks the screen's draw function; the whole window is one ImGui window.
void draw_screen(UiContext& ui, const SessionView& view);

// One per screen or small group (screen_*.cpp).
void draw_welcome(UiContext& ui, const SessionView& view, const ScreenFrame& f);
void draw_choice_screen(UiContext& ui, const SessionView& view, const ScreenFrame& f);  // consent, who, question, confirm
// A page question: the page beside the faces; tapping the page shows its top
// half, then its bottom half, large. False when there is no page to show.
bool draw_page_question(UiContext& ui, const SessionView& view, const ScreenFrame& f);
void draw_keyboard_screen(UiContext& ui, const SessionView& view, const ScreenFrame& f);  // comment, event name
// Whether the 20 mm keyboard fits on the content area under a title `title_h`
// high, with at least two rows of letters a page (a screen where it does not
// is refused at start).
bool keyboard_fits(const Metrics& m, const Rect& content, float title_h);
void draw_review(UiContext& ui, const SessionView& view, const ScreenFrame& f);
// A review's chunk: its page, its picture and each word as targets (Up and Down when the words need pages).
void draw_chunk(UiContext& ui, const SessionView& view, const ScreenFrame& f);
// Up and Down (review-up, review-down) at the ends of `column`, "page / pages"
// between them: for a screen whose rows or words go on over pages.
void draw_up_down(UiContext& ui, const Rect& column, int page, int pages);
void draw_thank_you(UiContext& ui, const SessionView& view, const ScreenFrame& f);
void draw_still_there(UiContext& ui, const SessionView& view, const ScreenFrame& f);
void draw_staff_pin(UiContext& ui, const SessionView& view, const ScreenFrame& f);
void draw_staff_menu(UiContext& ui, const SessionView& view, const ScreenFrame& f);
// Why the kiosk cannot start, for staff: a title, the problems as printed on
// the terminal, and what to do.
struct Refusal {
    std::string title;  // "Staff: this survey cannot start"
    std::string words;
};
// The staff screen for a refusal: its words and Close (a Back action).
void draw_refused(UiContext& ui, const Refusal& refusal);
// Help's words in a panel over the screen, with a large OK that closes it.
void draw_help(UiContext& ui, const SessionView& view, const ScreenFrame& f);

// The box showing words typed so far (dots when masked); shared by the keyboards.
void draw_text_box(UiContext& ui, const Rect& box, const std::string& text, bool masked);

}  // namespace easyread::kiosk::ui
