// File names the studio makes: from a document's title, never clashing with
// a file already in the folder.
#pragma once
#include <string>

#include "studio/doc_store.hpp"

namespace easyread::studio {

// "Our plan: 2026!" -> "our-plan-2026"; "document" when nothing is left.
std::string file_stem_for(const std::string& title);
// "Our plan: 2026!" -> "Our plan 2026", for downloads named after the title.
std::string download_stem_for(const std::string& title);
// stem + ending, or stem-2 + ending, ... whichever is not in the folder yet.
std::string free_name(const DocStore& store, const std::string& stem, const std::string& ending);
// The text on one line (new lines become spaces), trimmed.
std::string one_line(const std::string& s);
// A template's text with its front matter title replaced by `title`.
std::string replace_title(const std::string& text, const std::string& title);

}  // namespace easyread::studio
