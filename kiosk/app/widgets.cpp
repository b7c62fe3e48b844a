#include "kiosk/app/widgets.hpp"

#include <algorithm>
#include <cfloat>
#include <cstdint>
#include <cstring>

#include "kiosk/app/theme.hpp"

namespace easyread::kiosk::ui {

ImTextureID as_texture(unsigned id) { return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(id)); }

namespace {

// Splits `text` into lines no wider than `width`, using ImGui's own word wrap.
template <class F>
void for_each_line(ImFont* font, float width, const std::string& text, F&& f) {
    const char* s = text.c_str();
    const char* end = s + text.size();
    while (s < end) {
        const char* wrap = font->CalcWordWrapPositionA(1.0f, s, end, width);
        if (wrap == s) wrap = s + 1;  // one glyph wider than the box: still make progress
        const char* line_end = wrap;
        if (const char* nl = static_cast<const char*>(memchr(s, '\n', static_cast<std::size_t>(wrap - s))))
            line_end = wrap = nl;
        f(s, line_end);
        s = wrap;
        while (s < end && (*s == ' ' || *s == '\n')) ++s;
    }
}

}  // namespace

float wrapped_height(ImFont* font, float width, const std::string& text) {
    int lines = 0;
    for_each_line(font, width, text, [&](const char*, const char*) { ++lines; });
    return static_cast<float>(lines) * font->FontSize * 1.15f;
}

std::vector<std::string> wrapped_lines(ImFont* font, float width, const std::string& text) {
    std::vector<std::string> out;
    for_each_line(font, width, text, [&](const char* b, const char* e) { out.emplace_back(b, e); });
    return out;
}

float centred_text(ImDrawList* dl, ImFont* font, const Rect& box, const std::string& text, ImU32 colour,
                   bool vertical_centre) {
    const float line_h = font->FontSize * 1.15f;
    float total = wrapped_height(font, box.w(), text);
    float y = vertical_centre ? box.min.y + std::max(0.0f, (box.h() - total) * 0.5f) : box.min.y;
    for_each_line(font, box.w(), text, [&](const char* b, const char* e) {
        float w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, b, e).x;
        dl->AddText(font, font->FontSize, ImVec2(box.min.x + (box.w() - w) * 0.5f, y), colour, b, e);
        y += line_h;
    });
    return total;
}

float left_text(ImDrawList* dl, ImFont* font, ImVec2 at, float width, const std::string& text, ImU32 colour) {
    const float line_h = font->FontSize * 1.15f;
    float y = at.y;
    for_each_line(font, width, text, [&](const char* b, const char* e) {
        dl->AddText(font, font->FontSize, ImVec2(at.x, y), colour, b, e);
        y += line_h;
    });
    return y - at.y;
}

void draw_picture(UiContext& ui, const std::string& picture, const Rect& square) {
    float side = std::min(square.w(), square.h());
    if (side < 4) return;
    unsigned tex = ui.picture(picture, side);
    if (!tex) return;
    ImVec2 c = square.centre();
    ImVec2 a(c.x - side * 0.5f, c.y - side * 0.5f), b(c.x + side * 0.5f, c.y + side * 0.5f);
    ImGui::GetWindowDrawList()->AddImage(as_texture(tex), a, b);
}

