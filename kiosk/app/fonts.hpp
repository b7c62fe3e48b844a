// Andika (made for new readers) baked into ImGui's atlas at kiosk sizes,
// with DejaVu Sans when Andika is not installed.
#pragma once
#include <string>

struct ImFont;
struct ImGuiIO;

namespace easyread::kiosk::ui {

struct Metrics;

struct KioskFonts {
    ImFont* body = nullptr;     // answers, buttons: metrics.text px
    ImFont* heading = nullptr;  // the question: bold, metrics.heading px
    ImFont* title = nullptr;    // welcome and thank you: bold, metrics.title px
    std::string regular_file, bold_file;
};

// Fills io.Fonts; false (with a message naming the files tried) when no font is found.
bool load_fonts(ImGuiIO& io, const Metrics& metrics, KioskFonts& out, std::string& error);

}  // namespace easyread::kiosk::ui
