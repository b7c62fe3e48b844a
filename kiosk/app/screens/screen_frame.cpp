#include "kiosk/app/screens/screen_frame.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "kiosk/core/survey_names.hpp"
#include "kiosk/app/screens/screens.hpp"
#include "kiosk/app/theme.hpp"

namespace easyread::kiosk::ui {

namespace {
constexpr float kStaffHoldSeconds = 3.0f;
}

ScreenFrame frame_layout(const Metrics& m) {
    ScreenFrame f;
    const float W = m.screen_w, H = m.screen_h;
    // A small screen keeps 20 mm bars and 3 mm edges and spaces; a tall narrow
    // one (a tablet upright) also narrower Back, Listen and Help.
    const float edge = m.compact ? m.gap : m.margin;
    const float space = m.compact ? m.gap : m.mm(4);
    const float bar_h = m.compact ? m.target : std::max(m.target, m.mm(22));
    const bool narrow = W < m.mm(180);
    const float side_w = narrow ? m.mm(38) : std::max(m.target * 2.2f, m.mm(48));
    f.back = {ImVec2(edge, edge), ImVec2(edge + side_w, edge + bar_h)};
    f.listen = {ImVec2(W - edge - side_w, edge), ImVec2(W - edge, edge + bar_h)};
    f.help = {ImVec2(W - edge - side_w, H - edge - bar_h), ImVec2(W - edge, H - edge)};
    // The screen's very corner, below the content and far left of Next.
    const float corner = m.target;
    f.staff_corner = {ImVec2(0, H - corner), ImVec2(corner, H)};
    // Next sits left of Help with a wide gap, so Help is not pressed by mistake.
    const float help_gap = narrow ? m.mm(8) : m.mm(12);
    const float next_w = std::max(side_w * 1.3f, m.mm(60));
    f.next = {ImVec2(f.help.min.x - help_gap - next_w, f.help.min.y), ImVec2(f.help.min.x - help_gap, f.help.max.y)};
    // Next may grow left for its words, but not into the staff corner.
    f.next_leftmost = f.staff_corner.max.x + m.gap;
    f.next.min.x = std::max(f.next.min.x, f.next_leftmost);
    const float strip_gap = m.compact ? m.gap : m.mm(8);
    f.progress = {ImVec2(f.back.max.x + strip_gap, edge), ImVec2(f.listen.min.x - strip_gap, edge + bar_h)};
    f.content = {ImVec2(edge, f.back.max.y + space), ImVec2(W - edge, f.help.min.y - space)};
    return f;
}

namespace {

// The least content area every screen fits on: the keyboard's, the tightest
// (a one-line title over 20 mm keys, at least two rows of letters a page).
bool content_fits(const Metrics& m, const Rect& content) { return keyboard_fits(m, content, m.heading * 1.15f); }

// The smallest screen of this screen's shape (same width to height) that fits, in pixels.
ImVec2 least_screen(const Metrics& m) {
    for (float scale = 1.0f;; scale += 0.01f) {
        const Metrics t = metrics_for_screen(m.px_per_mm * 25.4f, m.screen_w * scale, m.screen_h * scale);
        if (content_fits(t, frame_layout(t).content) || scale > 10.0f) return ImVec2(t.screen_w, t.screen_h);
    }
}

}  // namespace

std::string screen_too_small(const Metrics& m) {
    if (content_fits(m, frame_layout(m).content)) return {};
    auto mm = [&](float px) { return std::to_string(static_cast<int>(std::lround(px / m.px_per_mm))); };
    const float dpi = m.px_per_mm * 25.4f;
    const ImVec2 least = least_screen(m);
    return "the screen is too small for 20 mm buttons with 3 mm gaps: " + std::to_string(static_cast<int>(m.screen_w)) +
           " x " + std::to_string(static_cast<int>(m.screen_h)) + " pixels at " +
           std::to_string(static_cast<int>(std::lround(dpi))) + " dpi is " + mm(m.screen_w) + " x " + mm(m.screen_h) +
           " mm, and a screen of this shape needs at least " + mm(least.x) + " x " + mm(least.y) +
           " mm. Use a bigger screen, or give the screen's real --dpi if it is not " +
           std::to_string(static_cast<int>(std::lround(dpi))) + ".";
}

namespace {

void draw_progress(UiContext& ui, const SessionView& view, const Rect& r) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Theme& th = kiosk_theme();
    const Metrics& m = ui.metrics;
    const int n = static_cast<int>(view.progress.size());
    if (n == 0) return;
    // Pictures shrink to fit many questions, but the current one stays large.
    float step = std::min(r.h() * 0.75f, (r.w() - m.mm(2)) / static_cast<float>(n));
    float side = step * 0.8f;
    float total = step * static_cast<float>(n);
    float x = r.centre().x - total * 0.5f;
    for (const ProgressStep& p : view.progress) {
        ImVec2 c(x + step * 0.5f, r.centre().y);
        float s = p.current ? std::min(r.h() * 0.95f, side * 1.25f) : side * (p.answered ? 0.8f : 0.7f);
        Rect sq{ImVec2(c.x - s * 0.5f, c.y - s * 0.5f), ImVec2(c.x + s * 0.5f, c.y + s * 0.5f)};
        if (p.current)
            dl->AddRect(ImVec2(sq.min.x - 3, sq.min.y - 3), ImVec2(sq.max.x + 3, sq.max.y + 3), to_imgui(th.chosen), 6, 0,
                        std::max(3.0f, m.border));
        if (!p.answered && !p.current) {  // still to come: drawn faint
            dl->AddCircleFilled(c, s * 0.5f, IM_COL32(0xE8, 0xE6, 0xDE, 0xFF), 24);
        }
        draw_picture(ui, p.picture, sq);
        if (p.answered && !p.current) {
            float d = s * 0.45f;
            ImVec2 tc(sq.max.x - d * 0.3f, sq.max.y - d * 0.3f);
            dl->AddCircleFilled(tc, d * 0.5f, to_imgui(th.chosen), 16);
            draw_icon(dl, Icon::Tick, Rect{ImVec2(tc.x - d * 0.35f, tc.y - d * 0.35f), ImVec2(tc.x + d * 0.35f, tc.y + d * 0.35f)},
                      IM_COL32_WHITE);
        }
        x += step;
    }
}

}  // namespace

