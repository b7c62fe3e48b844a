// Page sizes and the grid every page uses, in PDF points (1/72 inch).
#pragma once
#include <memory>
#include <string>

namespace easyread {

struct ReviewSignOff;

struct LayoutOptions {
    std::string page = "a4";   // "a4" or "a5"
    double body_pt = 16;       // body text size on paper
    double min_text_pt = 14;   // the rule set's smallest text: small print (credits) never goes below it
    bool keep_sentences = false;  // a chunk going on over a page breaks between sentences (Inclusion Europe)
    double line_spacing = 1.5; // times the font size
    bool pictures = true;      // some readers want pictures off
    std::string font_family;   // empty = the best installed easy read font
    std::shared_ptr<const ReviewSignOff> sign_off;  // the reviewers' claim for the contact page; may be null
};

struct PageGeometry {
    double width = 0, height = 0;
    double margin_left = 0, margin_right = 0, margin_top = 0, margin_bottom = 0;
    double picture_column = 0;  // width of the picture column, about a third of the text width
    double picture_size = 0;    // pictures are square
    double gap = 0;             // space between chunks
    // "Page N" at the foot of the page, in the bottom margin: body size, at
    // least 14 pt, so a reader told "turn to page 5" can find it.
    double number_size = 0;
    double number_top = 0;      // top of the page number's line
    double text_x() const { return margin_left + picture_column; }
    double text_width() const { return width - margin_right - text_x(); }
    double content_width() const { return width - margin_left - margin_right; }
    double bottom() const { return height - margin_bottom; }
};

// The page number's line spacing (times its size).
constexpr double kPageNumberLineSpacing = 1.2;

// Returns false for an unknown page size.
bool make_page_geometry(const LayoutOptions& opts, PageGeometry& out);

}  // namespace easyread
