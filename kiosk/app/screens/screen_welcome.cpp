// Welcome: the title and one huge Start picture button.
#include <algorithm>
#include <cmath>

#include "kiosk/app/screens/screens.hpp"
#include "kiosk/app/theme.hpp"

namespace easyread::kiosk::ui {

void draw_welcome(UiContext& ui, const SessionView& view, const ScreenFrame& f) {
    const Metrics& m = ui.metrics;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float title_h = ui.fonts.title->FontSize * 1.3f;
    centred_text(dl, ui.fonts.title, Rect{f.content.min, ImVec2(f.content.max.x, f.content.min.y + title_h)}, view.title,
                 to_imgui(kiosk_theme().text));
    Rect area{ImVec2(f.content.min.x, f.content.min.y + title_h + m.mm(4)), f.content.max};
    float side = std::min({area.h(), area.w() * 0.5f, m.mm(110)});
    if (view.animate) side *= 0.95f + 0.05f * static_cast<float>(std::sin(ui.time_s * 2.0));  // a gentle breathing
    ImVec2 c = area.centre();
    Rect button{ImVec2(c.x - side * 0.6f, c.y - side * 0.5f), ImVec2(c.x + side * 0.6f, c.y + side * 0.5f)};
    if (!view.choices.empty()) {
        const Choice& start = view.choices.front();
        ButtonLook look{start.label, start.picture};
        look.font = ui.fonts.title;
        std::string name = "option:" + start.id;
        if (kiosk_button(ui, name.c_str(), button, look)) ui.act(UiActionKind::Option, start.id);
    }
}

}  // namespace easyread::kiosk::ui
