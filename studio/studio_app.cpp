#include "studio/studio_app.hpp"

#include "base/text_util.hpp"
#include "studio/http_guard.hpp"
#include "studio/json_writer.hpp"
#include "studio/team.hpp"

namespace easyread::studio {

const char* const kSessionCookie = "easyread_session";

void send_error(httplib::Response& res, int status, const std::string& message) {
    res.status = status;
    res.set_content(Json().begin_object().field("error", message).end_object().str(), "application/json");
}

void send_json(httplib::Response& res, const std::string& json) {
    res.status = 200;
    res.set_content(json, "application/json");
}

void send_conflict(httplib::Response& res, const std::string& message, const StoredFile& current) {
    res.status = 409;
    res.set_content(Json().begin_object().field("error", message).field("version", current.version)
                        .field("text", current.bytes).end_object().str(),
                    "application/json");
}

std::string param(const httplib::Request& req, const char* name) {
    return req.has_param(name) ? req.get_param_value(name) : std::string();
}

std::string form_field(const httplib::Request& req, const char* name) {
    if (req.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) != 0) return {};
    httplib::Params fields;
    httplib::detail::parse_query_text(req.body, fields);
    auto it = fields.find(name);
    return it == fields.end() ? std::string() : it->second;
}

std::string cookie(const httplib::Request& req, const std::string& name) {
    // Cookie: a=1; b=2 (the first of a name wins, as browsers send the most specific first).
    const std::string all = req.get_header_value("Cookie");
    std::size_t at = 0;
    while (at < all.size()) {
        std::size_t end = all.find(';', at);
        if (end == std::string::npos) end = all.size();
        const std::string pair = trim(all.substr(at, end - at));
        const auto eq = pair.find('=');
        if (eq != std::string::npos && pair.substr(0, eq) == name) return pair.substr(eq + 1);
        at = end + 1;
    }
    return {};
}

void set_sandboxed(httplib::Response& res) {
    res.headers.erase("Content-Security-Policy");
    res.set_header("Content-Security-Policy", kSandboxPolicy);
}

namespace {

StudioOptions with_team_folder(StudioOptions o) {
    if (!o.team.empty()) o.folder = o.team + "/documents";
    return o;
}

// dispatch() runs each handler on its own thread to the end: the caller
// it found is the one the handler asks for.
thread_local Caller current_caller;

bool is_read(const std::string& method) { return method == "GET" || method == "HEAD"; }

}  // namespace

StudioApp::StudioApp(const StudioOptions& options)
    : options_(with_team_folder(options)),
      store_(options_.folder),
      pictures_(store_.folder()),
      hub_(options_.max_listeners),
      preview_(std::make_unique<PreviewService>(pictures_, hub_, options_.preview_dpi)) {
    if (!options_.team.empty()) {
        team_ = std::make_unique<Team>(options_.team, options_.clock);
        store_.keep_history(options_.team + "/history");
    }
    add_page_routes();
    add_document_routes();
    add_preview_routes();
    add_picture_routes();
    add_draft_routes();
    add_account_routes();
    add_history_routes();
    add_board_routes();
    add_survey_routes();
    add_review_routes();
}

StudioApp::~StudioApp() { stop(); }

void StudioApp::stop() { hub_.close_all(); }

const Caller& StudioApp::caller(const httplib::Request&) const { return current_caller; }

void StudioApp::audit(const httplib::Request& req, const std::string& what, const std::string& target) {
    if (!team_) return;
    const Caller& c = caller(req);
    team_->audit.append(team_->now(), c.user, c.address.empty() ? client_address(req) : c.address, what, target);
}

void StudioApp::claim(const httplib::Request& req, const std::string& name) {
    if (!team_) return;
    std::string error;
    team_->owners.set(name, {caller(req).user, false}, error);
}

bool StudioApp::may_open(const httplib::Request& req, const std::string& name) const {
    const Caller& c = caller(req);
    return !team_ || team_->owners.may_open(name, c.user, c.role);
}

