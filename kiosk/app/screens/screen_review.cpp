// "Your answers": one row per question, its picture and the chosen answers
// as pictures, each with a Change button; Send at the bottom.
#include <algorithm>

#include "kiosk/core/words.hpp"
#include "kiosk/app/screens/screens.hpp"
#include "kiosk/app/theme.hpp"

namespace easyread::kiosk::ui {

void draw_review(UiContext& ui, const SessionView& view, const ScreenFrame& f) {
    const Metrics& m = ui.metrics;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Theme& th = kiosk_theme();
    const ImU32 ink = to_imgui(th.text);
    float y = f.content.min.y;
    y += draw_title(ui, f.content, view.title, view.picture) + m.mm(2);

    const int n = static_cast<int>(view.review.size());
    const float rows_h = f.content.max.y - y;
    // Rows stay 20 mm high (the Change button); with many questions they go in two columns.
    int cols = 1;
    while (cols < 3 && n > 0 && (rows_h / static_cast<float>((n + cols - 1) / cols)) < m.target + m.gap) ++cols;
    const int per_col = n > 0 ? (n + cols - 1) / cols : 1;
    const float row_h = std::max(m.target, std::min(m.mm(28), rows_h / static_cast<float>(per_col) - m.gap));
    const float col_w = (f.content.w() - m.mm(6) * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    for (int i = 0; i < n; ++i) {
        const ReviewRow& row = view.review[static_cast<std::size_t>(i)];
        int col = i / per_col, r = i % per_col;
        float x = f.content.min.x + static_cast<float>(col) * (col_w + m.mm(6));
        float ry = y + static_cast<float>(r) * (row_h + m.gap);
        Rect box{ImVec2(x, ry), ImVec2(x + col_w, ry + row_h)};
        dl->AddRect(box.min, box.max, IM_COL32(0x8A, 0x8A, 0x8A, 0xFF), m.mm(2), 0, 2.0f);
        float pic = row_h - m.mm(3);
        draw_picture(ui, row.picture, Rect{ImVec2(x + m.mm(1.5f), ry + m.mm(1.5f)), ImVec2(x + m.mm(1.5f) + pic, ry + m.mm(1.5f) + pic)});
        const float change_w = std::max(m.target * 1.6f, m.mm(36));
        // The answer: pictures of the chosen options, else the words typed, else "No answer".
        float ax = x + pic + m.mm(4);
        const float answers_right = box.max.x - change_w - m.mm(3);
        const float text_w = std::max(m.mm(30), (answers_right - ax) * 0.5f);
        ImFont* small = ui.fonts.body;
        float qh = std::min(wrapped_height(small, text_w, row.question), row_h);
        dl->PushClipRect(ImVec2(ax, ry), ImVec2(ax + text_w, ry + row_h), true);
        left_text(dl, small, ImVec2(ax, ry + (row_h - qh) * 0.5f), text_w, row.question, ink);
        dl->PopClipRect();
        ax += text_w + m.mm(3);
        if (!row.answers.empty()) {
            for (const Choice& a : row.answers) {
                if (ax + pic > answers_right) break;
                if (ui.has_picture(a.picture)) {
                    draw_picture(ui, a.picture, Rect{ImVec2(ax, ry + m.mm(1.5f)), ImVec2(ax + pic, ry + m.mm(1.5f) + pic)});
                    ax += pic + m.mm(2);
                } else {
                    float w = std::min(answers_right - ax, small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, a.label.c_str()).x);
                    left_text(dl, small, ImVec2(ax, ry + (row_h - small->FontSize) * 0.5f), w + 1, a.label, ink);
                    ax += w + m.mm(3);
                }
            }
        } else {
            const std::string words = row.text.empty() ? kiosk_words().review_no_answer : "\"" + row.text + "\"";
            dl->PushClipRect(ImVec2(ax, ry), ImVec2(answers_right, ry + row_h), true);
            float h = std::min(wrapped_height(small, answers_right - ax, words), row_h);
            left_text(dl, small, ImVec2(ax, ry + (row_h - h) * 0.5f), answers_right - ax, words, ink);
            dl->PopClipRect();
        }
        if (row.change_id.empty()) continue;  // changed with Back instead
        ButtonLook change{kiosk_words().review_change, {}};
        std::string name = "option:" + row.change_id;
        Rect change_box{ImVec2(box.max.x - change_w - m.mm(1.5f), ry + m.mm(1)), ImVec2(box.max.x - m.mm(1.5f), ry + row_h - m.mm(1))};
        if (kiosk_button(ui, name.c_str(), change_box, change)) ui.act(UiActionKind::Option, row.change_id);
    }
    // Send is the Next button (see draw_frame), in the place Next always has.
}

}  // namespace easyread::kiosk::ui
