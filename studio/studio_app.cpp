#include "studio/studio_app.hpp"

#include "studio/http_guard.hpp"
#include "studio/json_writer.hpp"

namespace easyread::studio {

void send_error(httplib::Response& res, int status, const std::string& message) {
    res.status = status;
    res.set_content(Json().begin_object().field("error", message).end_object().str(), "application/json");
}

void send_json(httplib::Response& res, const std::string& json) {
    res.status = 200;
    res.set_content(json, "application/json");
}

std::string param(const httplib::Request& req, const char* name) {
    return req.has_param(name) ? req.get_param_value(name) : std::string();
}

void set_sandboxed(httplib::Response& res) {
    res.headers.erase("Content-Security-Policy");
    res.set_header("Content-Security-Policy", kSandboxPolicy);
}

StudioApp::StudioApp(const StudioOptions& options)
    : options_(options),
      store_(options.folder),
      pictures_(store_.folder()),
      hub_(options.max_listeners),
      preview_(std::make_unique<PreviewService>(pictures_, hub_, options.preview_dpi)) {
    add_page_routes();
    add_document_routes();
    add_preview_routes();
    add_picture_routes();
    add_draft_routes();
}

StudioApp::~StudioApp() { stop(); }

void StudioApp::stop() { hub_.close_all(); }

namespace {
// dispatch() runs each handler on its own thread to the end: the caller
// it found is the one the handler asks for.
thread_local Caller current_caller;
}  // namespace

const Caller& StudioApp::caller(const httplib::Request&) const { return current_caller; }

void StudioApp::audit(const httplib::Request&, const std::string&, const std::string&) {}

void StudioApp::add(const std::string& method, const std::string& path, Handler run, Role need) {
    routes_.push_back({method, path, std::move(run), need});
}

void StudioApp::dispatch(const httplib::Request& req, httplib::Response& res) {
    res.status = 200;
    res.set_header("Content-Security-Policy", kContentSecurityPolicy);
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Cross-Origin-Opener-Policy", "same-origin");
    res.set_header("Cross-Origin-Resource-Policy", "same-origin");
    res.set_header("Cache-Control", "no-store");

    RequestFacts facts;
    facts.method = req.method;
    facts.host = req.get_header_value("Host");
    facts.has_origin = req.has_header("Origin");
    facts.origin = req.get_header_value("Origin");
    facts.fetch_site = req.get_header_value("Sec-Fetch-Site");
    facts.has_studio_header = req.get_header_value("X-Easyread-Studio") == "1";
    std::string why = refuse_reason(facts, options_.port);
    if (!why.empty()) {
        send_error(res, 403, why);
        return;
    }
    bool path_known = false;
    for (const auto& r : routes_) {
        if (r.path != req.path) continue;
        path_known = true;
        if (r.method != req.method && !(req.method == "HEAD" && r.method == "GET")) continue;
        current_caller = Caller{};
        current_caller.address = req.remote_addr;
        try {
            r.run(req, res);
        } catch (const std::exception& e) {
            send_error(res, 500, std::string("the studio met a problem: ") + e.what());
        }
        return;
    }
    send_error(res, path_known ? 405 : 404, path_known ? "that action is not allowed here" : "nothing here");
}

}  // namespace easyread::studio
