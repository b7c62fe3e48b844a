// Sizes in millimetres turned into pixels for one screen, so a 20 mm target
// is 20 mm on a 96 dpi monitor and on a 141 dpi touchscreen alike.
#pragma once

namespace easyread::kiosk::ui {

struct Metrics {
    float px_per_mm = 96.0f / 25.4f;
    float screen_w = 1280, screen_h = 800;
    float target = 0;     // smallest touch target: 20 mm
    float gap = 0;        // space between targets: 3 mm
    float margin = 0;     // screen edge to first control
    float text = 32;      // body text, never under 32 px
    float heading = 40;   // question words
    float title = 64;     // welcome and thank-you words
    float border = 3;     // button outline, thick enough to see without colour
    // A small screen (a 10-inch tablet either way up, a 1366x768 laptop):
    // the bars are 20 mm high and the edges 3 mm, so the content has the room.
    bool compact = false;

    float mm(float millimetres) const { return millimetres * px_per_mm; }
};

// dpi <= 0 means "unknown": 96 dpi is assumed.
Metrics metrics_for_screen(float dpi, float screen_w, float screen_h);

// The dpi of a monitor from its reported physical size; 0 when it reports none.
float dpi_from_physical_size(int width_px, int width_mm);

}  // namespace easyread::kiosk::ui
