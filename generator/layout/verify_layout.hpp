// The layout's guarantee, checked on what will be drawn: every word of the
// document's text is on a page, in order, and every line of text lies inside
// the printable area (within the margins).
#pragma once
#include "base/diagnostics.hpp"
#include "generator/layout/pages.hpp"
#include "generator/model/document.hpp"

namespace easyread {

// Adds an error (code "text-lost") at each block whose words are missing,
// cut or outside the printable area. Returns true when there is none.
bool verify_layout(const Document& doc, const LaidOutDocument& pages, Diagnostics& diags);

}  // namespace easyread
