#include "kiosk/app/metrics.hpp"

#include <algorithm>

namespace easyread::kiosk::ui {

namespace {
constexpr float kMinTargetMm = 20.0f;  // motor difficulties: 20 mm, not 9 mm
constexpr float kGapMm = 3.0f;
constexpr float kMinTextPx = 32.0f;
// Under 230 x 150 mm the frame gives up its wider margins (a 15.6 inch laptop is 345 x 194 mm).
struct MmSize {
    float x, y;
};
constexpr MmSize kCompactUnderMm{230.0f, 150.0f};
}  // namespace

Metrics metrics_for_screen(float dpi, float screen_w, float screen_h) {
    Metrics m;
    if (dpi <= 0) dpi = 96.0f;
    m.px_per_mm = dpi / 25.4f;
    m.screen_w = screen_w;
    m.screen_h = screen_h;
    m.target = m.mm(kMinTargetMm);
    m.gap = m.mm(kGapMm);
    m.margin = m.mm(5.0f);
    // Text grows with the screen's density but never drops under 32 px.
    m.text = std::max(kMinTextPx, m.mm(7.0f));
    m.heading = std::max(m.text * 1.25f, m.mm(9.0f));
    m.title = std::max(m.text * 2.0f, m.mm(14.0f));
    m.border = std::max(3.0f, m.mm(0.8f));
    m.compact = screen_w / m.px_per_mm < kCompactUnderMm.x || screen_h / m.px_per_mm < kCompactUnderMm.y;
    return m;
}

float dpi_from_physical_size(int width_px, int width_mm) {
    if (width_px <= 0 || width_mm <= 0) return 0.0f;
    float dpi = static_cast<float>(width_px) * 25.4f / static_cast<float>(width_mm);
    // Some drivers report nonsense sizes (for example 1 mm or 5 m wide).
    return (dpi >= 40.0f && dpi <= 600.0f) ? dpi : 0.0f;
}

}  // namespace easyread::kiosk::ui
