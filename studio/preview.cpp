#include "studio/preview.hpp"

#include <cairo.h>
#include <png.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "base/source_text.hpp"
#include "generator/check/check.hpp"
#include "generator/render/draw_page.hpp"
#include "studio/doc_store.hpp"
#include "studio/fixes.hpp"
#include "studio/json_writer.hpp"

namespace easyread::studio {

Build compile_text(const std::string& path, const std::string& text, const PictureLibrary& pictures,
                   int checks_for_pages) {
    Build b;
    b.bank = pictures.bank();
    SourceText src;
    src.path = path;
    src.text.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i)
        if (!(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) src.text += text[i];
    if (!check_source_bytes(path, src.text, b.diags)) return b;
    PipelineOptions po;
    po.bank = b.bank.get();
    po.files_root = pictures.documents_folder();
    po.checks = checks_for_pages > 0;
    po.layout = checks_for_pages == 0;
    po.page_count = checks_for_pages;
    b.c = compile(std::move(src), po);
    return b;
}

std::vector<int> page_of_blocks(const Compiled& c) {
    std::vector<int> pages(c.doc.blocks.size(), -1);
    for (std::size_t p = 0; p < c.pages.pages.size(); ++p)
        for (const auto& item : c.pages.pages[p].items)
            if (item.block >= 0 && static_cast<std::size_t>(item.block) < pages.size() && pages[item.block] < 0)
                pages[item.block] = static_cast<int>(p);
    return pages;
}

int page_of_line(const Compiled& c, const std::vector<int>& block_pages, int line) {
    int best = -1;
    for (std::size_t b = 0; b < c.doc.blocks.size(); ++b) {
        if (c.doc.blocks[b].line > line) break;
        if (block_pages[b] >= 0) best = block_pages[b];
    }
    if (best < 0 && line > 0 && !c.pages.pages.empty()) {
        // Before the first block (the front matter): the cover.
        best = 0;
    }
    return best;
}

namespace {

cairo_status_t append_png(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// The page as PNG, written for speed: libpng's FAST (no filters, zlib level
// 3) takes a fifth of the time of cairo's own writer (adaptive filters,
// level 6) on a page of words, for a file about a third larger, which is
// what a team's previews need (the encoding was most of a page's drawing).
std::string fast_png(cairo_surface_t* surface) {
    cairo_surface_flush(surface);
    const int w = cairo_image_surface_get_width(surface), h = cairo_image_surface_get_height(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    std::vector<unsigned char> rgb(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 3);
    unsigned char* out = rgb.data();
    for (int y = 0; y < h; ++y) {
        const unsigned char* row = data + static_cast<std::size_t>(y) * static_cast<std::size_t>(stride);
        for (int x = 0; x < w; ++x) {
            std::uint32_t px;  // CAIRO_FORMAT_RGB24: xRGB in the machine's own byte order
            std::memcpy(&px, row + 4 * x, 4);
            *out++ = static_cast<unsigned char>(px >> 16);
            *out++ = static_cast<unsigned char>(px >> 8);
            *out++ = static_cast<unsigned char>(px);
        }
    }
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    image.width = static_cast<png_uint_32>(w);
    image.height = static_cast<png_uint_32>(h);
    image.format = PNG_FORMAT_RGB;
    image.flags = PNG_IMAGE_FLAG_FAST;
    std::string png(PNG_IMAGE_PNG_SIZE_MAX(image), '\0');
    png_alloc_size_t size = png.size();
    if (!png_image_write_to_memory(&image, png.data(), &size, 0, rgb.data(), w * 3, nullptr)) {
        png_image_free(&image);
        png.clear();
        cairo_surface_write_to_png_stream(surface, append_png, &png);  // the slower writer never fails this way
        return png;
    }
    png.resize(size);
    return png;
}

// What a page shows, as a string: equal strings draw equal pages.
std::string page_signature(const LaidOutDocument& doc, const Page& page) {
    std::string s = std::to_string(static_cast<int>(page.role)) + "|" + std::to_string(page.number) + "|" +
                    std::to_string(doc.geometry.width) + "x" + std::to_string(doc.geometry.height) + "\n";
    for (const auto& it : page.items) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "%d %d %.2f %.2f %.2f %.2f %.2f %d %06x %.2f|", static_cast<int>(it.kind),
                      static_cast<int>(it.tag), it.x, it.y, it.width, it.height, it.style.size, it.style.bold ? 1 : 0,
                      it.style.colour, it.label_width);
        s += buf;
        s += it.markup + "|" + it.label + "|" + it.picture_file + "|" + it.alt + "|" + it.style.family + "\n";
    }
    return version_of(s) + std::to_string(s.size());
}

void diagnostic_json(Json& j, const Diagnostic& d, const Compiled& c, const std::vector<int>& block_pages) {
    j.begin_object();
    j.field("severity", d.severity == Severity::Error ? "error" : d.severity == Severity::Warning ? "warning" : "note");
    j.field("line", d.line).field("column", d.column).field("id", d.id);
    j.field("message", d.message).field("hint", d.hint);
    j.field("page", d.line > 0 ? page_of_line(c, block_pages, d.line) : -1);
    j.key("fix");
    if (auto f = fix_for(d, c.src.text, c.rule_set)) {
        j.begin_object().field("line", f->line).field("column", f->column).field("from", f->from).field("to", f->to);
        j.end_object();
    } else {
        j.null();
    }
    j.end_object();
}

// `compile_ms` and `draw_ms`: how long the text took to become pages and
// this message's pages to be drawn (the benchmark reads where the time goes).
std::string pages_message(const Compiled& c, const std::vector<int>& block_pages, const std::string& version,
                          const std::vector<int>& revisions, double dpi, double compile_ms, double draw_ms) {
    Json j;
    j.begin_object().field("version", version).field("laid_out", c.laid_out);
    j.field("compile_ms", std::round(compile_ms * 10) / 10).field("draw_ms", std::round(draw_ms * 10) / 10);
    const double scale = dpi / 72.0;
    j.field("width", static_cast<int>(std::ceil(c.pages.geometry.width * scale)));
    j.field("height", static_cast<int>(std::ceil(c.pages.geometry.height * scale)));
    j.field("title", c.doc.meta.get("title"));
    j.key("pages").begin_array();
    for (std::size_t p = 0; p < c.pages.pages.size(); ++p) {
        const Page& page = c.pages.pages[p];
        j.begin_object().field("index", p).field("number", page.number).field("revision", revisions[p]);
        // The pictures of the page, where they are (fractions of the page),
        // with the line of the chunk they belong to: click one to change it.
        j.key("pictures").begin_array();
        for (const auto& it : page.items) {
            if (it.kind != ItemKind::Picture || it.logo || it.block < 0) continue;
            const Block& b = c.doc.blocks[static_cast<std::size_t>(it.block)];
            j.begin_object();
            j.field("x", it.x / c.pages.geometry.width).field("y", it.y / c.pages.geometry.height);
            j.field("w", it.width / c.pages.geometry.width).field("h", it.height / c.pages.geometry.height);
            j.field("line", b.line).field("column", b.column).field("picture", b.picture_id).field("alt", it.alt);
            j.field("text", b.plain_text());
            j.end_object();
        }
        j.end_array();
        // Where each part's words start on the page, for the check's marks.
        j.key("parts").begin_array();
        std::vector<int> seen;
        for (const auto& it : page.items) {
            if (it.kind != ItemKind::Text || it.block < 0 || std::find(seen.begin(), seen.end(), it.block) != seen.end())
                continue;
            seen.push_back(it.block);
            j.begin_object().field("line", c.doc.blocks[static_cast<std::size_t>(it.block)].line);
            j.field("y", it.y / c.pages.geometry.height).end_object();
        }
        j.end_array();
        j.end_object();
    }
    j.end_array();
    j.key("blocks").begin_array();
    for (std::size_t b = 0; b < c.doc.blocks.size(); ++b) {
        const Block& block = c.doc.blocks[b];
        j.begin_object().field("line", block.line).field("column", block.column).field("page", block_pages[b]);
        j.field("picture", block.picture_id).field("reason", block.picture_reason).end_object();
    }
    j.end_array();
    return j.end_object().str();
}

}  // namespace

std::string page_png(const Compiled& c, std::size_t index, double dpi, PictureCache& pictures) {
    const PageGeometry& g = c.pages.geometry;
    const double scale = dpi / 72.0;
    const int w = static_cast<int>(std::ceil(g.width * scale));
    const int h = static_cast<int>(std::ceil(g.height * scale));
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t* cr = cairo_create(surface);
    cairo_scale(cr, scale, scale);
    Diagnostics diags;
    draw_page(cr, c.pages, c.pages.pages[index], pictures, DrawOptions{}, diags);
    cairo_destroy(cr);
    std::string png = fast_png(surface);
    cairo_surface_destroy(surface);
    return png;
}

PreviewService::PreviewService(PictureLibrary& pictures, EventHub& hub, double dpi)
    : pictures_(pictures), hub_(hub), dpi_(dpi), pictures_drawn_(std::make_unique<PictureCache>()),
      worker_([this] { run(); }), checker_([this] { run_checks(); }) {}

PreviewService::~PreviewService() {
    {
        std::lock_guard<std::mutex> hold(lock_);
        stop_ = true;
    }
    wake_.notify_all();
    worker_.join();
    checker_.join();
}

void PreviewService::request(const std::string& doc, const std::string& path, const std::string& text,
                             const std::string& version) {
    {
        std::lock_guard<std::mutex> hold(lock_);
        if (!pending_.count(doc)) order_.push_back(doc);
        pending_[doc] = Job{path, text, version};
    }
    wake_.notify_all();
}

bool PreviewService::page(const std::string& doc, std::size_t index, std::string& png) const {
    std::lock_guard<std::mutex> hold(lock_);
    auto it = docs_.find(doc);
    if (it == docs_.end() || index >= it->second.pages.size() || it->second.pages[index].png.empty()) return false;
    png = it->second.pages[index].png;
    return true;
}

std::string PreviewService::last_pages(const std::string& doc) const {
    std::lock_guard<std::mutex> hold(lock_);
    auto it = docs_.find(doc);
    return it == docs_.end() ? std::string() : it->second.pages_json;
}

std::string PreviewService::last_check(const std::string& doc) const {
    std::lock_guard<std::mutex> hold(lock_);
    auto it = docs_.find(doc);
    return it == docs_.end() ? std::string() : it->second.check_json;
}

void PreviewService::wait_idle() {
    std::unique_lock<std::mutex> hold(lock_);
    idle_.wait(hold, [&] { return (pending_.empty() && checks_.empty() && !busy_ && !checking_) || stop_; });
}

void PreviewService::run() {
    std::unique_lock<std::mutex> hold(lock_);
    for (;;) {
        wake_.wait(hold, [&] { return stop_ || !pending_.empty(); });
        if (stop_) return;
        // In the order people saved: with a team saving at once, nobody's
        // pages wait for names earlier in the alphabet.
        const std::string doc = order_.front();
        order_.pop_front();
        Job job = std::move(pending_[doc]);
        pending_.erase(doc);
        checks_.erase(doc);  // the new text's own preview checks it
        busy_ = true;
        hold.unlock();
        try {
            make(doc, job);
        } catch (const std::exception&) {
            // A preview that fails leaves the last one shown; the save itself is already on disk.
        }
        hold.lock();
        busy_ = false;
        if (pending_.empty() && checks_.empty() && !checking_) idle_.notify_all();
    }
}

void PreviewService::run_checks() {
    std::unique_lock<std::mutex> hold(lock_);
    for (;;) {
        wake_.wait(hold, [&] { return stop_ || !checks_.empty(); });
        if (stop_) return;
        auto it = checks_.begin();
        const std::string doc = it->first;
        CheckJob job = std::move(it->second);
        checks_.erase(it);
        if (pending_.count(doc)) continue;  // a newer text of it is waiting: its preview checks that
        checking_ = true;
        hold.unlock();
        try {
            check(doc, job);
        } catch (const std::exception&) {
            // The last check stays shown.
        }
        hold.lock();
        checking_ = false;
        if (pending_.empty() && checks_.empty() && !busy_) idle_.notify_all();
    }
}

void PreviewService::make(const std::string& doc, const Job& job) {
    // The pages here; the checks after them, on the checks' own thread.
    using Clock = std::chrono::steady_clock;
    const auto ms_since = [](Clock::time_point t) {
        return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
    };
    const auto started = Clock::now();
    Build b = compile_text(job.path, job.text, pictures_);
    const double compile_ms = ms_since(started);
    if (!b.c) {
        Json j;
        j.begin_object().field("version", job.version).key("problems").begin_array();
        for (const auto& d : b.diags.items())
            j.begin_object().field("severity", "error").field("line", d.line).field("column", d.column)
                .field("id", d.id).field("message", d.message).field("hint", d.hint).field("page", -1)
                .key("fix").null().end_object();
        j.end_array().key("hard_words").begin_array().end_array().field("summary", "").end_object();
        std::lock_guard<std::mutex> hold(lock_);
        docs_[doc].check_json = j.str();
        hub_.publish(doc, "check", j.str());
        return;
    }
    const Compiled& c = *b.c;
    const std::vector<int> block_pages = page_of_blocks(c);

    // Only pages whose content changed are drawn again.
    std::vector<std::string> signatures;
    for (const auto& page : c.pages.pages) signatures.push_back(page_signature(c.pages, page));
    std::vector<std::size_t> redraw;
    {
        std::lock_guard<std::mutex> hold(lock_);
        DocPreview& d = docs_[doc];
        for (std::size_t p = 0; p < signatures.size(); ++p)
            if (p >= d.pages.size() || d.pages[p].signature != signatures[p]) redraw.push_back(p);
    }
    // The first changed page (where the edit is) and the one after it are
    // drawn and announced first; the pages a longer text pushed on follow.
    // Until then those keep their old picture (a new page has none: revision 0).
    const std::size_t first_batch = std::min<std::size_t>(redraw.size(), 2);
    std::vector<std::pair<std::size_t, std::size_t>> batches = {{0, first_batch}};
    if (redraw.size() > first_batch) batches.emplace_back(first_batch, redraw.size());
    // A newer text waiting makes the rest of this one's work moot: its own
    // preview redraws what changed and checks it (typing never waits for a
    // check of words already changed again).
    const auto newer_waiting = [&] {
        std::lock_guard<std::mutex> hold(lock_);
        return pending_.count(doc) > 0;
    };
    for (const auto& [from, to] : batches) {
        const auto drawing = Clock::now();
        std::vector<std::string> drawn;
        for (std::size_t i = from; i < to; ++i) {
            if (from > 0 && newer_waiting()) return;  // checked between pages: a long reflow stops at once
            drawn.push_back(page_png(c, redraw[i], dpi_, *pictures_drawn_));
        }
        std::string pages_json;
        {
            std::lock_guard<std::mutex> hold(lock_);
            DocPreview& d = docs_[doc];
            d.pages.resize(signatures.size());
            for (std::size_t i = from; i < to; ++i) {
                PageImage& img = d.pages[redraw[i]];
                img.signature = signatures[redraw[i]];
                img.png = std::move(drawn[i - from]);
                img.revision = d.next_revision++;
            }
            std::vector<int> revisions;
            for (const auto& img : d.pages) revisions.push_back(img.revision);
            d.pages_json = pages_json =
                pages_message(c, block_pages, job.version, revisions, dpi_, compile_ms, ms_since(drawing));
        }
        hub_.publish(doc, "pages", pages_json);
    }

    {
        std::lock_guard<std::mutex> hold(lock_);
        if (pending_.count(doc)) return;  // a newer text waiting
        checks_[doc] = CheckJob{job, std::make_shared<Build>(std::move(b)), block_pages};
    }
    wake_.notify_all();
}

void PreviewService::check(const std::string& doc, const CheckJob& next) {
    const Job& job = next.job;
    const Compiled& c = *next.build->c;
    const std::vector<int>& block_pages = next.block_pages;
    Build checked = compile_text(job.path, job.text, pictures_, std::max<int>(1, static_cast<int>(c.pages.pages.size())));
    checked.c->finish_checks();
    std::vector<Diagnostic> items;
    const Diagnostics& checks = checked.c->check_diags;
    for (const Diagnostics* part : {&c.read_diags, &c.build_diags, &checks})
        for (const auto& d : part->items()) items.push_back(d);
    check::sort_by_line(items);
    Json j;
    j.begin_object().field("version", job.version).key("problems").begin_array();
    for (const auto& d : items) diagnostic_json(j, d, c, block_pages);
    j.end_array();
    j.key("hard_words").begin_array();
    for (const auto& w : c.doc.hard_words)
        j.begin_object().field("word", w.word).field("explanation", w.explanation).field("line", w.line)
            .field("page", page_of_line(c, block_pages, w.line)).end_object();
    j.end_array();
    j.field("summary", check::summary_line(checked.c->report, c.rule_set));
    j.end_object();
    {
        std::lock_guard<std::mutex> hold(lock_);
        docs_[doc].check_json = j.str();
    }
    hub_.publish(doc, "check", j.str());
}

}  // namespace easyread::studio
