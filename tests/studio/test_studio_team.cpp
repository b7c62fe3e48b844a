// Team mode attacked through the handler table: every route without
// signing in, with the wrong role, another person's document, path
// traversal in every name, changes without the CSRF token, session
// fixation, 1,000 wrong passwords, and the audit line of every change.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <fstream>
#include <regex>
#include <set>

#include "studio/accounts.hpp"
#include "studio/team.hpp"
#include "studio/web_assets.hpp"
#include "tests/studio/team_fixture.hpp"

using namespace easyread::studio;

namespace {

const std::string kDoc = "# Bus times\n\nThe bus comes at 9 in the morning.\n";

bool refused_for_role(const httplib::Response& r) {
    return r.status == 403 && r.body.find("your role") != std::string::npos;
}

// A value every route's parameters get when the test only wants past the
// checks: the document, as each name parameter.
std::string with_doc(const std::string& path, const std::string& doc) {
    return path + "?name=" + doc + "&doc=" + doc + "&source=" + doc;
}

std::string new_document(TeamStudio& s, const TeamStudio::Who& who, const std::string& title) {
    auto r = s.call("POST", "/api/new?title=" + httplib::detail::encode_query_param(title), who, kDoc,
                    {{"Content-Type", "text/plain"}});
    INFO(r.body);
    REQUIRE(r.status == 200);
    return json_string(r.body, "name");
}

}  // namespace

TEST_CASE("team mode: no page or API but the sign-in itself answers without signing in") {
    TeamStudio s;
    const auto ann = s.person("ann", "admin-bootstrap");
    new_document(s, ann, "Bus times");
    std::set<std::string> public_paths;
    for (const auto* a : web_assets()) public_paths.insert(a->path);
    public_paths.erase("/");
    int tried = 0;
    for (const auto& route : s.app->routes()) {
        INFO(route.method << " " << route.path);
        if (route.need == Role::Public) {
            // Only the program's own files and the sign-in and setup themselves.
            CHECK((public_paths.count(route.path) || route.path == "/api/login" || route.path == "/api/setup"));
            continue;
        }
        for (const std::string& cookie : {std::string(), std::string(64, 'a'), std::string("x")}) {
            auto r = s.call(route.method, with_doc(route.path, "bus-times.md"), {cookie, ""});
            if (route.path == "/") {
                CHECK(r.status == 303);
                CHECK(r.get_header_value("Location") == "/login.html");
            } else {
                CHECK(r.status == 401);
            }
            CHECK(r.body.find("The bus comes") == std::string::npos);
            ++tried;
        }
    }
    CHECK(tried > 60);
    // A signed-out session is as good as none.
    CHECK(s.call("POST", "/api/logout", ann).status == 200);
    CHECK(s.call("GET", "/api/files", ann).status == 401);
}

TEST_CASE("team mode: each role reaches its own routes only") {
    TeamStudio s;
    const auto admin = s.person("ann", "admin-bootstrap");
    const auto editor = s.person("ed", "editor");
    const auto board = s.person("bo", "board");
    const std::string doc = new_document(s, admin, "Shared plan");
    REQUIRE(s.call("POST", "/api/share?name=" + doc + "&shared=yes", admin).status == 200);
    int board_routes = 0, admin_routes = 0;
    for (const auto& route : s.app->routes()) {
        if (route.need == Role::Public || route.need == Role::Anyone) continue;
        // Exports and speech take seconds; their role check is the same table's.
        if (route.path == "/api/export" || route.path == "/api/listen" || route.path == "/api/events") continue;
        INFO(route.method << " " << route.path << " needs " << role_name(route.need));
        board_routes += route.need == Role::Board;
        admin_routes += route.need == Role::Admin;
        const std::string target = with_doc(route.path, doc);
        CHECK(refused_for_role(s.call(route.method, target, editor)) == (route.need != Role::Editor));
        CHECK(refused_for_role(s.call(route.method, target, board)) == (route.need != Role::Board));
        CHECK_FALSE(refused_for_role(s.call(route.method, target, admin)));
    }
    CHECK(admin_routes >= 2);
    // An editor cannot make themself an admin, nor list people.
    CHECK(refused_for_role(s.call("POST", "/api/users?action=role&user=ed&role=admin", editor)));
    CHECK(refused_for_role(s.call("GET", "/api/users", board)));
    // A role taken away ends the sessions at once.
    CHECK(s.call("POST", "/api/users?action=disable&user=ed", admin).status == 200);
    CHECK(s.call("GET", "/api/files", editor).status == 401);
    CHECK(s.login("ed", kTeamPassword).status == 401);
}

