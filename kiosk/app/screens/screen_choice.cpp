// Consent, Who is answering, a question, and "You chose sad. Is that right?":
// the title with its picture, extra words, then the answers as large pictures.
#include <algorithm>

#include "kiosk/app/screens/screens.hpp"
#include "kiosk/app/theme.hpp"

namespace easyread::kiosk::ui {

void draw_choice_screen(UiContext& ui, const SessionView& view, const ScreenFrame& f) {
    if (view.document_page > 0 && draw_page_question(ui, view, f)) return;
    const Metrics& m = ui.metrics;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // The answers come first: the title and words take what their 20 mm buttons leave.
    const float grid_h = choice_grid_min_height(m, f.content.w(), static_cast<int>(view.choices.size()));
    const float room = f.content.h() - grid_h - m.mm(2);
    float y = f.content.min.y;
    y += draw_title(ui, f.content, view.title, view.picture, std::max(m.text * 1.15f, room - m.mm(3))) + m.mm(3);
    if (!view.body.empty()) {
        float w = std::min(f.content.w(), m.mm(240));
        const float body_max = std::max(0.0f, f.content.min.y + room - y);
        Rect box{ImVec2(f.content.centre().x - w * 0.5f, y), ImVec2(f.content.centre().x + w * 0.5f, y + body_max)};
        // Cut only when the screen has no room left for the words (they are read aloud whole).
        dl->PushClipRect(box.min, ImVec2(box.max.x, std::max(box.min.y, box.max.y)), true);
        y += std::min(body_max, centred_text(dl, ui.fonts.body, box, view.body, to_imgui(kiosk_theme().text), false)) + m.mm(3);
        dl->PopClipRect();
    }
    Rect answers{ImVec2(f.content.min.x, y + m.mm(2)), f.content.max};
    // Answers are the biggest things on the screen: up to 60 mm square.
    std::vector<Rect> rects = choice_grid(m, answers, static_cast<int>(view.choices.size()), m.mm(60));
    draw_choices(ui, view.choices, rects);
}

}  // namespace easyread::kiosk::ui
