#include <cairo-pdf.h>

#include "generator/render/draw_page.hpp"
#include "generator/render/output_file.hpp"
#include "generator/render/pdf_file.hpp"
#include "generator/render/render.hpp"

namespace easyread {

bool render_pdf(const LaidOutDocument& doc, const std::string& path, Diagnostics& diags) {
    PdfFile file(path, doc.geometry.width, doc.geometry.height, doc.title, diags);
    if (!file.ok()) return false;
    if (!doc.subject.empty())
        cairo_pdf_surface_set_metadata(file.surface(), CAIRO_PDF_METADATA_SUBJECT,
                                       ("Easy read version of " + doc.subject).c_str());
    // Bookmarks for the headings the contents lists, the second level under the first.
    int parent = CAIRO_PDF_OUTLINE_ROOT;
    for (const auto& e : doc.contents) {
        if (e.dest.empty()) continue;
        const std::string link = "dest='" + e.dest + "'";
        int id = cairo_pdf_surface_add_outline(file.surface(), e.level > 1 ? parent : CAIRO_PDF_OUTLINE_ROOT,
                                               e.text.c_str(), link.c_str(), CAIRO_PDF_OUTLINE_FLAG_OPEN);
        if (e.level <= 1) parent = id;
    }
    cairo_status_t status = draw_pdf_pages(file.surface(), doc, diags, &file.sheet());
    if (status != CAIRO_STATUS_SUCCESS) {
        cannot_write(path, cairo_status_to_string(status), diags);
        return false;
    }
    return file.finish(doc);
}

}  // namespace easyread
