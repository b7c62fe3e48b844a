// Markdown -> easy read chunks, with their source lines and pictures.
#include <catch2/catch.hpp>

#include "generator/model/assign_pictures.hpp"
#include "generator/model/build_document.hpp"
#include "base/sentences.hpp"

using namespace easyread;

static Document doc_from(const std::string& text, Diagnostics& d) {
    SourceText src{"doc.md", text};
    ParsedMarkdown md = parse_markdown(src, d);
    return build_document(md, d);
}

TEST_CASE("headings, paragraphs and list items become chunks with file lines") {
    Diagnostics d;
    Document doc = doc_from("---\ntitle: T\n---\n# About\n\nFirst point.\n\n- One\n- Two\n  - Inner\n", d);
    REQUIRE(doc.blocks.size() == 5);
    CHECK(doc.blocks[0].kind == BlockKind::Heading);
    CHECK(doc.blocks[0].line == 4);  // front matter lines counted
    CHECK(doc.blocks[1].kind == BlockKind::Text);
    CHECK(doc.blocks[1].line == 6);
    CHECK(doc.blocks[2].kind == BlockKind::ListItem);
    CHECK(doc.blocks[2].plain_text() == "One");
    CHECK(doc.blocks[4].level == 2);
    CHECK(doc.blocks[4].column == 5);
}

TEST_CASE("a numbered list keeps its numbers, from the number it starts at, bullets have none") {
    Diagnostics d;
    Document doc = doc_from("Steps:\n\n4. Ring us.\n5. Tell us.\n\nBring:\n\n- A letter\n", d);
    REQUIRE(doc.blocks.size() == 5);
    CHECK(doc.blocks[1].number == 4);
    CHECK(doc.blocks[2].number == 5);
    CHECK(doc.blocks[4].kind == BlockKind::ListItem);
    CHECK(doc.blocks[4].number == 0);
}

TEST_CASE("a stocktake table row becomes a question chunk and one chunk per answer") {
    Diagnostics d;
    Document doc = doc_from(
        "| Question | What we found | Support needed |\n|---|---|---|\n"
        "| Is there a plan? | Yes. | None. |\n| Who checks it? | The board. | |\n",
        d);
    REQUIRE(doc.blocks.size() == 5);  // the empty cell is left out
    CHECK(doc.blocks[0].kind == BlockKind::Answer);
    CHECK(doc.blocks[0].row_start);
    CHECK(doc.blocks[0].label == "Question");
    CHECK(doc.blocks[1].label == "What we found");
    CHECK_FALSE(doc.blocks[1].row_start);
    CHECK(doc.blocks[3].row_start);
    CHECK(doc.blocks[3].line == 4);
}

TEST_CASE("bold words are hard words explained by the next sentence") {
    Diagnostics d;
    Document doc = doc_from(
        "You can have an **advocate**. An advocate helps you speak up.\n\n"
        "The **advocate** is free. A **care plan** says what help you get.\n\nIt is written down.\n",
        d);
    REQUIRE(doc.hard_words.size() == 2);  // the second use of advocate is not a new hard word
    CHECK(doc.hard_words[0].word == "advocate");
    CHECK(doc.hard_words[0].explanation == "An advocate helps you speak up.");
    CHECK(doc.hard_words[1].word == "care plan");
    CHECK(doc.hard_words[1].explanation == "It is written down.");
}

TEST_CASE("explicit pictures: symbol: images and {picture=...}") {
    Diagnostics d;
    Document doc = doc_from("![a home](symbol:house) We help you find a home.\n\nMoney matters. {picture=money}\n", d);
    REQUIRE(doc.blocks.size() == 2);
    CHECK(doc.blocks[0].picture_request == "house");
    CHECK(doc.blocks[0].plain_text() == "We help you find a home.");
    CHECK(doc.blocks[1].picture_request == "money");
    CHECK(doc.blocks[1].plain_text() == "Money matters.");
}

TEST_CASE("the words of a symbol: image are its alt text, no words make it decorative") {
    Diagnostics d;
    Document doc = doc_from("We have a new home. ![](symbol:house)\n\nMy room. ![ my blue bedroom ](symbol:bed)\n\n"
                            "The garden. {picture=tree}\n",
                            d);
    REQUIRE(doc.blocks.size() == 3);
    CHECK(doc.blocks[0].picture_decorative);
    CHECK(doc.blocks[0].picture_alt.empty());
    CHECK_FALSE(doc.blocks[1].picture_decorative);
    CHECK(doc.blocks[1].picture_alt == "my blue bedroom");
    CHECK_FALSE(doc.blocks[2].picture_decorative);
    CHECK(doc.blocks[2].picture_alt.empty());  // the picture's own name is used
}

TEST_CASE("a missing picture is a warning with the line, and the chunk stays") {
    Diagnostics d;
    Document doc = doc_from("We help you find a home.\n\nA thing. {picture=no-such-picture}\n", d);
    symbols::Bank bank;
    REQUIRE(bank.load_bundled(d));
    PictureStats stats = assign_pictures(doc, bank, d);
    CHECK(stats.missing == 1);
    REQUIRE(d.count(Severity::Warning) == 1);
    CHECK(format_diagnostic(d.items().back()).find("doc.md:3:1: warning[missing-picture]") == 0);
    CHECK(doc.blocks[1].picture_id.empty());
}

TEST_CASE("raw HTML is left out with one warning") {
    Diagnostics d;
    Document doc = doc_from("<div>hi</div>\n\nText <b>bold</b> here.\n", d);
    CHECK(d.count(Severity::Warning) == 1);
    REQUIRE(doc.blocks.size() == 1);
    CHECK(doc.blocks[0].plain_text() == "Text bold here.");
}

TEST_CASE("sentences split at full stops, not inside numbers") {
    auto s = sentence_texts("It costs 1.50 a week. Is that fair? Yes!");
    REQUIRE(s.size() == 3);
    CHECK(s[0] == "It costs 1.50 a week.");
    CHECK(s[2] == "Yes!");
}
