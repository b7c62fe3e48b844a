#include "report/reading/reviewed_documents.hpp"

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
    std::string bytes;
    cairo_surface_write_to_png_stream(picture, append_bytes, &bytes);
    cairo_surface_destroy(picture);
    return bytes;
}

}  // namespace easyread::report
