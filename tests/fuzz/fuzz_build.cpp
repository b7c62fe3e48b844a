// Fuzz target: bytes -> parse -> chunks -> pictures -> pages -> PDF drawing and HTML.
// Built with libFuzzer when EASYREAD_FUZZ=ON (clang); the corpus is replayed
// under ctest by replay_main.cpp with any compiler.
#include <cairo-pdf.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "generator/pipeline.hpp"
#include "generator/render/draw_page.hpp"
#include "generator/render/render.hpp"

namespace {

cairo_status_t discard(void*, const unsigned char*, unsigned int) { return CAIRO_STATUS_SUCCESS; }

struct Shared {
    easyread::symbols::Bank bank;
    Shared() {
        easyread::Diagnostics d;
        bank.load_bundled(d);
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
    PipelineOptions opts;
    opts.bank = &shared.bank;
    opts.page = size % 2 ? "a5" : "a4";
    auto c = compile(SourceText{"fuzz.md", bytes}, opts);
    if (!c->laid_out) return 0;
    const LaidOutDocument& pages = c->pages;
    std::string html = html_document(pages);
    cairo_surface_t* surface =
        cairo_pdf_surface_create_for_stream(discard, nullptr, pages.geometry.width, pages.geometry.height);
    draw_pdf_pages(surface, pages, diags);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    return html.empty() ? 1 : 0;
}
