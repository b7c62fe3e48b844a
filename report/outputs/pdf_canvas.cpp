#include "report/outputs/pdf_canvas.hpp"

#include <cairo-pdf.h>

#include <cstdio>

#include "symbols/bank.hpp"
#include "generator/layout/fonts.hpp"
#include "generator/layout/text_layout.hpp"
#include "generator/render/draw_page.hpp"
#include "generator/render/output_file.hpp"
#include "generator/render/pdf_file.hpp"

namespace easyread::report {

PdfCanvas::PdfCanvas(std::string path, std::string title, std::string lang, const symbols::Bank& bank,
                     Diagnostics& diags)
    : path_(std::move(path)), title_(std::move(title)), lang_(std::move(lang)),
      bank_(bank), diags_(diags), pictures_(std::make_unique<PictureCache>()) {
    Diagnostics font_notes;  // the fallback font is fine for a board report: no warning
    family_ = choose_font_family("", font_notes);
    file_ = std::make_unique<PdfFile>(path_, kWidth, kHeight, title_, diags_);
    if (!file_->ok()) return;
    cr_ = cairo_create(file_->surface());
    ctx_ = pango_cairo_create_context(cr_);
    configure_context(ctx_);
    page_ = 1;
    y = top();
}

PdfCanvas::~PdfCanvas() {
    if (measured_.layout) g_object_unref(measured_.layout);
    if (ctx_) g_object_unref(ctx_);
    if (cr_) cairo_destroy(cr_);
    // file_ removes its temporary file when finish() was not reached.
}

TextStyle PdfCanvas::style(double size, bool bold, unsigned colour, double spacing) const {
    TextStyle s;
    s.family = family_;
    s.size = size;
    s.bold = bold;
    s.colour = colour;
    s.line_spacing = spacing;
    return s;
}

namespace {
bool same_style(const TextStyle& a, const TextStyle& b) {
    return a.family == b.family && a.size == b.size && a.bold == b.bold && a.line_spacing == b.line_spacing;
}
}  // namespace

// Returns a new reference: the measured layout when it matches, else a fresh one.
PangoLayout* PdfCanvas::layout_for(const std::string& markup, const TextStyle& s, double w) const {
    if (measured_.layout && measured_.width == w && same_style(measured_.style, s) && measured_.markup == markup)
        return PANGO_LAYOUT(g_object_ref(measured_.layout));
    PangoLayout* layout = make_text_layout(ctx_, markup, s, w);
    // A word wider than the line (a long web address, a comment typed with no
    // spaces) is broken between letters rather than run off the page.
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    return layout;
}

std::vector<PdfCanvas::TextLine> PdfCanvas::lines(const std::string& markup, const TextStyle& s, double w) const {
    measure(markup, s, w);  // keeps the layout for the drawing that follows
    std::vector<TextLine> out;
    PangoLayoutIter* it = pango_layout_get_iter(measured_.layout);
    do {
        int y0 = 0, y1 = 0;
        pango_layout_iter_get_line_yrange(it, &y0, &y1);
        out.push_back({pango_layout_iter_get_line_readonly(it)->start_index, static_cast<double>(y0) / PANGO_SCALE});
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    return out;
}

double PdfCanvas::measure(const std::string& markup, const TextStyle& s, double w) const {
    PangoLayout* layout = layout_for(markup, s, w);
    double h = layout_height(layout);
    if (measured_.layout != layout) {
        if (measured_.layout) g_object_unref(measured_.layout);
        measured_ = Measured{markup, s, w, layout};
    } else {
        g_object_unref(layout);
    }
    return h;
}

void PdfCanvas::set_colour(unsigned rgb) const {
    cairo_set_source_rgb(cr_, ((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0);
}

double PdfCanvas::text(double x, double at, double w, const std::string& markup, const TextStyle& s,
                       const char* tag, PangoAlignment align) {
    if (tag) cairo_tag_begin(cr_, tag, nullptr);
    PangoLayout* layout = layout_for(markup, s, w);
    pango_layout_set_alignment(layout, align);
    set_colour(s.colour);
    cairo_move_to(cr_, x, at);
    pango_cairo_show_layout(cr_, layout);
    double h = layout_height(layout);
    g_object_unref(layout);
    if (tag) cairo_tag_end(cr_, tag);
    return h;
}

void PdfCanvas::picture_untagged(const std::string& id, double x, double at, double size) {
    const symbols::Picture* p = id.empty() ? nullptr : bank_.find(id);
    if (p) pictures_->draw(cr_, p->file, x, at, size, diags_);
}

void PdfCanvas::picture(const std::string& id, double x, double at, double size, const std::string& alt) {
    const symbols::Picture* p = id.empty() ? nullptr : bank_.find(id);
    if (!p) return;
    begin_figure(alt.empty() ? p->name : alt);
    pictures_->draw(cr_, p->file, x, at, size, diags_);
    end_figure();
}

void PdfCanvas::begin_figure(const std::string& alt) {
    figure_alts_.push_back(alt);
    cairo_tag_begin(cr_, "Figure", nullptr);
}

void PdfCanvas::draw_footer() {
    TextStyle s = style(9, false, 0x444444, 1.2);
    double at = kHeight - kMargin + 2;
    text(left(), at, width() * 0.8, markup_escape(footer_), s, nullptr);
    text(left(), at, width(), markup_escape("Page " + std::to_string(page_)), s, nullptr, PANGO_ALIGN_RIGHT);
}

void PdfCanvas::new_page() {
    draw_footer();
    cairo_show_page(cr_);
    ++page_;
    y = top();
}

void PdfCanvas::ensure(double height) {
    if (!fits(height) && y > top() + 0.01) new_page();
}

bool PdfCanvas::finish() {
    if (!cr_) return false;
    draw_footer();
    cairo_show_page(cr_);
    if (measured_.layout) g_object_unref(measured_.layout);
    measured_ = Measured{};
    g_object_unref(ctx_);
    ctx_ = nullptr;
    cairo_status_t status = cairo_status(cr_);
    cairo_destroy(cr_);
    cr_ = nullptr;
    if (status != CAIRO_STATUS_SUCCESS) {
        cannot_write(path_, cairo_status_to_string(status), diags_);
        file_.reset();
        return false;
    }
    // The accessibility pass reads figure alternative texts from laid-out
    // picture items, in the order the figures were tagged.
    LaidOutDocument described;
    described.title = title_;
    described.lang = lang_;
    described.pages.emplace_back();
    for (const auto& alt : figure_alts_) {
        PlacedItem it;
        it.kind = ItemKind::Picture;
        it.tag = Tag::Figure;
        it.alt = alt;
        described.pages.back().items.push_back(it);
    }
    bool done = file_->finish(described);
    file_.reset();
    return done;
}

}  // namespace easyread::report
