// Documents: list the folder, open, save (with versions), start a new one
// from a template or pasted text, and upload a Markdown, Word or
// OpenDocument file.
#include <algorithm>
#include <cctype>
#include <mutex>

#include "base/data_paths.hpp"
#include "base/source_text.hpp"
#include "base/text_util.hpp"
#include "generator/parse/office_reader.hpp"
#include "studio/json_writer.hpp"
#include "studio/meaning.hpp"
#include "studio/names.hpp"
#include "studio/studio_app.hpp"

namespace easyread::studio {

namespace {

const std::vector<std::string> kTemplates = {"strategy", "stocktake", "letter", "leaflet"};

void list_json(Json& j, const char* key, const std::vector<FileEntry>& files) {
    j.key(key).begin_array();
    for (const auto& f : files)
        j.begin_object().field("name", f.name).field("size", f.size).field("modified", f.modified).end_object();
    j.end_array();
}

bool is_markdown_name(const std::string& name) { return ends_with(lower(name), ".md"); }

}  // namespace

void StudioApp::add_document_routes() {
    add("GET", "/api/files", [this](const httplib::Request& req, httplib::Response& res) {
        // In team mode each person sees their own files, the shared ones and the team's.
        auto visible = [&](std::vector<FileEntry> files) {
            files.erase(std::remove_if(files.begin(), files.end(), [&](const FileEntry& f) { return !may_open(req, f.name); }),
                        files.end());
            return files;
        };
        Json j;
        j.begin_object();
        list_json(j, "documents", visible(store_.list({".md"})));
        list_json(j, "sources", visible(store_.list({".docx", ".odt"})));
        list_json(j, "logos", store_.list({".svg", ".png", ".jpg", ".jpeg"}));
        j.key("templates").begin_array();
        for (const auto& t : kTemplates) j.value(t);
        j.end_array();
        send_json(res, j.end_object().str());
    });

    add("GET", "/api/doc", [this](const httplib::Request& req, httplib::Response& res) {
        const std::string name = param(req, "name");
        if (!is_markdown_name(name)) return send_error(res, 400, "only .md documents open here");
        StoredFile f;
        StoreError err;
        if (!store_.read(name, f, err, kMaxSourceBytes)) return send_error(res, err.status, err.message);
        preview_->request(name, store_.folder() + "/" + name, f.bytes, f.version);
        send_json(res, Json().begin_object().field("name", name).field("text", f.bytes).field("version", f.version)
                           .end_object().str());
    });

    // Saves the whole text. The page sends the version it started from; a
    // different version on disk is refused with 409 and the text on disk,
    // so the page can show the difference instead of overwriting it.
    add("PUT", "/api/doc", [this](const httplib::Request& req, httplib::Response& res) {
        const std::string name = param(req, "name");
        if (!is_markdown_name(name)) return send_error(res, 400, "only .md documents are saved here");
        if (req.body.size() > kMaxSourceBytes) return send_error(res, 413, "the text is too long for one document");
        Diagnostics bad;
        if (!check_source_bytes(name, req.body, bad)) return send_error(res, 400, bad.items().front().message);
        const std::string base = req.get_header_value("If-Match");
        if (base.empty()) return send_error(res, 428, "a save must name the version it changes (If-Match)");
        std::string version;
        StoredFile current;
        StoreError err;
        if (!store_.write(name, req.body, base, version, &current, err)) {
            return err.status == 409 ? send_conflict(res, err.message, current) : send_error(res, err.status, err.message);
        }
        preview_->request(name, store_.folder() + "/" + name, req.body, version);
        hub_.publish(name, "saved", Json().begin_object().field("version", version).end_object().str());
        send_json(res, Json().begin_object().field("version", version).end_object().str());
    });

    // What a hard word means: the page sends its text, the word and the new
    // meaning, and gets back the text with the meaning written so that the
    // generator reads it; the page saves it like any edit (undo brings the old one back).
    add("POST", "/api/meaning", [this](const httplib::Request& req, httplib::Response& res) {
        const std::string name = param(req, "doc");
        if (!is_markdown_name(name)) return send_error(res, 400, "name a .md document");
        StoreError err;
        const std::string path = store_.resolve(name, err);
        if (path.empty()) return send_error(res, err.status, err.message);
        if (req.body.size() > kMaxSourceBytes) return send_error(res, 413, "the text is too long for one document");
        Diagnostics bad;
        if (!check_source_bytes(name, req.body, bad)) return send_error(res, 400, bad.items().front().message);
        const std::string word = trim(param(req, "word"));
        const std::string meaning = param(req, "meaning");
        if (word.empty() || word.size() > 200 || meaning.size() > 2000)
            return send_error(res, 400, "name the word and its meaning (at most 2000 letters)");
        std::lock_guard<std::mutex> one(heavy_);
        const auto bank = pictures_.bank();
        const MeaningEdit edit = set_meaning(path, store_.folder(), *bank, req.body, word, meaning);
        if (!edit.error.empty()) return send_error(res, 422, edit.error);
        send_json(res, Json().begin_object().field("text", edit.text).field("explanation", edit.explanation)
                           .end_object().str());
    });

    // A new document: from a template, or from pasted text, named after its title.
    add("POST", "/api/new", [this](const httplib::Request& req, httplib::Response& res) {
        const std::string title = trim(param(req, "title"));
        const std::string from = param(req, "template");
        if (title.empty()) return send_error(res, 400, "give the document a title");
        std::string text;
        if (!from.empty()) {
            if (std::find(kTemplates.begin(), kTemplates.end(), from) == kTemplates.end())
                return send_error(res, 404, "there is no template called " + from);
            SourceText t;
            Diagnostics d;
            if (!load_source(data_path("templates/studio/" + from + ".md"), t, d))
                return send_error(res, 500, "the " + from + " template cannot be read");
            text = replace_title(t.text, title);
        } else {
            if (req.body.size() > kMaxSourceBytes) return send_error(res, 413, "the pasted text is too long");
            Diagnostics bad;
            if (!check_source_bytes("pasted text", req.body, bad))
                return send_error(res, 400, bad.items().front().message);
            text = "---\ntitle: " + one_line(title) + "\nlang: en-GB\n---\n\n" + req.body;
            if (!text.empty() && text.back() != '\n') text += '\n';
        }
        const std::string name = free_name(store_, file_stem_for(title), ".md");
        std::string version;
        StoreError err;
        if (!store_.write(name, text, "", version, nullptr, err)) return send_error(res, err.status, err.message);
        claim(req, name);
        send_json(res, Json().begin_object().field("name", name).field("version", version).end_object().str());
    });

    // An uploaded .md opens as it is; a .docx or .odt is kept beside the
    // documents as a source for "Make a first draft".
    add("POST", "/api/upload", [this](const httplib::Request& req, httplib::Response& res) {
        if (!req.is_multipart_form_data() || req.files.empty()) return send_error(res, 400, "choose a file to upload");
        if (req.files.size() > options_.max_upload_files) return send_error(res, 413, "upload one file at a time");
        const httplib::MultipartFormData& f = req.files.begin()->second;
        if (f.content.size() > options_.max_upload_bytes) return send_error(res, 413, "that file is too large");
        const std::string ending = lower(f.filename.substr(f.filename.rfind('.') == std::string::npos ? f.filename.size()
                                                                                                      : f.filename.rfind('.')));
        if (ending != ".md" && ending != ".docx" && ending != ".odt")
            return send_error(res, 415, "the studio opens .docx (Word), .odt (OpenDocument) and .md files");
        std::string stem = f.filename.substr(0, f.filename.size() - ending.size());
        auto slash = stem.find_last_of("/\\");
        if (slash != std::string::npos) stem = stem.substr(slash + 1);
        Diagnostics diags;
        SourceText src;
        const bool ok = ending == ".md" ? check_source_bytes(f.filename, f.content, diags)
                                        : office::office_source_from_bytes(f.filename, f.content, src, diags);
        if (!ok) {
            const Diagnostic* first = diags.items().empty() ? nullptr : &diags.items().front();
            return send_error(res, 400, first ? first->message + (first->hint.empty() ? "" : ". " + first->hint)
                                              : "that file cannot be read");
        }
        const std::string name = free_name(store_, file_stem_for(stem), ending);
        std::string version;
        StoreError err;
        if (!store_.write(name, f.content, "", version, nullptr, err)) return send_error(res, err.status, err.message);
        claim(req, name);
        send_json(res, Json().begin_object().field("name", name).field("kind", ending == ".md" ? "document" : "source")
                           .end_object().str());
    });
}

}  // namespace easyread::studio
