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
// Layers: small letters, capitals (for one letter), digits and signs.
const char* const kRows[3][3] = {{"abcdefghij", "klmnopqrst", "uvwxyz'.,?"},
                                 {"ABCDEFGHIJ", "KLMNOPQRST", "UVWXYZ'.,?"},
                                 {"1234567890", "-/:;()&@!\"", "+=#%*_'.,?"}};
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

void draw_keyboard_screen(UiContext& ui, const SessionView& view, const ScreenFrame& f) {
    const Metrics& m = ui.metrics;
    float y = f.content.min.y;
    Rect title_area = f.content;
    y += draw_title(ui, title_area, view.title, view.picture) + m.mm(3);

    const float key = std::max(m.target, std::min((f.content.w() - 9 * m.gap) / 10.0f, m.mm(26)));
    const float box_h = ui.fonts.heading->FontSize * 1.6f;
    const float board_w = key * 10 + m.gap * 9;
    const float x0 = f.content.centre().x - board_w * 0.5f;
    const bool has_skip = !view.choices.empty();
    const float skip_w = has_skip ? std::max(m.mm(45), key * 2.2f) : 0.0f;
    Rect box{ImVec2(x0, y), ImVec2(x0 + board_w - (has_skip ? skip_w + m.mm(6) : 0), y + box_h)};
    draw_text_box(ui, box, view.text, view.text_masked);
    if (has_skip) {
        const Choice& c = view.choices.front();
        ButtonLook look{c.label, {}};
        Rect r{ImVec2(box.max.x + m.mm(6), y), ImVec2(x0 + board_w, y + box_h)};
        std::string name = "option:" + c.id;
        if (kiosk_button(ui, name.c_str(), r, look)) ui.act(UiActionKind::Option, c.id);
    }
    y += box_h + m.mm(4);

    // Keys shrink to fit the height left, but never under 20 mm.
    const float rows_h = f.content.max.y - y;
    const float key_h = std::max(m.target, std::min(key, (rows_h - 3 * m.gap) / 4.0f));
    const bool full = view.text_max > 0 && view.text.size() >= view.text_max;
    const int layer = std::clamp(ui.keyboard_layer, 0, 2);
    for (const char* row : kRows[layer]) {
        float x = x0;
        for (const char* k = row; *k; ++k) {
            std::string letter(1, *k);
            ButtonLook look{letter, {}};
            look.font = ui.fonts.heading;
            look.enabled = !full;
            std::string name = "key:" + letter;
            if (kiosk_button(ui, name.c_str(), Rect{ImVec2(x, y), ImVec2(x + key, y + key_h)}, look))
                ui.act(UiActionKind::Type, letter);
            x += key + m.gap;
        }
        y += key_h + m.gap;
    }
    // The layer key on the left, space across the middle, Delete on the right.
    ButtonLook shift{kLayerKey[layer], {}};
    shift.font = ui.fonts.heading;
    if (kiosk_button(ui, "key:layer", Rect{ImVec2(x0, y), ImVec2(x0 + key * 2 + m.gap, y + key_h)}, shift))
        ui.act(UiActionKind::KeyboardLayer);
    ButtonLook space{"space", {}, Icon::Space};
    space.enabled = !full;
    float space_w = key * 6 + m.gap * 5;
    if (kiosk_button(ui, "key:space", Rect{ImVec2(x0 + key * 2 + m.gap * 2, y), ImVec2(x0 + key * 2 + m.gap * 2 + space_w, y + key_h)},
                     space))
        ui.act(UiActionKind::Type, " ");
    ButtonLook erase{"delete", {}, Icon::Erase};
    erase.enabled = !view.text.empty();
    if (kiosk_button(ui, "erase", Rect{ImVec2(x0 + board_w - key * 2 - m.gap, y), ImVec2(x0 + board_w, y + key_h)}, erase))
        ui.act(UiActionKind::Erase);
}

}  // namespace easyread::kiosk::ui
