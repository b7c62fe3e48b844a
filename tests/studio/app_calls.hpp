// A studio over a fresh folder called straight through StudioApp::dispatch,
// with the headers its own page sends: the handlers without a socket.
#pragma once
#include <map>
#include <memory>
#include <string>

#include <httplib.h>

#include "studio/studio_app.hpp"
#include "tests/support/command.hpp"

struct AppCalls {
    TempDir dir;
    std::unique_ptr<easyread::studio::StudioApp> app;
    explicit AppCalls(std::size_t max_upload_bytes = 20u << 20);
    // "GET", "/api/x?a=1" (the query decoded as the server decodes it).
    httplib::Response call(const std::string& method, const std::string& target, const std::string& body = {},
                           const httplib::Headers& extra = {});
    // A multipart upload of one file as "file", with plain fields beside it.
    httplib::Response upload(const std::string& path, const std::string& filename, const std::string& bytes,
                             const std::map<std::string, std::string>& fields = {});
};
