// Team mode on real sockets: TLS with a certificate made here by openssl,
// the refusals of an unsafe address, a sign-in over HTTPS, and requests that
// are too big, too slow or bombs (a .docx that unpacks to 200 MB).
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>

#include "studio/accounts.hpp"
#include "studio/studio_server.hpp"
#include "studio/team.hpp"
#include "tests/studio/team_fixture.hpp"

using namespace easyread::studio;

namespace {

struct TeamServer {
    TempDir dir;
    std::string cert, key;
    std::unique_ptr<StudioServer> server;
    explicit TeamServer(bool tls, const std::string& host = "127.0.0.1") {
        std::string error;
        REQUIRE(prepare_team_folder(dir.path() + "/team", error));
        Accounts accounts(dir.path() + "/team/users");
        const std::string token = accounts.invite("ann", Role::Admin, system_clock_seconds(), error);
        REQUIRE(accounts.finish_setup("ann", token, kTeamPassword, system_clock_seconds(), error));
        ServerOptions s;
        s.host = host;
        s.port = 0;
        s.team_mode = true;
        s.read_timeout_seconds = 1;
        if (tls) {
            cert = dir.file("studio.crt");
            key = dir.file("studio.key");
            auto made = run_command("openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -keyout '" +
                                    key + "' -out '" + cert + "'");
            REQUIRE(made.exit_code == 0);
            s.cert = cert;
            s.key = key;
        }
        StudioOptions o;
        o.team = dir.path() + "/team";
        o.max_upload_bytes = 4u << 20;
        server = std::make_unique<StudioServer>(s, o);
    }
    ~TeamServer() { server->stop(); }
    bool start() {
        std::string error;
        if (!server->bind(error)) return false;
        server->start();
        return true;
    }
    std::string origin(bool tls) const { return (tls ? "https://127.0.0.1:" : "http://127.0.0.1:") + std::to_string(server->port()); }
};

template <class Client>
std::string sign_in(Client& c, const std::string& origin) {
    auto r = c.Post("/api/login", {{"Origin", origin}, {"X-Easyread-Studio", "1"}},
                    "user=ann&password=" + httplib::detail::encode_query_param(kTeamPassword),
                    "application/x-www-form-urlencoded");
    REQUIRE(r);
    INFO(r->body);
    REQUIRE(r->status == 200);
    const bool secure = r->get_header_value("Set-Cookie").find("; Secure") != std::string::npos;
    CHECK(secure == (origin.rfind("https", 0) == 0));
    return "easyread_session=" + session_of(*r) + "; csrf=" + json_string(r->body, "csrf");
}

}  // namespace

TEST_CASE("team mode refuses a network address without TLS, and a certificate that cannot be used") {
    {
        TeamServer plain(false, "0.0.0.0");
        std::string error;
        CHECK_FALSE(plain.server->bind(error));
        CHECK(error.find("TLS") != std::string::npos);
    }
    TempDir dir;
    auto r = run_easyread("studio --team '" + dir.path() + "/team' --listen 0.0.0.0:8443");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--cert") != std::string::npos);
    write_file(dir.file("bad.pem"), "not a certificate\n");
    auto bad = run_easyread("studio --team '" + dir.path() + "/team' --listen 127.0.0.1:0 --cert '" + dir.file("bad.pem") +
                            "' --key '" + dir.file("bad.pem") + "'");
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("cannot be used") != std::string::npos);
    auto link = run_easyread("studio --team '" + dir.path() + "/team' --add-user ed --role editor --url https://studio.council.example/");
    CHECK(link.exit_code == 0);
    CHECK(link.out.find("https://studio.council.example/setup.html#user=ed&token=") != std::string::npos);
    CHECK(run_easyread("studio --team '" + dir.path() + "/team' --add-user ed --role boss").exit_code == 2);
}

TEST_CASE("team mode over TLS: sign in, a Secure cookie, and nothing in plain text") {
    TeamServer s(true);
    REQUIRE(s.start());
    httplib::SSLClient c("127.0.0.1", s.server->port());
    c.enable_server_certificate_verification(false);
    auto page = c.Get("/");
    REQUIRE(page);
    CHECK(page->status == 303);
    CHECK(page->get_header_value("Strict-Transport-Security").find("max-age=") != std::string::npos);
    const std::string both = sign_in(c, s.origin(true));
    const std::string cookie = both.substr(0, both.find("; csrf="));
    auto files = c.Get("/api/files", {{"Cookie", cookie}});
    REQUIRE(files);
    CHECK(files->status == 200);
    // Plain HTTP to the TLS port gets no answer.
    httplib::Client plain("127.0.0.1", s.server->port());
    plain.set_read_timeout(2, 0);
    auto r = plain.Get("/api/files");
    CHECK((!r || r->status >= 400));
}

TEST_CASE("team mode: too big, too slow and bombs are refused on the socket") {
    TeamServer s(false);
    REQUIRE(s.start());
    httplib::Client c("127.0.0.1", s.server->port());
    c.set_read_timeout(20, 0);
    const std::string both = sign_in(c, s.origin(false));
    const std::string cookie = both.substr(0, both.find("; csrf="));
    const httplib::Headers page = {{"Origin", s.origin(false)}, {"X-Easyread-Studio", "1"}, {"Cookie", cookie},
                                   {"X-CSRF-Token", both.substr(both.find("; csrf=") + 7)}};
    // A body past the limit is refused before any handler reads it.
    auto huge = c.Put("/api/doc?name=a.md", page, std::string(6u << 20, 'x'), "text/markdown");
    REQUIRE(huge);
    CHECK(huge->status == 413);
    // A .docx whose text unpacks to 200 MB: refused after reading 64 MB at most.
    const std::string bomb = s.dir.file("bomb.docx");
    auto made = run_command("python3 -c \"import zipfile,sys\n"
                            "z=zipfile.ZipFile(sys.argv[1],'w',zipfile.ZIP_DEFLATED,compresslevel=9)\n"
                            "z.writestr('[Content_Types].xml','<Types/>')\n"
                            "with z.open('word/document.xml','w') as f:\n"
                            "  for i in range(200): f.write(b' '*(1<<20))\n"
                            "z.close()\" '" + bomb + "'");
    REQUIRE(made.exit_code == 0);
    const std::string bytes = read_file(bomb);
    CHECK(bytes.size() < 1u << 20);
    const auto t0 = std::chrono::steady_clock::now();
    auto up = c.Post("/api/upload", page, httplib::MultipartFormDataItems{{"file", bytes, "plan.docx", "application/octet-stream"}});
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    REQUIRE(up);
    CHECK(up->status == 400);
    CHECK(up->body.find("unpacks to more than") != std::string::npos);
    CHECK(seconds < 10);
    // A request that stops half way is dropped after the read time-out (1 s here).
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(s.server->port()));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    const std::string half = "GET /api/files HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    REQUIRE(::send(fd, half.data(), half.size(), 0) == static_cast<ssize_t>(half.size()));
    const auto t1 = std::chrono::steady_clock::now();
    char buf[256];
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);  // the server closes it (0), or answers an error
    const double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
    ::close(fd);
    CHECK(n >= 0);
    CHECK(waited < 5);
    CHECK(std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0).find("\"documents\"") == std::string::npos);
    // The server still answers.
    auto after = c.Get("/api/files", {{"Cookie", cookie}});
    REQUIRE(after);
    CHECK(after->status == 200);
}
