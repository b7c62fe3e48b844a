// Thank you, and "Are you still there?" with its countdown.
#include <algorithm>

#include "kiosk/app/screens/screens.hpp"
#include "kiosk/app/theme.hpp"

namespace easyread::kiosk::ui {

namespace {
constexpr float kPi = 3.14159265f;
}

void draw_thank_you(UiContext& ui, const SessionView& view, const ScreenFrame& f) {
    const Metrics& m = ui.metrics;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 ink = to_imgui(kiosk_theme().text);
    float y = f.content.min.y;
    float title_h = ui.fonts.title->FontSize * 1.3f;
    centred_text(dl, ui.fonts.title, Rect{ImVec2(f.content.min.x, y), ImVec2(f.content.max.x, y + title_h)}, view.title, ink);
    y += title_h;
    if (!view.body.empty())
        y += centred_text(dl, ui.fonts.heading, Rect{ImVec2(f.content.min.x, y), ImVec2(f.content.max.x, f.content.max.y)},
                          view.body, ink, false) + m.mm(4);
    Rect rest{ImVec2(f.content.min.x, y), f.content.max};
    float pic = std::min(rest.h() * 0.45f, m.mm(50));
    if (ui.has_picture(view.picture)) {
        draw_picture(ui, view.picture, Rect{ImVec2(rest.centre().x - pic * 0.5f, y), ImVec2(rest.centre().x + pic * 0.5f, y + pic)});
        y += pic + m.mm(4);
    }
    std::vector<Rect> rects = choice_grid(m, Rect{ImVec2(f.content.min.x, y), f.content.max},
                                          static_cast<int>(view.choices.size()), m.mm(45));
    draw_choices(ui, view.choices, rects);
}

void draw_still_there(UiContext& ui, const SessionView& view, const ScreenFrame& f) {
    const Metrics& m = ui.metrics;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Theme& th = kiosk_theme();
    const ImU32 ink = to_imgui(th.text);
    dl->AddRectFilled(f.content.min, f.content.max, to_imgui(th.warning_fill), m.mm(4));
    float y = f.content.min.y + m.mm(4);
    float title_h = ui.fonts.title->FontSize * 1.3f;
    centred_text(dl, ui.fonts.title, Rect{ImVec2(f.content.min.x, y), ImVec2(f.content.max.x, y + title_h)}, view.title, ink);
    y += title_h + m.mm(2);
    // The seconds left, large, with a ring that empties.
    float r = std::min(m.mm(18), (f.content.max.y - y) * 0.2f);
    ImVec2 c(f.content.centre().x, y + r);
    dl->AddCircle(c, r, IM_COL32(0xC8, 0xC8, 0xC8, 0xFF), 48, m.border * 1.5f);
    float share = view.countdown_seconds / 20.0f;
    if (share > 0) {
        dl->PathArcTo(c, r, -kPi * 0.5f, -kPi * 0.5f + 2 * kPi * std::min(1.0f, share), 48);
        dl->PathStroke(to_imgui(th.chosen), 0, m.border * 2.0f);
    }
    centred_text(dl, ui.fonts.title, Rect{ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r)},
                 std::to_string(view.countdown_seconds), ink);
    y += 2 * r + m.mm(4);
    if (!view.body.empty())
        y += centred_text(dl, ui.fonts.body, Rect{ImVec2(f.content.min.x, y), ImVec2(f.content.max.x, f.content.max.y)}, view.body,
                          ink, false) + m.mm(2);
    std::vector<Rect> rects = choice_grid(m, Rect{ImVec2(f.content.min.x, y), ImVec2(f.content.max.x, f.content.max.y - m.mm(3))},
                                          static_cast<int>(view.choices.size()), m.mm(70));
    for (std::size_t i = 0; i < view.choices.size() && i < rects.size(); ++i) {
        const Choice& ch = view.choices[i];
        ButtonLook look{ch.label, ch.picture};
        look.font = ui.fonts.title;
        std::string name = "option:" + ch.id;
        if (kiosk_button(ui, name.c_str(), rects[i], look)) ui.act(UiActionKind::StillHere);
    }
}

}  // namespace easyread::kiosk::ui
