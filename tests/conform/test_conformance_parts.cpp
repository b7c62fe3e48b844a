// Rules the layout never breaks on its own (it sets text left aligned, dark
// and upright, one column, pictures left): each measurement is shown to fail
// on pages made by hand with real Pango layouts, and to pass on real pages.
#include <catch2/catch.hpp>

#include <cairo-pdf.h>

#include "generator/conform/measure.hpp"
#include "generator/layout/text_layout.hpp"
#include "tests/conform/conformance_doc.hpp"
#include "tests/support/command.hpp"

using namespace easyread;
using namespace easyread::conform;

namespace {

PlacedItem text_item(const std::string& markup, double x, double y, double width, unsigned colour = 0x111111) {
    static PangoContext* ctx = new_measure_context();
    PlacedItem it;
    it.kind = ItemKind::Text;
    it.tag = Tag::P;
    it.markup = markup;
    it.style.size = 16;
    it.style.colour = colour;
    it.x = x;
    it.y = y;
    it.width = width;
    it.block = 0;
    it.chunk = 0;
    it.source_line = 7;
    it.layout.reset(make_text_layout(ctx, markup, it.style, width), g_object_unref);
    it.height = layout_height(it.layout.get());
    return it;
}

LaidOutDocument one_page(std::vector<PlacedItem> items) {
    LaidOutDocument doc;
    Page p;
    p.number = 3;
    p.items = std::move(items);
    doc.pages.push_back(std::move(p));
    return doc;
}

const LaidOutDocument& real_pages() {
    static auto c = test::compiled(test::kGoodDocument, "easy-read-standard");
    REQUIRE(c->laid_out);
    return c->pages;
}

}  // namespace

TEST_CASE("grey text on white is not met, and the layout's own colours are") {
    Finding grey = measure_contrast(one_page({text_item("We meet.", 100, 100, 300, 0xAAAAAA)}), 4.5);
    CHECK_FALSE(grey.met);
    REQUIRE(grey.places.size() == 1);
    CHECK(grey.places[0].page == 3);
    CHECK(grey.places[0].what == "#AAAAAA on white is 2.3 to 1");
    Finding link = measure_contrast(one_page({text_item("<span foreground=\"#99CCFF\">a link</span>", 100, 100, 300)}), 4.5);
    CHECK_FALSE(link.met);
    CHECK(measure_contrast(one_page({text_item("We meet.", 100, 100, 300, 0x111111)}), 4.5).met);
    Finding real = measure_contrast(real_pages(), 4.5);
    CHECK(real.met);
    CHECK(real.evidence.find("The lowest contrast of text on the white page is") == 0);
}

TEST_CASE("justified or centred text is not met, and the layout's text is left aligned") {
    PlacedItem justified = text_item("We meet on Monday at the library and we talk about the club and tea.", 100, 100, 200);
    pango_layout_set_justify(justified.layout.get(), TRUE);
    PlacedItem centred = text_item("We meet.", 100, 300, 200);
    pango_layout_set_alignment(centred.layout.get(), PANGO_ALIGN_CENTER);
    Finding f = measure_left_aligned(one_page({justified, centred, text_item("Fine.", 100, 500, 200)}));
    CHECK_FALSE(f.met);
    CHECK(f.places_total == 2);
    CHECK(f.places[0].what.find("justified") == 0);
    CHECK(f.places[1].what.find("not left aligned") == 0);
    CHECK(measure_left_aligned(real_pages()).met);
}

TEST_CASE("italic words are not met, and the layout's fonts are upright") {
    Finding f = measure_italics(one_page({text_item("We <i>meet</i> here.", 100, 100, 300)}));
    CHECK_FALSE(f.met);
    REQUIRE(f.places.size() == 1);
    CHECK(f.places[0].line == 7);
    CHECK(measure_italics(one_page({text_item("We <b>meet</b> here.", 100, 100, 300)})).met);
    CHECK(measure_italics(real_pages()).met);
}

TEST_CASE("text side by side is not met, and one column is") {
    Finding f = measure_columns(one_page({text_item("Left words.", 50, 100, 200), text_item("Right words.", 300, 110, 200)}));
    CHECK_FALSE(f.met);
    CHECK(f.places_total == 1);
    CHECK(measure_columns(one_page({text_item("First.", 50, 100, 200), text_item("Second.", 50, 200, 200)})).met);
    CHECK(measure_columns(real_pages()).met);
}

TEST_CASE("a picture on the right of its words is not met, and the layout puts it on the left") {
    PlacedItem words = text_item("We meet.", 50, 100, 200);
    PlacedItem picture;
    picture.kind = ItemKind::Picture;
    picture.tag = Tag::Figure;
    picture.chunk = 0;
    picture.x = 300;
    picture.y = 100;
    picture.width = picture.height = 60;
    Finding f = measure_picture_side(one_page({words, picture}));
    CHECK_FALSE(f.met);
    CHECK(f.places_total == 1);
    picture.x = 0;
    picture.width = 40;
    CHECK(measure_picture_side(one_page({words, picture})).met);
    Finding real = measure_picture_side(real_pages());
    CHECK(real.met);
    CHECK(real.evidence.find("6 pictures beside their words") == 0);  // 4 chunks and the back page's 2
}

TEST_CASE("a PDF without tags, language or title is not met, and easyread's PDF is") {
    std::string dir = fresh_dir("conform-pdf");
    const std::string plain = dir + "/plain.pdf";
    cairo_surface_t* s = cairo_pdf_surface_create(plain.c_str(), 595, 842);
    cairo_t* cr = cairo_create(s);
    cairo_move_to(cr, 72, 72);
    cairo_show_text(cr, "Untagged words");
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    Finding bad = measure_pdf(plain);
    CHECK_FALSE(bad.met);
    std::string all;
    for (const auto& p : bad.places) all += p.what + "\n";
    CHECK(all.find("not given its language") != std::string::npos);
    CHECK(all.find("not set to show its title") != std::string::npos);

    write_file(dir + "/in.md", test::kGoodDocument);
    REQUIRE(run_easyread("build '" + dir + "/in.md' -o '" + dir + "/good.pdf'").exit_code == 0);
    Finding good = measure_pdf(dir + "/good.pdf");
    INFO(good.evidence);
    CHECK(good.met);
    CHECK(good.evidence.find("6 of 6 checks passed") != std::string::npos);

    write_file(dir + "/broken.pdf", "%PDF-1.7 not really");
    Finding broken = measure_pdf(dir + "/broken.pdf");
    CHECK_FALSE(broken.met);
}
