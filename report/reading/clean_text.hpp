// Text read from an answers file is made valid once, as it is read: a
// third-party or damaged file may hold bytes that are not UTF-8, NULs, or
// right-to-left controls that would turn the rest of a line around. After
// this every output (PDF, HTML, CSV, JSON) can print it as it stands.
#pragma once
#include <string>
#include <string_view>

namespace easyread::report {

// False when `text` is already clean (nearly always: plain printable ASCII is checked fast).
bool needs_cleaning(std::string_view text);

// Invalid UTF-8 bytes become U+FFFD; NUL and other control characters (but
// tab, line feed and carriage return) and the bidirectional controls
// (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) are removed.
std::string clean_text(std::string_view text);

}  // namespace easyread::report
