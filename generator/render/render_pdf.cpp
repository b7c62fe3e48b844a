#include <cairo-pdf.h>

#include <cstdio>

#include "draw_page.hpp"
#include "output_file.hpp"
#include "pdf_accessibility.hpp"
#include "render.hpp"

namespace easyread {

bool render_pdf(const LaidOutDocument& doc, const std::string& path, Diagnostics& diags) {
    const std::string tmp = temp_path_for(path);
    const PageGeometry& g = doc.geometry;
    cairo_surface_t* surface = cairo_pdf_surface_create(tmp.c_str(), g.width, g.height);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        cannot_write(path, cairo_status_to_string(cairo_surface_status(surface)), diags);
        cairo_surface_destroy(surface);
        return false;
    }
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, doc.title.c_str());
    if (!doc.subject.empty())
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT,
                                       ("Easy read version of " + doc.subject).c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "easyread " EASYREAD_VERSION_STRING);

    cairo_status_t status = draw_pdf_pages(surface, doc, diags);
    cairo_surface_finish(surface);
    if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) {
        std::remove(tmp.c_str());
        cannot_write(path, cairo_status_to_string(status), diags);
        return false;
    }
    if (!add_pdf_accessibility(tmp, doc, diags)) {
        std::remove(tmp.c_str());
        return false;
    }
    return commit_output(tmp, path, diags);
}

}  // namespace easyread
