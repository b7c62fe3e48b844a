// A4 pages drawn with cairo and Pango and tagged for screen readers (H1, P,
// Table, Figure with alternative text): shared by the board report and the
// paper form, which both need drawing the generator's chunk layout cannot do.
#pragma once
#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string>
#include <vector>

#include "generator/layout/pages.hpp"
#include "base/diagnostics.hpp"

namespace easyread {
class PictureCache;
class PdfFile;
}
namespace easyread::symbols {
class Bank;
}

namespace easyread::report {

class PdfCanvas {
public:
    static constexpr double kWidth = 595.28, kHeight = 841.89;  // A4 in points
    static constexpr double kMargin = 50;

    PdfCanvas(std::string path, std::string title, std::string lang, const symbols::Bank& bank, Diagnostics& diags);
    ~PdfCanvas();
    PdfCanvas(const PdfCanvas&) = delete;
    PdfCanvas& operator=(const PdfCanvas&) = delete;

    // False when the file could not be started (an error names it).
    bool ok() const { return cr_ != nullptr; }
    cairo_t* cr() const { return cr_; }
    const std::string& family() const { return family_; }

    double left() const { return kMargin; }
    double right() const { return kWidth - kMargin; }
    double width() const { return right() - left(); }
    double top() const { return kMargin; }
    double bottom() const { return kHeight - kMargin - 18; }  // room for the footer
    int page_number() const { return page_; }

    // Where the next thing goes; moves down as things are drawn.
    double y = kMargin;
    bool fits(double height) const { return y + height <= bottom() + 0.01; }
    // Starts a new page unless `height` fits below y (or the page is still empty).
    void ensure(double height);
    void new_page();
    // Small words at the foot of every page from now on, left of "Page N".
    void set_footer(std::string words) { footer_ = std::move(words); }

    TextStyle style(double size, bool bold = false, unsigned colour = 0x111111, double spacing = 1.3) const;
    double measure(const std::string& markup, const TextStyle& style, double width) const;
    // Where each line of `markup` laid out at `width` starts: the byte offset
    // in its text (markup stripped) and the line's top, from the text's top.
    struct TextLine {
        int start = 0;
        double top = 0;
    };
    std::vector<TextLine> lines(const std::string& markup, const TextStyle& style, double width) const;
    // Draws Pango markup at (x, y) inside `tag` (null = untagged); returns its height.
    double text(double x, double top, double width, const std::string& markup, const TextStyle& style,
                const char* tag, PangoAlignment align = PANGO_ALIGN_LEFT);

    // A picture from the bank as a tagged Figure whose alternative text is
    // `alt` (empty: the picture's name); nothing when the bank has no such picture.
    void picture(const std::string& id, double x, double top, double size, const std::string& alt = {});
    // Draws a picture untagged (inside a figure already opened).
    void picture_untagged(const std::string& id, double x, double top, double size);
    void begin_figure(const std::string& alt);
    void end_figure() { cairo_tag_end(cr_, "Figure"); }

    void set_colour(unsigned rgb) const;

    // Finishes the last page, adds language and alternative text, and moves
    // the file into place. False (with an error) when anything failed.
    bool finish();

private:
    void draw_footer();
    std::string path_, title_, lang_, footer_, family_;
    const symbols::Bank& bank_;
    Diagnostics& diags_;
    std::unique_ptr<PdfFile> file_;
    cairo_t* cr_ = nullptr;
    PangoContext* ctx_ = nullptr;
    std::unique_ptr<PictureCache> pictures_;
    std::vector<std::string> figure_alts_;  // in the order the figures are tagged
    int page_ = 0;
    // The last layout measured, kept because the same text is usually drawn next.
    struct Measured {
        std::string markup;
        TextStyle style;
        double width = 0;
        PangoLayout* layout = nullptr;
    };
    mutable Measured measured_;
    PangoLayout* layout_for(const std::string& markup, const TextStyle& style, double width) const;
};

}  // namespace easyread::report
