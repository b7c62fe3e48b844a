// A co-production review from the studio: the kiosk survey for the open
// document (the file `easyread review make` writes, to download), and the
// review's results from a kiosk answers file uploaded for the moment it is
// read: the same run as `easyread review results`, its notes naming the
// document as the page knows it and its HTML report. The answers file is
// kept only in a private temporary folder while it is read, then removed:
// reviewers are counted, never named, and nothing leaves this computer.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/text_util.hpp"
#include "generator/layout/layout_document.hpp"
#include "generator/parse/attributes.hpp"
#include "generator/render/page_pictures.hpp"
#include "report/review_job.hpp"
#include "studio/json_writer.hpp"
#include "studio/studio_app.hpp"
#include "survey/survey.hpp"

namespace easyread::studio {

namespace {

namespace fs = std::filesystem;

// A private folder (0700) removed with everything in it when this goes.
struct PrivateFolder {
    std::string path;
    PrivateFolder() {
        std::string tmpl = (fs::temp_directory_path() / "easyread-review-XXXXXX").string();
        if (mkdtemp(tmpl.data())) path = tmpl;
    }
    ~PrivateFolder() {
        std::error_code ec;
        if (!path.empty()) fs::remove_all(path, ec);
    }
};

std::string stem_of(const std::string& name) {
    const std::string file = name.substr(name.find_last_of('/') + 1);
    return file.substr(0, file.rfind('.'));
}

}  // namespace

void StudioApp::add_review_routes() {
    // The review survey for the document, to put beside it on the kiosk.
    add("GET", "/api/review/survey", [this](const httplib::Request& req, httplib::Response& res) {
        const std::string name = param(req, "doc");
        if (!ends_with(lower(name), ".md")) return send_error(res, 400, "name a .md document");
        StoreError err;
        if (store_.resolve(name, err).empty()) return send_error(res, err.status, err.message);
        if (!may_open(req, name)) return send_error(res, 403, "this document is not shared with you");
        const std::string id = slugify(stem_of(name));
        // Titled as `easyread review make` titles it: by the document's own title.
        const auto bank = pictures_.bank();
        PagePictures pages;
        Diagnostics quiet;  // the editor shows the document's own warnings
        if (!pages.load(store_.resolve(name, err), *bank, quiet))
            return send_error(res, 422, "this document cannot be laid out yet: fix what Check shows first");
        const std::string& title = pages.laid_out().title;
        const std::string text = survey::review_survey_text(id.empty() ? "document" : id,
                                                            name.substr(name.find_last_of('/') + 1),
                                                            title == kUntitledTitle ? std::string() : title);
        set_sandboxed(res);
        audit(req, "review survey", name);
        res.set_header("Content-Disposition", "attachment; filename=\"" + stem_of(name) + "-review.md\"");
        res.set_content(text, "text/markdown; charset=utf-8");
    });

    // The results: one kiosk answers file (.db) against the document as saved now.
    add("POST", "/api/review/results", [this](const httplib::Request& req, httplib::Response& res) {
        const std::string name = param(req, "doc");
        if (!ends_with(lower(name), ".md")) return send_error(res, 400, "name a .md document");
        StoreError err;
        const std::string path = store_.resolve(name, err);
        if (path.empty()) return send_error(res, err.status, err.message);
        if (!may_open(req, name)) return send_error(res, 403, "this document is not shared with you");
        if (!req.is_multipart_form_data() || !req.has_file("file"))
            return send_error(res, 400, "choose the review's answers file (.db) from the kiosk");
        const auto& f = req.get_file_value("file");
        if (f.content.empty() || f.content.compare(0, 16, std::string("SQLite format 3\0", 16)) != 0)
            return send_error(res, 422, "this is not a kiosk answers file: choose the .db file the kiosk saved");
        PrivateFolder tmp;
        if (tmp.path.empty()) return send_error(res, 500, "no room for the answers file on this computer");
        const std::string db = tmp.path + "/answers.db", html = tmp.path + "/review.html";
        {
            std::ofstream out(db, std::ios::binary);
            out << f.content;
            if (!out.flush()) return send_error(res, 500, "no room for the answers file on this computer");
        }
        report::ReviewResultsRequest r;
        r.answers = {db};
        r.document = path;
        r.reports = {html};
        std::string text;
        Diagnostics diags;
        int status;
        {
            std::lock_guard<std::mutex> one(heavy_);
            status = report::run_review_results(r, text, diags);
        }
        // The page knows the document by its name, and the answers file by what was uploaded.
        auto named = [&](std::string s) {
            s = replace_all(s, path, name);
            return replace_all(s, db, f.filename.empty() ? std::string("answers.db") : f.filename);
        };
        Json j;
        j.begin_object().key("notes").begin_array();
        std::string problem;
        for (const auto& d : diags.items()) {
            j.value(named(format_diagnostic(d)));
            if (d.severity == Severity::Error && problem.empty()) problem = named(d.message);
        }
        j.end_array();
        if (status != 0) return send_error(res, 422, problem.empty() ? "the answers file cannot be read" : problem);
        std::ifstream in(html, std::ios::binary);
        std::stringstream report;
        report << in.rdbuf();
        audit(req, "review results", name);
        send_json(res, j.field("text", named(text)).field("report", report.str()).end_object().str());
    });
}

}  // namespace easyread::studio
