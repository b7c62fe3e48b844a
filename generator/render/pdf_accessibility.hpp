// What cairo's tagged PDF leaves out and screen readers need: the document
// language, alternative text on every Figure, and showing the title.
#pragma once
#include <string>

#include "../layout/pages.hpp"
#include "../parse/diagnostics.hpp"

namespace easyread {

// Rewrites the PDF at `path` in place. Returns false after adding an error.
bool add_pdf_accessibility(const std::string& path, const LaidOutDocument& doc, Diagnostics& diags);

}  // namespace easyread
