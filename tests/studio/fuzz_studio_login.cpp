// Fuzzes team mode's sign-in, password setup, sign-out and who-am-I through
// StudioApp::dispatch, over a team folder with one admin. Input: lines
// "ROUTE", "user", "password", "Cookie header", "X-CSRF-Token",
// "client address", then the raw body (used when the form fields are empty).
// Whatever comes in: a status in range, the security headers, a session
// cookie only from a right password, never a crash.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include <httplib.h>

#include "studio/accounts.hpp"
#include "studio/studio_app.hpp"
#include "studio/team.hpp"

namespace {

const std::string kPassword = "Orchard lanterns 42";
double now = 1.8e9;

easyread::studio::StudioApp& app() {
    static std::string folder = [] {
        char tmpl[] = "/tmp/easyread-fuzz-login-XXXXXX";
        std::string dir = ::mkdtemp(tmpl) ? tmpl : "/tmp";
        std::string error;
        easyread::studio::prepare_team_folder(dir, error);
        easyread::studio::Accounts accounts(dir + "/users");
        const std::string token = accounts.invite("ann", easyread::studio::Role::Admin, now, error);
        accounts.finish_setup("ann", token, kPassword, now, error);
        accounts.invite("ed", easyread::studio::Role::Editor, now, error);
        return dir;
    }();
    static easyread::studio::StudioOptions options = [] {
        easyread::studio::StudioOptions o;
        o.team = folder;
        o.clock = [] { return now; };
        return o;
    }();
    static easyread::studio::StudioApp studio(options);
    return studio;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 16 * 1024) return 0;
    const std::string in(reinterpret_cast<const char*>(data), size);
    std::vector<std::string> f;
    std::size_t at = 0;
    while (f.size() < 6) {
        const std::size_t end = in.find('\n', at);
        f.push_back(in.substr(at, end == std::string::npos ? std::string::npos : end - at));
        at = end == std::string::npos ? in.size() : end + 1;
    }
    const std::string rest = in.substr(at);
    static const char* const routes[][2] = {{"POST", "/api/login"}, {"POST", "/api/setup"}, {"POST", "/api/logout"},
                                           {"GET", "/api/me"},      {"GET", "/"},          {"POST", "/api/users"}};
    const auto& route = routes[(f[0].empty() ? 0 : static_cast<unsigned char>(f[0][0])) % 6];
    httplib::Request req;
    req.method = route[0];
    req.path = route[1];
    req.remote_addr = f[5].empty() ? "192.0.2.1" : f[5];
    req.headers.emplace("Host", "studio.council.example");
    req.headers.emplace("Origin", "https://studio.council.example");
    req.headers.emplace("X-Easyread-Studio", "1");
    req.headers.emplace("Content-Type", "application/x-www-form-urlencoded");
    if (!f[3].empty()) req.headers.emplace("Cookie", f[3]);
    if (!f[4].empty()) req.headers.emplace("X-CSRF-Token", f[4]);
    req.body = f[1].empty() && f[2].empty()
                   ? rest
                   : "user=" + httplib::detail::encode_query_param(f[1]) +
                         "&password=" + httplib::detail::encode_query_param(f[2]) +
                         "&token=" + httplib::detail::encode_query_param(rest);
    httplib::Response res;
    app().dispatch(req, res);
    if (res.status < 100 || res.status > 599) std::abort();
    if (!res.has_header("Content-Security-Policy") || !res.has_header("X-Frame-Options")) std::abort();
    // A session only for ann's own password.
    if (res.has_header("Set-Cookie") && req.path == "/api/login") {
        const std::string user = easyread::studio::form_field(req, "user");
        if (user != "ann" || easyread::studio::form_field(req, "password") != kPassword || res.status != 200) std::abort();
    }
    if (req.path == "/api/users" && res.status == 200) std::abort();  // never without the admin's CSRF token
    now += 1;  // time goes on, so the throttle lets guesses through again now and then
    return 0;
}
