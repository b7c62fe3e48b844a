// Renderers: each walks the laid-out pages once and writes one format.
#pragma once
#include <string>
#include <vector>

#include "generator/layout/pages.hpp"
#include "base/diagnostics.hpp"
#include "generator/parse/front_matter.hpp"

namespace easyread {

// Each returns false after adding an error that names the output path.
bool render_pdf(const LaidOutDocument& doc, const std::string& path, Diagnostics& diags);
// Writes one PNG per page: path "out.png" -> "out-1.png", "out-2.png", ...
// The names written are appended to `written`.
bool render_png(const LaidOutDocument& doc, const std::string& path, double dpi, std::vector<std::string>& written,
                Diagnostics& diags);
bool render_html(const LaidOutDocument& doc, const std::string& path, Diagnostics& diags);
// Word and OpenDocument text, made to be edited: chunks as rows of a
// borderless picture-and-text table, named styles, pictures as PNG with their
// alt text. `meta` gives the author for the document properties.
bool render_docx(const LaidOutDocument& doc, const FrontMatter& meta, const std::string& path, Diagnostics& diags);
bool render_odt(const LaidOutDocument& doc, const FrontMatter& meta, const std::string& path, Diagnostics& diags);
// The whole HTML file as a string.
std::string html_document(const LaidOutDocument& doc);

}  // namespace easyread
