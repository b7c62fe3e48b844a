// Layout rules from the easy read guides, checked on laid-out pages.
#include <catch2/catch.hpp>

#include "generator/pipeline.hpp"
#include "tests/support/command.hpp"

using namespace easyread;

namespace {

// The generator's own pipeline, as `easyread build` runs it.
struct Laid {
    std::unique_ptr<Compiled> c;
};

void lay(Laid& l, const std::string& text, const std::string& page = "a4", bool pictures = true) {
    PipelineOptions o;
    o.page = page;
    o.pictures = pictures;
    l.c = compile(SourceText{"doc.md", text}, o);
    REQUIRE(l.c->laid_out);
}

std::string long_text(int chunks) {
    std::string t = "---\ntitle: Long\n---\n";
    for (int i = 0; i < chunks; ++i) {
        if (i % 7 == 0) t += "# Part " + std::to_string(i / 7 + 1) + "\n\n";
        t += "We will help you find a good home near your family and friends. Number " + std::to_string(i) +
             ".\n\n";
    }
    return t;
}

}  // namespace

TEST_CASE("the picture column is a third of the text width, on the left") {
    Laid l;
    lay(l, "A house for you. {picture=house}\n");
    const PageGeometry& g = l.c->pages.geometry;
    CHECK(g.picture_column == Approx(g.content_width() / 3));
    const Page& p = l.c->pages.pages.at(1);
    REQUIRE(p.items.size() == 2);
    CHECK(p.items[0].kind == ItemKind::Picture);  // picture first in reading order
    CHECK(p.items[0].x == Approx(g.margin_left));
    CHECK(p.items[1].x == Approx(g.text_x()));
}

TEST_CASE("no chunk runs past the bottom and a heading is never last on a page") {
    Laid l;
    lay(l, long_text(90));
    REQUIRE(l.c->pages.pages.size() > 8);
    for (const auto& page : l.c->pages.pages) {
        for (const auto& it : page.items) CHECK(it.y + it.height <= l.c->pages.geometry.bottom() + 0.5);
        const PlacedItem* last = nullptr;
        for (const auto& it : page.items)
            if (it.kind == ItemKind::Text) last = &it;
        if (page.role == PageRole::Content && last) CHECK(last->tag != Tag::H2);
    }
}

TEST_CASE("a chunk's picture and text stay on one page") {
    Laid l;
    lay(l, long_text(60));
    for (const auto& page : l.c->pages.pages) {
        for (const auto& it : page.items) {
            if (it.kind != ItemKind::Picture || page.role != PageRole::Content) continue;
            int texts = 0;
            for (const auto& other : page.items) texts += other.chunk == it.chunk && other.kind == ItemKind::Text;
            CHECK(texts == 1);
        }
    }
}

TEST_CASE("contents page only for documents over 8 pages, with right page numbers") {
    Laid small, big;
    lay(small, long_text(10));
    CHECK(small.c->pages.pages.at(1).role == PageRole::Content);
    lay(big, long_text(90));
    REQUIRE(big.c->pages.pages.at(1).role == PageRole::Contents);
    for (const auto& e : big.c->pages.contents) {
        const Page& target = big.c->pages.pages.at(static_cast<std::size_t>(e.page - 1));
        bool found = false;
        for (const auto& it : target.items) found = found || (it.tag == Tag::H2 && it.markup == e.text);
        CHECK(found);
    }
}

TEST_CASE("cover, hard words page and back page are made") {
    Laid l;
    lay(l, "---\ntitle: Plan\nsummary_of: The Big Plan\ncontact: Phone 0100\nchecked_by: Speak Up\n---\n"
           "You can get an **advocate**. An advocate helps you speak up.\n");
    const auto& pages = l.c->pages.pages;
    CHECK(pages.front().role == PageRole::Cover);
    CHECK(pages.back().role == PageRole::Back);
    bool cover_line = false;
    for (const auto& it : pages.front().items)
        cover_line = cover_line || it.markup == "This is an easy read version of The Big Plan.";
    CHECK(cover_line);
    bool hard = false;
    for (const auto& p : pages) hard = hard || p.role == PageRole::HardWords;
    CHECK(hard);
    REQUIRE_FALSE(l.c->pages.picture_sets_used.empty());
    CHECK(l.c->pages.picture_sets_used[0].find("CC BY-SA 4.0") != std::string::npos);
}

TEST_CASE("the Hard words page lists only the words it can explain, and is left out when none") {
    auto hard_words_text = [](const Laid& l) {
        std::string text;
        for (const auto& p : l.c->pages.pages)
            if (p.role == PageRole::HardWords)
                for (const auto& it : p.items) text += it.markup + "\n";
        return text;
    };
    Laid some;
    lay(some, "You can get an **advocate**. An advocate helps you speak up. Tell us by **June 2025**.\n");
    const std::string listed = hard_words_text(some);
    CHECK(listed.find("advocate") != std::string::npos);
    CHECK(listed.find("June 2025") == std::string::npos);  // bold for emphasis: no blank entry
    Laid none;
    lay(none, "Tell us by **June 2025**. We will listen.\n");
    for (const auto& p : none.c->pages.pages) CHECK(p.role != PageRole::HardWords);
}

TEST_CASE("A5 pages are smaller and still keep pictures on the left") {
    Laid l;
    lay(l, long_text(20), "a5");
    CHECK(l.c->pages.geometry.width == Approx(419.53).epsilon(0.01));
    CHECK(l.c->pages.pages.size() > 3);
}

TEST_CASE("pictures off puts text at the margin and draws no pictures") {
    Laid l;
    lay(l, long_text(5), "a4", false);
    for (const auto& p : l.c->pages.pages)
        for (const auto& it : p.items) CHECK(it.kind != ItemKind::Picture);
}

TEST_CASE("the bundled examples lay out within the 24-page limit") {
    for (const char* name : {"templates/examples/stocktake.md", "templates/examples/strategy.md"}) {
        Laid l;
        lay(l, read_file(source_path(name)));
        INFO(name);
        CHECK(l.c->pages.pages.size() <= 24);
        CHECK(l.c->pages.pages.size() >= 6);
    }
}
