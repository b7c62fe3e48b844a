// "Your answers": every question with its picture and whole words, and the
// chosen answers as pictures with their words under them (or the words
// typed), each with a Change button. Rows never shrink or drop an answer:
// when they do not all fit, they go on pages with big Up and Down buttons
// on the right. Send is the Next button (see draw_frame).
#include <algorithm>

#include "kiosk/core/survey_names.hpp"
#include "kiosk/app/screens/screens.hpp"
#include "kiosk/app/theme.hpp"

namespace easyread::kiosk::ui {

namespace {

// Sizes shared by measuring and drawing, so a row is drawn as tall as measured.
struct RowLayout {
    float pad, pic, change_w, question_w, answers_x, answers_w, tile_w;
};

RowLayout row_layout(const UiContext& ui, float width) {
    const Metrics& m = ui.metrics;
    RowLayout l;
    l.pad = m.mm(1.5f);
    l.pic = m.target;                               // the question's picture: 20 mm
    l.change_w = std::max(m.target * 1.6f, m.mm(34));  // Change: 20 mm high, wide enough for its word
    const float inner = width - l.pad * 2 - l.pic - m.mm(3) - l.change_w - m.gap;
    l.question_w = std::max(m.mm(40), inner * 0.42f);
    l.answers_x = l.pad + l.pic + m.mm(3) + l.question_w + m.mm(3);
    l.answers_w = std::max(m.mm(30), inner - l.question_w - m.mm(3));
    l.tile_w = std::max(m.target, m.mm(34));   // an answer: picture and words under it
    return l;
}

// An answer tile's height in this row: the picture, and room for the longest
// answer's words on as many lines as they wrap to (at least two).
float tile_height(const UiContext& ui, const RowLayout& l, const ReviewRow& row) {
    float words = ui.fonts.body->FontSize * 2.4f;
    for (const Choice& a : row.answers) words = std::max(words, wrapped_height(ui.fonts.body, l.tile_w, a.label));
    return ui.metrics.target + words;
}

// How many answer tiles go on one line of a row, at least one.
int tiles_per_line(const RowLayout& l, const Metrics& m) {
    return std::max(1, static_cast<int>((l.answers_w + m.mm(2)) / (l.tile_w + m.mm(2))));
}

float row_height(const UiContext& ui, const RowLayout& l, const ReviewRow& row) {
    const Metrics& m = ui.metrics;
    ImFont* font = ui.fonts.body;
    float q = wrapped_height(font, l.question_w, row.question);
    float a = 0;
    if (!row.answers.empty()) {
        int per = tiles_per_line(l, m);
        int lines = (static_cast<int>(row.answers.size()) + per - 1) / per;
        a = static_cast<float>(lines) * tile_height(ui, l, row) + static_cast<float>(lines - 1) * m.mm(2);
    } else {
        const std::string words = row.text.empty() ? kiosk_words().review_no_answer : "\"" + row.text + "\"";
        a = wrapped_height(font, l.answers_w, words);
    }
    return std::max({l.pic, q, a, m.target}) + l.pad * 2;
}

}  // namespace

void draw_review(UiContext& ui, const SessionView& view, const ScreenFrame& f) {
    const Metrics& m = ui.metrics;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Theme& th = kiosk_theme();
    const ImU32 ink = to_imgui(th.text);
    ImFont* font = ui.fonts.body;
    // The title in words only: the rows need the height.
    float y = f.content.min.y;
    y += draw_title(ui, f.content, view.title, {}) + m.mm(2);

    // The page buttons: a column on the right, each at least 20 mm.
    const float nav_w = std::max(m.target, m.mm(24));
    const Rect rows_area{ImVec2(f.content.min.x, y), ImVec2(f.content.max.x - nav_w - m.mm(4), f.content.max.y)};
    const RowLayout l = row_layout(ui, rows_area.w());

    // Pages: as many whole rows as fit, in order.
    const int n = static_cast<int>(view.review.size());
    std::vector<float> heights;
    for (const ReviewRow& row : view.review) heights.push_back(row_height(ui, l, row));
    std::vector<int> page_starts{0};
    float used = 0;
    for (int i = 0; i < n; ++i) {
        float h = heights[static_cast<std::size_t>(i)];
        if (used > 0 && used + h > rows_area.h()) {
            page_starts.push_back(i);
            used = 0;
        }
        used += h + m.gap;
    }
    ui.review_pages = static_cast<int>(page_starts.size());
    const int page = std::clamp(ui.review_page, 0, ui.review_pages - 1);
    const int first = page_starts[static_cast<std::size_t>(page)];
    const int last = page + 1 < ui.review_pages ? page_starts[static_cast<std::size_t>(page) + 1] : n;

    float ry = rows_area.min.y;
    for (int i = first; i < last; ++i) {
        const ReviewRow& row = view.review[static_cast<std::size_t>(i)];
        const float h = heights[static_cast<std::size_t>(i)];
        const float x = rows_area.min.x;
        Rect box{ImVec2(x, ry), ImVec2(rows_area.max.x, ry + h)};
        dl->AddRect(box.min, box.max, IM_COL32(0x8A, 0x8A, 0x8A, 0xFF), m.mm(2), 0, 2.0f);
        ui.shown.push_back({"row:" + row.question_id, box.min, box.max});
        const float top = ry + l.pad;
        draw_picture(ui, row.picture, Rect{ImVec2(x + l.pad, top), ImVec2(x + l.pad + l.pic, top + l.pic)});
        // The question's whole words, never cut.
        const float qx = x + l.pad + l.pic + m.mm(3);
        const float qh = left_text(dl, font, ImVec2(qx, top), l.question_w, row.question, ink);
        ui.shown.push_back({"question:" + row.question_id, ImVec2(qx, top), ImVec2(qx + l.question_w, top + qh)});
        // The answers: each a picture with its words under it, on as many lines as they need.
        const float ax0 = x + l.answers_x;
        if (!row.answers.empty()) {
            const int per = tiles_per_line(l, m);
            const float tile_h = tile_height(ui, l, row);
            for (std::size_t k = 0; k < row.answers.size(); ++k) {
                const Choice& a = row.answers[k];
                const int col = static_cast<int>(k) % per, line = static_cast<int>(k) / per;
                const float tx = ax0 + static_cast<float>(col) * (l.tile_w + m.mm(2));
                const float ty = top + static_cast<float>(line) * (tile_h + m.mm(2));
                const float pic = m.target;
                draw_picture(ui, a.picture, Rect{ImVec2(tx + (l.tile_w - pic) * 0.5f, ty), ImVec2(tx + (l.tile_w + pic) * 0.5f, ty + pic)});
                Rect words{ImVec2(tx, ty + pic), ImVec2(tx + l.tile_w, ty + tile_h)};
                centred_text(dl, font, words, a.label, ink, false);
                const float wh = wrapped_height(font, l.tile_w, a.label);
                ui.shown.push_back({"answer:" + row.question_id + ":" + a.id, ImVec2(tx, ty),
                                    ImVec2(tx + l.tile_w, ty + pic + wh)});
            }
        } else {
            const std::string words = row.text.empty() ? kiosk_words().review_no_answer : "\"" + row.text + "\"";
            const float wh = left_text(dl, font, ImVec2(ax0, top), l.answers_w, words, ink);
            ui.shown.push_back({"words:" + row.question_id, ImVec2(ax0, top), ImVec2(ax0 + l.answers_w, top + wh)});
        }
        if (!row.change_id.empty()) {
            ButtonLook change{kiosk_words().review_change, {}};
            std::string name = "option:" + row.change_id;
            const float cy = ry + (h - m.target) * 0.5f;
            Rect change_box{ImVec2(box.max.x - l.change_w - l.pad, cy), ImVec2(box.max.x - l.pad, cy + m.target)};
            if (kiosk_button(ui, name.c_str(), change_box, change)) ui.act(UiActionKind::Option, row.change_id);
        }
        ry += h + m.gap;
    }

    // Up and Down, with the page number between them, only when there is more than one page.
    if (ui.review_pages > 1) {
        const float bx = f.content.max.x - nav_w;
        const float bh = std::max(m.target, std::min(m.mm(30), (rows_area.h() - m.mm(16)) * 0.5f));
        ButtonLook up{"", {}, Icon::Up};
        up.enabled = page > 0;
        if (kiosk_button(ui, "review-up", Rect{ImVec2(bx, rows_area.min.y), ImVec2(bx + nav_w, rows_area.min.y + bh)}, up))
            ui.act(UiActionKind::ReviewUp);
        ButtonLook down{"", {}, Icon::Down};
        down.enabled = page + 1 < ui.review_pages;
        if (kiosk_button(ui, "review-down", Rect{ImVec2(bx, rows_area.max.y - bh), ImVec2(bx + nav_w, rows_area.max.y)}, down))
            ui.act(UiActionKind::ReviewDown);
        const std::string where = std::to_string(page + 1) + " / " + std::to_string(ui.review_pages);
        centred_text(dl, font, Rect{ImVec2(bx, rows_area.min.y + bh), ImVec2(bx + nav_w, rows_area.max.y - bh)}, where, ink);
    }
}

}  // namespace easyread::kiosk::ui
