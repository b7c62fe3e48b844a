// The kiosk's few controls, drawn at fixed places with ImGui's draw list.
// A control shows its pressed look in the same frame the finger lands.
#pragma once
#include <string>
#include <vector>

#include "kiosk/app/ui_context.hpp"

namespace easyread::kiosk::ui {

struct Rect {
    ImVec2 min, max;
    float w() const { return max.x - min.x; }
    float h() const { return max.y - min.y; }
    ImVec2 centre() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
};

enum class Icon { None, Back, Listen, Help, Next, Erase, Space, Tick, Up, Down };

struct ButtonLook {
    std::string label;      // words under the picture (or beside the icon)
    std::string picture;    // bank picture id; empty for none
    Icon icon = Icon::None;
    bool chosen = false;    // thick blue outline, tinted fill and a tick: never colour alone
    bool enabled = true;    // disabled controls stay in place, drawn faint, and ignore taps
    bool negative = false;  // (reserved for a future "are you sure" look)
    ImFont* font = nullptr;  // default: fonts.body
    float words_h = 0;       // the words' height at least: answers side by side share one, so their pictures match
};

// True on the frame the tap is released over the button (ImGui's click).
// `name` is the tap-target name, unique on the screen.
bool kiosk_button(UiContext& ui, const char* name, const Rect& r, const ButtonLook& look);

// Words centred in a box, wrapped at its width; returns the height used.
float centred_text(ImDrawList* dl, ImFont* font, const Rect& box, const std::string& text, ImU32 colour,
                   bool vertical_centre = true);
// Height `text` needs when wrapped at `width`.
float wrapped_height(ImFont* font, float width, const std::string& text);
// The lines `text` wraps into at `width` (each drawn font->FontSize * 1.15 apart).
std::vector<std::string> wrapped_lines(ImFont* font, float width, const std::string& text);
// Words from the left edge of the box, wrapped; returns the height used.
float left_text(ImDrawList* dl, ImFont* font, ImVec2 at, float width, const std::string& text, ImU32 colour);

// A GL texture name (UiContext::picture, page) as ImGui takes it.
ImTextureID as_texture(unsigned id);
// A bank picture fitted in a square; nothing when the picture is missing.
void draw_picture(UiContext& ui, const std::string& picture, const Rect& square);
void draw_icon(ImDrawList* dl, Icon icon, const Rect& box, ImU32 colour);

}  // namespace easyread::kiosk::ui
