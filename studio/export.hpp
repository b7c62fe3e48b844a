// Export: the document as PDF, HTML, Word, OpenDocument, MP3, PNG pages (a
// zip) or all of them in one zip, named after its title, made by the
// generator's own renderers into a private temporary folder.
#pragma once
#include <string>

#include "generator/pipeline.hpp"

namespace easyread::studio {

struct Download {
    std::string file_name;  // "Our plan.pdf"
    std::string content_type;
    std::string bytes;
};

// `format`: pdf, html, docx, odt, mp3, png, zip, or conformance (the conformance
// report as a PDF). False with the reason.
bool export_document(const Compiled& c, const std::string& format, Download& out, std::string& error);

}  // namespace easyread::studio
