// SVG pictures in the PDF, each drawn once. cairo's PDF backend replays a
// recording surface's whole drawing every time it is used (to see what it
// holds), which was about half of drawing a picture-heavy PDF. So each SVG
// is drawn once, as a page of a small second PDF (the sheet); the document's
// pages get a tiny marker image in its place, and the finishing pass swaps
// every marker for its picture's page as a form XObject: one copy of each
// picture in the file, drawn exactly as before. The sheet is drawn on a
// second thread while the pages are drawn; its pages are in the order the
// document first shows each picture, so the file is the same every time.
#pragma once
#include <cairo.h>

#include <future>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostics.hpp"
#include "generator/render/pdf_objects.hpp"

namespace easyread {

class PictureSheet {
public:
    static constexpr double kUnit = 256;  // a sheet page's size; scaled to each use

    PictureSheet();
    ~PictureSheet();  // waits for the drawing
    PictureSheet(const PictureSheet&) = delete;
    PictureSheet& operator=(const PictureSheet&) = delete;

    // Starts drawing these SVG files, one page each, on a second thread.
    void start(std::vector<std::string> svg_files);
    // The marker image that stands for a started file; null for any other.
    cairo_surface_t* marker(const std::string& svg_file) const;
    // Draws `marker` to fill the size x size square at (x, y).
    static void place(cairo_t* cr, cairo_surface_t* marker, double x, double y, double size);
    // Waits for the drawing; a warning for each picture that could not be drawn.
    void wait(Diagnostics& diags);

    // The sheet's PDF (empty when nothing was started), and which of its
    // pages hold their picture whole. After wait().
    const std::string& pdf() const { return bytes_; }
    const std::vector<bool>& drawn() const { return drawn_; }

private:
    void draw_all();  // on the second thread
    std::vector<std::string> files_;
    std::map<std::string, cairo_surface_t*> markers_;
    std::string bytes_;
    std::vector<bool> drawn_;
    std::vector<std::pair<std::string, std::string>> failures_;  // file, why
    std::future<void> drawing_;
};

// The numbers of the page objects of `pdf` in order, from its page tree.
std::vector<int> pdf_pages(const pdf::Objects& pdf);

// Turns each marker image on `pages` of `pdf` into its picture's page of
// `sheet` (the sheet's PDF, read) as a form, the sheet's objects it uses
// added to `pdf`; a page not `drawn` whole becomes an empty form.
void put_sheet_pictures(pdf::Objects& pdf, const std::vector<int>& pages, const pdf::Objects& sheet,
                        const std::vector<bool>& drawn);

}  // namespace easyread
