#include "kiosk/app/picture_textures.hpp"

#include <GL/gl.h>

#include "kiosk/app/picture_raster.hpp"

namespace easyread::kiosk::ui {

PictureTextures::~PictureTextures() {
    for (const auto& entry : textures_)
        if (entry.second) {
            GLuint id = entry.second;
            glDeleteTextures(1, &id);
        }
}

unsigned PictureTextures::texture(const std::string& svg_path, int size_px) {
    return texture_from(svg_path, size_px,
                        [&](RgbaImage& image, std::string& error) { return rasterise_svg(svg_path, size_px, image, error); });
}

unsigned PictureTextures::texture_from(const std::string& name, int size_px, const Producer& draw) {
    auto key = std::make_pair(name, size_px);
    if (auto it = textures_.find(key); it != textures_.end()) return it->second;
    RgbaImage image;
    GLuint id = 0;
    if (draw(image, last_error_)) {
        glGenTextures(1, &id);
        glBindTexture(GL_TEXTURE_2D, id);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, image.width, image.height, 0, GL_RGBA,
                     GL_UNSIGNED_BYTE, image.pixels.data());
    }
    // A failed picture is remembered as 0 so a broken file is not re-read every frame.
    textures_.emplace(key, id);
    return id;
}

}  // namespace easyread::kiosk::ui
