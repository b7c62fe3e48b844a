// A line ends at LF, CRLF or a lone CR (old Mac files, some pasted text):
// every stage must count lines the same way, so a message points at the
// same line whichever of the three a file uses.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "base/source_text.hpp"
#include "tests/check/check_test_support.hpp"

using namespace easyread;

namespace {

std::string with_breaks(const std::string& lf_text, const std::string& brk) {
    std::string out;
    for (char c : lf_text) {
        if (c == '\n') out += brk;
        else out += c;
    }
    return out;
}

}  // namespace

TEST_CASE("every check case file gives the same messages with LF, CRLF and lone CR line breaks") {
    const auto names = check::test::markdown_files(CHECK_CASES_DIR);
    REQUIRE(names.size() >= 10);
    for (const auto& name : names) {
        std::string text = check::test::read_file(std::string(CHECK_CASES_DIR) + "/" + name);
        text = with_breaks(text, "\n");  // the case files are LF already; this makes sure
        const auto lf = check::test::check_text(text, name);
        INFO(name);
        CHECK(check::test::check_text(with_breaks(text, "\r\n"), name) == lf);
        CHECK(check::test::check_text(with_breaks(text, "\r"), name) == lf);
    }
}

TEST_CASE("line_column_of counts a lone CR and a CRLF as one line break each") {
    int line = 0, column = 0;
    line_column_of("a\rb\r\nc\nd", 7, line, column);  // offset 7 is "d"
    CHECK(line == 4);
    CHECK(column == 1);
    line_column_of("a\r\nb", 3, line, column);  // "b"
    CHECK(line == 2);
    CHECK(column == 1);
}
