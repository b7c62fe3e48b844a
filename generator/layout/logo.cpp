#include "generator/layout/logo.hpp"

#include <cairo.h>
#include <librsvg/rsvg.h>

#include "base/file_names.hpp"

namespace easyread {

namespace {

// Width / height of an SVG or PNG; 0 with a reason when it cannot be read.
double aspect_of(const std::string& file, std::string& why) {
    if (has_ending(file, ".png")) {
        cairo_surface_t* s = cairo_image_surface_create_from_png(file.c_str());
        double aspect = 0;
        if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS && cairo_image_surface_get_height(s) > 0)
            aspect = double(cairo_image_surface_get_width(s)) / cairo_image_surface_get_height(s);
        else
            why = cairo_status_to_string(cairo_surface_status(s));
        cairo_surface_destroy(s);
        return aspect;
    }
    GError* err = nullptr;
    RsvgHandle* h = rsvg_handle_new_from_file(file.c_str(), &err);
    double aspect = 0;
    if (h) {
        double w = 0, ht = 0;
        if (rsvg_handle_get_intrinsic_size_in_pixels(h, &w, &ht) && w > 0 && ht > 0) {
            aspect = w / ht;
        } else {
            // No width and height: the viewBox gives the shape.
            gboolean has_viewbox = FALSE;
            RsvgRectangle viewbox{};
            rsvg_handle_get_intrinsic_dimensions(h, nullptr, nullptr, nullptr, nullptr, &has_viewbox, &viewbox);
            if (has_viewbox && viewbox.width > 0 && viewbox.height > 0) aspect = viewbox.width / viewbox.height;
            else why = "it has no size and no viewBox";
        }
        g_object_unref(h);
    } else {
        why = err ? err->message : "unknown error";
    }
    if (err) g_error_free(err);
    return aspect;
}

}  // namespace

bool find_logo(const Document& doc, Logo& out, Diagnostics& diags) {
    const std::string named = doc.meta.get("logo");
    if (named.empty()) return false;
    auto line_it = doc.meta.lines.find("logo");
    const int line = line_it == doc.meta.lines.end() ? 0 : line_it->second;
    const char* hint = "Give the path of an SVG or PNG file, from the folder of this Markdown file.";
    if (!has_ending(named, ".svg") && !has_ending(named, ".png")) {
        diags.warning(doc.source_path, line, 1, "logo", "the logo \"" + named + "\" is not an SVG or PNG file", hint);
        return false;
    }
    const std::string file = beside_document(doc.source_path, named);
    std::string why;
    const double aspect = aspect_of(file, why);
    // Wider than 20:1 or taller than 1:5 is not a logo that can be shown.
    if (aspect <= 0.2 || aspect > 20) {
        diags.warning(doc.source_path, line, 1, "logo",
                      "cannot use the logo \"" + named + "\": " + (why.empty() ? "its shape is too narrow" : why),
                      hint);
        return false;
    }
    out.file = file;
    out.aspect = aspect;
    return true;
}

}  // namespace easyread
