#include "report/reading/reviewed_documents.hpp"

#include <algorithm>
#include <cmath>

#include "generator/render/page_pictures.hpp"
#include "survey/survey.hpp"

namespace easyread::report {

ReviewedDocuments::ReviewedDocuments() = default;
ReviewedDocuments::~ReviewedDocuments() = default;

std::string ReviewedDocuments::add(const std::string& path, const std::vector<std::string>& wanted,
                                   const symbols::Bank& bank) {
    auto pages = std::make_unique<PagePictures>();
    Diagnostics quiet;  // the document's own warnings are for its writer (easyread check)
    if (!pages->load(path, bank, quiet)) return {};
    const std::string label = survey::document_label(path, pages->source_text());
    // The text decides, not the file's name: a copy saved as
    // "leaflet-july.md" is still the edition people saw as "leaflet.md".
    auto fingerprint = [](const std::string& l) { return l.substr(l.rfind(' ') + 1); };
    for (const auto& w : wanted)
        if (fingerprint(w) == fingerprint(label)) {
            if (!has(w)) docs_.emplace(w, std::move(pages));
            return w;
        }
    return label;
}

std::string ReviewedDocuments::add_current(const std::string& path, const symbols::Bank& bank, Diagnostics& diags) {
    auto pages = std::make_unique<PagePictures>();
    Diagnostics own;  // the document's easy read warnings are for `easyread check`
    if (!pages->load(path, bank, own)) {
        for (const auto& d : own.items())
            if (d.severity == Severity::Error) diags.add(d);
        return {};
    }
    const std::string label = survey::document_label(path, pages->source_text());
    docs_[label] = std::move(pages);
    return label;
}

const PagePictures* ReviewedDocuments::pages(const std::string& label) const {
    auto it = docs_.find(label);
    return it == docs_.end() ? nullptr : it->second.get();
}

double ReviewedDocuments::shape(const std::string& label) const {
    auto it = docs_.find(label);
    return it == docs_.end() ? 0 : it->second->shape();
}

bool ReviewedDocuments::draw(cairo_t* cr, const std::string& label, int page, double x, double y, double width,
                             double height) const {
    const double s = shape(label);
    if (s <= 0) return false;
    const double w = std::min(width, height / s), h = w * s;
    // Three pixels a point: sharp on paper, small in the file.
    cairo_surface_t* picture = docs_.at(label)->image(page, static_cast<int>(std::lround(w * 3)));
    if (!picture) return false;
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, w / cairo_image_surface_get_width(picture), h / cairo_image_surface_get_height(picture));
    cairo_set_source_surface(cr, picture, 0, 0);
    // A filled rectangle, not a paint: cairo's tagged PDF refuses an
    // unbounded paint inside a figure when the page later ends.
    cairo_rectangle(cr, 0, 0, cairo_image_surface_get_width(picture), cairo_image_surface_get_height(picture));
    cairo_fill(cr);
    cairo_restore(cr);
    cairo_surface_destroy(picture);
    const double scale = w / docs_.at(label)->laid_out().geometry.width;
    cairo_save(cr);
    cairo_translate(cr, x, y);
    draw_marks(cr, label, page, scale);
    cairo_restore(cr);
    cairo_save(cr);
    cairo_set_source_rgb(cr, 0.45, 0.47, 0.5);
    cairo_set_line_width(cr, 0.75);
    cairo_rectangle(cr, x, y, w, h);
    cairo_stroke(cr);
    cairo_restore(cr);
    return true;
}

namespace {
cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}
}  // namespace

std::string ReviewedDocuments::png(const std::string& label, int page, int width) const {
    auto it = docs_.find(label);
    cairo_surface_t* picture = it == docs_.end() ? nullptr : it->second->image(page, width);
    if (!picture) return {};
    cairo_t* cr = cairo_create(picture);
    draw_marks(cr, label, page, width / it->second->laid_out().geometry.width);
    cairo_destroy(cr);
    std::string bytes;
    cairo_surface_write_to_png_stream(picture, append_bytes, &bytes);
    cairo_surface_destroy(picture);
    return bytes;
}

void ReviewedDocuments::mark(const std::string& label, int page, std::vector<PageMark> marks) {
    marks_[{label, page}] = std::move(marks);
}

void ReviewedDocuments::draw_marks(cairo_t* cr, const std::string& label, int page, double scale) const {
    auto it = marks_.find({label, page});
    if (it == marks_.end()) return;
    // Sizes follow the picture's width, so a mark reads the same at any size.
    const double picture_width = scale * docs_.at(label)->laid_out().geometry.width;
    const double line = std::max(1.0, picture_width * 0.006), badge = std::max(7.0, picture_width * 0.032);
    cairo_save(cr);
    for (const PageMark& m : it->second) {
        const double x = m.x * scale - line, y = m.y * scale - line, w = m.width * scale + 2 * line,
                     h = m.height * scale + 2 * line;
        cairo_set_source_rgb(cr, 0.05, 0.05, 0.05);
        cairo_set_line_width(cr, line);
        cairo_rectangle(cr, x, y, w, h);
        cairo_stroke(cr);
        // The number in a dark square just left of the frame, white on black, clear of the words.
        const std::string n = std::to_string(m.number);
        const double bw = badge * (n.size() > 1 ? 1.5 : 1.0);
        const double bx = std::max(0.0, x - bw - line), by = std::max(0.0, y + h / 2 - badge / 2);
        cairo_rectangle(cr, bx, by, bw, badge);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
        cairo_set_font_size(cr, badge * 0.75);
        cairo_text_extents_t ext;
        cairo_text_extents(cr, n.c_str(), &ext);
        cairo_move_to(cr, bx + (bw - ext.width) / 2 - ext.x_bearing, by + (badge - ext.height) / 2 - ext.y_bearing);
        // Outlines, not text: the PDF's words stay the report's own (the figure's alternative text says it).
        cairo_text_path(cr, n.c_str());
        cairo_fill(cr);
    }
    cairo_restore(cr);
}

}  // namespace easyread::report
