#include "kiosk/app/theme.hpp"

#include <cmath>

#include <imgui.h>

namespace easyread::kiosk::ui {

const Theme& kiosk_theme() {
    static const Theme theme;  // constant data, not UI state
    return theme;
}

namespace {
double channel(std::uint8_t v) {
    double c = v / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
double luminance(Rgb c) {
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}
ImVec4 vec(Rgb c) { return ImVec4(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, 1.0f); }
}  // namespace

double contrast_ratio(Rgb a, Rgb b) {
    double la = luminance(a), lb = luminance(b);
    if (la < lb) std::swap(la, lb);
    return (la + 0.05) / (lb + 0.05);
}

std::uint32_t to_imgui(Rgb c, std::uint8_t alpha) {
    return IM_COL32(c.r, c.g, c.b, alpha);
}

void apply_theme(ImGuiStyle& style, float border_px) {
    const Theme& t = kiosk_theme();
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0;
    style.WindowRounding = 0;
    style.FrameRounding = 12;
    style.FrameBorderSize = border_px;
    style.ItemSpacing = ImVec2(0, 0);
    style.TouchExtraPadding = ImVec2(0, 0);
    style.AntiAliasedFill = true;
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = vec(t.background);
    c[ImGuiCol_Text] = vec(t.text);
    c[ImGuiCol_Border] = vec(t.button_outline);
    c[ImGuiCol_Button] = vec(t.button);
    c[ImGuiCol_ButtonHovered] = vec(t.button);  // touch screens have no hover
    c[ImGuiCol_ButtonActive] = vec(t.button_pressed);
    c[ImGuiCol_FrameBg] = vec(t.button);
    c[ImGuiCol_PopupBg] = vec(t.background);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.35f);
}

}  // namespace easyread::kiosk::ui
