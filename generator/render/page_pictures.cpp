#include "generator/render/page_pictures.hpp"

#include <algorithm>
#include <cmath>

#include "generator/pipeline.hpp"
#include "generator/render/draw_page.hpp"
#include "generator/render/speech_script.hpp"

namespace easyread {

PagePictures::PagePictures() : doc_(std::make_unique<LaidOutDocument>()), pictures_(std::make_unique<PictureCache>()) {}
PagePictures::~PagePictures() = default;

bool PagePictures::load(const std::string& path, const symbols::Bank& bank, Diagnostics& diags) {
    PipelineOptions po;
    po.bank = &bank;
    auto c = compile_file(path, po, diags);
    if (!c) return false;
    c->add_diagnostics_to(diags);
    if (!c->laid_out) return false;
    *doc_ = std::move(c->pages);
    text_ = std::move(c->src.text);
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
    return true;
}

int PagePictures::count() const { return static_cast<int>(doc_->pages.size()); }

double PagePictures::shape() const {
    const PageGeometry& g = doc_->geometry;
    return g.width > 0 && !doc_->pages.empty() ? g.height / g.width : 0;
}

std::string PagePictures::words(int number) const {
    return number >= 1 && number <= static_cast<int>(words_.size()) ? words_[static_cast<std::size_t>(number - 1)]
                                                                     : std::string();
}

std::vector<PageChunk> PagePictures::chunks(int number) const { return page_chunks(*doc_, number); }

cairo_surface_t* PagePictures::image(int number, int width) const {
    if (number < 1 || number > count() || width <= 0 || shape() <= 0) return nullptr;
    const double scale = width / doc_->geometry.width;
    const int height = std::max(1, static_cast<int>(std::lround(doc_->geometry.height * scale)));
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    Diagnostics quiet;  // a picture that cannot be drawn was already reported at load
    draw_page(cr, *doc_, doc_->pages[static_cast<std::size_t>(number - 1)], *pictures_, DrawOptions{}, quiet);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    return surface;
}

}  // namespace easyread
