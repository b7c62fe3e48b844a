#include "kiosk/app/ui_context.hpp"

#include <algorithm>
#include <cmath>

#include "kiosk/app/document_pages.hpp"
#include "kiosk/app/picture_textures.hpp"
#include "symbols/bank.hpp"

namespace easyread::kiosk::ui {

bool UiContext::has_picture(const std::string& picture_id) const {
    return !picture_id.empty() && bank && bank->find(picture_id);
}

unsigned UiContext::picture(const std::string& picture_id, float size_px) const {
    if (picture_id.empty() || !bank || !textures) return 0;
    const symbols::Picture* p = bank->find(picture_id);
    if (!p) return 0;
    // Sizes are rounded to 8 px so a slightly different layout reuses the cache.
    int size = static_cast<int>(std::ceil(size_px / 8.0f)) * 8;
    return textures->texture(p->file, size);
}

unsigned UiContext::picture_file(const std::string& path, float size_px) const {
    if (path.empty() || !textures) return 0;
    return textures->texture(path, static_cast<int>(std::ceil(size_px / 8.0f)) * 8);
}

unsigned UiContext::page(int number, float width, float height, ImVec2& drawn) const {
    if (!document || !textures || number < 1 || width < 8 || height < 8) return 0;
    // Fit the page's shape in the box; sizes rounded to 8 px so the cache is reused.
    float aspect = static_cast<float>(document->aspect());
    float h = std::min(height, width / aspect);
    int hi = static_cast<int>(h / 8.0f) * 8;
    int wi = static_cast<int>(static_cast<float>(hi) * aspect);
    if (hi < 8 || wi < 8) return 0;
    drawn = ImVec2(static_cast<float>(wi), static_cast<float>(hi));
    return textures->texture_from("page:" + std::to_string(number), hi, [&](RgbaImage& image, std::string& error) {
        return document->draw(number, wi, hi, image, error);
    });
}

}  // namespace easyread::kiosk::ui
