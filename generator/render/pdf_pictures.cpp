#include "generator/render/pdf_pictures.hpp"

#include <cairo-pdf.h>
#include <librsvg/rsvg.h>

#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <vector>

#include "generator/render/draw_page.hpp"

namespace easyread {

namespace {

// A marker is a 2 x 1 RGB image: a colour no picture of ours is made of
// (so cairo keeps it RGB), then the sheet page's number.
constexpr std::uint32_t kMarkerColour = 0xEA517E;
constexpr int kMarkerWidth = 2;

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t* make_marker(int page) {
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, kMarkerWidth, 1);
    cairo_surface_flush(s);
    auto* pixels = reinterpret_cast<std::uint32_t*>(cairo_image_surface_get_data(s));
    pixels[0] = kMarkerColour;
    pixels[1] = static_cast<std::uint32_t>(page) & 0xFFFFFF;
    cairo_surface_mark_dirty(s);
    return s;
}

// A stream's bytes, decoded (cairo compresses with Flate alone).
std::string stream_bytes(const pdf::Object& o) {
    const std::string_view filter = pdf::dict_get(o.text, "/Filter");
    if (filter.empty()) return o.data;
    if (pdf::is_name(filter, "/FlateDecode") && pdf::dict_get(o.text, "/DecodeParms").empty())
        return pdf::inflate(o.data);
    throw std::runtime_error("a stream with a filter other than Flate");
}

// The sheet page a marker image stands for, or -1 for any other object.
int marker_page(const pdf::Object& image) {
    if (!image.stream) return -1;
    const std::string_view d = image.text;
    auto is_int = [&](const char* key, long long value) {
        long long v = 0;
        return pdf::int_value(pdf::dict_get(d, key), v) && v == value;
    };
    if (!pdf::is_name(pdf::dict_get(d, "/Subtype"), "/Image") || !is_int("/Width", kMarkerWidth) ||
        !is_int("/Height", 1) || !is_int("/BitsPerComponent", 8) ||
        !pdf::is_name(pdf::dict_get(d, "/ColorSpace"), "/DeviceRGB") || !pdf::dict_get(d, "/SMask").empty())
        return -1;
    const std::string b = stream_bytes(image);
    if (b.size() != 3 * kMarkerWidth) return -1;
    const auto* p = reinterpret_cast<const unsigned char*>(b.data());
    const std::uint32_t colour = (std::uint32_t(p[0]) << 16) | (std::uint32_t(p[1]) << 8) | p[2];
    if (colour != kMarkerColour) return -1;
    return static_cast<int>((std::uint32_t(p[3]) << 16) | (std::uint32_t(p[4]) << 8) | p[5]);
}

}  // namespace

PictureSheet::PictureSheet() = default;

PictureSheet::~PictureSheet() {
    if (drawing_.valid()) drawing_.wait();
    for (auto& [file, s] : markers_) cairo_surface_destroy(s);
}

void PictureSheet::start(std::vector<std::string> svg_files) {
    files_ = std::move(svg_files);
    for (std::size_t i = 0; i < files_.size(); ++i)
        if (!markers_.count(files_[i])) markers_.emplace(files_[i], make_marker(static_cast<int>(i)));
    if (!files_.empty()) drawing_ = std::async(std::launch::async, [this] { draw_all(); });
}

cairo_surface_t* PictureSheet::marker(const std::string& svg_file) const {
    auto it = markers_.find(svg_file);
    return it == markers_.end() ? nullptr : it->second;
}

void PictureSheet::draw_all() {
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append_to_string, &bytes_, kUnit, kUnit);
    for (const std::string& file : files_) {
        GError* err = nullptr;
        bool ok = false;
        if (RsvgHandle* h = rsvg_handle_new_from_file(file.c_str(), &err)) {
            cairo_t* cr = cairo_create(surface);
            RsvgRectangle viewport{0, 0, kUnit, kUnit};
            ok = rsvg_handle_render_document(h, cr, &viewport, &err) && cairo_status(cr) == CAIRO_STATUS_SUCCESS;
            cairo_destroy(cr);
            g_object_unref(h);
        }
        // A picture that failed half way keeps its page, which becomes an empty form.
        cairo_surface_show_page(surface);
        drawn_.push_back(ok);
        if (!ok) failures_.emplace_back(file, err ? err->message : "unknown error");
        if (err) g_error_free(err);
    }
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
}

void PictureSheet::wait(Diagnostics& diags) {
    if (!drawing_.valid()) return;
    drawing_.get();
    for (const auto& [file, why] : failures_) warn_unreadable_picture(file, why, diags);
}

void PictureSheet::place(cairo_t* cr, cairo_surface_t* marker, double x, double y, double size) {
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, size / kMarkerWidth, size);
    // cairo 1.16 refuses an unclipped image paint inside a structure tag.
    cairo_rectangle(cr, 0, 0, kMarkerWidth, 1);
    cairo_clip(cr);
    cairo_set_source_surface(cr, marker, 0, 0);
    cairo_paint(cr);
    cairo_restore(cr);
}

