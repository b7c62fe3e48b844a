// What cairo's tagged PDF leaves out and screen readers need: the document
// language, alternative text on every Figure, and showing the title.
#pragma once
#include <cstdio>
#include <string>

#include "generator/layout/pages.hpp"
#include "generator/render/pdf_pictures.hpp"
#include "base/diagnostics.hpp"

namespace easyread {

// Reads cairo's PDF from memory and writes the finished PDF to `out` (named
// `path` in messages), with the pictures of `pictures` in place of their
// markers. Returns false after adding an error.
bool add_pdf_accessibility(const std::string& cairo_pdf, const PictureSheet& pictures,
                           const LaidOutDocument& doc, std::FILE* out, const std::string& path, Diagnostics& diags);

}  // namespace easyread
