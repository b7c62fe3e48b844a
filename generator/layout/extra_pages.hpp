// The pages around the content: cover, contents, hard words, contact and credits.
#pragma once
#include "symbols/bank.hpp"
#include "generator/model/document.hpp"
#include "generator/layout/flow.hpp"
#include "generator/layout/review_sign_off.hpp"

namespace easyread {

// The cover; a logo named in the front matter that cannot be used is a warning.
void layout_cover(Flow& flow, const Document& doc, const symbols::Bank& bank, Diagnostics& diags);
void layout_hard_words(Flow& flow, const Document& doc, const symbols::Bank& bank);
// The contact page; with a review sign-off (LayoutOptions::sign_off), the
// reviewers' claim for the pages still as they saw them, named by their
// numbers plus `page_shift` (the contents pages that will come before them).
void layout_back_page(Flow& flow, const Document& doc, const symbols::Bank& bank, int page_shift = 0);
// The sign-off's lines for these pages; empty when no page is as reviewed.
std::vector<std::string> sign_off_lines(const ReviewSignOff& sign_off, const LaidOutDocument& out, int page_shift);
// Lays out the contents and moves its pages to just before `first_content`.
void insert_contents(Flow& flow, std::size_t first_content);

}  // namespace easyread
