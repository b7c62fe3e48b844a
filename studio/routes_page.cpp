// The web page itself: index.html, its style and its scripts, from the program.
// In team mode the page needs a signed-in user; its style and scripts are
// the program's own and public (the sign-in page uses them).
#include "studio/studio_app.hpp"
#include "studio/web_assets.hpp"

namespace easyread::studio {

void StudioApp::add_page_routes() {
    for (const WebAsset* asset : web_assets()) {
        add("GET", asset->path, [](const httplib::Request& req, httplib::Response& res) {
            const WebAsset* a = find_web_asset(req.path);
            if (!a) return send_error(res, 404, "nothing here");
            res.set_content(reinterpret_cast<const char*>(a->data), a->size, a->content_type);
        }, std::string(asset->path) == "/" ? Role::Anyone : Role::Public);
    }
}

}  // namespace easyread::studio
