// The shared parser front: front matter, attributes, source checks.
#include <catch2/catch.hpp>

#include <cmark-gfm.h>

#include "generator/parse/attributes.hpp"
#include "generator/parse/front_matter.hpp"
#include "generator/parse/markdown_front.hpp"
#include "base/source_text.hpp"

using namespace easyread;

TEST_CASE("front matter keys, quotes and the body's line offset") {
    Diagnostics d;
    FrontMatter fm;
    std::string body = split_front_matter("a.md", "---\ntitle: \"Our plan\"\nlang: en-GB\n# a comment\n---\n# Hi\n", fm, d);
    CHECK(fm.get("title") == "Our plan");
    CHECK(fm.get("lang") == "en-GB");
    CHECK(fm.lines.at("lang") == 3);
    CHECK(fm.body_line_offset == 5);
    CHECK(body == "# Hi\n");
    CHECK(d.items().empty());
}

TEST_CASE("front matter without a closing fence is an error and the text is kept") {
    Diagnostics d;
    FrontMatter fm;
    std::string text = "---\ntitle: x\n# Heading\n";
    CHECK(split_front_matter("a.md", text, fm, d) == text);
    REQUIRE(d.has_errors());
    CHECK(format_diagnostic(d.items()[0]).find("a.md:1:1: error[front-matter]") == 0);
}

TEST_CASE("a bad front matter line names its line") {
    Diagnostics d;
    FrontMatter fm;
    split_front_matter("a.md", "---\ntitle: x\nnot a pair\n---\n", fm, d);
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].line == 3);
    CHECK(fm.get("title") == "x");
}

TEST_CASE("trailing attributes: id, key=value and quoted values") {
    std::string text = "Did you like it? {#meeting type=faces3 picture=\"meeting room\"}";
    Attributes a = take_trailing_attributes(text);
    CHECK(a.present);
    CHECK(a.id == "meeting");
    CHECK(a.get("type") == "faces3");
    CHECK(a.get("picture") == "meeting room");
    CHECK(text == "Did you like it?");
}

TEST_CASE("malformed attributes are left in the text with an error") {
    std::string text = "Hello {picture}";
    Attributes a = take_trailing_attributes(text);
    CHECK_FALSE(a.error.empty());
    CHECK(text == "Hello {picture}");
}

TEST_CASE("slugs are lower case words joined by dashes") {
    CHECK(slugify("Did you like the meeting today?") == "did-you-like-the-meeting-today");
    CHECK(slugify("  Homes & Jobs ") == "homes-jobs");
}

TEST_CASE("invalid UTF-8 is reported with line and column") {
    Diagnostics d;
    CHECK_FALSE(check_source_bytes("x.md", "ok\nab\xC3(", d));
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].id == "invalid-utf8");
    CHECK(d.items()[0].line == 2);
    CHECK(d.items()[0].column == 3);
}

TEST_CASE("overlong encodings and surrogates are invalid UTF-8") {
    CHECK(find_invalid_utf8("\xC0\xAF") == 0);
    CHECK(find_invalid_utf8("a\xED\xA0\x80") == 1);
    CHECK(find_invalid_utf8("caf\xC3\xA9 \xF0\x9F\x98\x80") == std::string::npos);
}

TEST_CASE("a NUL byte means a binary file") {
    Diagnostics d;
    CHECK_FALSE(check_source_bytes("x.md", std::string("abc\0def", 7), d));
    CHECK(d.items()[0].id == "binary-file");
}

TEST_CASE("tables are parsed with the GFM extension") {
    Diagnostics d;
    SourceText src{"t.md", "| a | b |\n|---|---|\n| 1 | 2 |\n"};
    ParsedMarkdown md = parse_markdown(src, d);
    REQUIRE(md.root);
    CHECK(node_type_name(cmark_node_first_child(md.root.get())) == "table");
}