TEST_CASE("team mode: another person's document stays theirs until they share it") {
    TeamStudio s;
    const auto admin = s.person("ann", "admin-bootstrap");
    const auto ed = s.person("ed", "editor");
    const auto eve = s.person("eve", "editor");
    const std::string doc = new_document(s, ed, "Ed's private notes");
    const std::string original = read_file(s.documents() + "/" + doc);
    // Eve tries every route with the document's name in every name parameter.
    for (const auto& route : s.app->routes()) {
        if (route.path == "/api/export" || route.path == "/api/listen") continue;
        INFO(route.method << " " << route.path);
        auto r = s.call(route.method, with_doc(route.path, doc), eve, "# overwritten\n", {{"If-Match", "*"}});
        CHECK(r.body.find("The bus comes") == std::string::npos);
        if (route.path != "/" && route.need != Role::Public && route.path != "/api/files" && route.path != "/api/me" &&
            route.path != "/api/logout" && !refused_for_role(r))
            CHECK(r.status == 404);
    }
    CHECK(read_file(s.documents() + "/" + doc) == original);
    CHECK(s.call("GET", "/api/files", eve).body.find(doc) == std::string::npos);
    CHECK(s.call("GET", "/api/files", ed).body.find(doc) != std::string::npos);
    CHECK(s.call("GET", "/api/doc?name=" + doc, admin).status == 200);
    // Only the owner (or an admin) shares it; then the team reads and edits it.
    CHECK(s.call("POST", "/api/share?name=" + doc + "&shared=yes", eve).status == 404);
    CHECK(s.call("POST", "/api/share?name=" + doc + "&shared=yes", ed).status == 200);
    auto r = s.call("GET", "/api/doc?name=" + doc, eve);
    CHECK(r.status == 200);
    CHECK(r.body.find("The bus comes") != std::string::npos);
}

TEST_CASE("team mode: two people saving one document never lose each other's change; every version is kept") {
    TeamStudio s;
    const auto ed = s.person("ed", "editor");
    const auto eve = s.person("eve", "editor");
    const std::string doc = new_document(s, ed, "Bus times");
    const std::string original = read_file(s.documents() + "/" + doc);
    REQUIRE(s.call("POST", "/api/share?name=" + doc + "&shared=yes", ed).status == 200);
    const std::string v1 = json_string(s.call("GET", "/api/doc?name=" + doc, ed).body, "version");
    REQUIRE(json_string(s.call("GET", "/api/doc?name=" + doc, eve).body, "version") == v1);
    const std::string ed_text = original + "\nThe bus is free on Sunday.\n";
    auto saved = s.call("PUT", "/api/doc?name=" + doc, ed, ed_text, {{"If-Match", v1}});
    REQUIRE(saved.status == 200);
    const std::string v2 = json_string(saved.body, "version");
    // Eve saves from the version she opened: refused, with Ed's text to compare.
    auto clash = s.call("PUT", "/api/doc?name=" + doc, eve, original + "\nEve's line.\n", {{"If-Match", v1}});
    CHECK(clash.status == 409);
    CHECK(clash.body.find("free on Sunday") != std::string::npos);
    CHECK(read_file(s.documents() + "/" + doc) == ed_text);
    // She merges and saves over Ed's version.
    const std::string both = ed_text + "\nEve's line.\n";
    auto merged = s.call("PUT", "/api/doc?name=" + doc, eve, both, {{"If-Match", v2}});
    REQUIRE(merged.status == 200);
    const std::string v3 = json_string(merged.body, "version");

    auto history = s.call("GET", "/api/history?name=" + doc, ed);
    REQUIRE(history.status == 200);
    for (const auto& v : {v1, v2, v3}) CHECK(history.body.find(v) != std::string::npos);
    CHECK(history.body.find("\"owner\":\"ed\"") != std::string::npos);
    auto old = s.call("GET", "/api/history/version?name=" + doc + "&version=" + v1, eve);
    CHECK(json_string(old.body, "text").find("free on Sunday") == std::string::npos);
    // Restoring the first version is a new save (itself kept), and needs the current version.
    CHECK(s.call("POST", "/api/history/restore?name=" + doc + "&version=" + v1, ed, {}, {{"If-Match", v2}}).status == 409);
    auto restored = s.call("POST", "/api/history/restore?name=" + doc + "&version=" + v1, ed, {}, {{"If-Match", v3}});
    REQUIRE(restored.status == 200);
    CHECK(read_file(s.documents() + "/" + doc) == original);
    CHECK(s.call("GET", "/api/history/version?name=" + doc + "&version=" + v3, ed).status == 200);
}

