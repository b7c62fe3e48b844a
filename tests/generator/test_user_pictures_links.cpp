// A user's own picture folder wins over the bank and is credited; links are clickable.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <glib.h>

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "tests/generator/pdf_figures.hpp"
#include "tests/support/command.hpp"

TEST_CASE("pictures from a user folder win over the bank and are credited") {
    std::string dir = fresh_dir("own-pictures");
    run_command("mkdir -p " + dir + "/photos && cp '" + source_path("symbols/openmoji/1F3E5.svg") + "' " + dir +
                "/photos/house.svg");
    write_file(dir + "/photos/CREDIT.txt", "Photos by the Millbrook Speak Up Group, used with permission.\n");
    write_file(dir + "/in.md", "---\ntitle: Homes\n---\nWe help you find a home. {picture=house}\n");
    CommandResult r = run_easyread("build " + dir + "/in.md -o " + dir + "/out.html --pictures " + dir + "/photos");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::string html = read_file(dir + "/out.html");
    CHECK(html.find("Photos by the Millbrook Speak Up Group") != std::string::npos);
    std::string svg = read_file(dir + "/photos/house.svg");
    gchar* b64 = g_base64_encode(reinterpret_cast<const guchar*>(svg.data()), svg.size());
    CHECK(html.find(b64) != std::string::npos);  // the user's file, not the bundled house
    g_free(b64);
}

TEST_CASE("an unreadable picture folder is a warning, and the build goes on") {
    std::string dir = fresh_dir("bad-folder");
    write_file(dir + "/in.md", "Hello.\n");
    CommandResult r = run_easyread("build " + dir + "/in.md -o " + dir + "/out.pdf --pictures " + dir + "/missing");
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("missing: warning[picture-folder]") != std::string::npos);
}

TEST_CASE("links in the text are clickable in the PDF") {
    std::string dir = fresh_dir("links");
    write_file(dir + "/in.md", "Read more on [our website](https://example.org/easy). It is free.\n");
    CommandResult r = run_easyread("build " + dir + "/in.md -o " + dir + "/out.pdf");
    REQUIRE(r.exit_code == 0);
    QPDF pdf;
    pdf.processFile((dir + "/out.pdf").c_str());
    bool found = false;
    for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
        QPDFObjectHandle annots = page.getObjectHandle().getKey("/Annots");
        if (!annots.isArray()) continue;
        for (int i = 0; i < annots.getArrayNItems(); ++i) {
            QPDFObjectHandle a = annots.getArrayItem(i).getKey("/A");
            if (a.isDictionary() && a.getKey("/URI").isString() &&
                a.getKey("/URI").getUTF8Value() == "https://example.org/easy")
                found = true;
        }
    }
    CHECK(found);
}

TEST_CASE("a decorative picture has empty alt text in the HTML and is no Figure in the PDF") {
    std::string dir = fresh_dir("decorative");
    write_file(dir + "/in.md", "---\ntitle: Homes\n---\n\nWe have a new home. ![](symbol:house)\n\n"
                               "My room is blue. ![my blue bedroom](symbol:bed)\n\nThe garden is big. {picture=tree}\n");
    CommandResult r = run_easyread("build " + dir + "/in.md -o " + dir);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);

    std::string html = read_file(dir + "/in.html");
    auto alts = [&html] {
        std::vector<std::string> out;
        for (std::size_t p = 0; (p = html.find(" alt=\"", p)) != std::string::npos;) {
            p += 6;
            out.push_back(html.substr(p, html.find('"', p) - p));
        }
        return out;
    }();
    // The cover picture, then the three chunks' pictures in reading order.
    REQUIRE(alts.size() == 4);
    CHECK(alts[1].empty());
    CHECK(alts[2] == "my blue bedroom");
    CHECK(alts[3] == "tree");

    std::vector<std::string> figures = figure_alts(dir + "/in.pdf");
    REQUIRE(figures.size() == 3);  // the cover's and two chunks': the decorative house is not one
    CHECK(figures[1] == "my blue bedroom");
    CHECK(figures[2] == "tree");
}

TEST_CASE("the no-pictures option leaves every picture out of the HTML") {
    std::string dir = fresh_dir("no-pictures");
    CommandResult r = run_easyread("build '" + source_path("templates/examples/strategy.md") + "' -o " + dir +
                                   "/s.html --no-pictures");
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(dir + "/s.html").find("<img") == std::string::npos);
}

TEST_CASE("the page and font-size options change the PDF page and text size") {
    std::string dir = fresh_dir("a5");
    CommandResult r = run_easyread("build '" + source_path("templates/examples/strategy.md") + "' -o " + dir +
                                   "/s.pdf --page a5 --font-size 20");
    REQUIRE(r.exit_code == 0);
    CommandResult info = run_command("pdfinfo '" + dir + "/s.pdf'");
    CHECK(info.out.find("419.528 x 595.276 pts") != std::string::npos);
}
