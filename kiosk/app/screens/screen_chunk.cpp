// A review's chunk: the page it is on (small, as printed), the chunk's
// picture as one large target ("This picture does not help") and each of its
// words as a target of its own, at least 20 mm, in reading order. A marked
// word or picture has the chosen look (thick outline, tint and a tick: never
// colour alone). Words that do not fit go on over pages, with Up and Down.
#include <algorithm>
#include <cfloat>
#include <map>

#include "kiosk/app/screens/screens.hpp"
#include "kiosk/app/theme.hpp"

namespace easyread::kiosk::ui {

namespace {

struct WordBox {
    std::size_t choice;  // index into view.choices
    Rect r;
    int page;
};

// Word buttons flowed left to right, row by row, pages when the rows run out.
std::vector<WordBox> flow_words(const UiContext& ui, const SessionView& view, const Rect& area, float tick_d, int& pages) {
    const Metrics& m = ui.metrics;
    ImFont* font = ui.fonts.heading;
    const float pad = m.mm(3);
    const float h = std::max(m.target, font->FontSize * 1.15f + pad * 2);
    const float gap = std::max(m.gap, m.mm(4));
    std::vector<WordBox> out;
    float x = area.min.x, y = area.min.y;
    int page = 0;
    for (std::size_t i = 0; i < view.choices.size(); ++i) {
        if (view.choices[i].id.rfind("word:", 0) != 0) continue;
        const std::string& label = view.choices[i].label;
        const float text_w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, label.c_str()).x;
        // Room for the chosen tick beside the word, so marking never moves anything.
        const float w = std::min(area.w(), std::max(m.target, text_w + pad * 2 + tick_d));
        if (x > area.min.x && x + w > area.max.x) {
            x = area.min.x;
            y += h + gap;
        }
        if (y > area.min.y && y + h > area.max.y) {
            ++page;
            x = area.min.x;
            y = area.min.y;
        }
        out.push_back({i, Rect{ImVec2(x, y), ImVec2(x + w, y + h)}, page});
        x += w + gap;
    }
    pages = page + 1;
    return out;
}

// A picture file (the document's own) fitted in a square.
void draw_picture_file(UiContext& ui, const std::string& file, const Rect& box) {
    const float side = std::min(box.w(), box.h());
    const unsigned tex = ui.picture_file(file, side);
    if (!tex) return;
    const ImVec2 c = box.centre();
    ImGui::GetWindowDrawList()->AddImage(as_texture(tex), ImVec2(c.x - side * 0.5f, c.y - side * 0.5f),
                                         ImVec2(c.x + side * 0.5f, c.y + side * 0.5f));
}

}  // namespace

