#include "tests/studio/studio_fixture.hpp"

#include <catch2/catch.hpp>

LiveStudio::LiveStudio(easyread::studio::StudioOptions options) {
    options.folder = dir.path();
    easyread::studio::ServerOptions s;
    s.port = 0;
    server = std::make_unique<easyread::studio::StudioServer>(s, options);
    std::string error;
    REQUIRE(server->bind(error));
    server->start();
}

LiveStudio::~LiveStudio() { server->stop(); }

std::unique_ptr<httplib::Client> LiveStudio::page_client() const {
    auto c = bare_client();
    c->set_default_headers({{"Origin", origin()}, {"X-Easyread-Studio", "1"}});
    return c;
}

std::unique_ptr<httplib::Client> LiveStudio::bare_client() const {
    auto c = std::make_unique<httplib::Client>("127.0.0.1", port());
    c->set_read_timeout(60, 0);
    return c;
}

std::string LiveStudio::save(const std::string& name, const std::string& text, const std::string& base) {
    auto c = page_client();
    auto r = c->Put(("/api/doc?name=" + url_encode(name)).c_str(), {{"If-Match", base}}, text, "text/markdown");
    REQUIRE(r);
    INFO(r->body);
    REQUIRE(r->status == 200);
    auto at = r->body.find("\"version\":\"");
    return r->body.substr(at + 11, 16);
}

std::string LiveStudio::version(const std::string& name) {
    auto r = page_client()->Get(("/api/doc?name=" + url_encode(name)).c_str());
    REQUIRE(r);
    REQUIRE(r->status == 200);
    auto at = r->body.find("\"version\":\"");
    REQUIRE(at != std::string::npos);
    return r->body.substr(at + 11, 16);
}

std::string url_encode(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') out += static_cast<char>(c);
        else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    return out;
}
