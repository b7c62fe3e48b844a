// Page questions of the "easy to understand" survey: the page being judged,
// as large as the screen allows, beside the faces (above them on a tablet upright). A page's words are small
// at that size, so a tap on the page shows its top half, a second tap its
// bottom half, a third the whole page again.
#include <algorithm>
#include <cstdint>

#include "kiosk/app/screens/screens.hpp"
#include "kiosk/app/theme.hpp"

namespace easyread::kiosk::ui {

namespace {

void page_outline(ImDrawList* dl, ImVec2 a, ImVec2 b) {
    dl->AddRectFilled(ImVec2(a.x + 4, a.y + 4), ImVec2(b.x + 4, b.y + 4), IM_COL32(0, 0, 0, 0x40));
}

// The page button: tapping it steps the zoom.
void page_button(UiContext& ui, ImVec2 a, ImVec2 b) {
    ImGui::SetCursorScreenPos(a);
    if (ImGui::InvisibleButton("##page", ImVec2(b.x - a.x, b.y - a.y))) ui.act(UiActionKind::ZoomPage);
    ui.targets.push_back({"page", a, b});
}

bool draw_zoomed(UiContext& ui, const SessionView& view, const ScreenFrame& f) {
    // Twice the height of the content area, so each half fills it.
    ImVec2 drawn;
    unsigned tex = ui.page(view.document_page, f.content.w(), f.content.h() * 2.0f, drawn);
    if (!tex) return false;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float half = drawn.y * 0.5f;
    const ImVec2 a(f.content.centre().x - drawn.x * 0.5f, f.content.min.y), b(a.x + drawn.x, a.y + half);
    const float v0 = ui.page_zoom == 1 ? 0.0f : 0.5f;
    page_outline(dl, a, b);
    dl->AddImage(as_texture(tex), a, b, ImVec2(0, v0), ImVec2(1, v0 + 0.5f));
    dl->AddRect(a, b, to_imgui(kiosk_theme().button_outline), 0, 0, 2.0f);
    page_button(ui, a, b);
    return true;
}

}  // namespace

bool draw_page_question(UiContext& ui, const SessionView& view, const ScreenFrame& f) {
    if (ui.page_zoom > 0) return draw_zoomed(ui, view, f);
    const Metrics& m = ui.metrics;
    // Beside the faces on a wide screen; above them on a tall one (a tablet
    // upright), where the page can take the width.
    const bool upright = f.content.h() > f.content.w() * 1.1f;
    const float page_w = upright ? f.content.w() : f.content.w() * 0.42f;
    const float page_h = upright ? f.content.h() * 0.45f : f.content.h();
    ImVec2 drawn;
    unsigned tex = ui.page(view.document_page, page_w, page_h, drawn);
    if (!tex) return false;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 ink = to_imgui(kiosk_theme().text);
    const ImVec2 a(f.content.min.x + (page_w - drawn.x) * 0.5f, f.content.min.y), b(a.x + drawn.x, a.y + drawn.y);
    page_outline(dl, a, b);
    dl->AddImage(as_texture(tex), a, b);
    dl->AddRect(a, b, to_imgui(kiosk_theme().button_outline), 0, 0, 2.0f);
    page_button(ui, a, b);
    Rect right = upright ? Rect{ImVec2(f.content.min.x, b.y + m.mm(3)), f.content.max}
                         : Rect{ImVec2(f.content.min.x + page_w + m.mm(6), f.content.min.y), f.content.max};
    float y = right.min.y;
    std::string page = "Page " + std::to_string(view.document_page);
    y += centred_text(dl, ui.fonts.body, Rect{ImVec2(right.min.x, y), ImVec2(right.max.x, y + m.text * 1.3f)}, page, ink) + m.mm(1);
    const float grid_h = choice_grid_min_height(m, right.w(), static_cast<int>(view.choices.size()));
    y += draw_title(ui, Rect{ImVec2(right.min.x, y), right.max}, view.title, {},
                    std::max(m.text * 1.15f, right.max.y - y - grid_h - m.mm(3))) + m.mm(3);
    std::vector<Rect> rects =
        choice_grid(m, Rect{ImVec2(right.min.x, y), right.max}, static_cast<int>(view.choices.size()), m.mm(50));
    draw_choices(ui, view.choices, rects);
    return true;
}

}  // namespace easyread::kiosk::ui
