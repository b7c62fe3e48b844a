// GitHub's Markdown extensions an officer's file may use: footnotes, task
// lists and tables with only a heading row or an empty column. Every word
// reaches the document in an easy read form, or a warning names its line.
#include <catch2/catch.hpp>

#include "generator/model/build_document.hpp"
#include "tests/generator/markdown_document.hpp"
#include "tests/support/command.hpp"

using namespace easyread;

namespace {

std::vector<std::string> texts(const Document& doc) {
    std::vector<std::string> out;
    for (const auto& b : doc.blocks) out.push_back(b.plain_text());
    return out;
}

const Diagnostic* warning(const Diagnostics& d, const std::string& id) {
    for (const auto& item : d.items())
        if (item.id == id) return &item;
    return nullptr;
}

}  // namespace

TEST_CASE("a footnote is a chunk 'Note: ...' right after the chunk that refers to it, once") {
    Diagnostics d;
    Document doc = test::document_of("# Help\n\nWe pay for travel.[^1] We pay for lunch.[^food]\n\nAsk us.[^1]\n\n"
                          "[^food]: Lunch up to 5 pounds.\n\n[^1]: Bus and train only.\n\n    Keep the ticket.\n",
                          d);
    CHECK(texts(doc) == std::vector<std::string>{"Help", "We pay for travel. We pay for lunch.",
                                                 "Note: Bus and train only.", "Keep the ticket.",
                                                 "Note: Lunch up to 5 pounds.", "Ask us."});
    // The note's chunks point at the note's own lines.
    REQUIRE(doc.blocks.size() == 6);
    CHECK(doc.blocks[2].line == 9);
    CHECK(doc.blocks[4].line == 7);
    CHECK(d.count(Severity::Warning) == 0);
}

TEST_CASE("a footnote nothing refers to is a warning at its line, never dropped without a word") {
    Diagnostics d;
    Document doc = test::document_of("# Help\n\nWe help.\n\n[^spare]: Nobody refers to this note.\n", d);
    CHECK(texts(doc) == std::vector<std::string>{"Help", "We help."});
    const Diagnostic* w = warning(d, "unreferenced-note");
    REQUIRE(w != nullptr);
    CHECK(w->line == 5);
    CHECK(w->message.find("[^spare]") != std::string::npos);
}

TEST_CASE("a task list says in words which tasks are done") {
    Diagnostics d;
    Document doc = test::document_of("# Jobs\n\n- [x] Book the room\n- [ ] Send the letters\n- Buy tea\n", d);
    CHECK(texts(doc) ==
          std::vector<std::string>{"Jobs", "Done: Book the room", "To do: Send the letters", "Buy tea"});
    for (const auto& b : doc.blocks) CHECK(b.plain_text().find('[') == std::string::npos);
}

TEST_CASE("a table with only its heading row keeps its words as text") {
    Diagnostics d;
    Document doc = test::document_of("# Contacts\n\n| Name | Phone |\n|---|---|\n\nAfter.\n", d);
    CHECK(texts(doc) == std::vector<std::string>{"Contacts", "Name", "Phone", "After."});
}

TEST_CASE("a table column with nothing under its heading is a warning naming it") {
    Diagnostics d;
    Document doc = test::document_of("# Days\n\n| Day | Note |\n|---|---|\n| Monday | |\n| Tuesday | |\n", d);
    CHECK(texts(doc) == std::vector<std::string>{"Days", "Monday", "Tuesday"});
    const Diagnostic* w = warning(d, "empty-column");
    REQUIRE(w != nullptr);
    CHECK(w->line == 3);
    CHECK(w->message.find("\"Note\"") != std::string::npos);
    // A column with words in some rows is no problem.
    Diagnostics d2;
    test::document_of("# Days\n\n| Day | Note |\n|---|---|\n| Monday | Shut |\n| Tuesday | |\n", d2);
    CHECK(warning(d2, "empty-column") == nullptr);
}

TEST_CASE("footnotes and task lists reach the PDF, the HTML and the Word file in words") {
    std::string dir = fresh_dir("gfm-outputs");
    write_file(dir + "/in.md", "# Help\n\nWe pay for travel.[^1]\n\n- [x] Book the room\n- [ ] Send the letters\n\n"
                               "[^1]: Bus and train only.\n");
    CommandResult r = run_easyread("build '" + dir + "/in.md' -o '" + dir + "/out.pdf' -o '" + dir +
                                   "/out.html' -o '" + dir + "/out.docx'");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::string pdf = run_command("pdftotext '" + dir + "/out.pdf' -").out;
    const std::string html = read_file(dir + "/out.html");
    const std::string docx = run_command("/usr/bin/python3 -c \"import sys, zipfile; "
                                         "sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read('word/document.xml')"
                                         ".decode())\" '" +
                                         dir + "/out.docx'")
                                 .out;
    for (const std::string* out : {&pdf, &html, &docx}) {
        CHECK(out->find("Note: Bus and train only.") != std::string::npos);
        CHECK(out->find("Done: Book the room") != std::string::npos);
        CHECK(out->find("To do: Send the letters") != std::string::npos);
        CHECK(out->find("[^1]") == std::string::npos);
        CHECK(out->find("[x]") == std::string::npos);
    }
    // The note comes after the words that refer to it.
    CHECK(pdf.find("We pay for travel.") < pdf.find("Note: Bus and train only."));
}

TEST_CASE("a character reference to no character is a warning at its line and column") {
    Diagnostics d;
    test::document_of("# Signs\n\nA sign &#87654321; here, &#0; there, &#x110000; and &#65; and `&#99999999;`.\n", d);
    int found = 0;
    for (const auto& item : d.items())
        if (item.id == "character-reference") {
            ++found;
            CHECK(item.line == 3);
        }
    CHECK(found == 3);
    const Diagnostic* w = warning(d, "character-reference");
    REQUIRE(w != nullptr);
    CHECK(w->column == 8);
    CHECK(w->message.find("&#87654321;") != std::string::npos);
}
