// The running state of laying out pages: where the next chunk goes.
#pragma once
#include <pango/pangocairo.h>

#include <map>
#include <memory>
#include <tuple>

#include "generator/layout/pages.hpp"

namespace easyread {

struct Flow {
    LaidOutDocument& out;
    PangoContext* ctx;
    double y = 0;
    int next_chunk = 0;
    int next_list = 0;
    // Chunks are measured several times (keep-with-next, rows) and then
    // placed; Pango layout is the slow part, so each text is laid out once
    // and the layout kept for drawing.
    struct Measured {
        double height = 0;
        std::shared_ptr<PangoLayout> layout;
    };
    mutable std::map<std::tuple<std::string, std::string, double, bool, double, double, unsigned>, Measured> measured;

    const PageGeometry& g() const { return out.geometry; }
    Page& page() { return out.pages.back(); }
    void new_page(PageRole role);
    bool fits(double height) const { return y + height <= g().bottom() + 0.01; }
    double room() const { return g().bottom() - y; }

    TextStyle body_style() const;
    TextStyle heading_style(int level) const;

    // Adds a text item at (x, y) and returns its height.
    double add_text(double x, double width, const std::string& markup, const TextStyle& style, Tag tag,
                    int chunk, int list = -1, int line = 0);
    double measure(const std::string& markup, const TextStyle& style, double width) const;
    const Measured& laid_out(const std::string& markup, const TextStyle& style, double width) const;
    void add_picture(double x, double y, double size, const std::string& file, const std::string& alt, int chunk,
                     int line);
    // A picture in a width x height box (a logo); returns it for further marks.
    PlacedItem& add_picture(double x, double y, double width, double height, const std::string& file,
                            const std::string& alt, int chunk, int line);
};

// Sets the first page number and draws "Page N" on every page but the cover.
void number_pages(LaidOutDocument& out);

}  // namespace easyread
