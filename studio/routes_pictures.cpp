// Pictures: the matcher's best candidates for a chunk with its reasons, a
// search of the bank, the pictures themselves, and the officer's own
// pictures (PNG, JPEG or SVG, with a credit line) added to the folder's
// "pictures" folder, which the studio uses as a picture folder of its own.
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <librsvg/rsvg.h>
#include <sys/stat.h>

#include "base/text_util.hpp"
#include "studio/json_writer.hpp"
#include "studio/names.hpp"
#include "studio/studio_app.hpp"
#include "symbols/matcher.hpp"

namespace easyread::studio {

namespace {

void picture_json(Json& j, const symbols::Picture& p) {
    j.field("id", p.id).field("name", p.name).field("set", p.set).field("own", p.user);
}

// The picture as PNG or SVG bytes the generator can use; empty when it is neither.
std::string usable_picture(const std::string& bytes, std::string& ending) {
    if (bytes.size() > 8 && bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) ending = ".png";
    else if (bytes.size() > 3 && bytes.compare(0, 3, "\xff\xd8\xff") == 0) ending = ".jpg";
    else if (bytes.find("<svg") != std::string::npos && bytes.find("<svg") < 4096) ending = ".svg";
    else return {};
    if (ending == ".svg") {
        GError* err = nullptr;
        RsvgHandle* h = rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(bytes.data()), bytes.size(), &err);
        if (err) g_error_free(err);
        if (!h) return {};
        g_object_unref(h);
        return bytes;
    }
    // PNG and JPEG are decoded (a damaged file is refused); JPEG is kept as PNG.
    // A picture over 8000 pixels a side is refused from its header, before
    // the loader sets aside its pixels: a few kilobytes of PNG can say
    // 50000 x 50000 (10 GB once decoded). A size of 0 makes the loader stop.
    GdkPixbufLoader* loader = gdk_pixbuf_loader_new();
    bool too_large = false;
    g_signal_connect(loader, "size-prepared", G_CALLBACK(+[](GdkPixbufLoader* l, int w, int h, gpointer flag) {
                         if (w > 8000 || h > 8000) {
                             *static_cast<bool*>(flag) = true;
                             gdk_pixbuf_loader_set_size(l, 0, 0);
                         }
                     }),
                     &too_large);
    GError* err = nullptr;
    bool ok = gdk_pixbuf_loader_write(loader, reinterpret_cast<const guchar*>(bytes.data()), bytes.size(), &err) &&
              gdk_pixbuf_loader_close(loader, &err);
    if (err) g_error_free(err);
    GdkPixbuf* pixbuf = ok && !too_large ? gdk_pixbuf_loader_get_pixbuf(loader) : nullptr;
    std::string out;
    if (pixbuf && gdk_pixbuf_get_width(pixbuf) <= 8000 && gdk_pixbuf_get_height(pixbuf) <= 8000) {
        if (ending == ".png") {
            out = bytes;
        } else {
            gchar* buf = nullptr;
            gsize size = 0;
            if (gdk_pixbuf_save_to_buffer(pixbuf, &buf, &size, "png", nullptr, nullptr)) out.assign(buf, size);
            g_free(buf);
            ending = ".png";
        }
    }
    g_object_unref(loader);
    return out;
}

// Adds `line` to a small text file of the pictures folder, once.
bool add_line(DocStore& store, const std::string& name, const std::string& line, bool first_line_joined) {
    StoredFile f;
    StoreError err;
    std::string text, base;
    if (store.read(name, f, err)) {
        text = f.bytes;
        base = f.version;
    } else if (err.status != 404) {
        return false;
    }
    if (first_line_joined) {
        // CREDIT.txt: the first line is printed on the last page, so every credit goes on it.
        std::string first = text.substr(0, text.find('\n'));
        std::string rest = text.find('\n') == std::string::npos ? "" : text.substr(text.find('\n'));
        if (first.find(line) != std::string::npos) return true;
        text = (first.empty() ? line : first + "; " + line) + (rest.empty() ? "\n" : rest);
    } else {
        if (!text.empty() && text.back() != '\n') text += '\n';
        text += line + "\n";
    }
    std::string version;
    return store.write(name, text, base, version, nullptr, err);
}

}  // namespace

