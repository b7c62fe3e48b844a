// The screen state the session does not hold, in one place: Help's panel and
// a page's zoom belong to the view they were asked on; the keyboard's layer
// and Review's page last while the same screen shows. The loop calls
// reset_for() with each view before drawing and apply() with each tap.
#pragma once
#include <cstdint>
#include <string>

#include "kiosk/core/session.hpp"
#include "kiosk/app/ui_context.hpp"

namespace easyread::kiosk::ui {

struct ScreenUiState {
    bool help = false;       // Help's words over the screen
    int page_zoom = 0;       // page questions: 0 the whole page, 1 its top half, 2 its bottom half
    int keyboard_layer = 0;  // 0 small letters, 1 one capital letter, 2 digits and signs
    int keyboard_page = 0;   // the layer's page of keys on a small screen (taken round while drawing)
    int review_page = 0;     // Review's page of answers

    // Ends Help and zoom when the view changes, and the layer when another
    // screen (or question) shows. Review's page is kept while a Change is
    // made and shown again when Review comes back; Welcome forgets it.
    void reset_for(const SessionView& view);
    // The app's own taps (close Help, zoom, layer, Review's pages) change
    // this state and return true; a tap the session took (`taken`) may too:
    // Help opens its panel, a typed capital ends the capital layer.
    // `view` is the session's view after the tap; `review_pages` as last drawn.
    bool apply(const UiAction& action, bool taken, const SessionView& view, int review_pages);
    // On a review's chunk whose words go over pages, Next shows the next page
    // of words before the next chunk, and Back the page before: nobody skips
    // words they were not shown. Other actions come back as they are.
    UiAction route(const UiAction& action, const SessionView& view, int word_pages) const;
    // Copies the state into what the screens read.
    void show_in(UiContext& ui) const;

    // What a person sees besides the session's screen: a change is a new sight (double-tap rule).
    bool same_sight(const ScreenUiState& o) const {
        return help == o.help && page_zoom == o.page_zoom && review_page == o.review_page;
    }
    bool operator==(const ScreenUiState& o) const {
        return same_sight(o) && keyboard_layer == o.keyboard_layer && keyboard_page == o.keyboard_page;
    }
    bool operator!=(const ScreenUiState& o) const { return !(*this == o); }

private:
    std::uint64_t revision_ = ~std::uint64_t{0};  // the view Help and zoom belong to
    std::string screen_key_;                      // screen, question and title the layer and page belong to
    Screen screen_ = Screen::Welcome;             // the screen of screen_key_
    int kept_review_page_ = 0;                    // Review's page when a Change left it
};

}  // namespace easyread::kiosk::ui
