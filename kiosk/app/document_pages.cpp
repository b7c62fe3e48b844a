#include "kiosk/app/document_pages.hpp"

#include <cairo.h>

#include <algorithm>
#include <cmath>

#include "kiosk/core/survey.hpp"
#include "generator/pipeline.hpp"
#include "generator/render/draw_page.hpp"
#include "generator/render/speech_script.hpp"

namespace easyread::kiosk::ui {

DocumentPages::DocumentPages() : doc_(std::make_unique<LaidOutDocument>()), pictures_(std::make_unique<PictureCache>()) {}
DocumentPages::~DocumentPages() = default;

std::string document_path_for(const std::string& survey_path, const std::string& document) {
    if (document.empty() || document[0] == '/') return document;
    std::size_t slash = survey_path.rfind('/');
    return slash == std::string::npos ? document : survey_path.substr(0, slash + 1) + document;
}

bool DocumentPages::load(const std::string& markdown_path, const symbols::Bank& bank, Diagnostics& diags) {
    PipelineOptions po;
    po.bank = &bank;
    auto c = compile_file(markdown_path, po, diags);
    if (!c) return false;
    c->add_diagnostics_to(diags);
    if (!c->laid_out) return false;
    *doc_ = std::move(c->pages);
    words_.assign(doc_->pages.size(), std::string());
    for (const Utterance& u : speech_script(*doc_, SpeechPauses{}, true).utterances) {
        if (u.kind == UtteranceKind::PageNumber || u.text.empty() || u.page < 0 ||
            u.page >= static_cast<int>(words_.size()))
            continue;
        std::string& out = words_[static_cast<std::size_t>(u.page)];
        if (!out.empty()) out += ' ';
        out += u.text;
        // Each part ends as a sentence, so speech pauses between them.
        const char last = out.back();
        if (last != '.' && last != '?' && last != '!' && last != ':') out += '.';
    }
    std::string name = markdown_path.substr(markdown_path.rfind('/') == std::string::npos ? 0 : markdown_path.rfind('/') + 1);
    label_ = name + " " + content_hash(c->src.text).substr(0, 8);
    return true;
}

int DocumentPages::count() const { return static_cast<int>(doc_->pages.size()); }

std::string DocumentPages::words(int number) const {
    return number >= 1 && number <= static_cast<int>(words_.size()) ? words_[static_cast<std::size_t>(number - 1)]
                                                                     : std::string();
}

double DocumentPages::aspect() const {
    const PageGeometry& g = doc_->geometry;
    return g.height > 0 ? g.width / g.height : 210.0 / 297.0;
}

bool DocumentPages::draw(int number, int width, int height, RgbaImage& out, std::string& error) const {
    if (number < 1 || number > count() || width <= 0 || height <= 0) {
        error = "no page " + std::to_string(number);
        return false;
    }
    const PageGeometry& g = doc_->geometry;
    const double scale = std::min(width / g.width, height / g.height);
    const int w = std::max(1, static_cast<int>(std::floor(g.width * scale)));
    const int h = std::max(1, static_cast<int>(std::floor(g.height * scale)));
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    Diagnostics quiet;  // a picture that cannot be drawn was already reported at load
    draw_page(cr, *doc_, doc_->pages[static_cast<std::size_t>(number - 1)], *pictures_, DrawOptions{}, quiet);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    out.width = w;
    out.height = h;
    out.pixels.resize(static_cast<std::size_t>(w) * h * 4);
    for (int y = 0; y < h; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(data + y * stride);
        for (int x = 0; x < w; ++x) {
            std::uint8_t* o = &out.pixels[(static_cast<std::size_t>(y) * w + x) * 4];
            o[0] = static_cast<std::uint8_t>(row[x] >> 16);
            o[1] = static_cast<std::uint8_t>(row[x] >> 8);
            o[2] = static_cast<std::uint8_t>(row[x]);
            o[3] = 255;
        }
    }
    cairo_surface_destroy(surface);
    return true;
}

}  // namespace easyread::kiosk::ui
