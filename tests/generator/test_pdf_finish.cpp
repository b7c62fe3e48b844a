// The finishing pass edits cairo's PDF as text: what it writes into the file
// (language, each Figure's alt text, each link's words, the picture forms)
// must read back, through qpdf, as the laid-out document says, whatever
// the words hold: brackets, backslashes, PDF keywords, any script.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "generator/pipeline.hpp"
#include "generator/render/draw_page.hpp"
#include "tests/generator/pdf_figures.hpp"
#include "tests/support/command.hpp"

using namespace easyread;

TEST_CASE("the finished PDF reads back the document's language, alt texts and link words, whatever they hold") {
    const std::string words = GENERATE(as<std::string>{}, "Plan (draft) for 2027", "A back slash \\ and a ) alone",
                                       "Caf\xC3\xA9, \xC5\xB5 and \xF0\x9F\x99\x82 together",
                                       "It ends with endobj >> /Name 1 0 R and 50 % more",
                                       "Read <this> and {that} with 3 0 obj");
    const std::string lang = GENERATE(as<std::string>{}, "en-GB", "cy");
    INFO(words << " / " << lang);
    TempDir dir;
    write_file(dir.file("red.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"40\">"
                                    "<rect width=\"40\" height=\"40\" fill=\"#d01010\"/></svg>\n");
    std::string md = "---\ntitle: " + words + "\nlang: " + lang + "\ncontact: Call 01234 567890\n---\n\n";
    md += "# " + words + "\n\n";
    md += "![" + words + "](red.svg) We meet at the hall. Read [" + words +
          "](https://example.org/a_(b)?q=1&r=%25) before you come.\n\n";
    md += "![The hall](red.svg) " + words + " is on the list.\n";
    write_file(dir.file("doc.md"), md);

    Diagnostics diags;
    auto c = compile_file(dir.file("doc.md"), PipelineOptions{}, diags);
    REQUIRE(c);
    REQUIRE(c->laid_out);
    std::vector<std::string> written;
    Diagnostics out;
    const std::string pdf = dir.file("doc.pdf");
    REQUIRE(render_output(*c, pdf, 96, written, out));

    const CommandResult check = run_command("qpdf --check '" + pdf + "'");
    INFO(check.both());
    CHECK(check.exit_code == 0);  // no warning either: no repeated keys, every length right

    // What the layout says the file must hold.
    std::vector<std::string> alts, link_words;
    for (const auto& page : c->pages.pages)
        for (const auto& it : page.items) {
            if (it.kind == ItemKind::Picture && it.tag == Tag::Figure) alts.push_back(it.alt.empty() ? " " : it.alt);
            if (it.kind == ItemKind::Text && it.layout)
                for (const LinkBox& box : link_boxes(it.layout.get(), it)) link_words.push_back(box.whole);
        }
    REQUIRE(alts.size() >= 2);
    REQUIRE(!link_words.empty());
    CHECK(figure_alts(pdf) == alts);

    QPDF q;
    q.processFile(pdf.c_str());
    QPDFObjectHandle root = q.getRoot();
    CHECK(root.getKey("/Lang").getUTF8Value() == c->pages.lang);
    CHECK(root.getKey("/MarkInfo").getKey("/Marked").getBoolValue());
    CHECK(root.getKey("/ViewerPreferences").getKey("/DisplayDocTitle").getBoolValue());
    CHECK(q.getTrailer().getKey("/Info").getKey("/Title").getUTF8Value() == c->pages.title);
    const auto metadata = root.getKey("/Metadata").getStreamData(qpdf_dl_all);
    const std::string xmp(reinterpret_cast<const char*>(metadata->getBuffer()), metadata->getSize());
    CHECK(xmp.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos);
    CHECK(xmp.find("<rdf:li>" + c->pages.lang + "</rdf:li>") != std::string::npos);
    // One Document at the root of the structure, its kids pointing back to it.
    QPDFObjectHandle document = root.getKey("/StructTreeRoot").getKey("/K");
    REQUIRE(document.isDictionary());
    CHECK(document.getKey("/S").getName() == "/Document");
    for (int i = 0; i < document.getKey("/K").getArrayNItems(); ++i)
        CHECK(document.getKey("/K").getArrayItem(i).getKey("/P").getObjGen() == document.getObjGen());

    // Every web link says all its words (each line of it, its own annotation), in order.
    std::vector<std::string> said;
    for (auto& page : QPDFPageDocumentHelper(q).getAllPages()) {
        CHECK(page.getObjectHandle().getKey("/Tabs").getName() == "/S");
        QPDFObjectHandle annots = page.getObjectHandle().getKey("/Annots");
        for (int i = 0; annots.isArray() && i < annots.getArrayNItems(); ++i) {
            QPDFObjectHandle a = annots.getArrayItem(i);
            if (a.getKey("/A").isDictionary() && a.getKey("/A").getKey("/URI").isString()) {
                CHECK(a.getKey("/A").getKey("/URI").getUTF8Value() == "https://example.org/a_%28b%29?q=1&r=%25");
                said.push_back(a.getKey("/Contents").getUTF8Value());
            }
        }
    }
    CHECK(said == link_words);

    // The words are all in the page text.
    const CommandResult text = run_command("pdftotext -enc UTF-8 '" + pdf + "' -");
    CHECK(text.out.find("We meet at the hall.") != std::string::npos);
}
