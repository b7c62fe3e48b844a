// Fuzzes the studio's upload handlers as the server meets them: the input
// is the raw HTTP request (request line, headers, empty line, body) read by
// cpp-httplib's own request reader and multipart parser (Server's
// process_request over a stream in memory), then StudioApp::dispatch, in a
// team folder, signed in as an admin (who may use every route). Routes:
// board answers files and paper CSVs, board actions, documents (.docx/.odt,
// so zip bombs), pictures, review results, survey check and save.
//
// The harness adds the session cookie, CSRF token, Host and Origin, writes
// header lines' "\n" as "\r\n", and adds Content-Length when the input has
// none. "@@FILL:N@@" in the body becomes N zero bytes (at most 24 MB), so a
// small input can be a huge upload. "@@NEXT@@\n" starts another request on
// the same studio (at most 4), so an upload can be followed by the actions
// or a second file checked against the first.
//
// EASYREAD_FUZZ_SHOW=1 prints each answer (to see what an input reaches).
// Whatever comes in: a status in range, the security headers, no exception
// reaching dispatch (500 "the studio met a problem"), nothing written
// outside the team folder, every kept answers file read-only, never a crash.
#include <dirent.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <httplib.h>

#include "studio/accounts.hpp"
#include "studio/studio_app.hpp"
#include "studio/team.hpp"

