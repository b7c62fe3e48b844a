// The app's own screen state (Help, page zoom, keyboard layer, Review's page)
// and the app's half of the double-tap rules, without a window.
#include <catch2/catch.hpp>

#include "kiosk/app/screen_ui_state.hpp"
#include "kiosk/app/tap_guard.hpp"

using namespace easyread::kiosk;
using namespace easyread::kiosk::ui;

namespace {

SessionView view_of(Screen screen, std::uint64_t revision, int question = 0, const std::string& title = "Q") {
    SessionView v;
    v.screen = screen;
    v.revision = revision;
    v.question_number = question;
    v.title = title;
    return v;
}

}  // namespace

TEST_CASE("Help and zoom last for their view, the layer and Review's page for their screen", "[kiosk-ui]") {
    ScreenUiState st;
    SessionView q1 = view_of(Screen::Question, 5, 1, "Did you like it?");
    st.reset_for(q1);
    CHECK(st.apply({UiActionKind::Help, {}}, true, q1, 1));
    CHECK(st.help);
    CHECK(st.apply({UiActionKind::KeyboardLayer, {}}, false, q1, 1));
    CHECK(st.keyboard_layer == 1);
    CHECK(st.apply({UiActionKind::ZoomPage, {}}, false, q1, 1));
    CHECK(st.apply({UiActionKind::ZoomPage, {}}, false, q1, 1));
    CHECK(st.page_zoom == 2);
    CHECK(st.apply({UiActionKind::ZoomPage, {}}, false, q1, 1));
    CHECK(st.page_zoom == 0);  // whole page, top half, bottom half, round again

    // A typed letter changes the view (a new revision): Help and zoom end, the
    // one-capital layer ends after one letter, the screen is the same.
    SessionView typed = view_of(Screen::Question, 6, 1, "Did you like it?");
    CHECK_FALSE(st.apply({UiActionKind::Type, "A"}, true, typed, 1));
    st.reset_for(typed);
    CHECK_FALSE(st.help);
    CHECK(st.keyboard_layer == 0);
    CHECK(st.apply({UiActionKind::KeyboardLayer, {}}, false, typed, 1));
    CHECK(st.apply({UiActionKind::KeyboardLayer, {}}, false, typed, 1));
    CHECK(st.keyboard_layer == 2);  // digits stay until switched back
    CHECK_FALSE(st.apply({UiActionKind::Type, "7"}, true, typed, 1));
    CHECK(st.keyboard_layer == 2);
    // A small screen's second page of keys stays while typing; another layer starts at its first page.
    CHECK(st.apply({UiActionKind::KeyboardPage, {}}, false, typed, 1));
    CHECK(st.keyboard_page == 1);
    CHECK_FALSE(st.apply({UiActionKind::Type, "%"}, true, typed, 1));
    st.reset_for(typed);
    CHECK(st.keyboard_page == 1);
    CHECK(st.apply({UiActionKind::KeyboardLayer, {}}, false, typed, 1));
    CHECK(st.keyboard_page == 0);
    CHECK(st.apply({UiActionKind::KeyboardLayer, {}}, false, typed, 1));
    CHECK(st.apply({UiActionKind::KeyboardLayer, {}}, false, typed, 1));
    CHECK(st.keyboard_layer == 2);
    CHECK(st.apply({UiActionKind::KeyboardPage, {}}, false, typed, 1));

    // Review's page moves within its pages and starts again on another screen.
    SessionView review = view_of(Screen::Review, 7, 0, "Your answers");
    st.reset_for(review);
    CHECK(st.keyboard_layer == 0);
    CHECK(st.keyboard_page == 0);
    CHECK(st.apply({UiActionKind::ReviewDown, {}}, false, review, 3));
    CHECK(st.apply({UiActionKind::ReviewDown, {}}, false, review, 3));
    CHECK(st.apply({UiActionKind::ReviewDown, {}}, false, review, 3));
    CHECK(st.review_page == 2);
    CHECK(st.apply({UiActionKind::ReviewUp, {}}, false, review, 3));
    CHECK(st.review_page == 1);
    st.reset_for(view_of(Screen::Review, 8, 0, "Your answers"));  // same screen, new revision
    CHECK(st.review_page == 1);
    st.reset_for(view_of(Screen::Question, 9, 2, "Could you hear?"));
    CHECK(st.review_page == 0);
    // Change from Review's page 3 comes back to page 3 (through the question
    // and its "Is that right?"); a new person's Review starts at page 1.
    st.reset_for(review);
    CHECK(st.review_page == 1);
    CHECK(st.apply({UiActionKind::ReviewDown, {}}, false, review, 3));
    CHECK(st.review_page == 2);
    st.reset_for(view_of(Screen::Question, 10, 2, "Could you hear?"));
    st.reset_for(view_of(Screen::ConfirmAnswer, 11, 2, "You chose No. Is that right?"));
    st.reset_for(view_of(Screen::Review, 12, 0, "Your answers"));
    CHECK(st.review_page == 2);
    st.reset_for(view_of(Screen::ThankYou, 13, 0, "Thank you"));
    st.reset_for(view_of(Screen::Welcome, 14, 0, "Welcome"));
    st.reset_for(view_of(Screen::Consent, 15, 0, "OK?"));
    st.reset_for(view_of(Screen::Review, 16, 0, "Your answers"));
    CHECK(st.review_page == 0);
    CHECK_FALSE(st.apply({UiActionKind::Option, "happy"}, true, q1, 1));  // the session's, not the app's
}

