#include <cmath>

#include "base/file_names.hpp"
#include "generator/render/draw_page.hpp"
#include "generator/render/output_file.hpp"
#include "generator/render/render.hpp"

namespace easyread {

static std::string page_file(const std::string& path, std::size_t index) {
    std::string stem = path;
    if (stem.size() > 4 && has_ending(stem, ".png")) stem.resize(stem.size() - 4);
    return stem + "-" + std::to_string(index + 1) + ".png";
}

bool render_png(const LaidOutDocument& doc, const std::string& path, double dpi, std::vector<std::string>& written,
                Diagnostics& diags) {
    const PageGeometry& g = doc.geometry;
    const double scale = dpi / 72.0;
    const int w = static_cast<int>(std::ceil(g.width * scale));
    const int h = static_cast<int>(std::ceil(g.height * scale));
    PictureCache pictures;
    for (std::size_t i = 0; i < doc.pages.size(); ++i) {
        cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
        cairo_t* cr = cairo_create(surface);
        cairo_scale(cr, scale, scale);
        draw_page(cr, doc, doc.pages[i], pictures, DrawOptions{}, diags);
        cairo_destroy(cr);
        const std::string file = page_file(path, i);
        const std::string tmp = temp_path_for(file);
        cairo_status_t status = cairo_surface_write_to_png(surface, tmp.c_str());
        cairo_surface_destroy(surface);
        if (status != CAIRO_STATUS_SUCCESS) {
            std::remove(tmp.c_str());
            cannot_write(file, cairo_status_to_string(status), diags);
            return false;
        }
        if (!commit_output(tmp, file, diags)) return false;
        written.push_back(file);
    }
    return true;
}

}  // namespace easyread
