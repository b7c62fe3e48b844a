// The pages around the content: cover, contents, hard words, contact and credits.
#pragma once
#include "symbols/bank.hpp"
#include "generator/model/document.hpp"
#include "generator/layout/flow.hpp"

namespace easyread {

// The cover; a logo named in the front matter that cannot be used is a warning.
void layout_cover(Flow& flow, const Document& doc, const symbols::Bank& bank, Diagnostics& diags);
void layout_hard_words(Flow& flow, const Document& doc, const symbols::Bank& bank);
void layout_back_page(Flow& flow, const Document& doc, const symbols::Bank& bank);
// Lays out the contents and moves its pages to just before `first_content`.
void insert_contents(Flow& flow, std::size_t first_content);

}  // namespace easyread
