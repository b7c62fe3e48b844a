// Writing words: "Anything else?", comment questions and the staff event
// name. A large alphabetical keyboard of plain letters, each key 20 mm or
// more, with the words so far shown big above it; one key switches to a
// capital letter, then to digits and signs. On a small screen (a 10-inch
// tablet) fewer keys go on a row and the letters go over two pages, each
// with the space bar; the page key shows the first letters of the other.
#include <algorithm>
#include <vector>

#include "kiosk/app/screens/screens.hpp"
#include "kiosk/app/theme.hpp"

namespace easyread::kiosk::ui {

namespace {

// Alphabetical rows: easier to find a letter than on QWERTY for new readers.
// Layers: small letters, capitals (for one letter), digits and signs. The
// third row has seven keys and the space bar (three keys wide).
const char* const kRows[3][3] = {{"abcdefghij", "klmnopqrst", "uvwxyz."},
                                 {"ABCDEFGHIJ", "KLMNOPQRST", "UVWXYZ."},
                                 {"1234567890", "-/:;()&@!\"", "'.,?+=%"}};
// The layer key names the layer it switches to.
const char* const kLayerKey[3] = {"ABC", "123", "abc"};

}  // namespace

void draw_text_box(UiContext& ui, const Rect& box, const std::string& text, bool masked) {
    const Theme& th = kiosk_theme();
    const Metrics& m = ui.metrics;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(box.min, box.max, to_imgui(th.button), m.mm(2));
    dl->AddRect(box.min, box.max, to_imgui(th.button_outline), m.mm(2), 0, m.border);
    std::string shown = masked ? std::string(text.size() * 3, '\0') : text;
    if (masked) {
        shown.clear();
        for (std::size_t i = 0; i < text.size(); ++i) shown += "\xE2\x80\xA2 ";  // bullets, not the digits
    }
    // Long words scroll: show the end, where the person is writing.
    ImFont* font = ui.fonts.heading;
    float inner_w = box.w() - 2 * m.mm(3);
    std::size_t start = 0;
    while (start < shown.size() &&
           font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, shown.c_str() + start).x > inner_w - font->FontSize)
        ++start;
    while (start < shown.size() && (static_cast<unsigned char>(shown[start]) & 0xC0) == 0x80) ++start;  // UTF-8 boundary
    std::string visible = shown.substr(start) + "|";  // the caret
    dl->AddText(font, font->FontSize, ImVec2(box.min.x + m.mm(3), box.centre().y - font->FontSize * 0.55f),
                to_imgui(th.text), visible.c_str());
}

