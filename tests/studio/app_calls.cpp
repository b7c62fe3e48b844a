#include "tests/studio/app_calls.hpp"

namespace {

httplib::Request page_request(const std::string& method, const std::string& target) {
    httplib::Request req;
    req.method = method;
    const auto q = target.find('?');
    req.path = target.substr(0, q);
    if (q != std::string::npos) httplib::detail::parse_query_text(target.substr(q + 1), req.params);
    req.headers = {{"Host", "127.0.0.1:8040"}, {"Origin", "http://127.0.0.1:8040"}, {"X-Easyread-Studio", "1"}};
    return req;
}

}  // namespace

AppCalls::AppCalls(std::size_t max_upload_bytes) {
    easyread::studio::StudioOptions o;
    o.folder = dir.path();
    o.max_upload_bytes = max_upload_bytes;
    app = std::make_unique<easyread::studio::StudioApp>(o);
}

httplib::Response AppCalls::call(const std::string& method, const std::string& target, const std::string& body,
                                 const httplib::Headers& extra) {
    httplib::Request req = page_request(method, target);
    for (const auto& h : extra) req.headers.insert(h);
    req.body = body;
    httplib::Response res;
    app->dispatch(req, res);
    return res;
}

httplib::Response AppCalls::upload(const std::string& path, const std::string& filename, const std::string& bytes,
                                   const std::map<std::string, std::string>& fields) {
    httplib::Request req = page_request("POST", path);
    req.headers.emplace("Content-Type", "multipart/form-data; boundary=x");
    req.files.emplace("file", httplib::MultipartFormData{"file", bytes, filename, "application/octet-stream"});
    for (const auto& [k, v] : fields) req.files.emplace(k, httplib::MultipartFormData{k, v, "", ""});
    httplib::Response res;
    app->dispatch(req, res);
    return res;
}
