// The real command on a bundled example, read back from the bytes it wrote.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <catch2/catch.hpp>
#include <cctype>
#include <map>
#include <regex>

#include "tests/generator/pdf_figures.hpp"
#include "tests/support/command.hpp"

namespace {

// Font sizes as drawn: the scale of each text matrix (Tm) times the Tf size.
class TextSizes : public QPDFObjectHandle::ParserCallbacks {
public:
    std::map<int, int> count_by_size;  // rounded size in points -> glyph runs
    void handleObject(QPDFObjectHandle obj, size_t, size_t) override {
        if (obj.isOperator()) {
            std::string op = obj.getOperatorValue();
            if (op == "Tf" && operands_.size() == 2) tf_ = operands_[1].getNumericValue();
            if (op == "Tm" && operands_.size() == 6) tm_ = std::abs(operands_[3].getNumericValue());
            if ((op == "TJ" || op == "Tj") && tf_ > 0) ++count_by_size[static_cast<int>(std::lround(tf_ * tm_))];
            operands_.clear();
        } else {
            operands_.push_back(obj);
        }
    }
    void handleEOF() override {}

private:
    std::vector<QPDFObjectHandle> operands_;
    double tf_ = 0, tm_ = 1;
};

struct Built {
    std::string dir, pdf, html;
    CommandResult result;
};

const Built& stocktake() {
    static Built b = [] {
        Built x;
        x.dir = fresh_dir("stocktake");
        x.result = run_easyread("build '" + source_path("templates/examples/stocktake.md") + "' -o " + x.dir);
        x.pdf = x.dir + "/stocktake.pdf";
        x.html = x.dir + "/stocktake.html";
        return x;
    }();
    return b;
}

}  // namespace

TEST_CASE("the stocktake example builds with no warnings and a one-line summary") {
    const Built& b = stocktake();
    INFO(b.result.err);
    CHECK(b.result.exit_code == 0);
    CHECK(b.result.err.find("warning[") == std::string::npos);
    CHECK(std::regex_search(b.result.err, std::regex(R"(\d+ pages, \d+ pictures chosen, 0 missing, 0 warnings)")));
    CHECK(b.result.out.empty());
}

TEST_CASE("the strategy example builds with no warnings") {
    std::string dir = fresh_dir("strategy");
    CommandResult r = run_easyread("build '" + source_path("templates/examples/strategy.md") + "' -o " + dir);
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("warning[") == std::string::npos);
}

TEST_CASE("the PDF is tagged, titled, in English, with embedded fonts") {
    const Built& b = stocktake();
    CommandResult info = run_command("pdfinfo '" + b.pdf + "'");
    REQUIRE(info.exit_code == 0);
    CHECK(info.out.find("Tagged:          yes") != std::string::npos);
    CHECK(info.out.find("Title:           How are we doing?") != std::string::npos);
    CommandResult fonts = run_command("pdffonts '" + b.pdf + "'");
    CHECK(fonts.out.find("Andika") != std::string::npos);
    CHECK(fonts.out.find(" no ") == std::string::npos);  // every font embedded
    QPDF pdf;
    pdf.processFile(b.pdf.c_str());
    CHECK(pdf.getRoot().getKey("/Lang").getUTF8Value() == "en-GB");
}

TEST_CASE("the structure tree has one Document with headings, figures with alt text, and lists") {
    const Built& b = stocktake();
    CommandResult st = run_command("pdfinfo -struct '" + b.pdf + "'");
    REQUIRE(st.exit_code == 0);
    CHECK(st.err.find("Warning") == std::string::npos);
    CHECK(st.out.rfind("Document", 0) == 0);
    for (const char* tag : {"H1", "H2", "P (block)", "Figure"}) {
        INFO(tag);
        CHECK(st.out.find(tag) != std::string::npos);
    }
    // Reading order: on a chunk, the picture comes before its words.
    CHECK(st.out.find("Figure") < st.out.find("H2"));
    int figures = 0, with_alt = 0;
    for (const auto& alt : figure_alts(b.pdf)) {
        ++figures;
        with_alt += alt != "(no alt)" && !alt.empty();
    }
    CHECK(figures > 40);
    CHECK(with_alt == figures);
}

TEST_CASE("list items are tagged as a list: L, LI, LBody") {
    std::string dir = fresh_dir("lists");
    write_file(dir + "/in.md", "Things we do:\n\n- We listen.\n- We help.\n");
    REQUIRE(run_easyread("build " + dir + "/in.md -o " + dir + "/out.pdf").exit_code == 0);
    CommandResult st = run_command("pdfinfo -struct '" + dir + "/out.pdf'");
    auto l = st.out.find("L (block)");
    REQUIRE(l != std::string::npos);
    auto li = st.out.find("LI (block)", l);
    REQUIRE(li != std::string::npos);
    CHECK(st.out.find("LBody", li) != std::string::npos);
    CHECK(st.out.find("LI (block)", li + 1) != std::string::npos);  // both items in the one list
}

