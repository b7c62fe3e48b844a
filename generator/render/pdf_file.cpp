#include "generator/render/pdf_file.hpp"

#include <cairo-pdf.h>

#include <cerrno>
#include <cstring>

#include "generator/render/output_file.hpp"
#include "generator/render/pdf_accessibility.hpp"

namespace easyread {

namespace {

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

PdfFile::PdfFile(std::string path, double width, double height, const std::string& title, Diagnostics& diags)
    : path_(std::move(path)), tmp_(temp_path_for(path_)), diags_(diags) {
    out_ = std::fopen(tmp_.c_str(), "wb");
    if (!out_) {
        cannot_write(path_, std::strerror(errno), diags_);
        return;
    }
    surface_ = cairo_pdf_surface_create_for_stream(append_to_string, &bytes_, width, height);
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "easyread " EASYREAD_VERSION_STRING);
}

PdfFile::~PdfFile() {
    if (surface_) cairo_surface_destroy(surface_);
    if (out_) fail("");
}

bool PdfFile::fail(const std::string& reason) {
    if (out_) std::fclose(out_);
    out_ = nullptr;
    std::remove(tmp_.c_str());
    if (!reason.empty()) cannot_write(path_, reason, diags_);
    return false;
}

bool PdfFile::finish(const LaidOutDocument& described) {
    if (!surface_) return false;
    cairo_surface_finish(surface_);
    cairo_status_t status = cairo_surface_status(surface_);
    cairo_surface_destroy(surface_);
    surface_ = nullptr;
    if (status != CAIRO_STATUS_SUCCESS) return fail(cairo_status_to_string(status));
    if (!add_pdf_accessibility(bytes_, sheet_, described, out_, path_, diags_)) return fail("");
    // A full disk shows on the flush in fclose, so check it before the rename.
    bool written = std::ferror(out_) == 0;
    int close_errno = 0;
    if (std::fclose(out_) != 0) {
        written = false;
        close_errno = errno;
    }
    out_ = nullptr;
    if (!written) return fail(close_errno ? std::strerror(close_errno) : "the disk may be full");
    return commit_output(tmp_, path_, diags_);
}

}  // namespace easyread
