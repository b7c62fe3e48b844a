// Kiosk surveys: written with a form on the page (studio/web/survey.js
// writes the survey file from it), read back by the kiosk's own parser with
// its problems at their lines, saved in the folder's "surveys" folder with
// the version raised when what the kiosk asks changed, each kiosk screen
// shown as the kiosk's journey makes it, and the easy read paper form.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "base/text_util.hpp"
#include "report/paper/paper_form.hpp"
#include "report/reading/survey_pages.hpp"
#include "studio/board_store.hpp"
#include "studio/json_writer.hpp"
#include "studio/kiosk_screens.hpp"
#include "studio/names.hpp"
#include "studio/studio_app.hpp"
#include "survey/survey_parser.hpp"
#include "symbols/matcher.hpp"

namespace easyread::studio {

namespace {

const char* const kSurveyFolder = "surveys";

bool survey_name_ok(const std::string& name) {
    return name.find('/') == std::string::npos && ends_with(lower(name), ".md") && is_safe_name(name);
}

// What a kiosk shows and stores, without the version: two surveys that agree
// here ask the same; any difference is a new version (the kiosk refuses a
// changed survey under a version it has answers for).
bool same_survey(const survey::Survey& a, const survey::Survey& b) {
    if (a.id != b.id || a.title != b.title || a.lang != b.lang || a.document != b.document ||
        a.questions.size() != b.questions.size())
        return false;
    for (std::size_t i = 0; i < a.questions.size(); ++i) {
        const auto& p = a.questions[i];
        const auto& q = b.questions[i];
        if (p.id != q.id || p.text != q.text || p.help != q.help || p.picture != q.picture || p.type != q.type ||
            p.reversed != q.reversed || p.each_page != q.each_page || p.options.size() != q.options.size())
            return false;
        for (std::size_t k = 0; k < p.options.size(); ++k) {
            const auto& o = p.options[k];
            const auto& r = q.options[k];
            if (o.id != r.id || o.label != r.label || o.picture != r.picture || o.negative != r.negative) return false;
        }
    }
    return true;
}

// The text with its "version:" line saying `version`.
std::string with_version(const std::string& text, int line, int version) {
    std::size_t start = 0;
    for (int l = 1; l < line && start != std::string::npos; ++l) {
        start = text.find('\n', start);
        if (start != std::string::npos) ++start;
    }
    if (start == std::string::npos || line < 1) return text;
    const std::size_t end = text.find('\n', start);
    return text.substr(0, start) + "version: " + std::to_string(version) +
           (end == std::string::npos ? "\n" : text.substr(end));
}

struct Parsed {
    std::optional<survey::Survey> survey;
    Diagnostics diags;
};

// The kiosk's parse: pictures the survey names none for are chosen by the matcher, as on the kiosk.
Parsed parse(const std::string& path, const std::string& text, const symbols::Bank& bank, bool guess_pictures = true) {
    Parsed p;
    symbols::Matcher matcher(bank);
    survey::SurveyParseOptions po;
    po.bank = &bank;
    if (guess_pictures) po.matcher = &matcher;
    p.survey = survey::parse_survey(SourceText{path, text}, p.diags, po);
    return p;
}

void problems_json(Json& j, const Diagnostics& diags) {
    j.key("problems").begin_array();
    for (const auto& d : diags.items()) {
        if (d.severity == Severity::Note) continue;
        j.begin_object().field("line", d.line).field("column", d.column)
            .field("severity", d.severity == Severity::Error ? "error" : "warning").field("id", d.id)
            .field("message", d.message).field("hint", d.hint).end_object();
    }
    j.end_array();
}

// The form's model of a parsed survey: only what the file says (pictures the
// kiosk would guess are left empty, so saving does not write them in).
void model_json(Json& j, const survey::Survey& s) {
    j.key("survey").begin_object().field("id", s.id).field("version", s.version).field("title", s.title)
        .field("lang", s.lang).field("document", s.document).key("questions").begin_array();
    for (const auto& q : s.questions) {
        j.begin_object().field("id", q.id).field("text", q.text).field("help", q.help)
            .field("type", survey::question_type_name(q.type)).field("picture", q.picture_guessed ? "" : q.picture)
            .field("reversed", q.reversed).field("each_page", q.each_page).field("line", q.line).key("answers").begin_array();
        for (const auto& o : q.options)
            if (o.line > 0)
                j.begin_object().field("id", o.id).field("label", o.label).field("picture", o.picture)
                    .field("negative", o.negative).end_object();
        j.end_array().end_object();
    }
    j.end_array().end_object();
}

// The screens of a survey that parsed: page-by-page questions shown for the document's first page.
std::string screens_of(survey::Survey s) {
    if (s.has_page_questions()) survey::expand_document_pages(s, 1, s.document);
    return kiosk_screens_json(s);
}

}  // namespace

void StudioApp::add_survey_routes() {
    add("GET", "/api/surveys", [this](const httplib::Request&, httplib::Response& res) {
        Json j;
        j.begin_object().key("surveys").begin_array();
        const std::string dir = store_.folder() + "/" + kSurveyFolder;
        struct stat st;
        if (::lstat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
            DocStore surveys(dir);
            for (const auto& f : surveys.list({".md"}))
                j.begin_object().field("name", f.name).field("modified", f.modified).end_object();
        }
        send_json(res, j.end_array().end_object().str());
    });

    add("GET", "/api/survey", [this](const httplib::Request& req, httplib::Response& res) {
        const std::string name = param(req, "name");
        if (!survey_name_ok(name)) return send_error(res, 400, "name a survey file (.md) of the surveys folder");
        StoredFile f;
        StoreError err;
        if (!store_.read(std::string(kSurveyFolder) + "/" + name, f, err, kMaxSurveyBytes))
            return send_error(res, err.status, err.message);
        const auto bank = pictures_.bank();
        Parsed p = parse(store_.folder() + "/" + kSurveyFolder + "/" + name, f.bytes, *bank, false);
        Json j;
        j.begin_object().field("name", name).field("version", f.version).field("text", f.bytes);
        if (p.survey) model_json(j, *p.survey);
        problems_json(j, p.diags);
        send_json(res, j.end_object().str());
    });

    // The page's survey text as the kiosk reads it: its problems (line by
    // line) and, when it parses, every kiosk screen. Changes nothing.
    add("POST", "/api/survey/check", [this](const httplib::Request& req, httplib::Response& res) {
        if (req.body.size() > kMaxSurveyBytes) return send_error(res, 413, "the survey is too long");
        std::string name = param(req, "name");
        if (name.empty()) name = "survey.md";
        if (!survey_name_ok(name)) return send_error(res, 400, "that survey name cannot be used");
        const auto bank = pictures_.bank();
        Parsed p = parse(store_.folder() + "/" + kSurveyFolder + "/" + name, req.body, *bank);
        Json j;
        j.begin_object().field("ok", p.survey.has_value());
        problems_json(j, p.diags);
        if (p.survey) j.key("kiosk").raw(screens_of(*p.survey));
        send_json(res, j.end_object().str());
    });

    // Saves the survey (If-Match: the version it changes, "" for a new
    // file). Refused with its problems when the kiosk could not read it.
    // When it asks something else than the saved file under the same
    // version, the version goes up by one, in the file and in the answer.
    add("PUT", "/api/survey", [this](const httplib::Request& req, httplib::Response& res) {
        const std::string name = param(req, "name");
        if (!survey_name_ok(name)) return send_error(res, 400, "give the survey a file name ending in .md");
        if (req.body.size() > kMaxSurveyBytes) return send_error(res, 413, "the survey is too long");
        if (!req.has_header("If-Match")) return send_error(res, 428, "a save must name the version it changes (If-Match)");
        const std::string base = save_base(req);
        const std::string path = store_.folder() + "/" + kSurveyFolder + "/" + name;
        const auto bank = pictures_.bank();
        Parsed now = parse(path, req.body, *bank, false);
        if (!now.survey) {
            Json j;
            j.begin_object().field("error", "the kiosk could not read this survey: " + first_problem(now.diags, ""));
            problems_json(j, now.diags);
            res.status = 422;
            res.set_content(j.end_object().str(), "application/json");
            return;
        }
        std::string text = req.body;
        int version = now.survey->version;
        StoredFile saved;
        StoreError err;
        const std::string stored_name = std::string(kSurveyFolder) + "/" + name;
        if (store_.read(stored_name, saved, err, kMaxSurveyBytes)) {
            Parsed before = parse(path, saved.bytes, *bank, false);
            if (before.survey && !same_survey(*before.survey, *now.survey) && version <= before.survey->version) {
                version = before.survey->version + 1;
                text = with_version(text, now.survey->version_line, version);
            }
        }
        const std::string dir = store_.folder() + "/" + kSurveyFolder;
        struct stat st;
        if (::lstat(dir.c_str(), &st) != 0 && ::mkdir(dir.c_str(), 0755) != 0)
            return send_error(res, 500, "cannot make the surveys folder");
        std::string file_version;
        if (!store_.write(stored_name, text, base, file_version, nullptr, err)) return send_error(res, err.status, err.message);
        Json j;
        j.begin_object().field("version", file_version).field("survey_version", version)
            .field("raised", version != now.survey->version).field("text", text);
        problems_json(j, now.diags);
        send_json(res, j.end_object().str());
    });

    // The survey file, or its easy read paper form (PDF) as `easyread form` makes it.
    add("GET", "/api/survey/download", [this](const httplib::Request& req, httplib::Response& res) {
        const std::string name = param(req, "name");
        const std::string format = param(req, "format");
        if (!survey_name_ok(name)) return send_error(res, 400, "name a survey file (.md) of the surveys folder");
        StoredFile f;
        StoreError err;
        if (!store_.read(std::string(kSurveyFolder) + "/" + name, f, err, kMaxSurveyBytes))
            return send_error(res, err.status, err.message);
        const std::string stem = name.substr(0, name.size() - 3);
        set_sandboxed(res);
        audit(req, "survey export " + format, name);
        if (format == "md") {
            res.set_header("Content-Disposition", "attachment; filename=\"" + name + "\"");
            return res.set_content(f.bytes, "text/markdown; charset=utf-8");
        }
        if (format != "paper" && format != "csv") return send_error(res, 400, "choose md, paper or csv");
        const auto bank = pictures_.bank();
        Parsed p = parse(store_.folder() + "/" + kSurveyFolder + "/" + name, f.bytes, *bank);
        if (!p.survey || !report::expand_survey_pages(*p.survey, *bank, p.diags, store_.folder()))
            return send_error(res, 422, "the kiosk could not read this survey: " + first_problem(p.diags, ""));
        if (format == "csv") {
            res.set_header("Content-Disposition", "attachment; filename=\"" + stem + "-answers.csv\"");
            return res.set_content(report::import_header(*p.survey) + "\r\n", "text/csv; charset=utf-8");
        }
        char tmpl[] = "/tmp/easyread-form-XXXXXX";
        const int fd = ::mkstemp(tmpl);
        if (fd < 0) return send_error(res, 500, "cannot make the paper form");
        ::close(fd);
        const std::string pdf = std::string(tmpl) + ".pdf";
        bool made;
        {
            std::lock_guard<std::mutex> one(heavy_);
            made = report::render_paper_form(*p.survey, *bank, pdf, p.diags);
        }
        std::ifstream in(pdf, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        ::unlink(tmpl);
        ::unlink(pdf.c_str());
        if (!made || bytes.empty()) return send_error(res, 500, "the paper form could not be made: " + first_problem(p.diags, ""));
        res.set_header("Content-Disposition", "attachment; filename=\"" + stem + "-paper-form.pdf\"");
        res.set_content(bytes, "application/pdf");
    });
}

}  // namespace easyread::studio