TEST_CASE("team mode: path traversal in every name parameter of every route is refused") {
    TeamStudio s;
    const auto admin = s.person("ann", "admin-bootstrap");
    write_file(s.team() + "/secret.md", "---\ntitle: Secret\n---\n\nSECRET-WORDS\n");
    const std::vector<std::string> names = {"name", "doc", "source", "id", "file", "version", "format", "template",
                                            "user", "event", "survey", "answers", "report"};
    const std::vector<std::string> evil = {"../secret.md", "../../etc/passwd", "/etc/passwd", "../users/ann",
                                           "documents/../../secret.md", "..", ".", "%2e%2e/secret.md",
                                           "..\\secret.md", "a/b/c/../../../../secret.md", "../audit.log"};
    for (const auto& route : s.app->routes()) {
        if (route.path == "/api/listen" || route.path == "/api/export" || route.path == "/api/logout" ||
            route.need == Role::Public)
            continue;
        for (const auto& p : names)
            for (const auto& v : evil) {
                INFO(route.method << " " << route.path << "?" << p << "=" << v);
                auto r = s.call(route.method, route.path + "?" + p + "=" + httplib::detail::encode_query_param(v),
                                admin, "# x\n", {{"If-Match", "*"}});
                CHECK(r.body.find("SECRET-WORDS") == std::string::npos);
                CHECK(r.body.find("role=admin") == std::string::npos);
                CHECK(r.body.find("root:") == std::string::npos);
                CHECK(r.body.find("sign in") == std::string::npos);
            }
    }
    CHECK(read_file(s.team() + "/secret.md").find("SECRET-WORDS") != std::string::npos);
    struct stat st;
    CHECK(::stat((s.team() + "/x.md").c_str(), &st) != 0);
}

TEST_CASE("team mode: a change without the session's CSRF token is refused") {
    TeamStudio s;
    const auto ed = s.person("ed", "editor");
    const auto eve = s.person("eve", "editor");
    const std::string doc = new_document(s, ed, "Bus times");
    const std::string original = read_file(s.documents() + "/" + doc);
    const std::string v = json_string(s.call("GET", "/api/doc?name=" + doc, ed).body, "version");
    for (const std::string& token : {std::string(), std::string("0"), eve.csrf, ed.csrf.substr(1) + "0", ed.cookie}) {
        auto r = s.call("PUT", "/api/doc?name=" + doc, {ed.cookie, ""}, "# changed\n",
                        {{"If-Match", v}, {"X-CSRF-Token", token}});
        CHECK(r.status == 403);
    }
    // Nor from another site, token or not.
    auto cross = s.call("PUT", "/api/doc?name=" + doc, ed, "# changed\n",
                        {{"If-Match", v}, {"Origin", "https://evil.example"}});
    CHECK(cross.status == 403);
    CHECK(s.call("PUT", "/api/doc?name=" + doc, ed, "# changed\n", {{"If-Match", v}, {"X-Easyread-Studio", ""}}).status ==
          403);
    CHECK(read_file(s.documents() + "/" + doc) == original);
    CHECK(s.call("PUT", "/api/doc?name=" + doc, ed, "# changed\n", {{"If-Match", v}}).status == 200);
}

