#include "tests/studio/team_fixture.hpp"

#include <catch2/catch.hpp>

#include "studio/team.hpp"

using namespace easyread::studio;

const std::string kTeamPassword = "Orchard lanterns 42";

TeamStudio::TeamStudio(bool tls) {
    std::string error;
    REQUIRE(prepare_team_folder(dir.path(), error));
    StudioOptions o;
    o.team = dir.path();
    o.tls = tls;
    o.clock = [this] { return now; };
    app = std::make_unique<StudioApp>(o);
}

void TeamStudio::add_person(const std::string& name, const std::string& role, const std::string& password) {
    auto r = call("POST", "/api/users?action=invite&user=" + name + "&role=" + role, person("root-admin", "admin-bootstrap"));
    REQUIRE(r.status == 200);
    const std::string link = json_string(r.body, "link");
    const std::string token = link.substr(link.find("token=") + 6);
    auto s = call("POST", "/api/setup", {}, "user=" + name + "&token=" + token + "&password=" + password,
                  {{"Content-Type", "application/x-www-form-urlencoded"}});
    INFO(s.body);
    REQUIRE(s.status == 200);
}

TeamStudio::Who TeamStudio::person(const std::string& name, const std::string& role) {
    if (role == "admin-bootstrap") {
        // The first admin, as `easyread studio --add-user` makes one.
        Accounts accounts(team() + "/users");
        Account a;
        if (!accounts.load(name, a)) {
            std::string error;
            const std::string token = accounts.invite(name, Role::Admin, now, error);
            REQUIRE(accounts.finish_setup(name, token, kTeamPassword, now, error));
        }
    } else {
        add_person(name, role, kTeamPassword);
    }
    auto r = login(name, kTeamPassword, {}, "192.0.2.1");
    INFO(r.body);
    REQUIRE(r.status == 200);
    return {session_of(r), json_string(r.body, "csrf")};
}

httplib::Response TeamStudio::call(const std::string& method, const std::string& target, const Who& who,
                                   const std::string& body, const std::map<std::string, std::string>& headers) {
    httplib::Request req;
    req.method = method;
    const auto q = target.find('?');
    req.path = target.substr(0, q);
    if (q != std::string::npos) httplib::detail::parse_query_text(target.substr(q + 1), req.params);
    req.remote_addr = "192.0.2.1";
    req.headers.emplace("Host", "studio.council.example");
    if (method != "GET" && method != "HEAD") {
        req.headers.emplace("Origin", "https://studio.council.example");
        req.headers.emplace("X-Easyread-Studio", "1");
        if (!who.csrf.empty()) req.headers.emplace("X-CSRF-Token", who.csrf);
    }
    if (!who.cookie.empty()) req.headers.emplace("Cookie", "easyread_session=" + who.cookie);
    for (const auto& [k, v] : headers) {
        req.headers.erase(k);
        if (!v.empty()) req.headers.emplace(k, v);
        if (k == "Remote-Addr") req.remote_addr = v;
    }
    req.body = body;
    httplib::Response res;
    app->dispatch(req, res);
    return res;
}

httplib::Response TeamStudio::login(const std::string& name, const std::string& password, const std::string& cookie,
                                    const std::string& address) {
    return call("POST", "/api/login", Who{cookie, ""},
                "user=" + name + "&password=" + httplib::detail::encode_query_param(password),
                {{"Content-Type", "application/x-www-form-urlencoded"}, {"Remote-Addr", address}});
}

std::string session_of(const httplib::Response& res) {
    const std::string c = res.get_header_value("Set-Cookie");
    const std::string key = "easyread_session=";
    if (c.rfind(key, 0) != 0) return {};
    return c.substr(key.size(), c.find(';') - key.size());
}
