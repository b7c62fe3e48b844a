// GL textures of bank pictures, made once per (file, size) and kept.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <utility>

namespace easyread::kiosk::ui {

class PictureTextures {
public:
    PictureTextures() = default;
    PictureTextures(const PictureTextures&) = delete;
    PictureTextures& operator=(const PictureTextures&) = delete;
    ~PictureTextures();

    // 0 when the picture cannot be drawn (the reason is in last_error()); never throws.
    unsigned texture(const std::string& svg_path, int size_px);
    // Any other picture (a document page), made by `draw` the first time `key` and size are asked for.
    using Producer = std::function<bool(struct RgbaImage&, std::string&)>;
    unsigned texture_from(const std::string& key, int size_px, const Producer& draw);
    std::size_t cached() const { return textures_.size(); }
    const std::string& last_error() const { return last_error_; }

private:
    std::map<std::pair<std::string, int>, unsigned> textures_;
    std::string last_error_;
};

}  // namespace easyread::kiosk::ui
