#include "generator/render/pdf_pictures.hpp"

// Use qpdf 11 smart pointers without the old PointerHolder shim.
#define POINTERHOLDER_TRANSITION 4
#include <cairo-pdf.h>
#include <librsvg/rsvg.h>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <cstdint>
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

// The sheet page a marker image stands for, or -1 for any other image.
int marker_page(QPDFObjectHandle image) {
    if (!image.isStream()) return -1;
    QPDFObjectHandle d = image.getDict();
    auto is_int = [&](const char* key, long long value) {
        QPDFObjectHandle v = d.getKey(key);
        return v.isInteger() && v.getIntValue() == value;
    };
    if (!d.getKey("/Subtype").isNameAndEquals("/Image") || !is_int("/Width", kMarkerWidth) || !is_int("/Height", 1) ||
        !is_int("/BitsPerComponent", 8) || !d.getKey("/ColorSpace").isNameAndEquals("/DeviceRGB") ||
        d.hasKey("/SMask"))
        return -1;
    std::shared_ptr<Buffer> b = image.getStreamData(qpdf_dl_generalized);
    if (b->getSize() != 3 * kMarkerWidth) return -1;
    const unsigned char* p = b->getBuffer();
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

std::vector<QPDFObjectHandle> pdf_pages(QPDF& pdf) {
    std::vector<QPDFObjectHandle> pages;
    std::vector<std::pair<QPDFObjectHandle, int>> todo{{pdf.getRoot().getKey("/Pages"), 0}};
    while (!todo.empty()) {
        auto [node, depth] = todo.back();
        todo.pop_back();
        QPDFObjectHandle kids = node.getKey("/Kids");
        if (!kids.isArray()) {
            if (node.isDictionary()) pages.push_back(node);
            continue;
        }
        if (depth > 64) continue;  // a page tree is never this deep; guard against loops
        for (int i = kids.getArrayNItems() - 1; i >= 0; --i) todo.emplace_back(kids.getArrayItem(i), depth + 1);
    }
    return pages;
}

void put_sheet_pictures(QPDF& pdf, const std::vector<QPDFObjectHandle>& pages, QPDF& sheet,
                        const std::vector<bool>& drawn) {
    constexpr double kUnit = PictureSheet::kUnit;
    // Where each marker is: a page's XObject resources, the name, the sheet page.
    struct Use {
        QPDFObjectHandle xobjects;
        std::string name;
        int page;
    };
    std::vector<Use> uses;
    std::map<QPDFObjGen, int> seen;  // image -> sheet page (-1: not a marker)
    std::vector<QPDFObjectHandle> sheet_pages = pdf_pages(sheet);
    std::vector<int> form_index(sheet_pages.size(), -1);
    auto forms = QPDFObjectHandle::newArray();
    for (QPDFObjectHandle page : pages) {
        QPDFObjectHandle xobjects = page.getKey("/Resources").getKey("/XObject");
        if (!xobjects.isDictionary()) continue;
        for (const std::string& name : xobjects.getKeys()) {
            QPDFObjectHandle image = xobjects.getKey(name);
            if (!image.isStream()) continue;
            auto it = seen.find(image.getObjGen());
            if (it == seen.end()) it = seen.emplace(image.getObjGen(), marker_page(image)).first;
            const int n = it->second;
            if (n < 0 || n >= static_cast<int>(sheet_pages.size())) continue;
            uses.push_back({xobjects, name, n});
            int& index = form_index[static_cast<std::size_t>(n)];
            if (index >= 0) continue;
            // The page (kUnit square, its top at kUnit) fills the unit square,
            // its top at 1: where an image's first row goes.
            const bool whole = static_cast<std::size_t>(n) < drawn.size() && drawn[static_cast<std::size_t>(n)];
            QPDFObjectHandle sheet_page = sheet_pages[static_cast<std::size_t>(n)];
            QPDFObjectHandle form =
                whole ? QPDFPageObjectHelper(sheet_page).getFormXObjectForPage(false) : QPDFObjectHandle::newStream(&sheet, "");
            // The page's one compressed content stream is the form's as it is.
            QPDFObjectHandle content = sheet_page.getKey("/Contents");
            if (whole && content.isStream() && content.getDict().getKey("/Filter").isNameAndEquals("/FlateDecode") &&
                !content.getDict().hasKey("/DecodeParms"))
                form.replaceStreamData(content.getRawStreamData(), QPDFObjectHandle::newName("/FlateDecode"),
                                       QPDFObjectHandle::newNull());
            if (!whole) {
                form.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/XObject"));
                form.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/Form"));
            }
            form.getDict().replaceKey("/BBox",
                                      QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(0, 0, kUnit, kUnit)));
            form.getDict().replaceKey(
                "/Matrix", QPDFObjectHandle::newArray(QPDFObjectHandle::Matrix(1 / kUnit, 0, 0, 1 / kUnit, 0, 0)));
            index = forms.getArrayNItems();
            forms.appendItem(form);
        }
    }
    if (uses.empty()) return;
    // One copy for all: qpdf counts every object of `pdf` on each copy.
    QPDFObjectHandle copied = pdf.copyForeignObject(sheet.makeIndirectObject(forms));
    for (Use& u : uses)
        u.xobjects.replaceKey(u.name, copied.getArrayItem(form_index[static_cast<std::size_t>(u.page)]));
}

}  // namespace easyread