void StudioApp::add(const std::string& method, const std::string& path, Handler run, Role need) {
    routes_.push_back({method, path, std::move(run), need});
}

std::string StudioApp::client_address(const httplib::Request& req) const {
    // Behind a reverse proxy on this computer every request comes from
    // 127.0.0.1; the proxy names the real client last in X-Forwarded-For.
    if (options_.trust_proxy && req.has_header("X-Forwarded-For")) {
        const std::string all = req.get_header_value("X-Forwarded-For");
        const std::string last = trim(all.substr(all.rfind(',') == std::string::npos ? 0 : all.rfind(',') + 1));
        if (!last.empty() && last.size() < 64) return last;
    }
    return req.remote_addr;
}

bool StudioApp::secure_cookies(const httplib::Request& req) const {
    return options_.tls || (options_.trust_proxy && req.get_header_value("X-Forwarded-Proto") == "https");
}

bool StudioApp::authorize(const httplib::Request& req, httplib::Response& res, const Route& route, Caller& c) {
    Session session;
    Account account;
    const std::string token = cookie(req, kSessionCookie);
    if (token.empty() || !team_->sessions.find(token, team_->now(), session) ||
        !team_->accounts.load(session.user, account) || account.disabled) {
        if (is_read(req.method) && req.path == "/") {
            res.status = 303;
            res.set_header("Location", "/login.html");
            return false;
        }
        send_error(res, 401, "sign in first");
        return false;
    }
    // A change carries the session's CSRF token, which only the studio's own page can read.
    if (!is_read(req.method) && !same_secret(req.get_header_value("X-CSRF-Token"), session.csrf)) {
        send_error(res, 403, "the page's security code is missing or old: reload the page");
        return false;
    }
    if (route.need != Role::Anyone && account.role != Role::Admin && account.role != route.need) {
        send_error(res, 403, std::string("your role (") + role_name(account.role) + ") cannot do this: ask an admin");
        return false;
    }
    // Another person's document that is not shared is answered as missing.
    for (const char* p : {"name", "doc", "source"}) {
        const std::string v = param(req, p);
        if (!v.empty() && !team_->owners.may_open(v, account.name, account.role)) {
            send_error(res, 404, "there is no file called " + v);
            return false;
        }
    }
    c.user = account.name;
    c.role = account.role;
    c.team = true;
    return true;
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
    if (options_.tls) res.set_header("Strict-Transport-Security", "max-age=31536000");

    RequestFacts facts;
    facts.method = req.method;
    facts.host = req.get_header_value("Host");
    facts.has_origin = req.has_header("Origin");
    facts.origin = req.get_header_value("Origin");
    facts.fetch_site = req.get_header_value("Sec-Fetch-Site");
    facts.has_studio_header = req.get_header_value("X-Easyread-Studio") == "1";
    std::string why = team_ ? team_refuse_reason(facts) : refuse_reason(facts, options_.port);
    if (!why.empty()) {
        send_error(res, 403, why);
        return;
    }
    bool path_known = false;
    for (const auto& r : routes_) {
        if (r.path != req.path) continue;
        path_known = true;
        if (r.method != req.method && !(req.method == "HEAD" && r.method == "GET")) continue;
        Caller c;
        c.address = client_address(req);
        if (team_ && r.need != Role::Public && !authorize(req, res, r, c)) return;
        current_caller = c;
        try {
            r.run(req, res);
        } catch (const std::exception& e) {
            send_error(res, 500, std::string("the studio met a problem: ") + e.what());
        }
        // Every change that went through is in the audit log (a handler
        // records its own exports and sign-ins, with what they name).
        if (team_ && !is_read(req.method) && r.need != Role::Public && res.status < 400) {
            std::string target;
            for (const char* p : {"name", "doc", "source", "title", "user"})
                if (target.empty()) target = param(req, p);
            audit(req, req.method + " " + req.path, target);
        }
        return;
    }
    send_error(res, path_known ? 405 : 404, path_known ? "that action is not allowed here" : "nothing here");
}

}  // namespace easyread::studio