namespace {

constexpr int kMostColumns = 10;
constexpr float kLeastBoxMm = 60.0f;  // the words typed so far, beside the keys

// The keys' columns and size on a content area of `width`: ten 20-26 mm keys
// across where they fit, fewer on a narrow screen.
struct Board {
    int cols = kMostColumns;
    float key = 0, width = 0;
};

Board board_for(const Metrics& m, float width) {
    Board b;
    b.cols = std::clamp(static_cast<int>((width + m.gap + 0.5f) / (m.target + m.gap)), 1, kMostColumns);
    b.key = std::max(m.target, std::min((width - static_cast<float>(b.cols - 1) * m.gap) / static_cast<float>(b.cols), m.mm(26)));
    b.width = b.key * static_cast<float>(b.cols) + m.gap * static_cast<float>(b.cols - 1);
    return b;
}

// The first row: the layer key, the page key (when the letters take more than
// one page), the words so far, Delete, and "Nothing else" when offered. When
// the words would get under 60 mm, they go on a row of their own above the keys.
struct ControlRow {
    bool own_row = false;
    Rect layer, page, box, erase, skip;
};

ControlRow control_row(const Metrics& m, const Board& b, float x0, float y, float h, bool paged, bool has_skip) {
    ControlRow c;
    const float wide = b.key * 2 + m.gap;
    const float layer_w = paged ? b.key : wide;
    const float skip_w = has_skip ? std::max(m.mm(45), b.key * 2.2f) : 0.0f;
    const float right = x0 + b.width - (has_skip ? skip_w + m.gap : 0.0f);
    float x = x0;
    auto take = [&](float w) {
        Rect r{ImVec2(x, y), ImVec2(x + w, y + h)};
        x += w + m.gap;
        return r;
    };
    const float box_w = right - wide - m.gap - (x0 + layer_w + m.gap + (paged ? b.key + m.gap : 0.0f));
    if (box_w >= m.mm(kLeastBoxMm) - 0.5f) {
        c.layer = take(layer_w);
        if (paged) c.page = take(b.key);
        c.box = take(box_w);
        c.erase = take(wide);
        if (has_skip) c.skip = take(skip_w);
        return c;
    }
    // Narrow: the words across the board, then layer, page, Delete and "Nothing else" on the next row.
    c.own_row = true;
    c.box = take(b.width);
    x = x0;
    y += h + m.gap;
    c.layer = Rect{ImVec2(x, y), ImVec2(x + b.key, y + h)};
    x += b.key + m.gap;
    if (paged) {
        c.page = Rect{ImVec2(x, y), ImVec2(x + b.key, y + h)};
        x += b.key + m.gap;
    }
    const float erase_w = has_skip ? b.key : std::max(b.key, x0 + b.width - x);
    c.erase = Rect{ImVec2(x, y), ImVec2(x + erase_w, y + h)};
    x += erase_w + m.gap;
    if (has_skip) c.skip = Rect{ImVec2(x, y), ImVec2(std::max(x + b.key, x0 + b.width), y + h)};
    return c;
}

// One key on a page of the letters: its characters, row, column and width in keys.
struct Key {
    std::string text;  // " " for the space bar
    int row = 0, col = 0, slots = 1;
};

// The layer's keys in rows of `cols`, with the space bar last: on one page
// when `rows` hold them all (the space bar three keys wide, the big-screen
// keyboard), else over as few pages as they need, as even as they can be,
// each ending with a two-key space bar (words need it on every page).
std::vector<std::vector<Key>> key_pages(const std::string& chars, int cols, int rows) {
    // Lays out chars[from, to) and the space bar; false when they take more than `rows`.
    auto lay = [&](std::size_t from, std::size_t to, int space, std::vector<Key>& keys) {
        keys.clear();
        int row = 0, col = 0;
        for (std::size_t i = from; i <= to; ++i) {
            const bool bar = i == to;
            const int slots = bar ? space : 1;
            if (col + slots > cols) {
                ++row;
                col = 0;
            }
            keys.push_back({bar ? std::string(" ") : std::string(1, chars[i]), row, col, slots});
            col += slots;
        }
        return row < rows;
    };
    std::vector<std::vector<Key>> pages(1);
    if (lay(0, chars.size(), std::min(3, std::max(1, cols - 1)), pages[0])) return pages;
    const int space = std::min(2, std::max(1, cols - 1));
    const std::size_t n = chars.size();
    for (std::size_t count = 2; count <= n; ++count) {
        const std::size_t per = (n + count - 1) / count;
        pages.assign(count, {});
        bool fits = true;
        for (std::size_t p = 0; p < count && fits; ++p)
            fits = lay(std::min(n, p * per), std::min(n, (p + 1) * per), space, pages[p]);
        if (fits) return pages;
    }
    return pages;  // one key a page does not fit either: the screen is refused at start
}

std::string layer_chars(int layer) {
    std::string out;
    for (const char* row : kRows[layer]) out += row;
    return out;
}

// Rows of keys that fit below `top` on the content area.
int rows_below(const Metrics& m, const Rect& content, float top) {
    return std::max(1, static_cast<int>((content.max.y - top + m.gap + 0.5f) / (m.target + m.gap)));
}

// The title's room: the content less the first row(s) and two rows of keys.
float title_room(const Metrics& m, const Rect& content, bool own_row) {
    const float rows = own_row ? 4.0f : 3.0f;
    return content.h() - m.mm(3) - m.target * rows - m.gap * (rows - 1.0f);
}

}  // namespace

bool keyboard_fits(const Metrics& m, const Rect& content, float title_h) {
    const Board b = board_for(m, content.w());
    if (content.w() < b.width - 0.5f || b.cols < 5) return false;  // layer, page, Delete and "Nothing else" across
    const ControlRow c = control_row(m, b, 0, 0, m.target, true, true);
    return title_room(m, content, c.own_row) >= title_h - 0.5f;
}

