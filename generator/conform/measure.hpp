// The measurements behind each rule of a conformance report, one function a
// rule, each reading only the laid-out pages (or the PDF written from them).
#pragma once
#include <string>
#include <vector>

#include "generator/conform/conformance.hpp"
#include "generator/layout/page_chunks.hpp"
#include "generator/layout/pages.hpp"
#include "generator/lang/rule_set.hpp"
#include "generator/model/document.hpp"

namespace easyread::conform {

// What one measurement found: met or not, the evidence in one sentence and
// the places that fail.
struct Finding {
    bool met = true;
    std::string evidence;
    std::vector<RulePlace> places;
    int places_total = 0;
    void fail_at(int page, int line, const std::string& what);
};

// `length` bytes of `text` from byte `at`, quoted, newlines as spaces, "..."
// when cut; both ends moved to whole characters.
std::string snippet(const std::string& text, std::size_t at, std::size_t length = 40);
// Text the reader reads: every text item but artifacts.
bool is_reading_text(const PlacedItem& item);
// Body text: paragraphs and list items (not headings, contents or cover).
bool is_body_text(const PlacedItem& item);

// Layout rules (lang::layout_rule_ids()).
Finding measure_text_size(const LaidOutDocument& doc, double min_pt);
Finding measure_left_aligned(const LaidOutDocument& doc);
Finding measure_word_splits(const LaidOutDocument& doc);
Finding measure_italics(const LaidOutDocument& doc);
Finding measure_capitals(const LaidOutDocument& doc);
Finding measure_columns(const LaidOutDocument& doc);
Finding measure_picture_side(const LaidOutDocument& doc);
Finding measure_sentence_lines(const LaidOutDocument& doc);
Finding measure_sentence_splits(const LaidOutDocument& doc);
Finding measure_contrast(const LaidOutDocument& doc, double min_ratio);

// Text rules, measured on the laid-out words.
Finding measure_sentence_length(const LaidOutDocument& doc, int max_words);
Finding measure_pages(const LaidOutDocument& doc, int max_pages);
Finding measure_pictures(const LaidOutDocument& doc);
Finding measure_hard_words(const LaidOutDocument& laid, const Document& doc);

// The PDF's accessibility basics, read back from the file with qpdf.
Finding measure_pdf(const std::string& pdf_path);

}  // namespace easyread::conform
