#include "kiosk/app/hardware_keys.hpp"

#include <GLFW/glfw3.h>

#include <string>

namespace easyread::kiosk::ui {

namespace {

std::string utf8(unsigned c) {
    std::string s;
    if (c < 0x80) {
        s += static_cast<char>(c);
    } else if (c < 0x800) {
        s += static_cast<char>(0xC0 | (c >> 6));
        s += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        s += static_cast<char>(0xE0 | (c >> 12));
        s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        s += static_cast<char>(0xF0 | (c >> 18));
        s += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (c & 0x3F));
    }
    return s;
}

}  // namespace

void read_hardware_keys(const ImGuiIO& io, const std::vector<PlatformWindow::KeyPress>& keys, const SessionView& view,
                        std::vector<UiAction>& out) {
    if (view.keyboard == Keyboard::None) return;
    // A shortcut is never typing (Ctrl+W, Alt+F4, Super+anything).
    const int shortcut = GLFW_MOD_CONTROL | GLFW_MOD_ALT | GLFW_MOD_SUPER;
    if (!io.KeyCtrl && !io.KeyAlt && !io.KeySuper) {
        for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
            const unsigned c = io.InputQueueCharacters[i];
            if (c < 0x20 || c == 0x7F) continue;  // control characters
            out.push_back({UiActionKind::Type, utf8(c)});
        }
    }
    const bool pin = view.screen == Screen::StaffPin || view.screen == Screen::StaffSetPin;
    for (const PlatformWindow::KeyPress& k : keys) {
        if (k.mods & shortcut) continue;
        if (k.key == GLFW_KEY_BACKSPACE) out.push_back({UiActionKind::Erase, {}});
        if (pin && (k.key == GLFW_KEY_ENTER || k.key == GLFW_KEY_KP_ENTER)) out.push_back({UiActionKind::Next, {}});
    }
}

}  // namespace easyread::kiosk::ui
