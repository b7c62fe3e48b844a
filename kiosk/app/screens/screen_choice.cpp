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
    float y = f.content.min.y;
    y += draw_title(ui, f.content, view.title, view.picture) + m.mm(3);
    if (!view.body.empty()) {
        float w = std::min(f.content.w(), m.mm(240));
        Rect box{ImVec2(f.content.centre().x - w * 0.5f, y), ImVec2(f.content.centre().x + w * 0.5f, f.content.max.y)};
        y += centred_text(dl, ui.fonts.body, box, view.body, to_imgui(kiosk_theme().text), false) + m.mm(3);
    }
    Rect answers{ImVec2(f.content.min.x, y + m.mm(2)), f.content.max};
    // Answers are the biggest things on the screen: up to 60 mm square.
    std::vector<Rect> rects = choice_grid(m, answers, static_cast<int>(view.choices.size()), m.mm(60));
    draw_choices(ui, view.choices, rects);
}

}  // namespace easyread::kiosk::ui
