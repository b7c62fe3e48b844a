// The layout's guarantees over a matrix: every example and test document x
// every page size and the font sizes --help allows (8 to 48 pt). No word lost or outside the
// printable area, no heading last on a page, no chunk split unless it is
// longer than a page, a split chunk's picture with its first part, page
// numbers at body size; then, read back from real PDFs with pdftotext -bbox,
// every word of the text on a page and inside the printable area.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "base/sentences.hpp"
#include "generator/layout/verify_layout.hpp"
#include "generator/pipeline.hpp"
#include "tests/support/command.hpp"

using namespace easyread;

// The bundled picture bank, loaded once for every layout test of this program.
const symbols::Bank& shared_bank() {
    static symbols::Bank bank = [] {
        symbols::Bank b;
        Diagnostics d;
        b.load_bundled(d);
        return b;
    }();
    return bank;
}

namespace {

struct TestDocument {
    std::string name, path, text;
};

// templates/examples/*.md and tests/cases/{layout,build}/*.md.
std::vector<TestDocument> matrix_documents(bool with_cases = false) {
    std::vector<TestDocument> docs;
    for (const char* dir : {"templates/examples", "tests/cases/layout", "tests/cases/build"}) {
        if (!with_cases && std::string(dir) == "tests/cases/build") continue;
        std::vector<std::string> paths;
        for (const auto& e : std::filesystem::directory_iterator(source_path(dir)))
            if (e.path().extension() == ".md") paths.push_back(e.path().string());
        std::sort(paths.begin(), paths.end());
        for (const auto& p : paths) docs.push_back({std::filesystem::path(p).filename().string(), p, read_file(p)});
    }
    return docs;
}


SourceText source(const std::string& path, const std::string& text) {
    SourceText s;
    s.path = path;
    s.text = text;
    return s;
}

bool is_heading(const PlacedItem& it) { return it.tag == Tag::H1 || it.tag == Tag::H2 || it.tag == Tag::H3; }

std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& w : split_words(text)) out.push_back(w.lower);
    return out;
}

// Checks one laid-out document; returns the number of blocks split over pages.
int check_laid_out(const Compiled& c, const std::string& what) {
    INFO(what);
    const LaidOutDocument& out = c.pages;
    const PageGeometry& g = out.geometry;
    const double full_page = g.bottom() - g.margin_top;

    Diagnostics lost;
    CHECK(verify_layout(c.doc, out, lost));
    for (const auto& d : lost.items()) FAIL_CHECK(d.message);

    // Page numbers at body size, at least 14 pt, inside the paper with room for printers.
    CHECK(g.number_size == Approx(std::max(14.0, out.options.body_pt)));
    CHECK(g.number_top + g.number_size * 1.7 <= g.height - 8 * 72 / 25.4 + 0.01);
    CHECK(g.number_top >= g.bottom());

    std::map<int, std::vector<std::size_t>> pages_of_block;  // text parts
    std::map<int, double> height_of_block;
    std::map<int, std::size_t> picture_page;
    for (std::size_t p = 0; p < out.pages.size(); ++p) {
        const Page& page = out.pages[p];
        for (const auto& it : page.items) {
            // Inside the printable area, every item.
            CHECK(it.x >= g.margin_left - 0.5);
            CHECK(it.y >= g.margin_top - 0.5);
            CHECK(it.y + it.height <= g.bottom() + 0.5);
            CHECK(it.x + (it.kind == ItemKind::Rule ? it.width : it.width) <= g.width - g.margin_right + 0.5);
            if (it.block < 0) continue;
            if (it.kind == ItemKind::Text && !is_heading(it)) {
                pages_of_block[it.block].push_back(p);
                height_of_block[it.block] += it.height;
            }
            if (it.kind == ItemKind::Picture) picture_page[it.block] = p;
        }
        // A heading is never the last thing on a content page, unless the
        // run of headings it starts, with one line of text, is taller than a
        // page (two long headings at 48 pt on A5): then no page holds them.
        if (page.role == PageRole::Content) {
            const PlacedItem* last = nullptr;
            for (const auto& it : page.items)
                if (it.kind != ItemKind::Rule) last = &it;
            INFO("page " << p + 1);
            if (last && is_heading(*last)) {
                double run = 0;
                for (auto it = page.items.rbegin(); it != page.items.rend() && is_heading(*it); ++it)
                    run += it->height + g.gap + out.options.body_pt * 0.8;
                if (p + 1 < out.pages.size())
                    for (const auto& it : out.pages[p + 1].items) {
                        if (!is_heading(it)) break;
                        run += it.height + g.gap + out.options.body_pt * 0.8;
                    }
                CHECK(run + out.options.body_pt * out.options.line_spacing > full_page);
            }
        }
    }
    int split = 0;
    for (const auto& [block, pages] : pages_of_block) {
        if (pages.size() < 2) continue;
        ++split;
        const auto b = static_cast<std::size_t>(block);
        INFO("block at line " << c.doc.blocks.at(b).line);
        // Only a chunk longer than a page is split, over pages in a row; or
        // the first chunk after a run of headings that with it is longer
        // than a page (the headings stay with its first part).
        double run = height_of_block[block];
        for (std::size_t h = b; h > 0 && c.doc.blocks[h - 1].kind == BlockKind::Heading; --h)
            run += out.options.body_pt * 6;  // at least a heading's line and the space around it
        CHECK(run > full_page * 0.9);
        for (std::size_t i = 1; i < pages.size(); ++i) CHECK(pages[i] == pages[i - 1] + 1);
        if (picture_page.count(block)) CHECK(picture_page[block] == pages.front());
    }
    return split;
}

}  // namespace