void StudioApp::add_picture_routes() {
    add("GET", "/api/pictures/suggest", [this](const httplib::Request& req, httplib::Response& res) {
        auto bank = pictures_.bank();
        symbols::Matcher matcher(*bank);
        Json j;
        j.begin_object().key("pictures").begin_array();
        for (const auto& m : matcher.candidates(param(req, "text").substr(0, 2000), 6)) {
            j.begin_object();
            picture_json(j, *m.picture);
            j.field("score", m.score).field("reason", m.reason).end_object();
        }
        send_json(res, j.end_array().end_object().str());
    });

    add("GET", "/api/pictures/search", [this](const httplib::Request& req, httplib::Response& res) {
        auto bank = pictures_.bank();
        Json j;
        j.begin_object().key("pictures").begin_array();
        std::size_t n = 0;
        for (const auto* p : bank->search(lower_trim(param(req, "q").substr(0, 100)))) {
            if (++n > 48) break;
            j.begin_object();
            picture_json(j, *p);
            j.end_object();
        }
        send_json(res, j.end_array().end_object().str());
    });

    // Only pictures of the bank, never a path: a document cannot make the studio serve other files.
    // Anyone signed in: the board's report shows the survey's pictures too.
    add("GET", "/api/pictures/image", [this](const httplib::Request& req, httplib::Response& res) {
        auto bank = pictures_.bank();
        const std::string id = param(req, "id");
        const symbols::Picture* p = id.rfind(symbols::Bank::kLocalPicturePrefix, 0) == 0 ? nullptr : bank->find(id);
        if (!p) return send_error(res, 404, "there is no picture called " + id);
        std::string bytes;
        FILE* f = std::fopen(p->file.c_str(), "rb");
        if (!f) return send_error(res, 404, "the picture file is missing");
        char buf[65536];
        std::size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, f)) > 0 && bytes.size() < (8u << 20)) bytes.append(buf, n);
        std::fclose(f);
        set_sandboxed(res);
        res.set_header("Cache-Control", "private, max-age=600");
        res.set_content(bytes, ends_with(lower(p->file), ".svg") ? "image/svg+xml" : "image/png");
    }, Role::Anyone);

    add("POST", "/api/pictures/upload", [this](const httplib::Request& req, httplib::Response& res) {
        if (!req.is_multipart_form_data() || req.files.empty()) return send_error(res, 400, "choose a picture to upload");
        if (req.files.size() > options_.max_upload_files) return send_error(res, 413, "upload one picture at a time");
        const auto& file = req.files.begin()->second;
        if (file.content.size() > (10u << 20)) return send_error(res, 413, "that picture is too large (10 MB at most)");
        const std::string words = one_line(param(req, "words")).substr(0, 200);
        const std::string credit = one_line(param(req, "credit")).substr(0, 300);
        if (words.empty()) return send_error(res, 400, "say in a few words what the picture shows");
        if (credit.empty()) return send_error(res, 400, "give the picture's credit line (who made it, its licence)");
        std::string ending;
        const std::string bytes = usable_picture(file.content, ending);
        if (bytes.empty()) return send_error(res, 415, "that is not a PNG, JPEG or SVG picture");

        const std::string folder = store_.folder() + "/pictures";
        struct stat st;
        if (::lstat(folder.c_str(), &st) != 0 && ::mkdir(folder.c_str(), 0755) != 0)
            return send_error(res, 500, "cannot make the pictures folder");
        const std::string stem = file_stem_for(words);
        std::string name = free_name(store_, "pictures/" + stem, ending);
        std::string version;
        StoreError err;
        if (!store_.write(name, bytes, "", version, nullptr, err)) return send_error(res, err.status, err.message);
        const std::string file_name = name.substr(std::string("pictures/").size());
        if (!add_line(store_, "pictures/keywords.txt", file_name + ": " + lower(words), false) ||
            !add_line(store_, "pictures/CREDIT.txt", credit, true))
            return send_error(res, 500, "the picture is saved, but its words or credit could not be");
        pictures_.reload();
        const std::string id = file_name.substr(0, file_name.rfind('.'));
        send_json(res, Json().begin_object().field("id", id).field("name", words).end_object().str());
    });
}

}  // namespace easyread::studio
