#include "generator/render/office_package.hpp"

#include <cairo.h>
#include <librsvg/rsvg.h>
#include <zip.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "base/file_names.hpp"
#include "base/text_util.hpp"
#include "generator/render/output_file.hpp"

namespace easyread::office {

ZipPackage::ZipPackage(std::string path) : path_(std::move(path)) {}
ZipPackage::~ZipPackage() = default;

void ZipPackage::add(const std::string& name, std::string bytes, bool stored) {
    entries_.push_back({name, {std::move(bytes), stored}});
}

bool ZipPackage::close(Diagnostics& diags) {
    const std::string tmp = temp_path_for(path_);
    int err = 0;
    zip_t* za = zip_open(tmp.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (!za) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, err);
        cannot_write(path_, zip_error_strerror(&ze), diags);
        zip_error_fini(&ze);
        return false;
    }
    for (const auto& [name, entry] : entries_) {
        const auto& [bytes, stored] = entry;
        zip_source_t* src = zip_source_buffer(za, bytes.data(), bytes.size(), 0);
        zip_int64_t index = src ? zip_file_add(za, name.c_str(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) : -1;
        if (index < 0) {
            if (src) zip_source_free(src);
            cannot_write(path_, zip_strerror(za), diags);
            zip_discard(za);
            std::remove(tmp.c_str());
            return false;
        }
        zip_set_file_compression(za, static_cast<zip_uint64_t>(index), stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0);
    }
    if (zip_close(za) != 0) {
        cannot_write(path_, zip_strerror(za), diags);
        zip_discard(za);
        std::remove(tmp.c_str());
        return false;
    }
    return commit_output(tmp, path_, diags);
}

std::string xml(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default:
            // XML 1.0 allows no control characters but tab and line ends.
            if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
            out += c;
        }
    }
    return out;
}

int list_number(const PlacedItem& item) {
    int n = 0;
    for (char c : item.label) {
        if (c < '0' || c > '9') break;
        n = n * 10 + (c - '0');
        if (n > 1000000) break;
    }
    return n;
}

std::pair<std::string, std::string> split_page_number(const std::string& page) {
    const std::size_t digits = page.find_first_of("0123456789");
    if (digits == std::string::npos) return {page, std::string()};
    return {page.substr(0, digits), page.substr(digits)};
}

std::vector<LinkPart> link_parts(const std::vector<Run>& runs, const std::vector<LinkArea>& links) {
    std::vector<LinkPart> out;
    std::size_t pos = 0;  // visible-text offset of the current run's text
    for (const Run& r : runs) {
        if (r.line_break) ++pos;
        std::size_t at = 0;
        bool first = true;
        while (at < r.text.size() || (first && r.text.empty())) {
            const std::size_t here = pos + at;
            const LinkArea* in = nullptr;
            std::size_t end = r.text.size();
            for (const auto& l : links) {
                const auto a = static_cast<std::size_t>(l.start), b = static_cast<std::size_t>(l.end);
                if (a <= here && here < b) in = &l;
                if (a > here && a - pos < end) end = a - pos;  // the next link starts inside this run
            }
            if (in) end = std::min(end, static_cast<std::size_t>(in->end) - pos);
            LinkPart part;
            part.run.bold = r.bold;
            part.run.line_break = first && r.line_break;
            part.run.text = r.text.substr(at, end - at);
            if (in) part.uri = in->uri;
            out.push_back(std::move(part));
            first = false;
            if (end <= at) break;
            at = end;
        }
        pos += r.text.size();
    }
    return out;
}

std::vector<Run> markup_runs(const std::string& markup) {
    std::vector<Run> runs;
    int bold = 0;
    bool pending_break = false;
    auto text = [&]() -> std::string& {
        if (runs.empty() || runs.back().bold != (bold > 0) || pending_break) {
            runs.push_back({});
            runs.back().bold = bold > 0;
            runs.back().line_break = pending_break;
            pending_break = false;
        }
        return runs.back().text;
    };
    for (std::size_t i = 0; i < markup.size();) {
        char c = markup[i];
        if (c == '<') {
            std::size_t end = markup.find('>', i);
            if (end == std::string::npos) break;
            std::string tag = markup.substr(i + 1, end - i - 1);
            if (tag == "b") ++bold;
            else if (tag == "/b" && bold > 0) --bold;
            i = end + 1;
        } else if (c == '&') {
            std::size_t end = markup.find(';', i);
            std::string name = end == std::string::npos ? std::string() : markup.substr(i + 1, end - i - 1);
            std::string decoded;
            if (name == "amp") decoded = "&";
            else if (name == "lt") decoded = "<";
            else if (name == "gt") decoded = ">";
            else if (name == "quot") decoded = "\"";
            else if (name == "apos") decoded = "'";
            else if (name.size() > 1 && name[0] == '#') {
                unsigned long cp = name[1] == 'x' ? std::strtoul(name.c_str() + 2, nullptr, 16)
                                                  : std::strtoul(name.c_str() + 1, nullptr, 10);
                append_utf8(decoded, cp);
            }
            if (decoded.empty()) {
                text() += '&';
                ++i;
            } else {
                text() += decoded;
                i = end + 1;
            }
        } else if (c == '\n') {
            pending_break = true;
            ++i;
        } else {
            text() += c;
            ++i;
        }
    }
    return runs;
}

