// The studio's web page (studio/web/), compiled into the program at build
// time (embed_web.cmake writes web_assets.cpp), so nothing is fetched from
// anywhere at run time.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace easyread::studio {

struct WebAsset {
    const char* path;  // "/", "/app.js", ...
    const char* content_type;
    const unsigned char* data;
    std::size_t size;
};

// The asset served at `path`, or null.
const WebAsset* find_web_asset(const std::string& path);
// Every asset, each served at its own path.
std::vector<const WebAsset*> web_assets();

}  // namespace easyread::studio