void draw_frame(UiContext& ui, const SessionView& view, const ScreenFrame& f) {
    const KioskWords& w = kiosk_words();
    const bool staff = is_staff_screen(view.screen);
    ButtonLook back{w.back, {}, Icon::Back};
    back.enabled = view.back_enabled;
    if (kiosk_button(ui, "back", f.back, back)) ui.act(UiActionKind::Back);
    ButtonLook listen{w.listen, {}, Icon::Listen};
    listen.chosen = ui.speaking;  // shows that words are being read
    if (kiosk_button(ui, "listen", f.listen, listen)) ui.act(UiActionKind::Listen);
    if (kiosk_button(ui, "help", f.help, ButtonLook{w.help, {}, Icon::Help})) ui.act(UiActionKind::Help);
    if (view.show_next) {
        // When the screen's one choice is the way forward (Review: "Send my
        // answers"), Next is that choice, so the screen has one Send, not two.
        const Choice* forward = view.choices.size() == 1 && view.choices[0].label == view.next_label
                                    ? &view.choices[0] : nullptr;
        ButtonLook next{view.next_label.empty() ? std::string(w.next) : view.next_label, {}, forward ? Icon::Tick : Icon::Next};
        next.enabled = view.next_enabled;
        // Wide enough for its words; it grows to the left, so its right edge never moves.
        Rect r = f.next;
        ImFont* font = ui.fonts.body;
        float need = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, next.label.c_str()).x + font->FontSize * 1.4f + ui.metrics.mm(10);
        r.min.x = std::max(f.next_leftmost, std::min(r.min.x, r.max.x - need));
        std::string name = forward ? "option:" + forward->id : std::string("next");
        if (kiosk_button(ui, name.c_str(), r, next)) {
            if (forward)
                ui.act(UiActionKind::Option, forward->id);
            else
                ui.act(UiActionKind::Next);
        }
    }
    if (view.store_problem) {
        // A badge for staff on every screen: the answers file has a problem
        // (read-only, locked, damaged). It sits in the staff corner, so
        // holding it opens the staff menu that explains.
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const Rect& c = f.staff_corner;
        const ImVec2 centre(c.min.x + c.w() * 0.5f, c.min.y + c.h() * 0.5f);
        dl->AddCircleFilled(centre, c.w() * 0.4f, to_imgui(kiosk_theme().staff), 24);
        centred_text(dl, ui.fonts.heading, c, "!", IM_COL32_WHITE);
        ui.shown.push_back({"staff-badge", c.min, c.max});
    }
    if (!staff) {
        draw_progress(ui, view, f.progress);
        // The hidden staff gesture: a long hold in the bottom-left corner,
        // where no control is and people do not touch (not on the progress
        // strip, where people tap the pictures). It keeps the person's place.
        ImGui::SetCursorScreenPos(f.staff_corner.min);
        ImGui::InvisibleButton("##staff", ImVec2(f.staff_corner.w(), f.staff_corner.h()));
        ui.targets.push_back({"staff-hold", f.staff_corner.min, f.staff_corner.max});
        if (ImGui::IsItemActive() && ImGui::GetIO().MouseDownDuration[0] >= kStaffHoldSeconds &&
            ImGui::GetIO().MouseDownDurationPrev[0] < kStaffHoldSeconds)
            ui.act(UiActionKind::OpenStaff);
    } else {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(f.progress.min, f.progress.max, to_imgui(kiosk_theme().staff), 12);
        centred_text(dl, ui.fonts.heading, f.progress, w.staff_menu_title, IM_COL32_WHITE);
    }
}

namespace {
int choice_rows_needed(const Metrics& m, float width, int count) {
    const int cols = std::max(1, static_cast<int>((width + m.gap + 0.5f) / (m.target + m.gap)));
    return std::max(1, (count + cols - 1) / cols);
}
}  // namespace

