#include <catch2/catch.hpp>

#include "kiosk/app/picture_raster.hpp"

using namespace easyread::kiosk::ui;

TEST_CASE("a bank SVG is drawn at the size asked, with see-through corners") {
    RgbaImage img;
    std::string error;
    const std::string happy = std::string(EASYREAD_SOURCE_DIR) + "/symbols/openmoji/1F600.svg";
    REQUIRE(rasterise_svg(happy, 96, img, error));
    CHECK(img.width == 96);
    CHECK(img.height == 96);
    REQUIRE(img.pixels.size() == 96u * 96u * 4u);
    CHECK(img.pixels[3] == 0);  // top-left corner is transparent
    // The face's middle is opaque and yellow (straight alpha: red and green high, blue low).
    const std::uint8_t* mid = &img.pixels[(48 * 96 + 30) * 4];
    CHECK(mid[3] == 255);
    CHECK(mid[0] > 200);
    CHECK(mid[1] > 180);
    CHECK(mid[2] < 120);
}

TEST_CASE("a missing or broken picture is an error, not a crash") {
    RgbaImage img;
    std::string error;
    CHECK_FALSE(rasterise_svg("/nonexistent/picture.svg", 64, img, error));
    CHECK(error.find("/nonexistent/picture.svg") != std::string::npos);
    CHECK_FALSE(rasterise_svg(std::string(EASYREAD_SOURCE_DIR) + "/symbols/openmoji/1F600.svg", 0, img, error));
}
