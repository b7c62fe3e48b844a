// Markdown whose words would vanish without a word: text after an HTML
// comment on the same line, and struck-out text that would flip the meaning.
// Either the words reach the document or a warning names the line.
#include <catch2/catch.hpp>

#include <utility>

#include "generator/model/build_document.hpp"
#include "tests/generator/markdown_document.hpp"

using namespace easyread;

namespace {

std::string all_text(const Document& doc) {
    std::string out;
    for (const auto& b : doc.blocks) out += b.plain_text() + "\n";
    return out;
}

bool warned_at(const Diagnostics& d, int line) {
    for (const auto& item : d.items())
        if (item.line == line && item.severity != Severity::Note) return true;
    return false;
}

}  // namespace

TEST_CASE("text after an HTML comment on the same line is kept or warned about") {
    // The text, and the file line its words are on.
    const std::pair<const char*, int> cases[] = {
        {"<!-- note -->*kept text* here.", 3}, {"<!-- note --> kept text here.", 3}, {"<!-- a\nnote -->kept text here.", 4}};
    for (const auto& [line, words_line] : cases) {
        Diagnostics d;
        std::string md = std::string("# Title\n\n") + line + "\n";
        Document doc = test::document_of(md, d);
        INFO(md);
        CHECK((all_text(doc).find("kept text") != std::string::npos || warned_at(d, words_line)));
    }
}

TEST_CASE("struck-out text is not printed as ordinary text without a warning") {
    Diagnostics d;
    Document doc = test::document_of("# Title\n\nWe will ~~close~~ stay open.\n", d);
    const std::string text = all_text(doc);
    INFO(text);
    CHECK(text.find("will close stay") == std::string::npos);
    CHECK(text.find("stay open") != std::string::npos);
    CHECK(warned_at(d, 3));
}