float choice_grid_min_height(const Metrics& m, float width, int count) {
    if (count <= 0) return 0;
    const int rows = choice_rows_needed(m, width, count);
    return m.target * static_cast<float>(rows) + m.gap * static_cast<float>(rows - 1);
}

std::vector<Rect> choice_grid(const Metrics& m, const Rect& area, int count, float max_side) {
    std::vector<Rect> out;
    if (count <= 0) return out;
    // As many rows as 20 mm buttons need on this width (fewer answers a row on a narrow screen).
    const int min_rows = choice_rows_needed(m, area.w(), count);
    int rows = min_rows;
    auto side_for = [&](int r) {
        int cols = (count + r - 1) / r;
        float w = (area.w() - m.gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
        float h = (area.h() - m.gap * static_cast<float>(r - 1)) / static_cast<float>(r);
        return std::min({w, h, max_side});
    };
    // More rows only while that makes the buttons bigger (many options on a narrow screen).
    while (rows < std::max(3, min_rows) && rows < count && side_for(rows + 1) > side_for(rows)) ++rows;
    const int cols = (count + rows - 1) / rows;
    const float side = std::max(side_for(rows), m.target);
    // A short screen's buttons may be wider than tall, so their words take fewer lines.
    const float w = std::min(side * (m.compact ? 1.6f : 1.15f), (area.w() - m.gap * static_cast<float>(cols - 1)) / static_cast<float>(cols));
    const float gap_x = cols > 1 ? std::min(m.mm(12), (area.w() - w * static_cast<float>(cols)) / static_cast<float>(cols - 1))
                                 : 0.0f;
    const float gap_y = std::max(m.gap, std::min(m.mm(6), (area.h() - side * static_cast<float>(rows)) / static_cast<float>(std::max(1, rows - 1))));
    const float total_h = side * static_cast<float>(rows) + gap_y * static_cast<float>(rows - 1);
    float y = area.min.y + std::max(0.0f, (area.h() - total_h) * 0.5f);
    int left = count;
    for (int r = 0; r < rows; ++r) {
        int in_row = std::min(cols, left);
        float row_w = w * static_cast<float>(in_row) + gap_x * static_cast<float>(in_row - 1);
        float x = area.centre().x - row_w * 0.5f;
        for (int c = 0; c < in_row; ++c) {
            out.push_back({ImVec2(x, y), ImVec2(x + w, y + side)});
            x += w + gap_x;
        }
        left -= in_row;
        y += side + gap_y;
    }
    return out;
}

void draw_choices(UiContext& ui, const std::vector<Choice>& choices, const std::vector<Rect>& rects) {
    // One height for every answer's words, so every picture is the same size.
    float words_h = 0;
    const float pad = std::max(ui.metrics.mm(2), ui.metrics.border + 2);
    for (std::size_t i = 0; i < choices.size() && i < rects.size(); ++i)
        words_h = std::max(words_h, wrapped_height(ui.fonts.body, rects[i].w() - 2 * pad, choices[i].label));
    for (std::size_t i = 0; i < choices.size() && i < rects.size(); ++i) {
        const Choice& c = choices[i];
        ButtonLook look{c.label, c.picture};
        look.words_h = words_h;
        look.chosen = c.selected;
        if (c.picture.empty() && c.id == "dont-know") look.icon = Icon::Help;
        std::string name = "option:" + c.id;
        if (kiosk_button(ui, name.c_str(), rects[i], look)) ui.act(UiActionKind::Option, c.id);
    }
}

float draw_title(UiContext& ui, const Rect& area, const std::string& title, const std::string& picture, float max_h) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Metrics& m = ui.metrics;
    const ImU32 ink = to_imgui(kiosk_theme().text);
    const bool pic = ui.has_picture(picture);
    const float pic_side = !pic ? 0.0f : std::min(max_h, m.compact ? m.target : std::max(m.target * 1.2f, m.mm(30)));
    float text_w = std::min(area.w() - pic_side - m.mm(6), m.mm(220));
    // Long words on a small screen: body-size words (never under 32 px)
    // rather than answers pushed off the screen; cut only if even they do not fit.
    ImFont* font = ui.fonts.heading;
    float text_h = wrapped_height(font, text_w, title);
    if (text_h > max_h) {
        font = ui.fonts.body;
        text_h = wrapped_height(font, text_w, title);
    }
    float band_h = std::min(max_h, std::max(pic_side, text_h));
    float total_w = pic_side + (pic ? m.mm(6) : 0) + std::min(text_w, font->CalcTextSizeA(
        font->FontSize, FLT_MAX, 0, title.c_str()).x + 2);
    float x = area.centre().x - total_w * 0.5f;
    if (pic) {
        draw_picture(ui, picture, Rect{ImVec2(x, area.min.y), ImVec2(x + pic_side, area.min.y + pic_side)});
        x += pic_side + m.mm(6);
    }
    dl->PushClipRect(ImVec2(x, area.min.y), ImVec2(x + text_w + 2, area.min.y + band_h), true);
    left_text(dl, font, ImVec2(x, area.min.y + std::max(0.0f, band_h - text_h) * 0.5f), text_w, title, ink);
    dl->PopClipRect();
    return band_h;
}

}  // namespace easyread::kiosk::ui
