// The organisation's logo on the cover: drawn at the top right in the PDF and
// HTML with alt text; a logo that cannot be used is a warning at its line.
#include <cairo.h>

#include <cstdint>
#include <cstdio>

#include <catch2/catch.hpp>

#include "tests/generator/pdf_figures.hpp"
#include "tests/support/command.hpp"

namespace {

const char* kFront = "---\ntitle: Our plan for homes\norganisation: Millbrook Council\nlogo: %s\ncontact: Call 01632 960123\n---\n\n"
                     "# Homes\n\nWe want you to have a good home. {picture=house}\n";

std::string with_logo(const std::string& logo) {
    char buf[512];
    std::snprintf(buf, sizeof buf, kFront, logo.c_str());
    return buf;
}

// The colour at (fx, fy), as fractions of the page, of page 1 drawn at 36 dpi.
unsigned pixel_on_cover(const std::string& pdf, double fx, double fy) {
    REQUIRE(run_command("pdftoppm -r 36 -png -f 1 -l 1 -singlefile '" + pdf + "' '" + pdf + "-cover'").exit_code == 0);
    cairo_surface_t* s = cairo_image_surface_create_from_png((pdf + "-cover.png").c_str());
    REQUIRE(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS);
    cairo_surface_flush(s);
    const int x = static_cast<int>(fx * cairo_image_surface_get_width(s));
    const int y = static_cast<int>(fy * cairo_image_surface_get_height(s));
    const unsigned char* row = cairo_image_surface_get_data(s) + y * cairo_image_surface_get_stride(s);
    unsigned argb = reinterpret_cast<const uint32_t*>(row)[x];
    cairo_surface_destroy(s);
    return argb & 0xFFFFFF;
}

// Within a few steps of each channel: drawing may round a colour by one.
bool near(unsigned got, unsigned want) {
    for (int shift = 0; shift < 24; shift += 8) {
        int a = (got >> shift) & 0xFF, b = (want >> shift) & 0xFF;
        if (a - b > 4 || b - a > 4) return false;
    }
    return true;
}

}  // namespace

TEST_CASE("an SVG logo is drawn at the top right of the cover, with its organisation's name as alt text") {
    std::string dir = fresh_dir("logo-svg");
    write_file(dir + "/council.svg",
               "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"100\" viewBox=\"0 0 300 100\">"
               "<rect width=\"300\" height=\"100\" fill=\"#0000ff\"/></svg>\n");
    write_file(dir + "/in.md", with_logo("council.svg"));
    CommandResult r = run_easyread("build " + dir + "/in.md -o " + dir);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("warning[") == std::string::npos);
    std::vector<std::string> alts = figure_alts(dir + "/in.pdf");
    REQUIRE_FALSE(alts.empty());
    CHECK(alts.front() == "Millbrook Council logo");
    // A4 with 20 mm margins: the logo's box ends at the right margin, 20 mm high.
    CHECK(near(pixel_on_cover(dir + "/in.pdf", 0.80, 0.10), 0x0000FF));
    CHECK(near(pixel_on_cover(dir + "/in.pdf", 0.20, 0.10), 0xFFFFFF));
    std::string html = read_file(dir + "/in.html");
    CHECK(html.find("<img class=\"logo\" src=\"data:image/svg+xml;base64,") != std::string::npos);
    CHECK(html.find("alt=\"Millbrook Council logo\">") != std::string::npos);
}

TEST_CASE("a PNG logo works the same") {
    std::string dir = fresh_dir("logo-png");
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 200, 100);
    cairo_t* cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 0, 0);
    cairo_paint(cr);
    cairo_destroy(cr);
    REQUIRE(cairo_surface_write_to_png(s, (dir + "/logo.png").c_str()) == CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(s);
    write_file(dir + "/in.md", with_logo("logo.png"));
    CommandResult r = run_easyread("build " + dir + "/in.md -o " + dir);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(near(pixel_on_cover(dir + "/in.pdf", 0.80, 0.10), 0xFF0000));
    CHECK(read_file(dir + "/in.html").find("<img class=\"logo\" src=\"data:image/png;base64,") != std::string::npos);
}

TEST_CASE("a logo that cannot be used is a warning at its front matter line, the document is still made") {
    std::string dir = fresh_dir("logo-bad");
    write_file(dir + "/missing.md", with_logo("nowhere.svg"));
    CommandResult r = run_easyread("build " + dir + "/missing.md -o " + dir);
    CHECK(r.exit_code == 0);
    CHECK(r.err.find(dir + "/missing.md:4:1: warning[logo]: cannot use the logo \"nowhere.svg\"") != std::string::npos);
    for (const auto& alt : figure_alts(dir + "/missing.pdf")) CHECK(alt != "Millbrook Council logo");

    write_file(dir + "/word.md", with_logo("logo.docx"));
    r = run_easyread("build " + dir + "/word.md -o " + dir);
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("word.md:4:1: warning[logo]: the logo \"logo.docx\" is not an SVG or PNG file") != std::string::npos);

    write_file(dir + "/broken.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect\n");
    write_file(dir + "/broken.md", with_logo("broken.svg"));
    r = run_easyread("build " + dir + "/broken.md -o " + dir);
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("broken.md:4:1: warning[logo]: cannot use the logo \"broken.svg\"") != std::string::npos);
}
