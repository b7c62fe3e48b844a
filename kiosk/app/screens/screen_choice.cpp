// Consent, Who is answering, a question, and "You chose sad. Is that right?":
// the title with its picture, extra words, then the answers as large pictures.
#include <algorithm>
#include <cstdint>

#include "screens/screens.hpp"
#include "theme.hpp"

namespace easyread::kiosk::ui {

namespace {

// A page question: the page on the left, as large as the screen allows (it is
// what is being judged), the question and the faces on the right.
bool draw_page_question(UiContext& ui, const SessionView& view, const ScreenFrame& f) {
    const Metrics& m = ui.metrics;
    const float page_w = f.content.w() * 0.42f;
    ImVec2 drawn;
    unsigned tex = ui.page(view.document_page, page_w, f.content.h(), drawn);
    if (!tex) return false;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 at(f.content.min.x + (page_w - drawn.x) * 0.5f, f.content.min.y);
    dl->AddRectFilled(ImVec2(at.x + 4, at.y + 4), ImVec2(at.x + drawn.x + 4, at.y + drawn.y + 4), IM_COL32(0, 0, 0, 0x40));
    dl->AddImage(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(tex)), at, ImVec2(at.x + drawn.x, at.y + drawn.y));
    dl->AddRect(at, ImVec2(at.x + drawn.x, at.y + drawn.y), to_imgui(kiosk_theme().button_outline), 0, 0, 2.0f);
    Rect right{ImVec2(f.content.min.x + page_w + m.mm(6), f.content.min.y), f.content.max};
    float y = right.min.y;
    std::string page = "Page " + std::to_string(view.document_page);
    y += centred_text(dl, ui.fonts.body, Rect{ImVec2(right.min.x, y), ImVec2(right.max.x, y + m.text * 1.3f)}, page,
                      to_imgui(kiosk_theme().text)) + m.mm(1);
    y += draw_title(ui, Rect{ImVec2(right.min.x, y), right.max}, view.title, {}) + m.mm(3);
    std::vector<Rect> rects = choice_grid(m, Rect{ImVec2(right.min.x, y), right.max}, static_cast<int>(view.choices.size()), m.mm(50));
    draw_choices(ui, view.choices, rects);
    return true;
}

}  // namespace

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
