#include <catch2/catch.hpp>

#include "kiosk/app/metrics.hpp"
#include "kiosk/app/screens/screen_frame.hpp"
#include "kiosk/app/theme.hpp"

using namespace easyread::kiosk::ui;

TEST_CASE("targets and gaps are sized in millimetres from the dpi") {
    Metrics at96 = metrics_for_screen(96, 1280, 800);
    Metrics at141 = metrics_for_screen(141, 1920, 1080);
    CHECK(at96.target == Approx(20 * 96 / 25.4).epsilon(0.001));
    CHECK(at141.target == Approx(20 * 141 / 25.4).epsilon(0.001));  // about 111 px
    CHECK(at141.gap == Approx(3 * 141 / 25.4).epsilon(0.001));
    CHECK(at96.text >= 32);
    CHECK(metrics_for_screen(40, 640, 480).text >= 32);  // never under 32 px, however coarse the screen
    CHECK(metrics_for_screen(0, 1280, 800).px_per_mm == Approx(96 / 25.4));  // unknown dpi: 96
}

TEST_CASE("a monitor's dpi comes from its physical size, nonsense sizes give none") {
    CHECK(dpi_from_physical_size(1920, 344) == Approx(141.8).epsilon(0.01));  // 15.6 inch 1080p
    CHECK(dpi_from_physical_size(1920, 0) == 0);
    CHECK(dpi_from_physical_size(1920, 1) == 0);
    CHECK(dpi_from_physical_size(1920, 5000) == 0);
}

TEST_CASE("every text colour reaches 7:1 on its background") {
    const Theme& t = kiosk_theme();
    CHECK(contrast_ratio(Rgb{0, 0, 0}, Rgb{255, 255, 255}) == Approx(21.0));
    CHECK(contrast_ratio(t.text, t.background) >= 7.0);
    CHECK(contrast_ratio(t.text, t.button) >= 7.0);
    CHECK(contrast_ratio(t.text, t.button_pressed) >= 7.0);
    CHECK(contrast_ratio(t.text, t.chosen_fill) >= 7.0);
    CHECK(contrast_ratio(t.text, t.warning_fill) >= 7.0);
    CHECK(contrast_ratio(Rgb{255, 255, 255}, t.staff) >= 7.0);   // white words on the staff band
    CHECK(contrast_ratio(Rgb{255, 255, 255}, t.chosen) >= 7.0);  // white tick on the chosen mark
}

namespace {

void check_grid(const Metrics& m, const Rect& area, int count) {
    std::vector<Rect> rects = choice_grid(m, area, count, m.mm(60));
    REQUIRE(static_cast<int>(rects.size()) == count);
    for (std::size_t i = 0; i < rects.size(); ++i) {
        INFO("button " << i << " of " << count);
        CHECK(rects[i].w() >= m.target - 0.5f);
        CHECK(rects[i].h() >= m.target - 0.5f);
        CHECK(rects[i].min.x >= area.min.x - 0.5f);
        CHECK(rects[i].max.x <= area.max.x + 0.5f);
        for (std::size_t j = i + 1; j < rects.size(); ++j) {
            // Apart by at least the 3 mm gap in x or in y.
            float dx = std::max(rects[j].min.x - rects[i].max.x, rects[i].min.x - rects[j].max.x);
            float dy = std::max(rects[j].min.y - rects[i].max.y, rects[i].min.y - rects[j].max.y);
            CHECK(std::max(dx, dy) >= m.gap - 0.5f);
        }
    }
}

}  // namespace

TEST_CASE("answer buttons are 20 mm or more with 3 mm gaps for every count") {
    for (float dpi : {96.0f, 141.0f}) {
        Metrics m = metrics_for_screen(dpi, dpi > 100 ? 1920 : 1280, dpi > 100 ? 1080 : 800);
        ScreenFrame f = frame_layout(m);
        Rect answers{ImVec2(f.content.min.x, f.content.min.y + m.mm(40)), f.content.max};
        for (int n = 1; n <= 9; ++n) check_grid(m, answers, n);
    }
}

TEST_CASE("Back, Listen and Help are fixed, 20 mm high, and clear of the content") {
    Metrics m = metrics_for_screen(141, 1920, 1080);
    ScreenFrame f = frame_layout(m);
    CHECK(f.back.min.x < f.listen.min.x);
    CHECK(f.back.h() >= m.target);
    CHECK(f.listen.h() >= m.target);
    CHECK(f.help.h() >= m.target);
    CHECK(f.help.min.y > f.content.max.y);
    CHECK(f.back.max.y < f.content.min.y);
    CHECK(f.help.max.x == Approx(f.listen.max.x));  // the right-hand column lines up
    CHECK(f.next.max.x + m.gap <= f.help.min.x);
}
