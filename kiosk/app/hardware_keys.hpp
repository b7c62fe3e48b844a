// A hardware keyboard (carers often bring one to a stand) types into the
// boxes the on-screen keyboard types into: comments, "Anything else?", the
// event name and the staff PIN. Letters become the same Type taps, Backspace
// erases, Enter sends a PIN. Every other key, and every shortcut with Ctrl,
// Alt or Super, is ignored: nothing typed can leave or close the kiosk.
#pragma once
#include <vector>

#include <imgui.h>

#include "kiosk/core/session.hpp"
#include "kiosk/app/platform_window.hpp"
#include "kiosk/app/ui_context.hpp"

namespace easyread::kiosk::ui {

// Appends this frame's typing as actions: `io`'s characters (after NewFrame)
// and the window's key presses (PlatformWindow::take_keys).
void read_hardware_keys(const ImGuiIO& io, const std::vector<PlatformWindow::KeyPress>& keys, const SessionView& view,
                        std::vector<UiAction>& out);

}  // namespace easyread::kiosk::ui