void draw_chunk(UiContext& ui, const SessionView& view, const ScreenFrame& f) {
    const Metrics& m = ui.metrics;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 ink = to_imgui(kiosk_theme().text);
    float y = f.content.min.y;
    y += draw_title(ui, f.content, view.title, {}, m.heading * 2.4f) + m.mm(3);
    const Rect area{ImVec2(f.content.min.x, y), f.content.max};

    const Choice* picture = nullptr;
    for (const Choice& c : view.choices)
        if (c.id.rfind("picture:", 0) == 0) picture = &c;

    // The page and the picture: a column on the left, or a band on top of a tall screen.
    const bool upright = area.h() > area.w() * 1.1f;
    const float side_w = upright ? area.w() : std::clamp(area.w() * 0.3f, m.mm(45), m.mm(90));
    const float side_h = upright ? std::clamp(area.h() * 0.3f, m.target + m.text * 1.3f, m.mm(70)) : area.h();
    const Rect side{area.min, ImVec2(area.min.x + side_w, area.min.y + side_h)};
    Rect words_area = upright ? Rect{ImVec2(area.min.x, side.max.y + m.mm(4)), area.max}
                              : Rect{ImVec2(side.max.x + m.mm(6), area.min.y), area.max};

    // The page, as printed, with where this chunk is ("Page 2, part 1 of 3").
    const std::string where = "Page " + std::to_string(view.document_page) + ", part " + std::to_string(view.chunk_number) +
                              " of " + std::to_string(view.chunk_count);
    const float where_h = wrapped_height(ui.fonts.body, upright ? side.w() * 0.5f : side.w(), where);
    Rect page_box, picture_box;
    if (upright) {
        const float half = picture ? (side.w() - m.mm(4)) * 0.5f : side.w();
        page_box = Rect{side.min, ImVec2(side.min.x + half, side.max.y)};
        picture_box = Rect{ImVec2(side.max.x - half, side.min.y), side.max};
    } else {
        const float pic_h = picture ? std::clamp(side.w(), m.target, side.h() * 0.55f) : 0.0f;
        page_box = Rect{side.min, ImVec2(side.max.x, side.max.y - pic_h - (picture ? m.mm(4) : 0))};
        picture_box = Rect{ImVec2(side.min.x, side.max.y - pic_h), side.max};
    }
    centred_text(dl, ui.fonts.body, Rect{page_box.min, ImVec2(page_box.max.x, page_box.min.y + where_h)}, where, ink, false);
    ImVec2 drawn;
    const Rect page_room{ImVec2(page_box.min.x, page_box.min.y + where_h + m.mm(1)), page_box.max};
    if (unsigned tex = ui.page(view.document_page, page_room.w(), page_room.h(), drawn)) {
        const ImVec2 a(page_room.centre().x - drawn.x * 0.5f, page_room.min.y), b(a.x + drawn.x, a.y + drawn.y);
        dl->AddRectFilled(ImVec2(a.x + 4, a.y + 4), ImVec2(b.x + 4, b.y + 4), IM_COL32(0, 0, 0, 0x40));
        dl->AddImage(as_texture(tex), a, b);
        dl->AddRect(a, b, to_imgui(kiosk_theme().button_outline), 0, 0, 2.0f);
        // Where this chunk is on the page: a thick frame (a white line inside
        // it keeps it seen on dark print), never a colour alone.
        const PageBox& box = view.chunk_box;
        if (!box.empty()) {
            const float t = std::max(3.0f, m.mm(0.8f));
            auto at = [&](double fx, double fy) {
                return ImVec2(std::clamp(a.x + static_cast<float>(fx) * drawn.x, a.x + t * 0.5f, b.x - t * 0.5f),
                              std::clamp(a.y + static_cast<float>(fy) * drawn.y, a.y + t * 0.5f, b.y - t * 0.5f));
            };
            const ImVec2 f0 = at(box.left, box.top), f1 = at(box.right, box.bottom);
            const ImVec2 p0(std::max(a.x + t * 0.5f, f0.x - t), std::max(a.y + t * 0.5f, f0.y - t));
            const ImVec2 p1(std::min(b.x - t * 0.5f, f1.x + t), std::min(b.y - t * 0.5f, f1.y + t));
            dl->AddRect(p0, p1, to_imgui(kiosk_theme().chosen), 0, 0, t);
            const float w = t * 0.5f + 0.5f;
            dl->AddRect(ImVec2(p0.x + w, p0.y + w), ImVec2(p1.x - w, p1.y - w), IM_COL32(0xFF, 0xFF, 0xFF, 0xFF), 0, 0, 1.0f);
            ui.shown.push_back({"chunk-frame", p0, p1});
        }
    }
    ui.shown.push_back({"chunk-page", page_box.min, page_box.max});

    if (picture) {
        const float s = std::min(picture_box.w(), picture_box.h());
        const Rect r{ImVec2(picture_box.centre().x - s * 0.5f, picture_box.centre().y - s * 0.5f),
                     ImVec2(picture_box.centre().x + s * 0.5f, picture_box.centre().y + s * 0.5f)};
        ButtonLook look;
        look.chosen = picture->selected;
        const std::string name = "option:" + picture->id;
        if (kiosk_button(ui, name.c_str(), r, look)) ui.act(UiActionKind::Option, picture->id);
        // The picture above its words, inside the button.
        const float pad = m.mm(3);
        const float label_h = std::min(wrapped_height(ui.fonts.body, r.w() - pad * 2, picture->label), r.h() * 0.45f);
        draw_picture_file(ui, view.chunk_picture_file,
                          Rect{ImVec2(r.min.x + pad, r.min.y + pad), ImVec2(r.max.x - pad, r.max.y - pad - label_h - m.mm(1))});
        centred_text(dl, ui.fonts.body, Rect{ImVec2(r.min.x + pad, r.max.y - pad - label_h), ImVec2(r.max.x - pad, r.max.y - pad)},
                     picture->label, ink);
    }

    // The words; Up and Down on the right only when they need more than one page.
    const float tick_d = std::max(m.mm(8), m.target * 0.35f);
    int pages = 1;
    std::vector<WordBox> boxes = flow_words(ui, view, words_area, tick_d, pages);
    const float nav_w = std::max(m.target, m.mm(24));
    if (pages > 1) {
        words_area.max.x -= nav_w + m.mm(4);
        boxes = flow_words(ui, view, words_area, tick_d, pages);
    }
    ui.review_pages = pages;
    const int page = std::clamp(ui.review_page, 0, pages - 1);
    std::map<std::string, int> times;  // a word met again gets its own button name
    for (const WordBox& b : boxes) {
        const Choice& c = view.choices[b.choice];
        const int n = ++times[c.id];
        if (b.page != page) continue;
        const std::string name = "option:" + c.id + (n > 1 ? "#" + std::to_string(n) : "");
        ButtonLook look;
        look.chosen = c.selected;
        if (kiosk_button(ui, name.c_str(), b.r, look)) ui.act(UiActionKind::Option, c.id);
        ImFont* font = ui.fonts.heading;
        const float pad = m.mm(3);
        dl->PushClipRect(b.r.min, b.r.max, true);
        dl->AddText(font, font->FontSize, ImVec2(b.r.min.x + pad, b.r.centre().y - font->FontSize * 0.55f), ink, c.label.c_str());
        dl->PopClipRect();
    }
    if (pages > 1)
        draw_up_down(ui, Rect{ImVec2(f.content.max.x - nav_w, words_area.min.y), ImVec2(f.content.max.x, words_area.max.y)},
                     page, pages);
}

}  // namespace easyread::kiosk::ui
