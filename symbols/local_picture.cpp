// Pictures beside the document: ![my photo](photo.png). PNG and SVG are drawn
// as they are; a JPEG is made into a PNG once, in a folder of the bank's own
// that goes when the bank does.
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>

#include "base/file_names.hpp"
#include "symbols/bank.hpp"

namespace easyread::symbols {

Bank::LocalPictures::~LocalPictures() {
    for (const auto& f : made) std::remove(f.c_str());
    if (!folder.empty()) g_rmdir(folder.c_str());
}

bool is_local_picture_file(const std::string& path) {
    return has_ending(path, ".png") || has_ending(path, ".svg") || has_ending(path, ".jpg") ||
           has_ending(path, ".jpeg");
}

const Picture* Bank::local_picture(const std::string& id) const {
    const std::string path = id.substr(kLocalPicturePrefix.size());
    std::lock_guard<std::mutex> guard(local_->lock);
    if (auto it = local_->by_id.find(id); it != local_->by_id.end()) return it->second.get();
    std::unique_ptr<Picture> p;
    struct stat st {};
    if (is_local_picture_file(path) && ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
        p = std::make_unique<Picture>();
        p->id = id;
        p->file = path;
        std::size_t slash = path.rfind('/');
        std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
        p->name = name.substr(0, name.rfind('.'));
        p->user = true;
        if (has_ending(path, ".jpg") || has_ending(path, ".jpeg")) {
            GError* err = nullptr;
            GdkPixbuf* pixbuf = gdk_pixbuf_new_from_file(path.c_str(), &err);
            if (!pixbuf) {
                if (err) g_error_free(err);
                p.reset();
            } else {
                if (local_->folder.empty()) {
                    gchar* dir = g_dir_make_tmp("easyread-pictures-XXXXXX", nullptr);
                    if (dir) local_->folder = dir;
                    g_free(dir);
                }
                std::string png = local_->folder + "/" + std::to_string(local_->made.size()) + ".png";
                if (!local_->folder.empty() && gdk_pixbuf_save(pixbuf, png.c_str(), "png", &err, nullptr)) {
                    local_->made.push_back(png);
                    p->file = png;
                } else {
                    if (err) g_error_free(err);
                    p.reset();
                }
                g_object_unref(pixbuf);
            }
        }
    }
    const Picture* out = p.get();
    local_->by_id[id] = std::move(p);
    return out;
}

}  // namespace easyread::symbols
