// Trailing attribute blocks: "Did you like it? {#meeting type=faces3 picture=meeting}".
#pragma once
#include <map>
#include <string>

namespace easyread {

struct Attributes {
    std::string id;                           // from "#id"
    std::map<std::string, std::string> values;  // key=value, values may be "quoted words"
    bool present = false;
    std::string error;  // non-empty when the block was malformed (then it is left in the text)
    std::string get(const std::string& key, const std::string& fallback = {}) const;
};

// If `text` ends with "{...}", removes it (and the space before it) and
// returns what it held. Otherwise returns an Attributes with present=false.
Attributes take_trailing_attributes(std::string& text);

// A lower-case slug of words ("Did you like it?" -> "did-you-like-it").
std::string slugify(const std::string& text);

}  // namespace easyread
