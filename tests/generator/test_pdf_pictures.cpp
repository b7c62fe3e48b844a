// SVG pictures in the PDF: each drawn once (as a form the pages share) and
// seen where the layout put it, in its own colours, read back with qpdf and
// drawn by poppler's pdftoppm; a picture that cannot be read leaves its
// cell white with one warning.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <cairo.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <map>
#include <set>

#include "base/file_names.hpp"
#include "generator/pipeline.hpp"
#include "tests/support/command.hpp"

using namespace easyread;

namespace {

std::string square_svg(const char* colour) {
    return std::string("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"40\" viewBox=\"0 0 40 40\">"
                       "<rect width=\"40\" height=\"40\" fill=\"") +
           colour + "\"/></svg>\n";
}

// The colour of a picture file: what its centre must be on the page.
const std::map<std::string, unsigned> kColours = {
    {"red.svg", 0xD01010}, {"green.svg", 0x10A010}, {"blue.svg", 0x1030C0}, {"photo.png", 0x336699},
    {"broken.svg", 0xFFFFFF},  // cannot be read: the cell stays white
};

void write_png(const std::string& path, unsigned rgb) {
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 8, 8);
    cairo_t* cr = cairo_create(s);
    cairo_set_source_rgb(cr, (rgb >> 16) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0);
    cairo_paint(cr);
    cairo_destroy(cr);
    REQUIRE(cairo_surface_write_to_png(s, path.c_str()) == CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(s);
}

bool near(unsigned got, unsigned want) {
    for (int shift = 0; shift < 24; shift += 8) {
        const int a = (got >> shift) & 0xFF, b = (want >> shift) & 0xFF;
        if (a - b > 6 || b - a > 6) return false;
    }
    return true;
}

std::string hex(unsigned rgb) {
    char s[8];
    std::snprintf(s, sizeof s, "%06X", rgb);
    return s;
}

std::string base_name(const std::string& path) { return path.substr(path.find_last_of('/') + 1); }

}  // namespace

TEST_CASE("each SVG picture is in the PDF once, drawn where the layout put it") {
    TempDir dir;
    write_file(dir.file("red.svg"), square_svg("#d01010"));
    write_file(dir.file("green.svg"), square_svg("#10a010"));
    write_file(dir.file("blue.svg"), square_svg("#1030c0"));
    write_file(dir.file("broken.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"10\"");
    write_png(dir.file("photo.png"), 0x336699);
    std::string md = "---\ntitle: Our pictures\ncontact: Call 01234 567890\n---\n";
    const char* order[] = {"red.svg", "green.svg", "red.svg", "blue.svg", "broken.svg", "green.svg", "photo.png",
                           "red.svg", "blue.svg",  "red.svg",   "green.svg", "blue.svg"};
    int n = 0;
    for (const char* file : order) {
        const std::string number = std::to_string(++n);
        md += "![picture " + number + "](" + file + ") This is point " + number + ".\n\n";
    }
    write_file(dir.file("doc.md"), md);

    Diagnostics diags;
    PipelineOptions po;
    po.page = GENERATE("a4", "a5");
    INFO("page " << po.page);
    auto c = compile_file(dir.file("doc.md"), po, diags);
    REQUIRE(c);
    REQUIRE(c->laid_out);
    std::vector<std::string> written;
    Diagnostics out;
    const std::string pdf = dir.file(po.page + ".pdf");
    REQUIRE(render_output(*c, pdf, 96, written, out));
    int broken_warnings = 0;
    for (const auto& d : out.items())
        if (d.id == "broken-picture") {
            ++broken_warnings;
            CHECK(base_name(d.file) == "broken.svg");
        }
    CHECK(broken_warnings == 1);

    // Every SVG in a square cell the layout placed, by file.
    std::set<std::string> svgs;
    int uses = 0;
    for (const auto& page : c->pages.pages)
        for (const auto& it : page.items)
            if (it.kind == ItemKind::Picture && it.width == it.height && has_ending(it.picture_file, ".svg") &&
                base_name(it.picture_file) != "broken.svg") {
                svgs.insert(it.picture_file);
                ++uses;
            }
    REQUIRE(svgs.size() >= 3);  // ours, and the bundled ones the front and back pages use

    // A sound file to qpdf (cross-reference stream, object streams, every
    // stream's length and compression).
    const CommandResult check = run_command("qpdf --check '" + pdf + "'");
    INFO(check.both());
    CHECK(check.exit_code == 0);

    // Read back: one form per SVG, shared by every page that shows it; the
    // PNG an image; nothing else drawn as an image.
    QPDF q;
    q.processFile(pdf.c_str());
    std::set<QPDFObjGen> forms, empty_forms, images;
    for (auto& page : QPDFPageDocumentHelper(q).getAllPages()) {
        QPDFObjectHandle xobjects = page.getObjectHandle().getKey("/Resources").getKey("/XObject");
        if (!xobjects.isDictionary()) continue;
        for (const auto& name : xobjects.getKeys()) {
            QPDFObjectHandle x = xobjects.getKey(name);
            REQUIRE(x.isStream());
            const std::string subtype = x.getDict().getKey("/Subtype").getName();
            if (subtype == "/Form")
                (x.getStreamData(qpdf_dl_all)->getSize() > 0 ? forms : empty_forms).insert(x.getObjGen());
            if (subtype == "/Image") images.insert(x.getObjGen());
        }
    }
    CHECK(forms.size() == svgs.size());
    CHECK(empty_forms.size() <= 1);  // where broken.svg would be
    CHECK(images.size() == 1);  // photo.png
    CHECK(uses > static_cast<int>(svgs.size()));

    // Drawn: each of our pictures' centre is its colour on the page.
    constexpr double dpi = 36;
    const std::string stem = dir.file(po.page + "-page");
    REQUIRE(run_command("pdftoppm -r 36 -png '" + pdf + "' '" + stem + "'").exit_code == 0);
    const int digits = c->pages.pages.size() >= 100 ? 3 : c->pages.pages.size() >= 10 ? 2 : 1;
    int checked = 0;
    for (std::size_t p = 0; p < c->pages.pages.size(); ++p) {
        std::string number = std::to_string(p + 1);
        number.insert(0, static_cast<std::size_t>(digits) - number.size(), '0');
        cairo_surface_t* s = cairo_image_surface_create_from_png((stem + "-" + number + ".png").c_str());
        REQUIRE(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS);
        cairo_surface_flush(s);
        for (const auto& it : c->pages.pages[p].items) {
            if (it.kind != ItemKind::Picture) continue;
            auto colour = kColours.find(base_name(it.picture_file));
            if (colour == kColours.end()) continue;
            const int x = static_cast<int>((it.x + it.width / 2) * dpi / 72);
            const int y = static_cast<int>((it.y + it.height / 2) * dpi / 72);
            const unsigned char* row = cairo_image_surface_get_data(s) + y * cairo_image_surface_get_stride(s);
            const unsigned got = reinterpret_cast<const std::uint32_t*>(row)[x] & 0xFFFFFF;
            INFO("page " << p + 1 << ", " << colour->first << ": " << hex(got) << ", want " << hex(colour->second));
            CHECK(near(got, colour->second));
            ++checked;
        }
        cairo_surface_destroy(s);
    }
    CHECK(checked == 12);
}