void draw_icon(ImDrawList* dl, Icon icon, const Rect& box, ImU32 colour) {
    const float s = std::min(box.w(), box.h());
    const ImVec2 c = box.centre();
    const float t = std::max(3.0f, s * 0.1f);  // stroke
    switch (icon) {
        case Icon::Back:
            dl->AddTriangleFilled(ImVec2(c.x - s * 0.4f, c.y), ImVec2(c.x, c.y - s * 0.35f),
                                  ImVec2(c.x, c.y + s * 0.35f), colour);
            dl->AddRectFilled(ImVec2(c.x - 1, c.y - s * 0.13f), ImVec2(c.x + s * 0.4f, c.y + s * 0.13f), colour);
            break;
        case Icon::Next:
            dl->AddTriangleFilled(ImVec2(c.x + s * 0.4f, c.y), ImVec2(c.x, c.y - s * 0.35f),
                                  ImVec2(c.x, c.y + s * 0.35f), colour);
            dl->AddRectFilled(ImVec2(c.x - s * 0.4f, c.y - s * 0.13f), ImVec2(c.x + 1, c.y + s * 0.13f), colour);
            break;
        case Icon::Listen: {
            // A loudspeaker with two sound waves.
            ImVec2 body[4] = {ImVec2(c.x - s * 0.42f, c.y - s * 0.13f), ImVec2(c.x - s * 0.22f, c.y - s * 0.13f),
                              ImVec2(c.x - s * 0.22f, c.y + s * 0.13f), ImVec2(c.x - s * 0.42f, c.y + s * 0.13f)};
            dl->AddConvexPolyFilled(body, 4, colour);
            ImVec2 cone[4] = {ImVec2(c.x - s * 0.22f, c.y - s * 0.13f), ImVec2(c.x + s * 0.02f, c.y - s * 0.35f),
                              ImVec2(c.x + s * 0.02f, c.y + s * 0.35f), ImVec2(c.x - s * 0.22f, c.y + s * 0.13f)};
            dl->AddConvexPolyFilled(cone, 4, colour);
            dl->PathArcTo(ImVec2(c.x + s * 0.02f, c.y), s * 0.2f, -0.8f, 0.8f, 12);
            dl->PathStroke(colour, 0, t * 0.7f);
            dl->PathArcTo(ImVec2(c.x + s * 0.02f, c.y), s * 0.36f, -0.8f, 0.8f, 16);
            dl->PathStroke(colour, 0, t * 0.7f);
            break;
        }
        case Icon::Help:
            dl->AddCircle(c, s * 0.42f, colour, 32, t * 0.8f);
            break;
        case Icon::Erase: {
            ImVec2 shape[5] = {ImVec2(c.x - s * 0.45f, c.y), ImVec2(c.x - s * 0.2f, c.y - s * 0.3f),
                               ImVec2(c.x + s * 0.45f, c.y - s * 0.3f), ImVec2(c.x + s * 0.45f, c.y + s * 0.3f),
                               ImVec2(c.x - s * 0.2f, c.y + s * 0.3f)};
            dl->AddPolyline(shape, 5, colour, ImDrawFlags_Closed, t * 0.6f);
            dl->AddLine(ImVec2(c.x - s * 0.02f, c.y - s * 0.14f), ImVec2(c.x + s * 0.26f, c.y + s * 0.14f), colour, t * 0.6f);
            dl->AddLine(ImVec2(c.x - s * 0.02f, c.y + s * 0.14f), ImVec2(c.x + s * 0.26f, c.y - s * 0.14f), colour, t * 0.6f);
            break;
        }
        case Icon::Space:
            dl->AddLine(ImVec2(c.x - s * 0.4f, c.y - s * 0.1f), ImVec2(c.x - s * 0.4f, c.y + s * 0.15f), colour, t * 0.6f);
            dl->AddLine(ImVec2(c.x - s * 0.4f, c.y + s * 0.15f), ImVec2(c.x + s * 0.4f, c.y + s * 0.15f), colour, t * 0.6f);
            dl->AddLine(ImVec2(c.x + s * 0.4f, c.y + s * 0.15f), ImVec2(c.x + s * 0.4f, c.y - s * 0.1f), colour, t * 0.6f);
            break;
        case Icon::Tick: {
            ImVec2 pts[3] = {ImVec2(c.x - s * 0.35f, c.y), ImVec2(c.x - s * 0.1f, c.y + s * 0.28f),
                             ImVec2(c.x + s * 0.38f, c.y - s * 0.3f)};
            dl->AddPolyline(pts, 3, colour, 0, t);
            break;
        }
        case Icon::Up:
            dl->AddTriangleFilled(ImVec2(c.x, c.y - s * 0.38f), ImVec2(c.x + s * 0.38f, c.y + s * 0.1f),
                                  ImVec2(c.x - s * 0.38f, c.y + s * 0.1f), colour);
            dl->AddRectFilled(ImVec2(c.x - s * 0.13f, c.y + s * 0.05f), ImVec2(c.x + s * 0.13f, c.y + s * 0.38f), colour);
            break;
        case Icon::Down:
            dl->AddTriangleFilled(ImVec2(c.x, c.y + s * 0.38f), ImVec2(c.x - s * 0.38f, c.y - s * 0.1f),
                                  ImVec2(c.x + s * 0.38f, c.y - s * 0.1f), colour);
            dl->AddRectFilled(ImVec2(c.x - s * 0.13f, c.y - s * 0.38f), ImVec2(c.x + s * 0.13f, c.y - s * 0.05f), colour);
            break;
        case Icon::None:
            break;
    }
}

