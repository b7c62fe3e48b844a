// The documents people reviewed page by page, for small pictures of their
// pages in the board report. A document is used only when its text is the
// edition stored with the answers (its label's fingerprint): a changed file
// never stands in for the edition people saw.
#pragma once
#include <cairo.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostics.hpp"

namespace easyread {
class PagePictures;
namespace symbols {
class Bank;
}
}  // namespace easyread

namespace easyread::report {

// A place marked on a page's picture (what reviewers tapped), in the page's
// points, with the number the report's words give it: a frame and a number,
// never a colour alone.
struct PageMark {
    double x = 0, y = 0, width = 0, height = 0;
    int number = 0;
};

class ReviewedDocuments {
public:
    ReviewedDocuments();
    ~ReviewedDocuments();
    ReviewedDocuments(const ReviewedDocuments&) = delete;
    ReviewedDocuments& operator=(const ReviewedDocuments&) = delete;

    // Lays out the document at `path` and keeps it when its text is that of
    // one of the `wanted` labels (whatever the file is called now). Returns
    // the wanted label it matched, else its own label ("" when it cannot be
    // read or laid out).
    std::string add(const std::string& path, const std::vector<std::string>& wanted, const symbols::Bank& bank);
    // Lays out the document as it is now and keeps it under its own label
    // (returned; "" when it cannot be read, with the reason in `diags`).
    std::string add_current(const std::string& path, const symbols::Bank& bank, Diagnostics& diags);
    // The pages of a document kept here; null when it is not.
    const PagePictures* pages(const std::string& label) const;
    bool has(const std::string& label) const { return docs_.count(label) > 0; }
    // Page height / width of the document's pages; 0 when it is not here.
    double shape(const std::string& label) const;
    // Draws page `page` (1-based) to fit the box, framed, as a picture (so
    // the page's words never mix with the report's own text).
    bool draw(cairo_t* cr, const std::string& label, int page, double x, double y, double width, double height) const;
    // The page as PNG bytes `width` pixels wide; empty when it cannot be drawn.
    std::string png(const std::string& label, int page, int width) const;
    // Marks drawn over page `page` of the document from now on (draw and png).
    void mark(const std::string& label, int page, std::vector<PageMark> marks);

private:
    std::map<std::string, std::unique_ptr<PagePictures>> docs_;
    std::map<std::pair<std::string, int>, std::vector<PageMark>> marks_;
    // Draws the marks of (label, page) on `cr`, whose units are the page's points.
    void draw_marks(cairo_t* cr, const std::string& label, int page, double scale) const;
};

}  // namespace easyread::report
