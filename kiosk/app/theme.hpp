// The kiosk's colours. Every text colour on its background reaches 7:1
// (WCAG AAA); meaning is never carried by colour alone.
#pragma once
#include <cstdint>

struct ImGuiStyle;

namespace easyread::kiosk::ui {

struct Rgb {
    std::uint8_t r, g, b;
};

struct Theme {
    Rgb background{0xFF, 0xFD, 0xF5};   // cream, never light-on-dark
    Rgb text{0x1A, 0x1A, 0x1A};
    Rgb button{0xFF, 0xFF, 0xFF};
    Rgb button_pressed{0xC9, 0xE0, 0xFF};
    Rgb button_outline{0x1A, 0x1A, 0x1A};
    Rgb chosen{0x0B, 0x3D, 0x91};         // outline and tick of a chosen answer
    Rgb chosen_fill{0xE3, 0xEE, 0xFF};
    Rgb staff{0x4A, 0x1D, 0x6B};          // staff screens get their own colour band
    Rgb warning_fill{0xFF, 0xF0, 0xC2};
};

const Theme& kiosk_theme();

// WCAG 2 contrast ratio of two colours, 1..21.
double contrast_ratio(Rgb a, Rgb b);

// 0xAABBGGRR as ImGui's draw list wants it.
std::uint32_t to_imgui(Rgb c, std::uint8_t alpha = 0xFF);

void apply_theme(ImGuiStyle& style, float border_px);

}  // namespace easyread::kiosk::ui