TEST_CASE("numbered steps stay numbered in the PDF and HTML, bullets stay bullets") {
    std::string dir = fresh_dir("numbered");
    write_file(dir + "/in.md", "What to do:\n\n1. Ring us on the phone.\n2. Tell us your name.\n3. We will visit you.\n\n"
                               "Bring:\n\n- your letter\n");
    // One build, two outputs: each -o is made.
    REQUIRE(run_easyread("build " + dir + "/in.md -o " + dir + "/out.pdf -o " + dir + "/out.html").exit_code == 0);
    CommandResult text = run_command("pdftotext -layout '" + dir + "/out.pdf' - | tr -s ' '");
    REQUIRE(text.exit_code == 0);
    for (const char* line : {"1. Ring us on the phone.", "2. Tell us your name.", "3. We will visit you.",
                             "\xE2\x80\xA2 your letter"})
        CHECK(text.out.find(line) != std::string::npos);
    const std::string html = read_file(dir + "/out.html");
    CHECK(html.find(">1. Ring us on the phone.") != std::string::npos);
    CHECK(html.find(">3. We will visit you.") != std::string::npos);
    // A numbered list is an ol (from its first number), a bullet list a ul.
    CHECK(html.find("<ol class=\"chunks\">") < html.find("Ring us"));
    CHECK(html.find("<ul class=\"chunks\">") < html.find("your letter"));
    write_file(dir + "/later.md", "Then:\n\n4. Wait for our letter.\n5. Come to the meeting.\n");
    REQUIRE(run_easyread("build " + dir + "/later.md -o " + dir + "/later.html").exit_code == 0);
    CHECK(read_file(dir + "/later.html").find("<ol class=\"chunks\" start=\"4\">") != std::string::npos);
    CommandResult axe = run_command("node '" + source_path("tests/html/axe-check.mjs") + "' '" + dir + "/out.html'");
    INFO(axe.out << axe.err);
    CHECK(axe.exit_code == 0);
}

TEST_CASE("body text measures 16 pt on paper, headings larger") {
    const Built& b = stocktake();
    QPDF pdf;
    pdf.processFile(b.pdf.c_str());
    TextSizes sizes;
    auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
    REQUIRE(pages.size() > 3);
    pages[3].parseContents(&sizes);
    int most = 0, most_size = 0;
    for (auto [size, n] : sizes.count_by_size)
        if (n > most) { most = n; most_size = size; }
    CHECK(most_size == 16);
    CHECK(sizes.count_by_size.rbegin()->first >= 24);
}

TEST_CASE("the words come out of the PDF in reading order") {
    const Built& b = stocktake();
    CommandResult text = run_command("pdftotext -layout '" + b.pdf + "' -");
    REQUIRE(text.exit_code == 0);
    CHECK(text.out.find("This is an easy read version of") != std::string::npos);
    CHECK(text.out.find("Contents") != std::string::npos);
    CHECK(text.out.find("Hard words") != std::string::npos);
    CHECK(text.out.find("Contact us") != std::string::npos);
    CHECK(text.out.find("OpenMoji") != std::string::npos);
    CHECK(text.out.find("Page 2") != std::string::npos);
}

TEST_CASE("the HTML is one file with lang, landmarks, alt text and inline pictures") {
    const Built& b = stocktake();
    std::string html = read_file(b.html);
    REQUIRE_FALSE(html.empty());
    CHECK(html.find("<html lang=\"en-GB\">") != std::string::npos);
    for (const char* s : {"<header", "<main>", "<footer>", "<nav aria-label=\"Contents\">", "<h1>", "<h2"}) {
        INFO(s);
        CHECK(html.find(s) != std::string::npos);
    }
    // Plain searches, not std::regex: its recursion overflows the stack on a
    // file this size under AddressSanitizer.
    int imgs = 0;
    for (std::size_t at = html.find("<img"); at != std::string::npos; at = html.find("<img", at + 1)) {
        ++imgs;
        std::string tag = html.substr(at, html.find('>', at) - at + 1);
        CHECK(tag.find(" alt=\"") != std::string::npos);
        CHECK(tag.find("src=\"data:image/svg+xml;base64,") != std::string::npos);
    }
    CHECK(imgs > 40);
    CHECK(html.find("src=\"http") == std::string::npos);  // nothing fetched from elsewhere
    CHECK(html.find("@media print") != std::string::npos);
    const std::string source_line = "<div class=\"chunk\" data-source-line=\"";
    std::size_t line_at = html.find(source_line);
    REQUIRE(line_at != std::string::npos);
    CHECK(std::isdigit(static_cast<unsigned char>(html[line_at + source_line.size()])));
}

TEST_CASE("PNG pages at the chosen resolution") {
    std::string dir = fresh_dir("png");
    CommandResult r = run_easyread("build '" + source_path("templates/examples/strategy.md") + "' -o " + dir +
                                   "/p.png --dpi 50");
    REQUIRE(r.exit_code == 0);
    std::string png = read_file(dir + "/p-1.png");
    REQUIRE(png.size() > 24);
    CHECK(png.compare(1, 3, "PNG") == 0);
    auto be32 = [&](std::size_t at) {
        return (unsigned char)png[at] << 24 | (unsigned char)png[at + 1] << 16 | (unsigned char)png[at + 2] << 8 |
               (unsigned char)png[at + 3];
    };
    CHECK(be32(16) == 414);  // 210 mm at 50 dpi
    CHECK(be32(20) == 585);  // 297 mm at 50 dpi
    CHECK_FALSE(read_file(dir + "/p-3.png").empty());
}

TEST_CASE("an output ending in capitals is the same format: OUT.PNG makes OUT-1.png") {
    std::string dir = fresh_dir("png-capitals");
    CommandResult r = run_easyread("build '" + source_path("templates/examples/actions.md") + "' -o " + dir +
                                   "/Pages.PNG --dpi 30");
    REQUIRE(r.exit_code == 0);
    const std::string png = read_file(dir + "/Pages-1.png");
    REQUIRE(png.size() > 24);
    CHECK(png.compare(1, 3, "PNG") == 0);
    CHECK(read_file(dir + "/Pages.PNG-1.png").empty());
}