namespace {

const double kNow = 1.8e9;
const char* const kRoutes[] = {"/api/board/upload", "/api/board/actions", "/api/upload", "/api/pictures/upload",
                               "/api/review/results", "/api/survey/check", "/api/survey"};

const char* const kPlan = "---\ntitle: Plan\n---\n\n# Plan\n\nWe want you to have a good home.\n";
const char* const kSurvey =
    "---\nid: board-event\nversion: 1\ntitle: Tell us about the event\nlang: en-GB\n---\n\n"
    "## Did you like the meeting today? {#meeting picture=meeting}\n\n"
    "## Could you hear the people who spoke? {#hear type=yes-no picture=ear}\n\n"
    "## What should the board talk about next time? {#next-topics type=choose-many picture=idea}\n\n"
    "- Homes {#homes picture=house}\n- Jobs {#jobs picture=work}\n";

// Everything lives in <base>/team; <base> must hold nothing else.
struct Folder {
    std::string base, team;
};

const Folder& folder() {
    static Folder f = [] {
        char tmpl[] = "/dev/shm/easyread-fuzz-upload-XXXXXX";  // tmpfs: fsync costs nothing
        char tmpl_tmp[] = "/tmp/easyread-fuzz-upload-XXXXXX";
        std::string base = ::mkdtemp(tmpl) ? tmpl : ::mkdtemp(tmpl_tmp) ? tmpl_tmp : "";
        if (base.empty()) std::abort();
        return Folder{base, base + "/team"};
    }();
    return f;
}

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

int remove_one(const char* path, const struct stat*, int, struct FTW*) {
    ::remove(path);
    return 0;
}
void remove_tree(const std::string& path) { ::nftw(path.c_str(), remove_one, 16, FTW_DEPTH | FTW_PHYS); }

// Back to one document and one survey, no answers files, no history: each
// input meets the same studio (and the board's 200-file limit never fills).
void reset() {
    const std::string docs = folder().team + "/documents";
    remove_tree(folder().team + "/boards");
    remove_tree(folder().team + "/history");
    remove_tree(docs);
    ::mkdir(docs.c_str(), 0700);
    ::mkdir((docs + "/surveys").c_str(), 0700);
    ::mkdir((folder().team + "/history").c_str(), 0700);
    write(docs + "/plan.md", kPlan);
    write(docs + "/surveys/board-event.md", kSurvey);
}

struct Signed {
    std::string cookie, csrf;
};

easyread::studio::StudioApp& app(Signed& who) {
    static Signed signed_in;
    static easyread::studio::StudioOptions options = [] {
        std::string error;
        if (!easyread::studio::prepare_team_folder(folder().team, error)) std::abort();
        easyread::studio::Accounts accounts(folder().team + "/users");
        const std::string token = accounts.invite("ann", easyread::studio::Role::Admin, kNow, error);
        if (!accounts.finish_setup("ann", token, "Orchard lanterns 42", kNow, error)) std::abort();
        reset();
        easyread::studio::StudioOptions o;
        o.team = folder().team;
        o.clock = [] { return kNow; };
        return o;
    }();
    static easyread::studio::StudioApp studio(options);
    static bool once = [] {
        const std::string token = studio.team()->sessions.open("ann", kNow);
        easyread::studio::Session s;
        if (!studio.team()->sessions.find(token, kNow, s)) std::abort();
        signed_in = {token, s.csrf};
        return true;
    }();
    (void)once;
    who = signed_in;
    return studio;
}

// The request's bytes in, the answer's bytes out.
class MemoryStream : public httplib::Stream {
public:
    explicit MemoryStream(std::string in) : in_(std::move(in)) {}
    bool is_readable() const override { return true; }
    bool is_writable() const override { return true; }
    ssize_t read(char* ptr, size_t size) override {
        const size_t n = std::min(size, in_.size() - at_);
        in_.copy(ptr, n, at_);
        at_ += n;
        return static_cast<ssize_t>(n);
    }
    ssize_t write(const char* ptr, size_t size) override {
        out.append(ptr, size);
        return static_cast<ssize_t>(size);
    }
    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        ip = "192.0.2.7";
        port = 50000;
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override {
        ip = "127.0.0.1";
        port = 8443;
    }
    socket_t socket() const override { return INVALID_SOCKET; }
    std::string out;

private:
    std::string in_;
    size_t at_ = 0;
};

// The server as studio_server.cpp sets it up: every method to dispatch,
// the upload limit, httplib's own refusals with the security header.
class Server : public httplib::Server {
public:
    explicit Server(easyread::studio::StudioApp& studio) {
        set_payload_max_length(studio.options().max_upload_bytes + (1u << 20));
        auto handler = [&studio](const httplib::Request& req, httplib::Response& res) { studio.dispatch(req, res); };
        Get(".*", handler);
        Post(".*", handler);
        Put(".*", handler);
        set_error_handler([](const httplib::Request&, httplib::Response& res) {
            res.set_header("Content-Security-Policy", "default-src 'none'");
        });
    }
    std::string serve(const std::string& request) {
        MemoryStream stream(request);
        bool closed = false;
        process_request(stream, true, closed, nullptr);
        return stream.out;
    }
};

bool starts_with(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// The request as the server reads it: the signed-in headers added, header
// lines ending in CRLF, the body's fills made, a Content-Length if none.
bool make_request(const std::string& in, const Signed& who, std::string& out) {
    const std::size_t lf = in.find("\n\n"), crlf = in.find("\n\r\n");
    const std::size_t head_end = std::min(lf, crlf);
    std::string head = in.substr(0, head_end);
    std::string body = head_end == std::string::npos ? std::string() : in.substr(head_end + (head_end == lf ? 2 : 3));
    const std::size_t eol = head.find('\n');
    const std::string first = head.substr(0, eol);
    const std::size_t sp = first.find(' ');
    if (sp == std::string::npos) return false;
    const std::size_t sp2 = first.find(' ', sp + 1);
    const std::string target = first.substr(sp + 1, sp2 == std::string::npos ? std::string::npos : sp2 - sp - 1);
    bool known = false;
    for (const char* r : kRoutes)
        if (starts_with(target, r) && (target.size() == std::string(r).size() || target[std::string(r).size()] == '?'))
            known = true;
    if (!known) return false;  // not an upload route (and never sign-out, which would end the session)
    for (std::size_t at; (at = body.find("@@FILL:")) != std::string::npos;) {
        const std::size_t end = body.find("@@", at + 7);
        if (end == std::string::npos) break;
        const unsigned long n = std::strtoul(body.substr(at + 7, end - at - 7).c_str(), nullptr, 10);
        if (n > (24ul << 20)) return false;
        body.replace(at, end + 2 - at, std::string(n, '\0'));
    }
    std::string headers = eol == std::string::npos ? std::string() : head.substr(eol + 1);
    const std::string low = lower(headers);
    if (low.find("content-length:") == std::string::npos && low.find("transfer-encoding:") == std::string::npos)
        headers += (headers.empty() ? "" : "\n") + std::string("Content-Length: ") + std::to_string(body.size());
    out = first + "\r\nHost: studio.council.example\r\nOrigin: https://studio.council.example\r\n"
                  "X-Easyread-Studio: 1\r\nCookie: easyread_session=" + who.cookie + "\r\nX-CSRF-Token: " + who.csrf + "\r\n";
    std::size_t at = 0;
    while (at <= headers.size() && !headers.empty()) {
        const std::size_t end = headers.find('\n', at);
        std::string line = headers.substr(at, end == std::string::npos ? std::string::npos : end - at);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty()) out += line + "\r\n";
        if (end == std::string::npos) break;
        at = end + 1;
    }
    out += "\r\n" + body;
    return true;
}

// Anything in <base> but the team folder was written by escaping it.
void check_nothing_outside() {
    const std::string probe = folder().base;
    std::vector<std::string> names;
    if (auto* d = ::opendir(probe.c_str())) {
        while (auto* e = ::readdir(d))
            if (std::string(e->d_name) != "." && std::string(e->d_name) != ".." && std::string(e->d_name) != "team")
                names.push_back(e->d_name);
        ::closedir(d);
    }
    if (!names.empty()) {
        std::fprintf(stderr, "written outside the team folder: %s\n", names.front().c_str());
        std::abort();
    }
}

// Every kept answers file is read-only.
void check_kept_read_only() {
    for (const char* kind : {"/boards/kiosk", "/boards/paper"}) {
        const std::string dir = folder().team + kind;
        auto* d = ::opendir(dir.c_str());
        if (!d) continue;
        while (auto* e = ::readdir(d)) {
            struct stat st;
            if (e->d_name[0] == '.' || ::lstat((dir + "/" + e->d_name).c_str(), &st) != 0) continue;
            if (!S_ISREG(st.st_mode) || (st.st_mode & 0222)) {
                std::fprintf(stderr, "kept answers file not read-only: %s\n", e->d_name);
                std::abort();
            }
        }
        ::closedir(d);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 512 * 1024) return 0;
    Signed who;
    auto& studio = app(who);
    static Server server(studio);
    static const bool show = std::getenv("EASYREAD_FUZZ_SHOW") != nullptr;  // each answer on stderr
    const std::string in(reinterpret_cast<const char*>(data), size);
    std::size_t at = 0;
    for (int n = 0; n < 4 && at < in.size(); ++n) {
        const std::size_t next = in.find("@@NEXT@@\n", at);
        const std::string one = in.substr(at, next == std::string::npos ? std::string::npos : next - at);
        at = next == std::string::npos ? in.size() : next + 9;
        std::string request;
        if (!make_request(one, who, request)) continue;
        const std::string answer = server.serve(request);
        if (show) std::fprintf(stderr, "%s\n", answer.substr(0, 2000).c_str());
        if (answer.empty()) continue;  // httplib answers nothing to a request line it cannot read at all
        const int status = answer.size() > 12 ? std::atoi(answer.c_str() + 9) : 0;
        if (status < 100 || status > 599) std::abort();
        if (lower(answer.substr(0, answer.find("\r\n\r\n"))).find("content-security-policy:") == std::string::npos)
            std::abort();
        if (status == 500 && answer.find("the studio met a problem") != std::string::npos) {
            std::fprintf(stderr, "%s\n", answer.c_str());
            std::abort();
        }
        check_nothing_outside();
        check_kept_read_only();
    }
    studio.preview().wait_idle();
    reset();
    return 0;
}
