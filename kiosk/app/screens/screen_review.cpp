// "Your answers": every question with its picture and whole words, and the
// chosen answers as pictures with their words (or the words typed), each
// with a Change button. Nothing shrinks or is dropped: answers with long
// words go one a line under the question, across the row; a row taller than
// the page goes on as many pages as it needs, the question again at the top
// of each part, with its own Change; the parts and rows go on pages with big
// Up and Down buttons on the right. A page question's row shows the page (a
// small picture of it) and says its number. Send is the Next button (see draw_frame).
#include <algorithm>

#include "kiosk/core/survey_names.hpp"
#include "kiosk/app/screens/screens.hpp"
#include "kiosk/app/theme.hpp"

namespace easyread::kiosk::ui {

namespace {

// Sizes shared by measuring and drawing, so a row is drawn as tall as measured.
struct RowLayout {
    float pad, pic, change_w, question_w, answers_x, answers_w, tile_w;
    float across_w;  // answers under the question: from the picture's right edge to Change
    // No room for answers beside the question (a tablet upright): the picture
    // and Change on top, the question and its answers under them, across the row.
    bool narrow;
    // A short screen (a tablet on its side): each answer's picture left of its
    // words, not above them, so a row is one 20 mm line and more rows fit a page.
    bool side_tiles;
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
    l.across_w = std::max(m.mm(30), inner);
    l.narrow = l.question_w + m.mm(3) + l.answers_w > inner + 0.5f;
    if (l.narrow) l.across_w = width - l.pad * 2;
    l.side_tiles = m.compact && !l.narrow;
    if (l.side_tiles) {  // as many tiles of 56 mm or more as the answers' width holds, sharing it
        const int per_line = std::max(1, static_cast<int>((l.answers_w + m.mm(2)) / (m.mm(56) + m.mm(2))));
        l.tile_w = (l.answers_w - m.mm(2) * static_cast<float>(per_line - 1)) / static_cast<float>(per_line);
    }
    return l;
}

// How one row is laid out: beside the question (short answers as tiles) or
// under it (long answers, one a line: picture, then words), in lines of answers.
struct RowPlan {
    bool under = false;
    float question_h = 0;
    int per_line = 1;                // answers on one line
    std::vector<float> line_h;       // each line of answers, or of the typed words
    std::vector<std::string> typed;  // the typed words' lines, which may go on over pages
    float line_gap = 0;              // between lines of answers (none between lines of words)
};

// The question's part of a row: its picture beside its words, or (narrow) above them.
float head_height(const Metrics& m, const RowLayout& l, const RowPlan& p) {
    return l.narrow ? l.pic + m.mm(2) + p.question_h : std::max(l.pic, p.question_h);
}

float words_h(const UiContext& ui, float width, const std::string& s) { return wrapped_height(ui.fonts.body, width, s); }

std::string typed_words(const ReviewRow& row) {
    return row.text.empty() ? kiosk_words().review_no_answer : "\"" + row.text + "\"";
}

RowPlan plan_row(const UiContext& ui, const RowLayout& l, const ReviewRow& row, float page_h) {
    const Metrics& m = ui.metrics;
    ImFont* font = ui.fonts.body;
    RowPlan p;
    // Beside the question while every answer's words take three lines or fewer
    // under its picture (and typed words fit in half a page); else under it.
    const float three_lines = font->FontSize * 3.6f;
    const float tile_words_w = l.side_tiles ? l.tile_w - l.pic - m.mm(3) : l.tile_w;
    p.under = l.narrow;
    for (const Choice& a : row.answers) p.under = p.under || words_h(ui, tile_words_w, a.label) > three_lines;
    if (row.answers.empty()) p.under = l.narrow || words_h(ui, l.answers_w, typed_words(row)) > page_h * 0.5f;
    p.question_h = words_h(ui, p.under ? l.across_w : l.question_w, row.question);
    if (row.answers.empty()) {
        p.typed = wrapped_lines(font, p.under ? l.across_w : l.answers_w, typed_words(row));
        p.line_h.assign(p.typed.size(), font->FontSize * 1.15f);
        return p;
    }
    p.line_gap = m.mm(2);
    if (p.under) {
        for (const Choice& a : row.answers)
            p.line_h.push_back(std::max(m.target, words_h(ui, l.across_w - m.target - m.mm(3), a.label)));
        return p;
    }
    p.per_line = std::max(1, static_cast<int>((l.answers_w + m.mm(2)) / (l.tile_w + m.mm(2))));
    float tile = l.side_tiles ? 0.0f : font->FontSize * 2.4f;
    for (const Choice& a : row.answers) tile = std::max(tile, words_h(ui, tile_words_w, a.label));
    const int lines = (static_cast<int>(row.answers.size()) + p.per_line - 1) / p.per_line;
    p.line_h.assign(static_cast<std::size_t>(lines), l.side_tiles ? std::max(m.target, tile) : m.target + tile);
    return p;
}

// Part of a row on one page: its answer lines [first, last).
struct RowPart {
    int row = 0, first = 0, last = 0;
    float h = 0;
};

float part_height(const Metrics& m, const RowLayout& l, const RowPlan& p, int first, int last) {
    float lines = 0;
    for (int i = first; i < last; ++i) lines += p.line_h[static_cast<std::size_t>(i)] + (i > first ? p.line_gap : 0.0f);
    const float head = head_height(m, l, p);
    const float body = p.under ? head + m.mm(2) + lines : std::max(head, lines);
    return std::max(body, m.target) + l.pad * 2;
}

// The rows' parts in order, and where each page starts. A row goes whole on
// the page if it fits there, else whole on the next page if it fits on one;
// a row taller than a page fills what is left of the page and goes on over
// the next pages (each part one line of answers at least).
struct Paged {
    std::vector<RowPart> parts;
    std::vector<std::size_t> page_starts{0};
};

Paged paginate(const Metrics& m, const RowLayout& l, const std::vector<RowPlan>& plans, float page_h) {
    Paged out;
    float used = 0;
    auto new_page = [&] {
        out.page_starts.push_back(out.parts.size());
        used = 0;
    };
    for (std::size_t r = 0; r < plans.size(); ++r) {
        const RowPlan& p = plans[r];
        const int lines = static_cast<int>(p.line_h.size());
        const float whole = part_height(m, l, p, 0, lines);
        if (used > 0 && whole > page_h - used && whole <= page_h) new_page();
        int first = 0;
        while (first < lines) {
            int last = first;
            while (last < lines && part_height(m, l, p, first, last + 1) <= page_h - used) ++last;
            if (last == first && used > 0) {  // not one line fits on this page
                new_page();
                continue;
            }
            last = std::max(last, first + 1);  // a line taller than a page stands alone
            const float h = part_height(m, l, p, first, last);
            out.parts.push_back({static_cast<int>(r), first, last, h});
            used += h + m.gap;
            first = last;
            if (first < lines) new_page();
        }
    }
    return out;
}

// The row's picture: a small picture of the page a page question asks about, else the question's picture.
void draw_row_picture(UiContext& ui, const ReviewRow& row, const Rect& box) {
    ImVec2 drawn;
    const unsigned tex = row.page > 0 ? ui.page(row.page, box.w(), box.h(), drawn) : 0;
    if (tex == 0) {
        draw_picture(ui, row.picture, box);
        return;
    }
    const ImVec2 a(box.min.x + (box.w() - drawn.x) * 0.5f, box.min.y + (box.h() - drawn.y) * 0.5f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddImage(as_texture(tex), a, ImVec2(a.x + drawn.x, a.y + drawn.y));
    dl->AddRect(a, ImVec2(a.x + drawn.x, a.y + drawn.y), to_imgui(kiosk_theme().text), 0, 0, 1.5f);
}

void draw_part(UiContext& ui, const ReviewRow& row, const RowLayout& l, const RowPlan& p, const RowPart& part,
               const Rect& box) {
    const Metrics& m = ui.metrics;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* font = ui.fonts.body;
    const ImU32 ink = to_imgui(kiosk_theme().text);
    dl->AddRect(box.min, box.max, IM_COL32(0x8A, 0x8A, 0x8A, 0xFF), m.mm(2), 0, 2.0f);
    ui.shown.push_back({"row:" + row.question_id, box.min, box.max});
    const float x = box.min.x, top = box.min.y + l.pad;
    draw_row_picture(ui, row, Rect{ImVec2(x + l.pad, top), ImVec2(x + l.pad + l.pic, top + l.pic)});
    // The question's whole words, never cut, again at the top of each part.
    const float qx = l.narrow ? x + l.pad : x + l.pad + l.pic + m.mm(3);
    const float qw = p.under ? l.across_w : l.question_w;
    const float qy = l.narrow ? top + l.pic + m.mm(2) : top;
    const float qh = left_text(dl, font, ImVec2(qx, qy), qw, row.question, ink);
    ui.shown.push_back({"question:" + row.question_id, ImVec2(qx, qy), ImVec2(qx + qw, qy + qh)});
    // Answers beside the question, or under it across the row.
    const float ax0 = p.under ? qx : x + l.answers_x;
    float ly = p.under ? top + head_height(m, l, p) + m.mm(2) : top;
    if (row.answers.empty()) {  // this part's lines of the typed words
        const float ww = p.under ? l.across_w : l.answers_w;
        const float y0 = ly;
        for (int line = part.first; line < part.last; ++line) {
            const std::string& words = p.typed[static_cast<std::size_t>(line)];
            dl->AddText(font, font->FontSize, ImVec2(ax0, ly), ink, words.c_str(), words.c_str() + words.size());
            ly += p.line_h[static_cast<std::size_t>(line)];
        }
        ui.shown.push_back({"words:" + row.question_id, ImVec2(ax0, y0), ImVec2(ax0 + ww, ly)});
    }
    for (int line = part.first; line < part.last && !row.answers.empty(); ++line) {
        const float lh = p.line_h[static_cast<std::size_t>(line)];
        for (int col = 0; col < p.per_line; ++col) {
            const std::size_t k = static_cast<std::size_t>(line * p.per_line + col);
            if (k >= row.answers.size()) break;
            const Choice& a = row.answers[k];
            const float pic = m.target;
            const std::string name = "answer:" + row.question_id + ":" + a.id;
            if (p.under) {  // picture on the left, words beside it
                draw_picture(ui, a.picture, Rect{ImVec2(ax0, ly), ImVec2(ax0 + pic, ly + pic)});
                const float wx = ax0 + pic + m.mm(3);
                const float wh = left_text(dl, font, ImVec2(wx, ly), l.across_w - pic - m.mm(3), a.label, ink);
                ui.shown.push_back({name, ImVec2(ax0, ly), ImVec2(ax0 + l.across_w, ly + std::max(pic, wh))});
                continue;
            }
            const float tx = ax0 + static_cast<float>(col) * (l.tile_w + m.mm(2));
            if (l.side_tiles) {  // picture on the left, words beside it
                draw_picture(ui, a.picture, Rect{ImVec2(tx, ly), ImVec2(tx + pic, ly + pic)});
                const float ww = l.tile_w - pic - m.mm(3);
                const float wy = ly + std::max(0.0f, (pic - wrapped_height(font, ww, a.label)) * 0.5f);
                const float wh = left_text(dl, font, ImVec2(tx + pic + m.mm(3), wy), ww, a.label, ink) + (wy - ly);
                ui.shown.push_back({name, ImVec2(tx, ly), ImVec2(tx + l.tile_w, ly + std::max(pic, wh))});
                continue;
            }
            draw_picture(ui, a.picture, Rect{ImVec2(tx + (l.tile_w - pic) * 0.5f, ly), ImVec2(tx + (l.tile_w + pic) * 0.5f, ly + pic)});
            centred_text(dl, font, Rect{ImVec2(tx, ly + pic), ImVec2(tx + l.tile_w, ly + lh)}, a.label, ink, false);
            const float wh = wrapped_height(font, l.tile_w, a.label);
            ui.shown.push_back({name, ImVec2(tx, ly), ImVec2(tx + l.tile_w, ly + pic + wh)});
        }
        ly += lh + m.mm(2);
    }
    if (!row.change_id.empty()) {
        ButtonLook change{kiosk_words().review_change, {}};
        const std::string name = "option:" + row.change_id;
        const float cy = l.narrow ? top : box.min.y + (box.h() - m.target) * 0.5f;
        Rect change_box{ImVec2(box.max.x - l.change_w - l.pad, cy), ImVec2(box.max.x - l.pad, cy + m.target)};
        if (kiosk_button(ui, name.c_str(), change_box, change)) ui.act(UiActionKind::Option, row.change_id);
    }
}

}  // namespace

void draw_review(UiContext& ui, const SessionView& view, const ScreenFrame& f) {
    const Metrics& m = ui.metrics;
    // The title in words only: the rows need the height.
    float y = f.content.min.y;
    y += draw_title(ui, f.content, view.title, {}) + m.mm(2);

    // The page buttons: a column on the right, each at least 20 mm.
    const float nav_w = std::max(m.target, m.mm(24));
    const Rect rows_area{ImVec2(f.content.min.x, y), ImVec2(f.content.max.x - nav_w - m.mm(4), f.content.max.y)};
    const RowLayout l = row_layout(ui, rows_area.w());

    std::vector<RowPlan> plans;
    for (const ReviewRow& row : view.review) plans.push_back(plan_row(ui, l, row, rows_area.h()));
    const Paged paged = paginate(m, l, plans, rows_area.h());
    const std::vector<RowPart>& parts = paged.parts;
    const std::vector<std::size_t>& page_starts = paged.page_starts;
    ui.review_pages = static_cast<int>(page_starts.size());
    const int page = std::clamp(ui.review_page, 0, ui.review_pages - 1);
    const std::size_t first = page_starts[static_cast<std::size_t>(page)];
    const std::size_t last = page + 1 < ui.review_pages ? page_starts[static_cast<std::size_t>(page) + 1] : parts.size();

    float ry = rows_area.min.y;
    for (std::size_t i = first; i < last; ++i) {
        const RowPart& part = parts[i];
        const std::size_t r = static_cast<std::size_t>(part.row);
        draw_part(ui, view.review[r], l, plans[r], part,
                  Rect{ImVec2(rows_area.min.x, ry), ImVec2(rows_area.max.x, ry + part.h)});
        ry += part.h + m.gap;
    }

    // Up and Down, with the page number between them, only when there is more than one page.
    if (ui.review_pages > 1)
        draw_up_down(ui, Rect{ImVec2(f.content.max.x - nav_w, rows_area.min.y), ImVec2(f.content.max.x, rows_area.max.y)},
                     page, ui.review_pages);
}

void draw_up_down(UiContext& ui, const Rect& column, int page, int pages) {
    const Metrics& m = ui.metrics;
    const float bh = std::max(m.target, std::min(m.mm(30), (column.h() - m.mm(16)) * 0.5f));
    ButtonLook up{"", {}, Icon::Up};
    up.enabled = page > 0;
    if (kiosk_button(ui, "review-up", Rect{column.min, ImVec2(column.max.x, column.min.y + bh)}, up))
        ui.act(UiActionKind::ReviewUp);
    ButtonLook down{"", {}, Icon::Down};
    down.enabled = page + 1 < pages;
    if (kiosk_button(ui, "review-down", Rect{ImVec2(column.min.x, column.max.y - bh), column.max}, down))
        ui.act(UiActionKind::ReviewDown);
    centred_text(ImGui::GetWindowDrawList(), ui.fonts.body,
                 Rect{ImVec2(column.min.x, column.min.y + bh), ImVec2(column.max.x, column.max.y - bh)},
                 std::to_string(page + 1) + " / " + std::to_string(pages), to_imgui(kiosk_theme().text));
}

}  // namespace easyread::kiosk::ui
