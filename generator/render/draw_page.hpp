// Draws one laid-out page with cairo; shared by the PDF and PNG renderers.
#pragma once
#include <cairo.h>

#include <map>
#include <string>
#include <vector>

#include "generator/layout/pages.hpp"
#include "base/diagnostics.hpp"

namespace easyread {

// Loaded pictures, kept for the whole render so each file is read once.
class PictureSheet;

// A picture that cannot be drawn: one warning naming the file and why.
void warn_unreadable_picture(const std::string& file, const std::string& why, Diagnostics& diags);

class PictureCache {
public:
    PictureCache() = default;
    // SVG pictures the sheet was started with become its markers (see
    // pdf_pictures.hpp): for a PDF that is finished with put_sheet_pictures.
    explicit PictureCache(PictureSheet* sheet) : sheet_(sheet) {}
    PictureCache(const PictureCache&) = delete;
    PictureCache& operator=(const PictureCache&) = delete;
    ~PictureCache();
    // Draws the picture to fit a size x size square at (x, y). A picture that
    // cannot be read is a warning once, and leaves the cell empty.
    void draw(cairo_t* cr, const std::string& file, double x, double y, double size, Diagnostics& diags);
    // Draws the picture to fit a width x height box, keeping its shape (a logo).
    void draw_in_box(cairo_t* cr, const std::string& file, double x, double y, double width, double height,
                     Diagnostics& diags);

private:
    cairo_surface_t* png(const std::string& file, Diagnostics& diags);  // null (and a warning) when unreadable
    // Each SVG is drawn once into a recording surface; the PDF backend then
    // writes it once as a form and reuses it on every page.
    std::map<std::string, cairo_surface_t*> svgs_;
    std::map<std::string, cairo_surface_t*> pngs_;
    std::map<std::string, bool> failed_;
    PictureSheet* sheet_ = nullptr;
};

// The list tags open while drawing, carried from page to page: a list that
// goes on over the next page stays one L element (and an item split over
// the page break one LI), its tags left open at the page's end.
struct OpenList {
    struct Level {
        int level;       // the items' depth (1 for the top level)
        bool item_open;  // an LI (with its LBody) is open at this level
    };
    int list = -1;              // the layout's list number; -1 when no list is open
    std::vector<Level> levels;  // the L elements open, outermost first
    int item_chunk = -1;        // the chunk of the innermost open LI
};

struct DrawOptions {
    bool tagged = false;  // emit PDF structure tags
    OpenList* carry = nullptr;  // tagged drawing of a whole document: the list left open
    const Page* next = nullptr;  // the page drawn after this one, if any
};

// Where a text item's links are: one box for each line a link's letters
// are on (no box over the space around them), with the letters it covers
// (bytes start to end of the layout's text) and all the link's words.
struct LinkBox {
    double x, y, width, height;
    std::string uri, text;
    int start = 0, end = 0;
    std::string whole;  // the link's words on all its lines, one space between
};
std::vector<LinkBox> link_boxes(PangoLayout* layout, const PlacedItem& it);

void draw_page(cairo_t* cr, const LaidOutDocument& doc, const Page& page, PictureCache& pictures,
               const DrawOptions& opts, Diagnostics& diags);

// Draws every page, tagged, onto a PDF surface; returns the drawing's status.
// With a sheet, SVG pictures are drawn on it and marked on the pages.
cairo_status_t draw_pdf_pages(cairo_surface_t* surface, const LaidOutDocument& doc, Diagnostics& diags,
                              PictureSheet* sheet = nullptr);

}  // namespace easyread