std::vector<int> pdf_pages(const pdf::Objects& pdf) {
    std::vector<int> pages;
    const pdf::Object* root = pdf.resolve(pdf::dict_get(pdf.trailer, "/Root"));
    if (!root) throw std::runtime_error("the PDF has no catalog");
    std::vector<std::pair<int, int>> todo{{pdf::ref_number(pdf::dict_get(root->text, "/Pages")), 0}};
    while (!todo.empty()) {
        auto [node, depth] = todo.back();
        todo.pop_back();
        if (node <= 0 || static_cast<std::size_t>(node) >= pdf.objects.size() || !pdf.objects[node].present) continue;
        const std::string_view text = pdf.objects[node].text;
        const std::string_view kids = pdf::dict_get(text, "/Kids");
        if (kids.empty()) {
            pages.push_back(node);
            continue;
        }
        if (depth > 64) continue;  // a page tree is never this deep; guard against loops
        const std::vector<std::string_view> items = pdf::array_items(pdf.direct(kids));
        for (auto it = items.rbegin(); it != items.rend(); ++it) todo.emplace_back(pdf::ref_number(*it), depth + 1);
    }
    return pages;
}

void put_sheet_pictures(pdf::Objects& pdf, const std::vector<int>& pages, const pdf::Objects& sheet,
                        const std::vector<bool>& drawn) {
    constexpr double kUnit = PictureSheet::kUnit;
    const std::vector<int> sheet_pages = pdf_pages(sheet);
    std::map<int, int> seen;  // object -> sheet page (-1: not a marker)
    std::vector<int> markers;  // the objects that are markers
    for (int page : pages) {
        const std::string_view resources = pdf.direct(pdf::dict_get(pdf.objects[page].text, "/Resources"));
        const std::string_view xobjects = pdf.direct(pdf::dict_get(resources, "/XObject"));
        for (const auto& [name, value] : pdf::dict_entries(xobjects)) {
            const int n = pdf::ref_number(value);
            if (n <= 0 || static_cast<std::size_t>(n) >= pdf.objects.size() || seen.count(n)) continue;
            const int k = marker_page(pdf.objects[n]);
            seen[n] = k;
            if (k >= 0 && k < static_cast<int>(sheet_pages.size())) markers.push_back(n);
        }
    }
    if (markers.empty()) return;
    // The sheet's objects follow the document's, their numbers shifted.
    const int offset = static_cast<int>(pdf.objects.size());
    for (const pdf::Object& o : sheet.objects) {
        pdf::Object copy = o;
        if (copy.present) copy.text = pdf::renumbered(copy.text, offset);
        pdf.objects.push_back(std::move(copy));
    }
    auto number = [](double v) {
        char s[32];
        std::snprintf(s, sizeof s, "%.10g", v);
        return std::string(s);
    };
    const std::string matrix = number(1 / kUnit), unit = number(kUnit);
    // Each marker becomes the form itself, so every page that used it now shows
    // the picture. The page (kUnit square, its top at kUnit) fills the unit
    // square, its top at 1: where an image's first row goes.
    for (int n : markers) {
        const int k = seen[n];
        const bool whole = static_cast<std::size_t>(k) < drawn.size() && drawn[static_cast<std::size_t>(k)];
        const pdf::Object& sheet_page = pdf.objects[sheet_pages[static_cast<std::size_t>(k)] + offset];
        std::string dict = "<< /Type /XObject /Subtype /Form /BBox [ 0 0 " + unit + " " + unit + " ] /Matrix [ " +
                           matrix + " 0 0 " + matrix + " 0 0 ]";
        std::string data;
        if (whole) {
            for (const char* key : {"/Resources", "/Group"}) {
                const std::string_view v = pdf::dict_get(sheet_page.text, key);
                if (!v.empty()) dict += std::string(" ") + key + " " + std::string(v);
            }
            const std::string_view contents = pdf::dict_get(sheet_page.text, "/Contents");
            std::vector<std::string_view> parts = pdf::array_items(contents);
            if (parts.empty()) parts.push_back(contents);
            const pdf::Object* first = parts.size() == 1 ? pdf.resolve(parts[0]) : nullptr;
            if (first && first->stream && pdf::is_name(pdf::dict_get(first->text, "/Filter"), "/FlateDecode") &&
                pdf::dict_get(first->text, "/DecodeParms").empty()) {
                // The page's one compressed content stream is the form's as it is.
                data = first->data;
                dict += " /Filter /FlateDecode";
            } else {
                for (std::string_view part : parts)
                    if (const pdf::Object* s = pdf.resolve(part); s && s->stream) data += stream_bytes(*s) + "\n";
            }
        }
        pdf::Object& form = pdf.objects[n];
        form.text = dict + " >>";
        form.data = std::move(data);
    }
}

}  // namespace easyread