void draw_keyboard_screen(UiContext& ui, const SessionView& view, const ScreenFrame& f) {
    const Metrics& m = ui.metrics;
    const Board b = board_for(m, f.content.w());
    const float x0 = f.content.centre().x - b.width * 0.5f;
    const bool has_skip = !view.choices.empty();
    const int layer = std::clamp(ui.keyboard_layer, 0, 2);
    const std::string chars = layer_chars(layer);
    // Whether the letters need pages decides the first row, which decides the room for letters.
    ControlRow c = control_row(m, b, x0, 0, m.target, false, has_skip);
    float y = f.content.min.y;
    // The title in words only (it is read aloud too): the keys need the height.
    y += draw_title(ui, f.content, view.title, {}, std::max(m.text * 1.15f, title_room(m, f.content, c.own_row))) + m.mm(3);
    auto pages_for = [&](const ControlRow& row) {
        const float keys_top = y + (m.target + m.gap) * (row.own_row ? 2.0f : 1.0f);
        return key_pages(chars, b.cols, rows_below(m, f.content, keys_top));
    };
    std::vector<std::vector<Key>> pages = pages_for(c);
    if (pages.size() > 1) {
        c = control_row(m, b, x0, 0, m.target, true, has_skip);
        pages = pages_for(c);
    }
    int rows_used = 1;
    for (const auto& page : pages)
        for (const Key& k : page) rows_used = std::max(rows_used, k.row + 1);
    // Keys grow to fill the height left (up to square), never under 20 mm.
    const int all_rows = rows_used + (c.own_row ? 2 : 1);
    const float key_h = std::max(m.target, std::min(b.key, (f.content.max.y - y - m.gap * static_cast<float>(all_rows - 1)) /
                                                             static_cast<float>(all_rows)));
    c = control_row(m, b, x0, y, key_h, pages.size() > 1, has_skip);
    const bool full = view.text_max > 0 && view.text.size() >= view.text_max;
    const int page = std::max(0, ui.keyboard_page) % static_cast<int>(pages.size());  // the page key goes round
    ui.keyboard_pages = static_cast<int>(pages.size());

    ButtonLook shift{kLayerKey[layer], {}};
    shift.font = ui.fonts.heading;
    if (kiosk_button(ui, "key:layer", c.layer, shift)) ui.act(UiActionKind::KeyboardLayer);
    if (pages.size() > 1) {
        // The page key shows the first keys of the next page: "pqr...", "abc...".
        std::string next;
        for (const Key& k : pages[(static_cast<std::size_t>(page) + 1) % pages.size()])
            if (next.size() < 3 && k.text != " ") next += k.text;
        ButtonLook more{next + "\xE2\x80\xA6", {}};
        if (kiosk_button(ui, "key:page", c.page, more)) ui.act(UiActionKind::KeyboardPage);
    }
    draw_text_box(ui, c.box, view.text, view.text_masked);
    ButtonLook erase{c.erase.w() >= b.key * 2 ? "delete" : "", {}, Icon::Erase};
    erase.enabled = !view.text.empty();
    if (kiosk_button(ui, "erase", c.erase, erase)) ui.act(UiActionKind::Erase);
    if (has_skip) {
        const Choice& choice = view.choices.front();
        std::string name = "option:" + choice.id;
        if (kiosk_button(ui, name.c_str(), c.skip, ButtonLook{choice.label, {}})) ui.act(UiActionKind::Option, choice.id);
    }

    const float keys_top = c.box.max.y + m.gap + (c.own_row ? key_h + m.gap : 0.0f);
    for (const Key& k : pages[static_cast<std::size_t>(page)]) {
        const float x = x0 + static_cast<float>(k.col) * (b.key + m.gap);
        const float ky = keys_top + static_cast<float>(k.row) * (key_h + m.gap);
        const Rect r{ImVec2(x, ky), ImVec2(x + b.key * static_cast<float>(k.slots) + m.gap * static_cast<float>(k.slots - 1), ky + key_h)};
        if (k.text == " ") {  // the space bar ends the last row
            ButtonLook space{"space", {}, Icon::Space};
            space.enabled = !full;
            if (kiosk_button(ui, "key:space", r, space)) ui.act(UiActionKind::Type, " ");
            continue;
        }
        ButtonLook look{k.text, {}};
        look.font = ui.fonts.heading;
        look.enabled = !full;
        std::string name = "key:" + k.text;
        if (kiosk_button(ui, name.c_str(), r, look)) ui.act(UiActionKind::Type, k.text);
    }
}

}  // namespace easyread::kiosk::ui
