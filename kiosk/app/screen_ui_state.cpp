#include "kiosk/app/screen_ui_state.hpp"

#include <algorithm>

namespace easyread::kiosk::ui {

void ScreenUiState::reset_for(const SessionView& view) {
    if (view.revision != revision_) {
        help = false;
        page_zoom = 0;
        revision_ = view.revision;
    }
    std::string key = std::to_string(static_cast<int>(view.screen)) + " " + std::to_string(view.question_number) +
                      " " + view.title + (view.screen == Screen::Chunk ? " " + std::to_string(view.document_page) + "." + std::to_string(view.chunk_number) : std::string());
    if (key != screen_key_) {
        keyboard_layer = 0;
        keyboard_page = 0;
        // Change from Review's page 3 comes back to page 3; a new person's Review starts at page 1.
        if (screen_ == Screen::Review) kept_review_page_ = review_page;
        if (view.screen == Screen::Welcome) kept_review_page_ = 0;
        review_page = view.screen == Screen::Review ? kept_review_page_ : 0;
        screen_key_ = std::move(key);
        screen_ = view.screen;
    }
}

bool ScreenUiState::apply(const UiAction& action, bool taken, const SessionView& view, int review_pages) {
    switch (action.kind) {
        case UiActionKind::ZoomPage:
            page_zoom = view.revision == revision_ ? (page_zoom + 1) % 3 : 1;
            revision_ = view.revision;
            return true;
        case UiActionKind::CloseHelp:
            help = false;
            return true;
        case UiActionKind::KeyboardLayer:
            keyboard_layer = (keyboard_layer + 1) % 3;
            keyboard_page = 0;
            return true;
        case UiActionKind::KeyboardPage:
            ++keyboard_page;
            return true;
        case UiActionKind::ReviewUp:
        case UiActionKind::ReviewDown:
            review_page = std::clamp(review_page + (action.kind == UiActionKind::ReviewDown ? 1 : -1), 0,
                                     std::max(0, review_pages - 1));
            return true;
        case UiActionKind::Help:
            // Help's words stay until OK or until the view changes (speech alone does not change it).
            reset_for(view);
            help = true;
            return true;
        case UiActionKind::Type:
            if (taken && keyboard_layer == 1) keyboard_layer = 0;  // one capital, as on a phone
            return false;
        default:
            return false;
    }
}

UiAction ScreenUiState::route(const UiAction& action, const SessionView& view, int word_pages) const {
    if (view.screen != Screen::Chunk || help) return action;
    if (action.kind == UiActionKind::Next && review_page + 1 < word_pages) return {UiActionKind::ReviewDown, {}};
    if (action.kind == UiActionKind::Back && review_page > 0) return {UiActionKind::ReviewUp, {}};
    return action;
}

void ScreenUiState::show_in(UiContext& ui) const {
    ui.show_help = help;
    ui.page_zoom = page_zoom;
    ui.keyboard_layer = keyboard_layer;
    ui.keyboard_page = keyboard_page;
    ui.review_page = review_page;
}

}  // namespace easyread::kiosk::ui
