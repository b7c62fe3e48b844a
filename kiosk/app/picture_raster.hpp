// Draws one SVG from the picture bank into straight-alpha RGBA pixels at the
// size it will be shown, so pictures stay sharp on any screen.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace easyread::kiosk::ui {

struct RgbaImage {
    int width = 0, height = 0;
    std::vector<std::uint8_t> pixels;  // width * height * 4, straight (not premultiplied) alpha
};

// Fits the picture inside size x size, centred. False with a message on a missing or broken file.
bool rasterise_svg(const std::string& svg_path, int size, RgbaImage& out, std::string& error);

}  // namespace easyread::kiosk::ui
