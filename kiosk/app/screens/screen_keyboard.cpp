// Writing words: "Anything else?", comment questions and the staff event
// name. A large alphabetical keyboard of plain letters, each key 20 mm or
// more, with the words so far shown big above it; one key switches to a
// capital letter, then to digits and signs.
#include <algorithm>

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

// Widest 20 mm keyboard: ten keys and nine gaps; four rows high (the words
// row and three rows of keys), under a one-line title.
float keyboard_min_width(const Metrics& m) { return m.target * 10 + m.gap * 9; }
float keyboard_min_height(const Metrics& m, float title_h) { return title_h + m.mm(3) + m.target * 4 + m.gap * 3; }

void draw_keyboard_screen(UiContext& ui, const SessionView& view, const ScreenFrame& f) {
    const Metrics& m = ui.metrics;
    float y = f.content.min.y;
    // The title in words only (it is read aloud too): the keys need the height.
    y += draw_title(ui, f.content, view.title, {}) + m.mm(3);

    const float key = std::max(m.target, std::min((f.content.w() - 9 * m.gap) / 10.0f, m.mm(26)));
    const float board_w = key * 10 + m.gap * 9;
    const float x0 = f.content.centre().x - board_w * 0.5f;
    // Keys shrink to fit the height left (four rows), but never under 20 mm.
    const float key_h = std::max(m.target, std::min(key, (f.content.max.y - y - 3 * m.gap) / 4.0f));
    const bool full = view.text_max > 0 && view.text.size() >= view.text_max;
    const int layer = std::clamp(ui.keyboard_layer, 0, 2);

    // First row: the layer key, the words so far, Delete, and "Nothing else" when offered.
    const float wide = key * 2 + m.gap;
    const bool has_skip = !view.choices.empty();
    const float skip_w = has_skip ? std::max(m.mm(45), key * 2.2f) : 0.0f;
    ButtonLook shift{kLayerKey[layer], {}};
    shift.font = ui.fonts.heading;
    if (kiosk_button(ui, "key:layer", Rect{ImVec2(x0, y), ImVec2(x0 + wide, y + key_h)}, shift))
        ui.act(UiActionKind::KeyboardLayer);
    const float right = x0 + board_w - (has_skip ? skip_w + m.gap : 0.0f);
    Rect box{ImVec2(x0 + wide + m.gap, y), ImVec2(right - wide - m.gap, y + key_h)};
    draw_text_box(ui, box, view.text, view.text_masked);
    ButtonLook erase{"delete", {}, Icon::Erase};
    erase.enabled = !view.text.empty();
    if (kiosk_button(ui, "erase", Rect{ImVec2(right - wide, y), ImVec2(right, y + key_h)}, erase))
        ui.act(UiActionKind::Erase);
    if (has_skip) {
        const Choice& c = view.choices.front();
        ButtonLook look{c.label, {}};
        Rect r{ImVec2(x0 + board_w - skip_w, y), ImVec2(x0 + board_w, y + key_h)};
        std::string name = "option:" + c.id;
        if (kiosk_button(ui, name.c_str(), r, look)) ui.act(UiActionKind::Option, c.id);
    }
    y += key_h + m.gap;

    for (int r = 0; r < 3; ++r) {
        float x = x0;
        for (const char* k = kRows[layer][r]; *k; ++k) {
            std::string letter(1, *k);
            ButtonLook look{letter, {}};
            look.font = ui.fonts.heading;
            look.enabled = !full;
            std::string name = "key:" + letter;
            if (kiosk_button(ui, name.c_str(), Rect{ImVec2(x, y), ImVec2(x + key, y + key_h)}, look))
                ui.act(UiActionKind::Type, letter);
            x += key + m.gap;
        }
        if (r == 2) {  // the space bar ends the last row
            ButtonLook space{"space", {}, Icon::Space};
            space.enabled = !full;
            if (kiosk_button(ui, "key:space", Rect{ImVec2(x, y), ImVec2(x0 + board_w, y + key_h)}, space))
                ui.act(UiActionKind::Type, " ");
        }
        y += key_h + m.gap;
    }
}

}  // namespace easyread::kiosk::ui
