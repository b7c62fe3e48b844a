#include "kiosk/app/screens/screens.hpp"

namespace easyread::kiosk::ui {

void draw_screen(UiContext& ui, const SessionView& view) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(ui.metrics.screen_w, ui.metrics.screen_h));
    ImGui::Begin("kiosk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    const ScreenFrame f = frame_layout(ui.metrics);
    const bool help = ui.show_help && !view.help.empty();
    if (help) ImGui::BeginDisabled();  // the screen underneath ignores taps while Help is open
    switch (view.screen) {
        case Screen::Welcome: draw_welcome(ui, view, f); break;
        case Screen::Review: draw_review(ui, view, f); break;
        case Screen::Chunk: draw_chunk(ui, view, f); break;
        case Screen::ThankYou:
        case Screen::AskStaff: draw_thank_you(ui, view, f); break;  // words and a picture, calm
        case Screen::StillThere: draw_still_there(ui, view, f); break;
        case Screen::StaffSetPin:
        case Screen::StaffPin: draw_staff_pin(ui, view, f); break;
        case Screen::StaffMenu: draw_staff_menu(ui, view, f); break;
        case Screen::StaffSettings:
        case Screen::StaffExport: draw_choice_screen(ui, view, f); break;
        case Screen::StaffEventName:
        case Screen::AnythingElse: draw_keyboard_screen(ui, view, f); break;
        case Screen::Consent:
        case Screen::WhoIsAnswering:
        case Screen::ConfirmAnswer:
        case Screen::ConfirmDiscard:
        case Screen::Question:
            if (view.keyboard == Keyboard::Letters)
                draw_keyboard_screen(ui, view, f);  // a comment question
            else
                draw_choice_screen(ui, view, f);
            break;
    }
    draw_frame(ui, view, f);
    if (help) ImGui::EndDisabled();
    ImGui::End();
    if (help) {
        // Help's panel in its own window on top: the screen's (disabled)
        // buttons underneath can never take the tap meant for its OK.
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(ui.metrics.screen_w, ui.metrics.screen_h));
        ImGui::Begin("help", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground);
        draw_help(ui, view, f);
        ImGui::End();
    }
}

}  // namespace easyread::kiosk::ui
