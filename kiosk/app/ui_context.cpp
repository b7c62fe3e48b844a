#include "ui_context.hpp"

#include <cmath>

#include "picture_textures.hpp"
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

}  // namespace easyread::kiosk::ui
