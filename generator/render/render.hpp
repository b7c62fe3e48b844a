// Renderers: each walks the laid-out pages once and writes one format.
#pragma once
#include <string>
#include <vector>

#include "generator/layout/pages.hpp"
#include "base/diagnostics.hpp"

namespace easyread {

// Each returns false after adding an error that names the output path.
bool render_pdf(const LaidOutDocument& doc, const std::string& path, Diagnostics& diags);
// Writes one PNG per page: path "out.png" -> "out-1.png", "out-2.png", ...
// The names written are appended to `written`.
bool render_png(const LaidOutDocument& doc, const std::string& path, double dpi, std::vector<std::string>& written,
                Diagnostics& diags);
bool render_html(const LaidOutDocument& doc, const std::string& path, Diagnostics& diags);
// The whole HTML file as a string.
std::string html_document(const LaidOutDocument& doc);

}  // namespace easyread
