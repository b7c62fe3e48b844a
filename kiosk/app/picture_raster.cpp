#include "kiosk/app/picture_raster.hpp"

#include <cairo.h>
#include <librsvg/rsvg.h>

#include <memory>

namespace easyread::kiosk::ui {

namespace {

struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};
struct HandleDeleter {
    void operator()(RsvgHandle* h) const { g_object_unref(h); }
};

// Cairo stores premultiplied ARGB in native-endian 32-bit words; GL wants straight RGBA bytes.
void to_straight_rgba(cairo_surface_t* surface, int size, RgbaImage& out) {
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    out.width = out.height = size;
    out.pixels.resize(static_cast<std::size_t>(size) * size * 4);
    for (int y = 0; y < size; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(data + y * stride);
        for (int x = 0; x < size; ++x) {
            std::uint32_t p = row[x];
            unsigned a = p >> 24, r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
            if (a != 0 && a != 255) {
                r = (r * 255 + a / 2) / a;
                g = (g * 255 + a / 2) / a;
                b = (b * 255 + a / 2) / a;
            }
            std::uint8_t* o = &out.pixels[(static_cast<std::size_t>(y) * size + x) * 4];
            o[0] = static_cast<std::uint8_t>(r);
            o[1] = static_cast<std::uint8_t>(g);
            o[2] = static_cast<std::uint8_t>(b);
            o[3] = static_cast<std::uint8_t>(a);
        }
    }
}

}  // namespace

bool rasterise_svg(const std::string& svg_path, int size, RgbaImage& out, std::string& error) {
    if (size <= 0 || size > 4096) {
        error = "picture size " + std::to_string(size) + " px is out of range";
        return false;
    }
    GError* gerr = nullptr;
    std::unique_ptr<RsvgHandle, HandleDeleter> handle(rsvg_handle_new_from_file(svg_path.c_str(), &gerr));
    if (!handle) {
        error = svg_path + ": " + (gerr ? gerr->message : "cannot read picture");
        if (gerr) g_error_free(gerr);
        return false;
    }
    std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface(
        cairo_image_surface_create(CAIRO_FORMAT_ARGB32, size, size));
    std::unique_ptr<cairo_t, ContextDeleter> cr(cairo_create(surface.get()));
    RsvgRectangle viewport{0, 0, static_cast<double>(size), static_cast<double>(size)};
    if (!rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &gerr)) {
        error = svg_path + ": " + (gerr ? gerr->message : "cannot draw picture");
        if (gerr) g_error_free(gerr);
        return false;
    }
    cairo_surface_flush(surface.get());
    to_straight_rgba(surface.get(), size, out);
    return true;
}

}  // namespace easyread::kiosk::ui