TEST_CASE("layout matrix: every document, A4 and A5, 8 to 48 pt, loses no word and keeps headings with text") {
    const auto docs = matrix_documents(true);
    REQUIRE(docs.size() >= 5);
    int splits = 0, pages = 0;
    for (const auto& d : docs) {
        for (const char* page : {"a4", "a5"}) {
            // The ends of the range --help allows, the sizes people use, and
            // the big sizes that once lost the credit line and contents.
            for (double size : {8.0, 14.0, 16.0, 20.0, 24.0, 28.0, 32.0, 40.0, 48.0}) {
                PipelineOptions o;
                o.page = page;
                o.font_size = size;
                o.bank = &shared_bank();
                auto c = compile(source(d.path, d.text), o);
                REQUIRE(c->laid_out);
                splits += check_laid_out(*c, d.name + " " + page + " " + std::to_string(int(size)) + " pt");
                pages += static_cast<int>(c->pages.pages.size());
            }
        }
    }
    // The long test documents have chunks longer than a page at every size.
    CHECK(splits >= 16);
    CHECK(pages > 0);
}

TEST_CASE("layout matrix: a `# Title` + `## Sections` strategy lists its sections in the contents") {
    const std::string text = read_file(source_path("tests/cases/layout/long-strategy.md"));
    PipelineOptions o;
    o.page = "a5";
    o.font_size = 24;
    o.bank = &shared_bank();
    auto c = compile(source("long-strategy.md", text), o);
    REQUIRE(c->laid_out);
    const auto& contents = c->pages.contents;
    int top = 0, second = 0;
    for (const auto& e : contents) (e.level == 1 ? top : second) += 1;
    CHECK(top == 1);      // the title
    CHECK(second == 8);   // the sections; the ### headings are left out
    REQUIRE(c->pages.pages.at(1).role == PageRole::Contents);
    for (const auto& e : contents) {
        INFO(e.text);
        const Page& target = c->pages.pages.at(static_cast<std::size_t>(e.page - 1));
        bool found = false;
        for (const auto& it : target.items) found = found || (is_heading(it) && it.dest == e.dest);
        CHECK(found);
    }
}

namespace {

struct PdfWord {
    int page = 0;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    std::string text;
};

std::string unescape_html(std::string s) {
    const std::pair<const char*, const char*> entities[] = {
        {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&apos;", "'"}};
    for (const auto& [from, to] : entities)
        for (std::size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += std::strlen(to))
            s.replace(p, std::strlen(from), to);
    return s;
}

// pdftotext -bbox: every word with its box, page by page.
std::vector<PdfWord> pdf_words(const std::string& pdf, double& page_width, double& page_height) {
    const std::string html = pdf + ".bbox.html";
    auto r = run_command("pdftotext -bbox '" + pdf + "' '" + html + "'");
    REQUIRE(r.exit_code == 0);
    const std::string text = read_file(html);
    std::vector<PdfWord> words;
    std::regex page_re(R"re(<page width="([0-9.]+)" height="([0-9.]+)">)re");
    std::regex word_re(
        R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>)re");
    int page = 0;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        std::smatch m;
        if (std::regex_search(line, m, page_re)) {
            ++page;
            page_width = std::stod(m[1]);
            page_height = std::stod(m[2]);
        } else if (std::regex_search(line, m, word_re)) {
            words.push_back({page, std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4]),
                             unescape_html(m[5])});
        }
    }
    return words;
}

}  // namespace

