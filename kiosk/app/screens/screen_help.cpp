// Help: the screen's help words, large, in a panel over the screen (they are
// also read aloud). Any tap on OK closes it; a new screen closes it too.
#include <algorithm>

#include "kiosk/app/screens/screens.hpp"
#include "kiosk/app/theme.hpp"

namespace easyread::kiosk::ui {

void draw_help(UiContext& ui, const SessionView& view, const ScreenFrame& f) {
    const Metrics& m = ui.metrics;
    const Theme& th = kiosk_theme();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(m.screen_w, m.screen_h), IM_COL32(0, 0, 0, 0x60));
    const float w = std::min(f.content.w(), m.mm(220));
    const float ok_h = std::max(m.target, m.mm(22));
    const float text_h = wrapped_height(ui.fonts.heading, w - 2 * m.mm(8), view.help);
    const float h = std::min(f.content.h(), text_h + ok_h + 3 * m.mm(8));
    const ImVec2 c = f.content.centre();
    Rect panel{ImVec2(c.x - w * 0.5f, c.y - h * 0.5f), ImVec2(c.x + w * 0.5f, c.y + h * 0.5f)};
    dl->AddRectFilled(panel.min, panel.max, to_imgui(th.background), m.mm(3));
    dl->AddRect(panel.min, panel.max, to_imgui(th.button_outline), m.mm(3), 0, m.border);
    Rect words{ImVec2(panel.min.x + m.mm(8), panel.min.y + m.mm(8)), ImVec2(panel.max.x - m.mm(8), panel.max.y - ok_h - m.mm(16))};
    dl->PushClipRect(words.min, words.max, true);
    centred_text(dl, ui.fonts.heading, words, view.help, to_imgui(th.text));
    dl->PopClipRect();
    const float ok_w = std::max(m.target * 2.0f, m.mm(50));
    Rect ok{ImVec2(c.x - ok_w * 0.5f, panel.max.y - ok_h - m.mm(8)), ImVec2(c.x + ok_w * 0.5f, panel.max.y - m.mm(8))};
    if (kiosk_button(ui, "help-close", ok, ButtonLook{"OK", {}, Icon::Tick})) ui.act(UiActionKind::CloseHelp);
}

}  // namespace easyread::kiosk::ui
