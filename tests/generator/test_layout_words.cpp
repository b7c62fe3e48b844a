// Words the layout must never lose or choke on: a very long unbroken word
// (linear time, broken over lines and pages), a word broken over two pages
// at its hyphen, a link whose address ends in a backslash. Each is read back
// from the real PDF with pdftotext.
#include <catch2/catch.hpp>

#include <glib.h>

#include <ctime>
#include <filesystem>
#include <regex>
#include <sstream>

#include "base/sentences.hpp"
#include "generator/layout/verify_layout.hpp"
#include "generator/pipeline.hpp"
#include "tests/support/command.hpp"

using namespace easyread;

const symbols::Bank& shared_bank();  // test_layout_matrix.cpp

namespace {

std::unique_ptr<Compiled> laid_out(const std::string& text, const char* page = "a4", double size = 16) {
    SourceText s;
    s.path = "doc.md";
    s.text = text;
    PipelineOptions o;
    o.page = page;
    o.font_size = size;
    o.bank = &shared_bank();
    o.checks = false;
    return compile(std::move(s), o);
}

// Letters only, so a word broken between lines reads back whole; the page
// numbers ("Page 4") left out.
std::string letters_of(const std::string& text) {
    std::string out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("Page ", 0) == 0) continue;
        for (char c : line)
            if (std::isalnum(static_cast<unsigned char>(c))) out += c;
    }
    return out;
}

std::string long_word(std::size_t n) {
    std::string w;
    for (std::size_t i = 0; i < n; ++i) w += static_cast<char>('a' + (i * 7) % 26);
    return w;
}

// Processor time, so a busy machine does not fail the bound.
double seconds_to_lay_out(std::size_t letters) {
    const std::clock_t start = std::clock();
    auto c = laid_out("# Long\n\nThe word " + long_word(letters) + " ends here.\n");
    const double s = double(std::clock() - start) / CLOCKS_PER_SEC;
    REQUIRE(c->laid_out);
    Diagnostics lost;
    CHECK(verify_layout(c->doc, c->pages, lost));
    for (const auto& d : lost.items()) FAIL_CHECK(d.message);
    return s;
}

}  // namespace

TEST_CASE("a very long unbroken word is laid out in linear time, broken over lines and pages") {
    // Quadratic before: 40,000 letters took 3 to 6 s, 1 MiB about 35 minutes.
    const double small = seconds_to_lay_out(20000);
    const double big = seconds_to_lay_out(200000);
    INFO("20,000 letters: " << small << " s; 200,000 letters: " << big << " s");
    CHECK(big < 10.0);
    CHECK(big < 25 * std::max(small, 0.05));  // ten times the letters, not a hundred times the time
}

TEST_CASE("easyread build keeps every letter of a 40,000-letter word, inside the margins") {
    TempDir dir;
    const std::string word = long_word(40000);
    write_file(dir.file("long.md"), "# Long\n\nThe word " + word + " ends here.\n");
    auto r = run_easyread("build '" + dir.file("long.md") + "' -o '" + dir.file("long.pdf") + "'");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    auto text = run_command("pdftotext '" + dir.file("long.pdf") + "' -");
    REQUIRE(text.exit_code == 0);
    CHECK(letters_of(text.out).find(word) != std::string::npos);
}

TEST_CASE("a hyphenated word broken over two pages is not lost") {
    // Enough lines that a chunk runs over a page, with hyphenated words
    // everywhere, so some page break falls after a hyphen at some size.
    std::string para;
    for (int i = 0; i < 160; ++i) para += "The Co-Chair and the Vice-Chair met the well-known self-advocates. ";
    for (double size : {16.0, 20.0, 24.0, 28.0, 40.0}) {
        for (const char* page : {"a4", "a5"}) {
            INFO(page << " " << size << " pt");
            auto c = laid_out("# Meeting\n\n" + para + "\n", page, size);
            REQUIRE(c->laid_out);
            Diagnostics lost;
            CHECK(verify_layout(c->doc, c->pages, lost));
            for (const auto& d : lost.items()) FAIL_CHECK(d.message);
        }
    }
}

