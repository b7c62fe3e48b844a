// Fuzzes the studio's handler table: any method, path, query, headers and
// body go through StudioApp::dispatch (the guard first, then the handlers)
// over a folder with one document. Input: a request line, header lines, an
// empty line, the body. Speech and export are left out: they start
// processes and take seconds, and read their input through the same store.
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>

#include <httplib.h>

#include "studio/studio_app.hpp"

namespace {

easyread::studio::StudioApp& app() {
    static std::string folder = [] {
        char tmpl[] = "/tmp/easyread-fuzz-studio-XXXXXX";
        std::string dir = ::mkdtemp(tmpl) ? tmpl : "/tmp";
        std::ofstream(dir + "/plan.md") << "---\ntitle: Plan\n---\n\n# Plan\n\nWe want you to have a good home.\n";
        return dir;
    }();
    static easyread::studio::StudioOptions options = [] {
        easyread::studio::StudioOptions o;
        o.folder = folder;
        o.port = 8040;
        return o;
    }();
    static easyread::studio::StudioApp studio(options);
    return studio;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 64 * 1024) return 0;
    const std::string in(reinterpret_cast<const char*>(data), size);
    httplib::Request req;
    std::size_t pos = in.find('\n');
    const std::string first = in.substr(0, pos);
    const std::size_t space = first.find(' ');
    req.method = first.substr(0, space);
    std::string target = space == std::string::npos ? "/" : first.substr(space + 1);
    const std::size_t q = target.find('?');
    req.path = httplib::detail::decode_url(target.substr(0, q), false);
    if (q != std::string::npos) httplib::detail::parse_query_text(target.substr(q + 1), req.params);
    if (req.path.find("/api/export") == 0 || req.path.find("/api/listen") == 0) return 0;
    while (pos != std::string::npos) {
        std::size_t end = in.find('\n', pos + 1);
        std::string line = in.substr(pos + 1, end == std::string::npos ? std::string::npos : end - pos - 1);
        pos = end;
        if (line.empty()) break;
        std::size_t colon = line.find(':');
        if (colon != std::string::npos) req.headers.emplace(line.substr(0, colon), line.substr(colon + 1 + (colon + 1 < line.size() && line[colon + 1] == ' ')));
    }
    if (pos != std::string::npos) req.body = in.substr(pos + 1);
    if (req.get_header_value("Content-Type").find("multipart/form-data") == 0) {
        httplib::MultipartFormData part{"file", req.body, req.get_param_value("filename"), "application/octet-stream"};
        req.files.emplace("file", part);
    }
    httplib::Response res;
    app().dispatch(req, res);
    if (res.status < 100 || res.status > 599) std::abort();
    if (!res.has_header("Content-Security-Policy")) std::abort();
    app().preview().wait_idle();
    return 0;
}
