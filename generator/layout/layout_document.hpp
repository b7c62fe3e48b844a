// Document model -> pages: picture column on the left, text on the right,
// one chunk per row, never split across pages.
#pragma once
#include "symbols/bank.hpp"
#include "generator/model/document.hpp"
#include "base/diagnostics.hpp"
#include "generator/layout/pages.hpp"

namespace easyread {

// The title a document gets when it has no title: and no heading.
constexpr const char* kUntitledTitle = "Easy read document";

// Returns false (with an error) only for unusable options, e.g. an unknown page size.
bool layout_document(const Document& doc, const symbols::Bank& bank, const LayoutOptions& opts,
                     LaidOutDocument& out, Diagnostics& diags);

}  // namespace easyread
