#include "kiosk/app/document_pages.hpp"

#include <cairo.h>

#include <algorithm>
#include <cmath>

#include "generator/render/page_pictures.hpp"
#include "kiosk/core/survey_names.hpp"

namespace easyread::kiosk::ui {

DocumentPages::DocumentPages() : pages_(std::make_unique<PagePictures>()) {}
DocumentPages::~DocumentPages() = default;

std::string document_path_for(const std::string& survey_path, const std::string& document) {
    if (document.empty() || document[0] == '/') return document;
    std::size_t slash = survey_path.rfind('/');
    return slash == std::string::npos ? document : survey_path.substr(0, slash + 1) + document;
}

bool DocumentPages::load(const std::string& markdown_path, const symbols::Bank& bank, Diagnostics& diags) {
    if (!pages_->load(markdown_path, bank, diags)) return false;
    label_ = document_label(markdown_path, pages_->source_text());
    return true;
}

int DocumentPages::count() const { return pages_->count(); }

std::string DocumentPages::words(int number) const { return pages_->words(number); }

std::vector<ReviewChunk> DocumentPages::review_chunks() const {
    std::vector<ReviewChunk> out;
    const PageGeometry& g = pages_->laid_out().geometry;
    for (int page = 1; page <= pages_->count(); ++page)
        for (const PageChunk& c : pages_->chunks(page)) {
            ReviewChunk r;
            r.page = page;
            r.key = c.key;
            r.words = c.words;
            r.picture_file = c.picture_file;
            r.picture = c.picture_name;
            if (g.width > 0 && g.height > 0)
                r.box = {c.x / g.width, c.y / g.height, (c.x + c.width) / g.width, (c.y + c.height) / g.height};
            if (r.picture.empty() && !c.picture_file.empty()) {
                const std::size_t slash = c.picture_file.rfind('/'), dot = c.picture_file.rfind('.');
                const std::size_t from = slash == std::string::npos ? 0 : slash + 1;
                r.picture = c.picture_file.substr(from, dot == std::string::npos || dot < from ? std::string::npos : dot - from);
            }
            out.push_back(std::move(r));
        }
    return out;
}

double DocumentPages::aspect() const {
    const double shape = pages_->shape();
    return shape > 0 ? 1 / shape : 210.0 / 297.0;
}

bool DocumentPages::draw(int number, int width, int height, RgbaImage& out, std::string& error) const {
    const double shape = pages_->shape();
    const int w = shape > 0 ? std::max(1, static_cast<int>(std::floor(std::min<double>(width, height / shape)))) : 0;
    cairo_surface_t* surface = height > 0 ? pages_->image(number, w) : nullptr;
    if (!surface) {
        error = "no page " + std::to_string(number);
        return false;
    }
    const int h = cairo_image_surface_get_height(surface);
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
