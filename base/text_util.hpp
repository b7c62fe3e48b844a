// Small string helpers: one home for trimming, splitting and case.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace easyread {

// Splits on `sep`, keeping empty fields (so a trailing tab still counts).
std::vector<std::string> split(const std::string& s, char sep);
// Splits on `sep`, trimming each field: "a | b" -> {"a", "b"}.
std::vector<std::string> split_fields(const std::string& line, char sep);
// Trims ASCII white space and no-break spaces from both ends.
std::string trim(const std::string& s);
// ASCII lower case; other bytes (UTF-8) are kept as they are.
std::string lower(std::string s);
std::string lower_trim(const std::string& s);
bool starts_with(std::string_view s, std::string_view head);
bool ends_with(const std::string& s, std::string_view tail);
// True when `w` is one of `words`: for the short closed lists of grammar words.
bool one_of(const std::string& w, std::initializer_list<const char*> words);

// `s` with every `from` replaced by `to` (`from` not empty).
std::string replace_all(std::string s, const std::string& from, const std::string& to);

// The whole JSON string token for `s`, quotes included.
std::string json_escape(const std::string& s);
// Appends code point `cp` as UTF-8 (nothing past U+10FFFF).
void append_utf8(std::string& out, unsigned long cp);
// Text for HTML content and attribute values: & < > " ' escaped.
std::string html_escape(const std::string& s);

}  // namespace easyread
