// Markdown -> easy read chunks, with their source lines and pictures.
#include <catch2/catch.hpp>

#include "generator/model/assign_pictures.hpp"
#include "generator/model/build_document.hpp"
#include "base/sentences.hpp"
#include "base/text_util.hpp"

using namespace easyread;

static Document doc_from(const std::string& text, Diagnostics& d) {
    SourceText src{"doc.md", text};
    ParsedMarkdown md = parse_markdown(src, d);
    return build_document(src, md, d);
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

// One walk makes both the chunks and the text as written that the checks
// read: every chunk with words points at its written text, which starts
// where the chunk does and holds the same words; the written text also has
// what is not a chunk (column headings, an empty paragraph) and no code.
TEST_CASE("each chunk and its text as written come from the same walk, in every context") {
    Diagnostics d;
    const std::string text =
        "---\r\ntitle: T\r\n---\r\n# About us {#about}\r\n\r\n"  // CRLF lines, an attribute block
        "> Quoted **bold** words.\r\n\r\n"                       // a block quote
        "3. First *step*\r\n\r\n   More about it.\r\n4. Next [step](http://example.org)\r\n\r\n"
        "| Question | Answer |\r\n|---|---|\r\n| Is it **good**? | Yes ~~no~~ |\r\n\r\n"
        "    code is not prose\r\n\r\n"
        "<!-- a note --> left out\r\n\r\nLast words.\r\n";
    Document doc = doc_from(text, d);
    int with_words = 0;
    for (const auto& b : doc.blocks) {
        INFO(b.plain_text());
        if (b.written < 0) continue;
        ++with_words;
        REQUIRE(b.written < static_cast<int>(doc.written.size()));
        const WrittenBlock& w = doc.written[static_cast<std::size_t>(b.written)];
        CHECK(w.at.line == b.line);
        CHECK(trim(w.text) == b.plain_text());
        CHECK(w.pos.size() == w.text.size());
        // Each byte's line is within the file's lines, at or after the chunk's.
        for (const auto& p : w.pos) CHECK((p.line >= b.line && p.line <= 21));
    }
    CHECK(with_words == 8);  // heading, quote, 2 items, "More about it.", 2 answers, "Last words."
    // Written, not chunks: the two column headings.
    REQUIRE(doc.written.size() == 10);
    CHECK(doc.written[5].table_row == 0);
    CHECK(doc.written[5].text == "Question");
    CHECK(doc.written[6].kind == BlockKind::Answer);
    // A list item's later paragraph is a chunk of text but, as written, part of the item.
    CHECK(doc.written[3].kind == BlockKind::ListItem);
    CHECK(doc.written[3].list_number == 0);
    CHECK(doc.written[2].list_number == 3);
    CHECK(doc.blocks[3].kind == BlockKind::Text);
    // Emphasis and positions: "step" in the first item is italic, at line 8, column 11.
    const WrittenBlock& first = doc.written[2];
    CHECK(first.is_italic(first.text.find("step")));
    CHECK(first.where(first.text.find("step")).line == 8);
    CHECK(first.where(first.text.find("step")).column == 11);
    // "**good**" is bold at line 15; the struck-out words are in neither.
    const WrittenBlock& cell = doc.written[7];
    CHECK(cell.is_bold(cell.text.find("good"), cell.text.find("good") + 4));
    CHECK(cell.where(cell.text.find("good")).line == 15);
    CHECK(doc.written[8].text == "Yes ");
    CHECK(doc.blocks[6].plain_text() == "Yes");
    // The attribute block came off both.
    CHECK(doc.written[0].text == "About us");
    CHECK(doc.written[0].attributes.id == "about");
    CHECK(doc.blocks[0].anchor == "about");
    // The HTML comment is kept for the checks; the words after it are not.
    REQUIRE(doc.html_blocks.size() == 1);
    CHECK(doc.html_blocks[0].at.line == 19);
    CHECK(doc.written[9].text == "Last words.");
    CHECK(doc.written[9].at.line == 21);
}
