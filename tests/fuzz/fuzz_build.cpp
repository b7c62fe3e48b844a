// Fuzz target: bytes -> parse -> chunks -> pictures -> pages -> PDF drawing and HTML.
// Built with libFuzzer when EASYREAD_FUZZ=ON (clang); the corpus is replayed
// under ctest by replay_main.cpp with any compiler.
#include <cairo-pdf.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "generator/layout/fonts.hpp"
#include "generator/layout/layout_document.hpp"
#include "generator/model/assign_pictures.hpp"
#include "generator/model/build_document.hpp"
#include "generator/render/draw_page.hpp"
#include "generator/render/render.hpp"

namespace {

cairo_status_t discard(void*, const unsigned char*, unsigned int) { return CAIRO_STATUS_SUCCESS; }

struct Shared {
    easyread::symbols::Bank bank;
    std::string font;
    Shared() {
        easyread::Diagnostics d;
        bank.load_bundled(d);
        font = easyread::choose_font_family({}, d);
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace easyread;
    static const Shared shared;  // the bank is read once per process, not per input
    if (size > 64 * 1024) return 0;  // layout time grows with length; keep runs fast
    std::string bytes(reinterpret_cast<const char*>(data), size);
    Diagnostics diags;
    if (!check_source_bytes("fuzz.md", bytes, diags)) return 0;
    SourceText src{"fuzz.md", bytes};
    ParsedMarkdown md = parse_markdown(src, diags);
    Document doc = build_document(md, diags);
    assign_pictures(doc, shared.bank, diags);
    LayoutOptions opts;
    opts.font_family = shared.font;
    opts.page = size % 2 ? "a5" : "a4";
    LaidOutDocument pages;
    if (!layout_document(doc, shared.bank, opts, pages, diags)) return 0;
    std::string html = html_document(pages);
    cairo_surface_t* surface =
        cairo_pdf_surface_create_for_stream(discard, nullptr, pages.geometry.width, pages.geometry.height);
    draw_pdf_pages(surface, pages, diags);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    return html.empty() ? 1 : 0;
}