TEST_CASE("the tap guard: a press before the screen was drawn, or before it settled, is refused", "[kiosk-ui]") {
    TapGuard guard;
    ScreenUiState st;
    const UiAction tap{UiActionKind::Option, "happy"};
    guard.frame_begun(1, st, 10, false, 1000);  // screen 1 first drawn in frame 10
    guard.frame_begun(1, st, 11, true, 2000);   // a press in frame 11, after the settle time
    CHECK(guard.refuse(tap, 2100, 1000) == nullptr);

    guard.frame_begun(2, st, 12, true, 2200);  // screen 2 drawn; a press seen in the same frame
    CHECK(std::string(guard.refuse(tap, 2250, 1000)) == "press-before-shown");
    guard.frame_begun(2, st, 13, true, 2700);  // pressed again after it was drawn, 500 ms in
    CHECK(std::string(guard.refuse(tap, 2750, 1000)) == "settling");
    CHECK(std::string(guard.refuse(tap, 3700, 1000)) == "settling");  // the refused tap started the wait again
    CHECK(std::string(guard.refuse(tap, 4699, 1000)) == "settling");
    CHECK(guard.refuse(tap, 5699, 1000) == nullptr);  // a second after the last refused tap
    CHECK(guard.refuse({UiActionKind::Type, "a"}, 5699, 1000) == nullptr);

    // Help's panel opening is a new sight too; keys never wait.
    ScreenUiState help = st;
    help.help = true;
    const std::uint64_t sights = guard.sights();
    guard.frame_begun(2, help, 14, false, 6000);
    CHECK(guard.sights() == sights + 1);
    guard.frame_begun(2, help, 15, true, 6100);
    CHECK(std::string(guard.refuse({UiActionKind::CloseHelp, {}}, 6100, 1000)) == "settling");
    CHECK(guard.refuse({UiActionKind::Erase, {}}, 6100, 1000) == nullptr);
}

TEST_CASE("a chunk's words over pages: Next and Back turn its pages first, each chunk starts on its first", "[kiosk-ui][review]") {
    ScreenUiState st;
    SessionView c1 = view_of(Screen::Chunk, 5, 0, "Touch a word you do not understand.");
    c1.document_page = 2;
    c1.chunk_number = 1;
    st.reset_for(c1);
    const UiAction next{UiActionKind::Next, {}}, back{UiActionKind::Back, {}};
    CHECK(st.route(back, c1, 3).kind == UiActionKind::Back);  // first page: Back leaves the chunk
    CHECK(st.route(next, c1, 3).kind == UiActionKind::ReviewDown);
    CHECK(st.apply(st.route(next, c1, 3), false, c1, 3));
    CHECK(st.apply(st.route(next, c1, 3), false, c1, 3));
    CHECK(st.review_page == 2);
    CHECK(st.route(next, c1, 3).kind == UiActionKind::Next);  // last page: Next goes on
    CHECK(st.route(back, c1, 3).kind == UiActionKind::ReviewUp);
    CHECK(st.route(UiAction{UiActionKind::Option, "word:home"}, c1, 3).kind == UiActionKind::Option);
    // The next chunk (same title) starts on its first page of words.
    SessionView c2 = c1;
    c2.revision = 6;
    c2.chunk_number = 2;
    st.reset_for(c2);
    CHECK(st.review_page == 0);
    // Elsewhere Next is Next.
    SessionView q = view_of(Screen::Question, 7, 1);
    st.reset_for(q);
    CHECK(st.route(next, q, 3).kind == UiActionKind::Next);
}
