// A real studio on an ephemeral loopback port over a fresh folder, and an
// HTTP client that talks to it as the studio's own page does.
#pragma once
#include <memory>
#include <string>

#include <httplib.h>

#include "studio/studio_server.hpp"
#include "tests/support/command.hpp"

struct LiveStudio {
    TempDir dir;
    std::unique_ptr<easyread::studio::StudioServer> server;
    explicit LiveStudio(easyread::studio::StudioOptions options = {});
    ~LiveStudio();
    int port() const { return server->port(); }
    std::string origin() const { return "http://127.0.0.1:" + std::to_string(port()); }
    // A client with the page's own Origin and X-Easyread-Studio headers.
    std::unique_ptr<httplib::Client> page_client() const;
    // A client with no extra headers (another program, another site).
    std::unique_ptr<httplib::Client> bare_client() const;
    // The version of a document, opened through the studio.
    std::string version(const std::string& name);
    // Saves `text` over version `base` of `name` through the studio; returns the new version.
    std::string save(const std::string& name, const std::string& text, const std::string& base);
};

std::string url_encode(const std::string& s);
