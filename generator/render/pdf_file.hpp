// A PDF on its way to disk. cairo draws into memory; finish() adds what
// screen readers need (pdf_accessibility) and writes the file beside its
// target, renamed into place only when whole. cairo's output stays in
// memory; the finishing pass edits its objects as text (pdf_objects).
#pragma once
#include <cairo.h>

#include <cstdio>
#include <string>

#include "generator/layout/pages.hpp"
#include "generator/render/pdf_pictures.hpp"
#include "base/diagnostics.hpp"

namespace easyread {

class PdfFile {
public:
    // Opens the temporary file at once, so an unwritable path fails before
    // any drawing; ok() is then false and an error names the path.
    PdfFile(std::string path, double width, double height, const std::string& title, Diagnostics& diags);
    ~PdfFile();  // without finish(): removes the temporary file
    PdfFile(const PdfFile&) = delete;
    PdfFile& operator=(const PdfFile&) = delete;

    bool ok() const { return surface_ != nullptr; }
    cairo_surface_t* surface() const { return surface_; }
    // Where SVG pictures drawn with draw_pdf_pages go; finish() puts them in.
    PictureSheet& sheet() { return sheet_; }

    // Ends drawing, sets the language and each Figure's /Alt from the picture
    // items tagged Figure in `described` (in tagging order), writes and renames.
    // False (with an error) when anything failed; no file is left then.
    bool finish(const LaidOutDocument& described);

private:
    bool fail(const std::string& reason);
    std::string path_, tmp_;
    Diagnostics& diags_;
    std::string bytes_;  // cairo's PDF
    std::FILE* out_ = nullptr;
    cairo_surface_t* surface_ = nullptr;
    PictureSheet sheet_;
};

}  // namespace easyread
