// Loading a Markdown source: size limits, binary and UTF-8 checks, line maps.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "base/diagnostics.hpp"

namespace easyread {

// Easy read documents are short; anything past this is almost certainly the
// wrong file, and laying it out would take minutes.
constexpr std::size_t kMaxSourceBytes = 4u * 1024u * 1024u;

struct SourceText {
    std::string path;  // as the user named it; "-" is standard input
    std::string text;  // whole file, valid UTF-8, "\r\n" turned into "\n"
    // For text read from a Word or OpenDocument file: the source paragraph
    // each line came from (index: line - 1). Empty for Markdown.
    std::vector<int> paragraph_of_line = {};
};

// Reads a file (or standard input for "-"). On failure adds an error naming
// the file (and line/column for bad bytes) and returns false.
bool load_source(const std::string& path, SourceText& out, Diagnostics& diags);

// Checks bytes that did not come from a file (tests, fuzzing, the kiosk).
bool check_source_bytes(const std::string& path, const std::string& bytes, Diagnostics& diags);

// Returns the index of the first invalid UTF-8 byte, or npos when valid.
std::size_t find_invalid_utf8(const std::string& s);

// 1-based line and column (in characters) of a byte offset.
void line_column_of(const std::string& text, std::size_t offset, int& line, int& column);

// A line ends at LF, CRLF or a lone CR, as CommonMark (and so cmark) counts
// them; every stage that counts lines uses these two, so a message points at
// the same line whichever break a file uses.
// The first '\r' or '\n' at or after `from`, or npos.
std::size_t find_line_break(const std::string& text, std::size_t from);
// Where the next line starts, given the break found at `at` (CRLF is one break).
std::size_t after_line_break(const std::string& text, std::size_t at);

}  // namespace easyread