TEST_CASE("layout matrix: read back from the PDF at A5 24 pt, every word is on a page inside the margins") {
    const std::string dir = fresh_dir("layout-matrix-pdf");
    for (const auto& d : matrix_documents()) {
        INFO(d.name);
        const std::string pdf = dir + "/" + d.name + ".pdf";
        auto r = run_easyread("build '" + d.path + "' -o '" + pdf + "' --page a5 --font-size 24");
        if (r.exit_code != 0) FAIL(r.err);
        double width = 0, height = 0;
        auto words = pdf_words(pdf, width, height);
        REQUIRE_FALSE(words.empty());

        // The same geometry the build used.
        PipelineOptions o;
        o.page = "a5";
        o.font_size = 24;
        o.bank = &shared_bank();
        auto c = compile(source(d.path, d.text), o);
        REQUIRE(c->laid_out);
        const PageGeometry& g = c->pages.geometry;
        CHECK(width == Approx(g.width).margin(1));

        std::multiset<std::string> found;
        for (const auto& w : words) {
            const bool page_number = w.y0 >= g.bottom() - 1 && (w.text == "Page" || std::isdigit((unsigned char)w.text[0]));
            INFO("page " << w.page << ": \"" << w.text << "\" at " << w.x0 << "," << w.y0 << " to " << w.x1 << ","
                         << w.y1);
            CHECK(w.x0 >= g.margin_left - 1);
            CHECK(w.x1 <= g.width - g.margin_right + 1);
            CHECK(w.y0 >= g.margin_top - 1);
            if (!page_number) CHECK(w.y1 <= g.bottom() + 1);
            else CHECK(w.y1 <= g.height - 8 * 72 / 25.4);
            for (const auto& x : words_of(w.text)) found.insert(x);
        }
        // Every word of every block is in the PDF's text, as often as the text has it.
        std::multiset<std::string> wanted;
        for (const auto& b : c->doc.blocks)
            for (const auto& x : words_of(b.plain_text())) wanted.insert(x);
        std::string joined;  // all the words run together, for words broken between lines
        for (const auto& w : words)
            for (const auto& x : words_of(w.text)) joined += x;
        for (const auto& x : wanted) {
            INFO("the word \"" << x << "\"");
            // Only a word longer than a whole line is broken between letters.
            if (x.size() > 20 && found.count(x) == 0) CHECK(joined.find(x) != std::string::npos);
            else CHECK(found.count(x) >= wanted.count(x));
        }
    }
}

TEST_CASE("build fails with exit 5, named in --help, when words would be lost") {
    auto help = run_easyread("build --help");
    CHECK(help.out.find("  5  text would be lost") != std::string::npos);
    // A word wider than the text column at 24 pt on A5 cannot fit between the margins.
    const std::string dir = fresh_dir("lost-words");
    write_file(dir + "/wide.md", "# Wide\n\nThe word " + std::string(120, 'W') + " is far too long.\n");
    auto r = run_easyread("build '" + dir + "/wide.md' -o '" + dir + "/wide.pdf' --page a5 --font-size 24");
    if (r.exit_code == 0) {
        // Pango broke the word between letters to fit: then it is inside the margins.
        double w = 0, h = 0;
        for (const auto& word : pdf_words(dir + "/wide.pdf", w, h)) CHECK(word.x1 <= w - 14 * 72 / 25.4 + 1);
    } else {
        CHECK(r.exit_code == 5);
        CHECK(r.err.find("wide.md:3:1: error[text-lost]") != std::string::npos);
        CHECK_FALSE(std::filesystem::exists(dir + "/wide.pdf"));
    }
}

TEST_CASE("the layout check names a lost word and a line past the bottom at the text's line") {
    PipelineOptions o;
    o.bank = &shared_bank();
    auto c = compile(source("doc.md", "# Homes\n\nWe help you find a home.\n\nYou choose where you live.\n"), o);
    REQUIRE(c->laid_out);
    Diagnostics ok;
    CHECK(verify_layout(c->doc, c->pages, ok));
    CHECK(ok.items().empty());

    // A chunk pushed below the bottom margin.
    LaidOutDocument moved = c->pages;
    for (auto& it : moved.pages.at(1).items)
        if (it.block == 2 && it.kind == ItemKind::Text) it.y = moved.geometry.bottom() - 2;
    Diagnostics past;
    CHECK_FALSE(verify_layout(c->doc, moved, past));
    REQUIRE(past.items().size() == 1);
    CHECK(past.items()[0].line == 5);
    CHECK(past.items()[0].message.find("outside the printable area") != std::string::npos);

    // A chunk left off its page.
    LaidOutDocument dropped = c->pages;
    auto& items = dropped.pages.at(1).items;
    items.erase(std::remove_if(items.begin(), items.end(), [](const PlacedItem& it) { return it.block == 1; }),
                items.end());
    Diagnostics lost;
    CHECK_FALSE(verify_layout(c->doc, dropped, lost));
    REQUIRE_FALSE(lost.items().empty());
    CHECK(lost.items()[0].line == 3);
    CHECK(lost.items()[0].message == "the word \"We\" of this text is not on any page");
}