std::string markup_plain(const std::string& markup) {
    std::string out;
    for (const auto& r : markup_runs(markup)) {
        if (r.line_break) out += ' ';
        out += r.text;
    }
    return out;
}

static cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

const Png* PngCache::get(const std::string& file, int pixels, Diagnostics& diags) {
    if (failed_.count(file)) return nullptr;
    auto key = std::make_pair(file, pixels);
    if (auto it = done_.find(key); it != done_.end()) return &it->second;
    pixels = std::clamp(pixels, 16, 4000);
    Png png;
    cairo_surface_t* surface = nullptr;
    std::string problem;
    if (has_ending(file, ".png")) {
        cairo_surface_t* src = cairo_image_surface_create_from_png(file.c_str());
        if (cairo_surface_status(src) == CAIRO_STATUS_SUCCESS) {
            double w = cairo_image_surface_get_width(src), h = cairo_image_surface_get_height(src);
            double scale = pixels / std::max(w, h);
            png.width = std::max(1, static_cast<int>(std::lround(w * scale)));
            png.height = std::max(1, static_cast<int>(std::lround(h * scale)));
            surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, png.width, png.height);
            cairo_t* cr = cairo_create(surface);
            cairo_scale(cr, scale, scale);
            cairo_set_source_surface(cr, src, 0, 0);
            cairo_paint(cr);
            cairo_destroy(cr);
        } else {
            problem = "this picture cannot be read as PNG";
        }
        cairo_surface_destroy(src);
    } else {
        GError* err = nullptr;
        RsvgHandle* h = rsvg_handle_new_from_file(file.c_str(), &err);
        double w = pixels, ht = pixels;
        if (h) {
            gdouble iw = 0, ih = 0;
            if (rsvg_handle_get_intrinsic_size_in_pixels(h, &iw, &ih) && iw > 0 && ih > 0) {
                if (iw >= ih) ht = pixels * ih / iw;
                else w = pixels * iw / ih;
            }
            png.width = std::max(1, static_cast<int>(std::lround(w)));
            png.height = std::max(1, static_cast<int>(std::lround(ht)));
            surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, png.width, png.height);
            cairo_t* cr = cairo_create(surface);
            RsvgRectangle viewport{0, 0, static_cast<double>(png.width), static_cast<double>(png.height)};
            if (!rsvg_handle_render_document(h, cr, &viewport, &err))
                problem = std::string("this picture cannot be read: ") + (err ? err->message : "unknown error");
            cairo_destroy(cr);
            g_object_unref(h);
        } else {
            problem = std::string("this picture cannot be read: ") + (err ? err->message : "unknown error");
        }
        if (err) g_error_free(err);
    }
    if (surface && problem.empty()) cairo_surface_write_to_png_stream(surface, append_bytes, &png.bytes);
    if (surface) cairo_surface_destroy(surface);
    if (!problem.empty() || png.bytes.empty()) {
        failed_[file] = true;
        diags.warning(file, 0, 0, "broken-picture", problem.empty() ? "this picture cannot be drawn" : problem,
                      "Replace the file, or choose another picture.");
        return nullptr;
    }
    return &(done_[key] = std::move(png));
}

std::vector<Chunk> page_chunks(const Page& page) {
    std::vector<Chunk> out;
    const auto& items = page.items;
    for (std::size_t i = 0; i < items.size();) {
        const PlacedItem& first = items[i];
        Chunk c;
        bool rule = false;
        std::size_t j = i;
        while (j < items.size() && (j == i || (first.chunk >= 0 && items[j].chunk == first.chunk))) {
            if (items[j].kind == ItemKind::Picture) c.picture = &items[j];
            else if (items[j].kind == ItemKind::Text) c.texts.push_back(&items[j]);
            else rule = true;
            ++j;
        }
        c.rule_only = rule && !c.picture && c.texts.empty();
        out.push_back(std::move(c));
        i = j;
    }
    return out;
}

bool is_heading(const Chunk& c) {
    return !c.picture && c.texts.size() == 1 && c.texts[0]->tag >= Tag::H1 && c.texts[0]->tag <= Tag::H3;
}

int heading_level(const Chunk& c) {
    return c.texts[0]->tag == Tag::H1 ? 1 : c.texts[0]->tag == Tag::H2 ? 2 : 3;
}

}  // namespace easyread::office
