// Live pages (server-sent events and the page images), Listen and Export.
#include <mutex>

#include "base/text_util.hpp"
#include "studio/export.hpp"
#include "studio/json_writer.hpp"
#include "studio/listen.hpp"
#include "studio/studio_app.hpp"

namespace easyread::studio {

namespace {

bool read_doc(DocStore& store, const httplib::Request& req, StoredFile& f, httplib::Response& res) {
    const std::string name = param(req, "doc");
    StoreError err;
    if (!ends_with(lower(name), ".md")) {
        send_error(res, 400, "name a .md document");
        return false;
    }
    if (!store.read(name, f, err, kMaxSourceBytes)) {
        send_error(res, err.status, err.message);
        return false;
    }
    return true;
}

int int_param(const httplib::Request& req, const char* name, int fallback) {
    const std::string v = param(req, name);
    if (v.empty() || v.size() > 7 || v.find_first_not_of("0123456789") != std::string::npos) return fallback;
    return std::stoi(v);
}

}  // namespace

const Build* StudioApp::saved_build(const httplib::Request& req, httplib::Response& res) {
    StoredFile f;
    if (!read_doc(store_, req, f, res)) return nullptr;
    const std::string key = f.name + "\n" + f.version;
    if (key != last_build_key_ || !last_build_.c) {
        last_build_ = compile_text(store_.folder() + "/" + f.name, f.bytes, pictures_);
        last_build_key_ = key;
    }
    if (!last_build_.c) send_error(res, 400, "the text cannot be read: see Check");
    return last_build_.c ? &last_build_ : nullptr;
}

void StudioApp::add_preview_routes() {
    // One stream per open page: "pages", "check" and "saved" messages for its document.
    add("GET", "/api/events", [this](const httplib::Request& req, httplib::Response& res) {
        const std::string doc = param(req, "doc");
        StoreError err;
        if (store_.resolve(doc, err).empty()) return send_error(res, err.status, err.message);
        auto listener = hub_.subscribe(doc);
        if (!listener) return send_error(res, 503, "too many pages are open: close one and reload this one");
        std::string first = "retry: 1000\n\n";
        if (auto p = preview_->last_pages(doc); !p.empty()) first += "event: pages\ndata: " + p + "\n\n";
        if (auto c = preview_->last_check(doc); !c.empty()) first += "event: check\ndata: " + c + "\n\n";
        EventHub* hub = &hub_;
        res.set_header("X-Accel-Buffering", "no");
        res.set_chunked_content_provider(
            "text/event-stream",
            [hub, listener, first](size_t, httplib::DataSink& sink) mutable {
                if (!first.empty()) {
                    std::string m;
                    m.swap(first);
                    return sink.write(m.data(), m.size());
                }
                std::string m = hub->next(listener, 15);
                if (listener->closed) {
                    sink.done();
                    return true;
                }
                if (m.empty()) m = ": still here\n\n";  // keeps the connection open through idle minutes
                return sink.is_writable() && sink.write(m.data(), m.size());
            },
            [hub, listener](bool) { hub->unsubscribe(listener); });
    });

    add("GET", "/api/page", [this](const httplib::Request& req, httplib::Response& res) {
        std::string png;
        const int n = int_param(req, "n", -1);
        if (n < 0 || !preview_->page(param(req, "doc"), static_cast<std::size_t>(n), png))
            return send_error(res, 404, "that page is not drawn");
        res.set_header("Cache-Control", "private, max-age=3600");
        res.set_content(png, "image/png");
    });

    add("GET", "/api/listen", [this](const httplib::Request& req, httplib::Response& res) {
        std::lock_guard<std::mutex> one(heavy_);
        const Build* b = saved_build(req, res);
        if (!b) return;
        std::string mp3, error;
        if (!listen_mp3(*b->c, int_param(req, "page", -1), int_param(req, "line", 0), mp3, error))
            return send_error(res, 422, error);
        audit(req, "export mp3", param(req, "doc"));
        res.set_content(mp3, "audio/mpeg");
    });

    add("GET", "/api/export", [this](const httplib::Request& req, httplib::Response& res) {
        std::lock_guard<std::mutex> one(heavy_);
        const Build* b = saved_build(req, res);
        if (!b) return;
        Download d;
        std::string error;
        if (!export_document(*b->c, param(req, "format"), d, error)) return send_error(res, 422, error);
        audit(req, "export " + param(req, "format"), param(req, "doc"));
        res.set_header("Content-Disposition", "attachment; filename=\"" + d.file_name + "\"");
        set_sandboxed(res);
        res.set_content(d.bytes, d.content_type);
    });
}

}  // namespace easyread::studio