TEST_CASE("team mode: the session cookie is new at every sign-in, random, HttpOnly, SameSite=Strict, Secure under TLS") {
    for (bool tls : {false, true}) {
        TeamStudio s(tls);
        s.person("ann", "admin-bootstrap");
        s.add_person("ed", "editor", kTeamPassword);
        // An attacker's cookie planted before the sign-in: a made-up one, and a real session of their own.
        const std::string planted(64, 'f');
        auto first = s.login("ed", kTeamPassword, planted);
        REQUIRE(first.status == 200);
        const std::string cookie = first.get_header_value("Set-Cookie");
        CHECK(cookie.find("HttpOnly") != std::string::npos);
        CHECK(cookie.find("SameSite=Strict") != std::string::npos);
        CHECK((cookie.find("; Secure") != std::string::npos) == tls);
        const std::string t1 = session_of(first);
        CHECK(std::regex_match(t1, std::regex("[0-9a-f]{64}")));
        CHECK(t1 != planted);
        CHECK(s.call("GET", "/api/me", {planted, ""}).status == 401);
        auto second = s.login("ed", kTeamPassword, t1);
        const std::string t2 = session_of(second);
        CHECK(t2 != t1);
        CHECK(s.call("GET", "/api/me", {t1, ""}).status == 401);
        CHECK(s.call("GET", "/api/me", {t2, ""}).status == 200);
        // 8 hours idle ends it; activity keeps it.
        s.now += 7 * 3600;
        CHECK(s.call("GET", "/api/me", {t2, ""}).status == 200);
        s.now += 7 * 3600;
        CHECK(s.call("GET", "/api/me", {t2, ""}).status == 200);
        s.now += 8 * 3600 + 1;
        CHECK(s.call("GET", "/api/me", {t2, ""}).status == 401);
    }
}

TEST_CASE("team mode: 1,000 wrong passwords are slowed down, and the right one works after the wait") {
    TeamStudio s;
    s.person("ann", "admin-bootstrap");
    s.add_person("ed", "editor", kTeamPassword);
    int checked = 0, slowed = 0;
    for (int i = 0; i < 1000; ++i) {
        auto r = s.login("ed", "wrong password " + std::to_string(i));
        checked += r.status == 401;
        slowed += r.status == 429;
        REQUIRE((r.status == 401 || r.status == 429));
    }
    CHECK(checked <= 6);
    CHECK(slowed >= 994);
    // The right password too waits for the delay, then works: no lasting lock.
    auto early = s.login("ed", kTeamPassword);
    CHECK(early.status == 429);
    const int wait = std::stoi(early.get_header_value("Retry-After"));
    CHECK(wait >= 1);
    CHECK(wait <= 300);
    s.now += wait;
    CHECK(s.login("ed", kTeamPassword).status == 200);

    // Guessing at the pace the delay allows: it grows to 5 minutes and stays there.
    double waited = 0;
    for (int i = 0; i < 24; ++i) {
        auto r = s.login("ed", "guess " + std::to_string(i), {}, "198.51.100.7");
        if (r.status == 429) {
            const double w = std::stod(r.get_header_value("Retry-After"));
            CHECK(w <= 300);
            s.now += w;
            waited += w;
            r = s.login("ed", "guess " + std::to_string(i), {}, "198.51.100.7");
        }
        CHECK(r.status == 401);
    }
    CHECK(waited > 1000);
    s.now += 300;
    CHECK(s.login("ed", kTeamPassword, {}, "203.0.113.5").status == 200);

    // One address trying many names is slowed down too.
    int other_checked = 0;
    for (int i = 0; i < 60; ++i) other_checked += s.login("user" + std::to_string(i), "x", {}, "198.51.100.99").status == 401;
    CHECK(other_checked <= 21);
}

