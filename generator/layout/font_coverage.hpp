// Characters no installed font has. Pango falls back through fontconfig to
// any installed font that has a character (Noto for Chinese, Japanese,
// Malayalam, emoji); one no font has is drawn as a box with its code inside.
#pragma once
#include "base/diagnostics.hpp"
#include "generator/layout/pages.hpp"
#include "generator/model/document.hpp"

namespace easyread {

// Warns (code "missing-character") once for each chunk, at its line, whose
// laid-out text has characters no installed font covers, naming them; the
// layout's own text (cover, contacts) is named without a line.
void warn_missing_characters(const Document& doc, const LaidOutDocument& out, Diagnostics& diags);

}  // namespace easyread