bool kiosk_button(UiContext& ui, const char* name, const Rect& r, const ButtonLook& look) {
    const Theme& th = kiosk_theme();
    const Metrics& m = ui.metrics;
    ImGui::SetCursorScreenPos(r.min);
    ImGui::PushID(name);
    bool clicked = ImGui::InvisibleButton("##b", ImVec2(r.w(), r.h())) && look.enabled;
    bool pressed = ImGui::IsItemActive() && look.enabled;
    ImGui::PopID();
    if (look.enabled) ui.targets.push_back({name, r.min, r.max});

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = std::min(m.mm(3), r.h() * 0.2f);
    const std::uint8_t alpha = look.enabled ? 0xFF : 0x50;
    // Pressed: the button sinks a little and fills; visible the frame the finger lands.
    ImVec2 shift = pressed ? ImVec2(0, m.mm(0.6f)) : ImVec2(0, 0);
    Rect b{ImVec2(r.min.x + shift.x, r.min.y + shift.y), ImVec2(r.max.x + shift.x, r.max.y + shift.y)};
    Rgb fill = pressed ? th.button_pressed : (look.chosen ? th.chosen_fill : th.button);
    if (!pressed && look.enabled)  // a soft shadow makes it look pressable
        dl->AddRectFilled(ImVec2(r.min.x, r.min.y + m.mm(0.8f)), ImVec2(r.max.x, r.max.y + m.mm(0.8f)),
                          IM_COL32(0, 0, 0, 0x30), rounding);
    dl->AddRectFilled(b.min, b.max, to_imgui(fill, look.enabled ? 0xFF : 0x80), rounding);
    const float outline = look.chosen ? m.border * 2.5f : m.border;
    dl->AddRect(b.min, b.max, to_imgui(look.chosen ? th.chosen : th.button_outline, alpha), rounding, 0, outline);

    ImFont* font = look.font ? look.font : ui.fonts.body;
    const ImU32 ink = to_imgui(th.text, alpha);
    const float pad = std::max(m.mm(2), outline + 2);
    Rect inner{ImVec2(b.min.x + pad, b.min.y + pad), ImVec2(b.max.x - pad, b.max.y - pad)};
    const bool has_picture = ui.has_picture(look.picture);
    if (has_picture || (look.icon != Icon::None && inner.h() > inner.w() * 0.8f)) {
        // Picture (or icon) above, words below.
        // Words of three lines on a small screen's short button take up to
        // 60 % of its height; the picture keeps the rest, still large enough to know.
        float text_h = look.label.empty() ? 0
                                          : std::min(std::max(look.words_h, wrapped_height(font, inner.w(), look.label)),
                                                     inner.h() * 0.6f);
        Rect pic{inner.min, ImVec2(inner.max.x, inner.max.y - text_h - (text_h > 0 ? m.mm(1) : 0))};
        float side = std::min(pic.w(), pic.h());
        Rect sq{ImVec2(pic.centre().x - side * 0.5f, pic.centre().y - side * 0.5f),
                ImVec2(pic.centre().x + side * 0.5f, pic.centre().y + side * 0.5f)};
        if (has_picture)
            draw_picture(ui, look.picture, sq);
        else
            draw_icon(dl, look.icon, sq, ink);
        if (text_h > 0)
            centred_text(dl, font, Rect{ImVec2(inner.min.x, inner.max.y - text_h), inner.max}, look.label, ink);
    } else if (look.icon != Icon::None) {
        // Icon left, words right: the wide fixed controls (Back, Listen, Help).
        float side = std::min(inner.h(), font->FontSize * 1.4f);
        float text_w = look.label.empty() ? 0 : font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, look.label.c_str()).x;
        // Words too wide for one line (Next's "Send my answers" on a tablet upright) go on two.
        const float room = inner.w() - side - m.mm(2);
        const bool wrap = text_w > room;
        if (wrap) text_w = room;
        float total = side + (text_w > 0 ? m.mm(2) + text_w : 0);
        float x = inner.centre().x - std::min(total, inner.w()) * 0.5f;
        draw_icon(dl, look.icon, Rect{ImVec2(x, inner.centre().y - side * 0.5f), ImVec2(x + side, inner.centre().y + side * 0.5f)}, ink);
        if (look.icon == Icon::Help)  // the question mark inside the circle
            centred_text(dl, ui.fonts.heading, Rect{ImVec2(x, inner.min.y), ImVec2(x + side, inner.max.y)}, "?", ink);
        if (wrap)
            left_text(dl, font, ImVec2(x + side + m.mm(2), inner.centre().y - wrapped_height(font, room, look.label) * 0.5f),
                      room, look.label, ink);
        else if (text_w > 0)
            dl->AddText(font, font->FontSize, ImVec2(x + side + m.mm(2), inner.centre().y - font->FontSize * 0.55f), ink,
                        look.label.c_str());
    } else {
        centred_text(dl, font, inner, look.label, ink);
    }
    if (look.chosen) {  // a tick in a circle, top right: "chosen" without relying on colour
        float d = std::max(m.mm(8), m.target * 0.35f);
        ImVec2 c(b.max.x - d * 0.55f, b.min.y + d * 0.55f);
        dl->AddCircleFilled(c, d * 0.5f, to_imgui(th.chosen), 24);
        draw_icon(dl, Icon::Tick, Rect{ImVec2(c.x - d * 0.4f, c.y - d * 0.4f), ImVec2(c.x + d * 0.4f, c.y + d * 0.4f)},
                  IM_COL32_WHITE);
    }
    return clicked;
}

}  // namespace easyread::kiosk::ui