TEST_CASE("team mode: passwords are long, not common, set once from a link that expires") {
    TeamStudio s;
    const auto admin = s.person("ann", "admin-bootstrap");
    auto invite = s.call("POST", "/api/users?action=invite&user=ed&role=editor", admin);
    const std::string link = json_string(invite.body, "link");
    const std::string token = link.substr(link.find("token=") + 6);
    CHECK(token.size() == 64);
    auto setup = [&](const std::string& tok, const std::string& password) {
        return s.call("POST", "/api/setup", {}, "user=ed&token=" + tok + "&password=" + httplib::detail::encode_query_param(password),
                      {{"Content-Type", "application/x-www-form-urlencoded"}});
    };
    for (const char* weak : {"short", "123456789", "qwertyuiop", "Password123", "1q2w3e4r5t6y", "aaaaaaaaaaaa",
                                    "ed-is-my-name-1"}) {
        INFO(weak);
        CHECK(setup(token, weak).status == 400);
    }
    CHECK(setup(std::string(64, '0'), kTeamPassword).status == 400);
    CHECK(setup(token, kTeamPassword).status == 200);
    CHECK(setup(token, "Another long phrase 7").status == 400);  // used once
    CHECK(s.login("ed", kTeamPassword).status == 200);
    // The hash on disk is argon2id; the folder is the studio's own.
    CHECK(read_file(s.team() + "/users/ed").find("$argon2id$") != std::string::npos);
    struct stat st;
    REQUIRE(::stat((s.team() + "/users/ed").c_str(), &st) == 0);
    CHECK((st.st_mode & 077) == 0);
    REQUIRE(::stat((s.team() + "/users").c_str(), &st) == 0);
    CHECK((st.st_mode & 077) == 0);
    // A link unused for 48 hours no longer works.
    auto late = s.call("POST", "/api/users?action=invite&user=bo&role=board", admin);
    const std::string late_link = json_string(late.body, "link");
    s.now += 48 * 3600 + 1;
    auto r = s.call("POST", "/api/setup", {},
                    "user=bo&token=" + late_link.substr(late_link.find("token=") + 6) + "&password=Orchard+lanterns+43",
                    {{"Content-Type", "application/x-www-form-urlencoded"}});
    CHECK(r.status == 400);
    CHECK(r.body.find("expired") != std::string::npos);
}

TEST_CASE("team mode: every change, export, sign-in and user change is one JSON line in the audit log") {
    TeamStudio s;
    const auto admin = s.person("ann", "admin-bootstrap");
    const auto ed = s.person("ed", "editor");
    CHECK(s.login("ed", "not the password", {}, "198.51.100.3").status == 401);
    const std::string doc = new_document(s, ed, "Bus times");
    const std::string v = json_string(s.call("GET", "/api/doc?name=" + doc, ed).body, "version");
    REQUIRE(s.call("PUT", "/api/doc?name=" + doc, ed, kDoc + "\nMore.\n", {{"If-Match", v}}).status == 200);
    REQUIRE(s.call("POST", "/api/users?action=role&user=ed&role=board", admin).status == 200);
    std::ifstream in(s.team() + "/audit.log");
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    const std::regex shape(
        R"(\{"time":"20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ","user":"[a-z?-]+","address":"[0-9.]+","action":"[^"]+","target":"[^"]*"\})");
    for (const auto& l : lines) CHECK(std::regex_match(l, shape));
    auto has = [&](const std::string& user, const std::string& action, const std::string& target) {
        for (const auto& l : lines)
            if (l.find("\"user\":\"" + user + "\"") != std::string::npos && l.find("\"action\":\"" + action + "\"") != std::string::npos &&
                l.find("\"target\":\"" + target + "\"") != std::string::npos)
                return true;
        return false;
    };
    CHECK(has("ed", "sign in", ""));
    CHECK(has("ed", "sign-in failed", ""));
    CHECK(lines.size() > 3);
    CHECK(std::any_of(lines.begin(), lines.end(), [](const std::string& l) { return l.find("198.51.100.3") != std::string::npos; }));
    CHECK(has("ed", "POST /api/new", "Bus times"));
    CHECK(has("ed", "PUT /api/doc", doc));
    CHECK(has("ann", "POST /api/users", "ed"));
    CHECK(has("ed", "password set", "ed"));
    // Reading is not a change: no line for it.
    const auto before = lines.size();
    s.call("GET", "/api/doc?name=" + doc, admin);
    std::ifstream again(s.team() + "/audit.log");
    std::size_t n = 0;
    for (std::string line; std::getline(again, line);) ++n;
    CHECK(n == before);
    struct stat st;
    REQUIRE(::stat((s.team() + "/audit.log").c_str(), &st) == 0);
    CHECK((st.st_mode & 077) == 0);
}
