// The organisation's logo on the cover: front matter `logo: file.svg` (or
// .png), a path relative to the Markdown file.
#pragma once
#include <string>

#include "generator/model/document.hpp"
#include "base/diagnostics.hpp"

namespace easyread {

struct Logo {
    std::string file;   // the path to draw from
    double aspect = 1;  // width / height
};

// The logo the front matter names, checked readable. False when there is
// none; a logo that cannot be used is a warning at its front matter line,
// and the document is made without it.
bool find_logo(const Document& doc, Logo& out, Diagnostics& diags);

}  // namespace easyread
