// Draws one laid-out page with cairo; shared by the PDF and PNG renderers.
#pragma once
#include <cairo.h>

#include <map>
#include <string>

#include "generator/layout/pages.hpp"
#include "base/diagnostics.hpp"

namespace easyread {

// Loaded pictures, kept for the whole render so each file is read once.
class PictureCache {
public:
    PictureCache() = default;
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
};

// A list that goes on over the next page stays one L element: the tag is
// left open at the page's end and carried here to the next page.
struct OpenList {
    int list = -1;
};

struct DrawOptions {
    bool tagged = false;  // emit PDF structure tags
    OpenList* carry = nullptr;  // tagged drawing of a whole document: the list left open
    const Page* next = nullptr;  // the page drawn after this one, if any
};

void draw_page(cairo_t* cr, const LaidOutDocument& doc, const Page& page, PictureCache& pictures,
               const DrawOptions& opts, Diagnostics& diags);

// Draws every page, tagged, onto a PDF surface; returns the drawing's status.
cairo_status_t draw_pdf_pages(cairo_surface_t* surface, const LaidOutDocument& doc, Diagnostics& diags);

}  // namespace easyread