TEST_CASE("a link whose address ends in a backslash builds, and the PDF keeps its address") {
    TempDir dir;
    write_file(dir.file("slash.md"),
               "# Links\n\nSee [our folder](http://example.org/share\\\\) and <http://example.org/a\\>.\n");
    auto r = run_easyread("build '" + dir.file("slash.md") + "' -o '" + dir.file("slash.pdf") + "'");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    auto json = run_command("qpdf --json=2 '" + dir.file("slash.pdf") + "'");
    REQUIRE(json.exit_code == 0);
    // Both links are in the PDF, the backslash percent-encoded as a URI has it
    // (cairo copies an address into the PDF as it is, and a raw backslash
    // there broke the file: the annotations read back as null).
    CHECK(json.out.find("\"/URI\": \"u:http://example.org/share%5C\"") != std::string::npos);
    CHECK(json.out.find("\"/URI\": \"u:http://example.org/a%5C\"") != std::string::npos);
}

TEST_CASE("Chinese, Japanese and Malayalam print in the Noto fonts install-deps adds, with no warning") {
    TempDir dir;
    write_file(dir.file("scripts.md"), "# Scripts\n\nChinese: 你好世界. Japanese: こんにちは. Malayalam: മലയാളം. "
                                       "Emoji: \xF0\x9F\x98\x80.\n");
    auto r = run_easyread("build '" + dir.file("scripts.md") + "' -o '" + dir.file("scripts.pdf") + "'");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("missing-character") == std::string::npos);
    auto fonts = run_command("pdffonts '" + dir.file("scripts.pdf") + "'");
    CHECK(fonts.out.find("NotoSansCJK") != std::string::npos);
    CHECK(fonts.out.find("NotoSansMalayalam") != std::string::npos);
    auto text = run_command("pdftotext '" + dir.file("scripts.pdf") + "' -");
    for (const char* word : {"你好世界", "こんにちは", "മലയാളം"}) {
        INFO(word);
        CHECK(text.out.find(word) != std::string::npos);
    }
}

TEST_CASE("a character no installed font has is a warning at its line, naming it") {
    // Ask fontconfig for a code point that no installed font covers.
    std::string code;
    for (const char* candidate : {"E000", "F8FF", "10FFFD", "FFFFD"}) {
        auto r = run_command(std::string("fc-list ':charset=") + candidate + "' family");
        if (r.exit_code == 0 && r.out.empty()) {
            code = candidate;
            break;
        }
    }
    REQUIRE_FALSE(code.empty());
    gchar utf8[8] = {};
    g_unichar_to_utf8(static_cast<gunichar>(std::stoul(code, nullptr, 16)), utf8);
    TempDir dir;
    write_file(dir.file("box.md"), std::string("# Boxes\n\nAll fine here.\n\nThe sign ") + utf8 + " is not in any font.\n");
    auto r = run_easyread("build '" + dir.file("box.md") + "' -o '" + dir.file("box.pdf") + "'");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("box.md:5:1: warning[missing-character]: the character \"" + std::string(utf8) + "\" (U+" + code +
                     ") is in no installed font") != std::string::npos);
    CHECK(r.err.find("box.md:3:1: warning[missing-character]") == std::string::npos);
}

TEST_CASE("a link over three lines is three link annotations, each saying the whole link") {
    TempDir dir;
    write_file(dir.file("links.md"), "# Links\n\nRead the long plan on our website at [the Millbrook Council plan page "
                                     "with all the details](https://example.org/plan) and write to us.\n");
    auto r = run_easyread("build '" + dir.file("links.md") + "' -o '" + dir.file("links.pdf") +
                          "' --page a5 --font-size 24");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    auto json = run_command("qpdf --json=2 '" + dir.file("links.pdf") + "'");
    REQUIRE(json.exit_code == 0);
    std::size_t boxes = 0;
    for (std::size_t p = 0; (p = json.out.find("\"u:https://example.org/plan\"", p)) != std::string::npos; ++p) ++boxes;
    // Each line's box says what the whole link says (a screen reader reading
    // one annotation hears the link, not "page with all"); where the boxes
    // are is pdf_tags_check.py's part (against pdftotext's word boxes).
    std::size_t described = 0;
    std::regex contents(R"re("/Contents": "u:([^"]*)")re");
    for (auto m = std::sregex_iterator(json.out.begin(), json.out.end(), contents); m != std::sregex_iterator(); ++m) {
        CHECK((*m)[1].str() == "the Millbrook Council plan page with all the details");
        ++described;
    }
    CHECK(boxes >= 2);  // the link runs over lines at 24 pt on A5
    CHECK(boxes == described);
}
