// SVG pictures in the PDF, each drawn once. cairo's PDF backend replays a
// recording surface's whole drawing every time it is used (to see what it
// holds), which was about half of drawing a picture-heavy PDF. So each SVG
// is drawn once, as a page of a small second PDF (the sheet); the document's
// pages get a tiny marker image in its place, and the finishing pass swaps
// every marker for its picture's page as a form XObject: one copy of each
// picture in the file, drawn exactly as before.
#pragma once
#include <cairo.h>
#include <glib.h>

#include <map>
#include <string>

class QPDF;

namespace easyread {

class PictureSheet {
public:
    static constexpr double kUnit = 256;  // a sheet page's size; scaled to each use

    PictureSheet();
    ~PictureSheet();
    PictureSheet(const PictureSheet&) = delete;
    PictureSheet& operator=(const PictureSheet&) = delete;

    // The marker image that stands for `svg_file`, drawing the picture on the
    // sheet the first time. Null when it cannot be drawn (*err says why,
    // when librsvg did; the caller frees it).
    cairo_surface_t* marker(const std::string& svg_file, GError** err);
    // Draws `marker` to fill the size x size square at (x, y).
    static void place(cairo_t* cr, cairo_surface_t* marker, double x, double y, double size);

    bool empty() const { return markers_.empty(); }
    // Ends the sheet: its PDF, one page per picture.
    const std::string& finish();

private:
    cairo_surface_t* surface_ = nullptr;
    std::string bytes_;
    int pages_ = 0;
    std::map<std::string, cairo_surface_t*> markers_;
};

// Replaces each marker image on the pages of `pdf` with its picture's page
// of `sheet` (the sheet's PDF, read), as a form. `sheet` must stay open until
// `pdf` is written.
void put_sheet_pictures(QPDF& pdf, QPDF& sheet);

}  // namespace easyread
