// Staff screen shown when the kiosk refuses to start (a survey with mistakes,
// a changed survey with the same version, a screen too small for 20 mm
// buttons): the problems in plain words, as
// printed on the terminal, and a Close button. Nobody can answer until staff
// fix the file and start the kiosk again.
#include <algorithm>

#include "kiosk/app/screens/screens.hpp"
#include "kiosk/app/theme.hpp"

namespace easyread::kiosk::ui {

void draw_refused(UiContext& ui, const Refusal& refusal) {
    const Metrics& m = ui.metrics;
    const Theme& th = kiosk_theme();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(m.screen_w, m.screen_h));
    ImGui::Begin("refused", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoScrollWithMouse);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ScreenFrame f = frame_layout(m);
    Rect band{ImVec2(m.margin, m.margin), ImVec2(m.screen_w - m.margin, f.back.max.y)};
    dl->AddRectFilled(band.min, band.max, to_imgui(th.staff), 12);
    centred_text(dl, ui.fonts.heading, band, refusal.title, IM_COL32_WHITE);
    Rect words{ImVec2(f.content.min.x, f.content.min.y), ImVec2(f.content.max.x, f.content.max.y)};
    dl->AddRectFilled(words.min, words.max, to_imgui(th.warning_fill), m.mm(2));
    dl->PushClipRect(words.min, words.max, true);
    left_text(dl, ui.fonts.body, ImVec2(words.min.x + m.mm(3), words.min.y + m.mm(3)), words.w() - m.mm(6),
              refusal.words, to_imgui(th.text));
    dl->PopClipRect();
    if (kiosk_button(ui, "refused-close", f.help, ButtonLook{"Close", {}, Icon::Tick})) ui.act(UiActionKind::Back);
    ImGui::End();
}

}  // namespace easyread::kiosk::ui
