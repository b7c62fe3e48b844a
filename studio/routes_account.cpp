// Team mode's accounts: sign in (throttled), sign out, who am I (with the
// CSRF token the page sends on every change), the password setup from a
// one-time link, and the admins' list of users (role, disable, new link).
#include <cmath>

#include "studio/json_writer.hpp"
#include "studio/studio_app.hpp"
#include "studio/team.hpp"

namespace easyread::studio {

namespace {

std::string session_cookie(const std::string& token, bool secure, bool end) {
    return std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict" +
           (secure ? "; Secure" : "") + (end ? "; Max-Age=0" : "");
}

}  // namespace

void StudioApp::add_account_routes() {
    add("GET", "/api/me", [this](const httplib::Request& req, httplib::Response& res) {
        const Caller& c = caller(req);
        Session s;
        if (team_) team_->sessions.find(cookie(req, kSessionCookie), team_->now(), s);
        send_json(res, Json().begin_object().field("user", c.user).field("role", role_name(c.role))
                           .field("team", c.team).field("csrf", s.csrf).end_object().str());
    }, Role::Anyone);

    add("POST", "/api/login", [this](const httplib::Request& req, httplib::Response& res) {
        if (!team_) return send_error(res, 404, "there is no signing in without team mode");
        const std::string user = form_field(req, "user"), password = form_field(req, "password");
        const std::string address = client_address(req);
        const double now = team_->now();
        // The throttle is asked before the password is: a guess made too soon is not checked at all.
        const double wait = team_->throttle.wait(user, address, now);
        if (wait > 0) {
            const long seconds = static_cast<long>(std::ceil(wait));
            res.set_header("Retry-After", std::to_string(seconds));
            return send_error(res, 429, "too many wrong passwords: try again in " + std::to_string(seconds) +
                                            (seconds == 1 ? " second" : " seconds"));
        }
        if (!is_user_name(user) || !team_->accounts.check_password(user, password)) {
            team_->throttle.failed(user, address, now);
            team_->audit.append(now, is_user_name(user) ? user : "?", address, "sign-in failed", "");
            return send_error(res, 401, "that user name and password do not match");
        }
        team_->throttle.succeeded(user, address);
        // A new session at every sign-in; a cookie the browser had before (set by anyone) is dropped.
        team_->sessions.close(cookie(req, kSessionCookie));
        const std::string token = team_->sessions.open(user, now);
        Session s;
        team_->sessions.find(token, now, s);
        Account a;
        team_->accounts.load(user, a);
        res.set_header("Set-Cookie", session_cookie(token, secure_cookies(req), false));
        team_->audit.append(now, user, address, "sign in", "");
        send_json(res, Json().begin_object().field("user", user).field("role", role_name(a.role))
                           .field("csrf", s.csrf).end_object().str());
    }, Role::Public);

    add("POST", "/api/logout", [this](const httplib::Request& req, httplib::Response& res) {
        if (!team_) return send_error(res, 404, "there is no signing out without team mode");
        team_->sessions.close(cookie(req, kSessionCookie));
        res.set_header("Set-Cookie", session_cookie("", secure_cookies(req), true));
        send_json(res, "{}");
    }, Role::Anyone);

    // The setup link's page sends the user, the token from the link and the new password.
    add("POST", "/api/setup", [this](const httplib::Request& req, httplib::Response& res) {
        if (!team_) return send_error(res, 404, "there are no accounts without team mode");
        const std::string user = form_field(req, "user"), address = client_address(req);
        const double now = team_->now();
        if (const double wait = team_->throttle.wait("setup:" + user, address, now); wait > 0)
            return send_error(res, 429, "too many tries: wait a minute");
        std::string error;
        if (!team_->accounts.finish_setup(user, form_field(req, "token"), form_field(req, "password"), now, error)) {
            if (error.find("link") != std::string::npos) team_->throttle.failed("setup:" + user, address, now);
            return send_error(res, 400, error);
        }
        team_->sessions.close_user(user);
        team_->audit.append(now, user, address, "password set", user);
        send_json(res, Json().begin_object().field("user", user).end_object().str());
    }, Role::Public);

    add("GET", "/api/users", [this](const httplib::Request&, httplib::Response& res) {
        if (!team_) return send_error(res, 404, "there are no accounts without team mode");
        Json j;
        j.begin_object().key("users").begin_array();
        for (const auto& a : team_->accounts.list())
            j.begin_object().field("name", a.name).field("role", role_name(a.role)).field("disabled", a.disabled)
                .field("waiting", a.password_hash.empty()).end_object();
        send_json(res, j.end_array().end_object().str());
    }, Role::Admin);

    // action=invite (a new user or a new setup link), role, disable, enable.
    add("POST", "/api/users", [this](const httplib::Request& req, httplib::Response& res) {
        if (!team_) return send_error(res, 404, "there are no accounts without team mode");
        const std::string user = param(req, "user"), action = param(req, "action");
        if (!is_user_name(user))
            return send_error(res, 400, "a user name has lower-case letters, digits, '.', '_' and '-' (at most 32)");
        Role role = Role::Editor;
        const bool role_given = parse_role(param(req, "role"), role);
        std::string error;
        Account a;
        const bool known = team_->accounts.load(user, a);
        if (action == "invite") {
            if (!role_given && !known) return send_error(res, 400, "give the role: editor, board or admin");
            const std::string token = team_->accounts.invite(user, role_given ? role : a.role, team_->now(), error);
            if (token.empty()) return send_error(res, 500, error);
            team_->sessions.close_user(user);
            return send_json(res, Json().begin_object().field("user", user)
                                      .field("link", "/setup.html#user=" + user + "&token=" + token).end_object().str());
        }
        if (!known) return send_error(res, 404, "there is no user called " + user);
        if (user == caller(req).user && action != "enable")
            return send_error(res, 400, "you cannot change your own role or disable yourself: ask another admin");
        if (action == "role" && role_given) a.role = role;
        else if (action == "disable") a.disabled = true;
        else if (action == "enable") a.disabled = false;
        else return send_error(res, 400, "say what to do: invite, role, disable or enable");
        if (!team_->accounts.save(a, error)) return send_error(res, 500, error);
        team_->sessions.close_user(user);
        send_json(res, Json().begin_object().field("user", user).field("role", role_name(a.role))
                           .field("disabled", a.disabled).end_object().str());
    }, Role::Admin);
}

}  // namespace easyread::studio
