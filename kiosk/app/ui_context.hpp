// What every screen's draw function may read (sizes, fonts, pictures) and the
// one thing it may write: the taps it saw, as UiActions. Screens keep no state.
#pragma once
#include <string>
#include <vector>

#include <imgui.h>

#include "kiosk/app/fonts.hpp"
#include "kiosk/app/metrics.hpp"

namespace easyread::symbols {
class Bank;
}

namespace easyread::kiosk::ui {

class PictureTextures;
class DocumentPages;

enum class UiActionKind {
    Option, Back, Next, Listen, Help, StillHere, Type, Erase, OpenStaff, CloseHelp, ZoomPage, KeyboardLayer,
    KeyboardPage,  // the letters' next page on a small screen
    ReviewUp, ReviewDown  // Review's page buttons (the app's own, like the keyboard layer)
};

struct UiAction {
    UiActionKind kind;
    std::string value;  // option id for Option, characters for Type
};

// Where a tappable control was drawn this frame, so scripted taps and the
// end-to-end tests can find it by name ("option:happy", "back", "key:a").
struct TapTarget {
    std::string name;
    ImVec2 min, max;
};

struct UiContext {
    Metrics metrics;
    KioskFonts fonts;
    PictureTextures* textures = nullptr;
    const symbols::Bank* bank = nullptr;
    const DocumentPages* document = nullptr;  // pages for {each=page} questions; may be null
    bool speaking = false;  // Listen shows that words are being read
    std::string speech_status;  // staff menu: whether speech works and is heard ("no sound device")
    std::string dpi_source;     // staff menu: where the dpi in use came from ("from --dpi")
    std::string survey_warnings;  // staff menu: the survey file's warnings with file:line, one a line
    bool show_help = false;  // Help was tapped on this view: its words are shown over the screen
    int page_zoom = 0;       // page questions: 0 the whole page, 1 its top half large, 2 its bottom half
    int keyboard_layer = 0;  // 0 small letters, 1 one capital letter, 2 digits and signs
    int keyboard_page = 0;   // the layer's page of keys on a small screen (clamped while drawing)
    int review_page = 0;     // Review: the page of answers shown (clamped while drawing)
    double time_s = 0;      // for the optional Welcome animation

    // Written while drawing.
    std::vector<UiAction> actions;
    std::vector<TapTarget> targets;
    // Things shown that are not buttons but must be seen whole (Review's
    // answers: "answer:<question>:<option>", "words:<question>"), for the trace and tests.
    std::vector<TapTarget> shown;
    int review_pages = 1;  // Review: how many pages its answers take
    int keyboard_pages = 1;  // the keyboard: how many pages its layer's keys take (for the trace and tests)

    void act(UiActionKind kind, std::string value = {}) { actions.push_back({kind, std::move(value)}); }
    // GL texture of a bank picture at `size_px`, or 0 (the button then shows its words only).
    unsigned picture(const std::string& picture_id, float size_px) const;
    bool has_picture(const std::string& picture_id) const;
    // GL texture of a picture file (a review's chunk picture, from its document) at `size_px`, or 0.
    unsigned picture_file(const std::string& path, float size_px) const;
    // A page of the survey's document fitted in width x height; 0 when there is none.
    // Also gives the drawn size, which keeps the page's shape.
    unsigned page(int number, float width, float height, ImVec2& drawn) const;
};

}  // namespace easyread::kiosk::ui
