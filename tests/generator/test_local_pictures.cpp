// ![my photo](photo.png): a PNG, JPEG or SVG beside the Markdown file is that
// chunk's picture, with the words as its alt text, in the PDF and the HTML.
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <stdlib.h>

#include <cairo.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "generator/pipeline.hpp"

using namespace easyread;

namespace {

std::string make_dir() {
    char name[] = "local-pictures-XXXXXX";
    REQUIRE(mkdtemp(name) != nullptr);
    char* full = realpath(name, nullptr);
    std::string out = full;
    free(full);
    return out;
}

void write(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// A real 8x8 picture, drawn with cairo and saved as PNG (and JPEG).
void write_pictures(const std::string& dir) {
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 8, 8);
    cairo_t* cr = cairo_create(s);
    cairo_set_source_rgb(cr, 0.2, 0.4, 0.8);
    cairo_paint(cr);
    cairo_destroy(cr);
    REQUIRE(cairo_surface_write_to_png(s, (dir + "/photo.png").c_str()) == CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(s);
    GError* err = nullptr;
    GdkPixbuf* pb = gdk_pixbuf_new_from_file((dir + "/photo.png").c_str(), &err);
    REQUIRE(pb != nullptr);
    REQUIRE(gdk_pixbuf_save(pb, (dir + "/holiday.jpg").c_str(), "jpeg", &err, nullptr));
    g_object_unref(pb);
    write(dir + "/logo.svg",
          "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" "
          "height=\"10\" fill=\"#336\"/></svg>");
}

int count(const std::string& hay, const std::string& needle) {
    int n = 0;
    for (auto p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("pictures beside the Markdown file are used with their words as alt text") {
    const std::string dir = make_dir();
    write_pictures(dir);
    const std::string md = dir + "/doc.md";
    write(md, "---\ntitle: Our day out\ncontact: Call 01234 567890\n---\n"
              "![our minibus](photo.png) We went to the sea.\n\n"
              "![me on the beach](holiday.jpg) I liked the beach.\n\n"
              "![our logo](logo.svg) This is our group.\n\n"
              "![a lost picture](missing.png) This picture is not there.\n\n"
              "![an old picture](old.gif) GIF is not used.\n");
    Diagnostics diags;
    PipelineOptions po;
    auto c = compile_file(md, po, diags);
    REQUIRE(c);
    REQUIRE(c->laid_out);
    const auto& blocks = c->doc.blocks;
    REQUIRE(blocks.size() == 5);
    for (int i = 0; i < 3; ++i) {
        INFO("chunk " << i);
        CHECK(blocks[i].picture_id.rfind("file:", 0) == 0);
        CHECK(c->bank().find(blocks[i].picture_id) != nullptr);
    }
    CHECK(blocks[0].picture_alt == "our minibus");
    CHECK(blocks[1].picture_alt == "me on the beach");
    // The text stays the text: no file name in the words.
    CHECK(blocks[0].plain_text() == "We went to the sea.");

    std::string problems;
    for (const auto& d : c->build_diags.items()) problems += format_diagnostic(d) + "\n";
    INFO(problems);
    CHECK(problems.find("doc.md:11:1: warning[image]: the picture file missing.png is not there") != std::string::npos);
    CHECK(problems.find("doc.md:13:1: warning[image]: a picture file must be PNG, JPEG or SVG (old.gif)") !=
          std::string::npos);
    CHECK(count(problems, "warning[image]") == 2);

    std::vector<std::string> written;
    Diagnostics out_diags;
    REQUIRE(render_output(*c, dir + "/doc.html", 96, written, out_diags));
    const std::string html = slurp(dir + "/doc.html");
    CHECK(html.find("alt=\"our minibus\"") != std::string::npos);
    CHECK(html.find("alt=\"me on the beach\"") != std::string::npos);
    CHECK(html.find("alt=\"our logo\"") != std::string::npos);
    CHECK(count(html, "data:image/png;base64,") >= 2);  // the PNG and the JPEG, made a PNG
    REQUIRE(render_output(*c, dir + "/doc.pdf", 96, written, out_diags));
    CHECK(out_diags.count(Severity::Warning) == 0);
}
