// Diagnostics point at the line and column an editor shows, front matter counted.
#include <catch2/catch.hpp>

#include "generator/model/text_blocks.hpp"
#include "tests/check/check_test_support.hpp"
#include "generator/parse/markdown_front.hpp"

using namespace easyread;
using namespace easyread::check;

namespace {

TextView view_of(const std::string& text, SourceText& src, ParsedMarkdown& md) {
    Diagnostics d;
    src = {"doc.md", text};
    md = parse_markdown(src, d);
    return collect_text(src, md);
}

}  // namespace

TEST_CASE("front matter lines are counted", "[positions]") {
    auto lines = test::check_text("---\ntitle: A test\nlang: en-GB\n---\n\nWe will meet on 05/07/2024 at the hall.\n");
    auto dates = test::with_id(lines, "numeric-date");
    REQUIRE(dates.size() == 1);
    CHECK(dates[0].rfind("doc.md:6:17: warning[numeric-date]", 0) == 0);
}

TEST_CASE("columns count characters, not bytes", "[positions]") {
    // "café" has a two-byte letter before the date.
    auto dates = test::with_id(test::check_text("Our café opens on 05/07/2024 for you.\n"), "numeric-date");
    REQUIRE(dates.size() == 1);
    CHECK(dates[0].rfind("doc.md:1:19:", 0) == 0);
}

TEST_CASE("escapes, entities, emphasis and links keep later words in place", "[positions]") {
    SourceText src;
    ParsedMarkdown md;
    TextView v = view_of("A \\*star\\* &amp; **bold** [link](http://example.org/x) then *it* ends.\n", src, md);
    REQUIRE(v.blocks.size() == 1);
    const TextBlock& b = v.blocks[0];
    CHECK(b.text == "A *star* & bold link then it ends.");
    CHECK(b.where(b.text.find("bold")).column == 20);
    CHECK(b.where(b.text.find("then")).column == 56);
    CHECK(b.where(b.text.find("ends")).column == 66);
    REQUIRE(b.bold.size() == 1);
    CHECK(b.text.substr(b.bold[0].begin, b.bold[0].end - b.bold[0].begin) == "bold");
    REQUIRE(b.italic.size() == 1);
    CHECK(b.is_italic(b.text.find("it ends")));
}

TEST_CASE("list items and wrapped lines keep their own lines", "[positions]") {
    SourceText src;
    ParsedMarkdown md;
    TextView v = view_of("# Title\n\n- first item\n  goes on here\n- second item\n\n> quoted words\n", src, md);
    REQUIRE(v.blocks.size() == 4);
    CHECK(v.blocks[0].kind == BlockKind::Heading);
    CHECK(v.blocks[1].kind == BlockKind::ListItem);
    CHECK(v.blocks[1].where(v.blocks[1].text.find("goes")).line == 4);
    CHECK(v.blocks[1].where(v.blocks[1].text.find("goes")).column == 3);
    CHECK(v.blocks[2].at.line == 5);
    CHECK(v.blocks[3].where(0).line == 7);
    CHECK(v.blocks[3].where(0).column == 3);
}

TEST_CASE("table cells are blocks with their row", "[positions]") {
    SourceText src;
    ParsedMarkdown md;
    TextView v = view_of("| Question | Answer |\n|---|---|\n| Do you like it? | Yes |\n", src, md);
    REQUIRE(v.blocks.size() == 4);
    CHECK(v.blocks[0].table_row == 0);
    CHECK(v.blocks[2].table_row == 1);
    CHECK(v.blocks[3].text == "Yes");
    CHECK(v.blocks[3].at.line == 3);
    CHECK(v.blocks[3].where(0).column == 21);
}

TEST_CASE("picture requests and attributes are read, not counted as words", "[positions]") {
    SourceText src;
    ParsedMarkdown md;
    TextView v = view_of("![home](symbol:house) We help you find a home.\n\nWe talk to you. {#talk picture=talk}\n", src, md);
    REQUIRE(v.blocks.size() == 2);
    CHECK(v.blocks[0].picture == "house");
    CHECK(v.blocks[0].text == " We help you find a home.");
    CHECK(v.blocks[1].picture == "talk");
    CHECK(v.blocks[1].text == "We talk to you.");
    CHECK(v.blocks[1].picture_at.column == 17);
}
