// Boards: upload kiosk answers files and typed-up paper answers, see the
// board report as a page, write the board's "You said, we did" actions and
// download every output. The page is drawn from the same BoardReport blocks
// the PDF and HTML renderers walk, and every download is made by the same
// run_report as `easyread report`: the numbers are counted in one place.
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "base/text_util.hpp"
#include "report/counting/share_words.hpp"
#include "report/counting/tally.hpp"
#include "report/outputs/actions_file.hpp"
#include "report/outputs/board_report.hpp"
#include "report/report_job.hpp"
#include "studio/board_store.hpp"
#include "studio/json_writer.hpp"
#include "studio/names.hpp"
#include "studio/studio_app.hpp"

namespace easyread::studio {

namespace {

using report::BlockKind;

const char* block_kind_name(BlockKind k) {
    switch (k) {
    case BlockKind::Title: return "title";
    case BlockKind::Subtitle: return "subtitle";
    case BlockKind::Meta: return "meta";
    case BlockKind::Warning: return "warning";
    case BlockKind::Section: return "section";
    case BlockKind::Question: return "question";
    case BlockKind::Paragraph: return "paragraph";
    case BlockKind::Note: return "note";
    case BlockKind::Table: return "table";
    case BlockKind::Chart: return "chart";
    case BlockKind::Comments: return "comments";
    case BlockKind::Action: return "action";
    case BlockKind::Point: return "point";
    case BlockKind::PageBreak: return "page-break";
    case BlockKind::PageResult: return "page-result";
    }
    return "paragraph";
}

void strings(Json& j, const char* key, const std::vector<std::string>& items) {
    j.key(key).begin_array();
    for (const auto& s : items) j.value(s);
    j.end_array();
}

// The report's blocks as the page draws them (studio/web/board.js), one for one.
void blocks_json(Json& j, const report::BoardReport& r) {
    j.key("blocks").begin_array();
    for (const auto& b : r.blocks) {
        if (b.kind == BlockKind::PageBreak) continue;
        j.begin_object().field("kind", block_kind_name(b.kind)).field("text", b.text).field("picture", b.picture_id);
        strings(j, "lines", b.lines);
        strings(j, "notes", b.notes);
        if (b.kind == BlockKind::Table) {
            j.key("table").begin_object().field("caption", b.table.caption).field("total", b.table.total_row);
            strings(j, "header", b.table.header);
            j.key("rows").begin_array();
            for (const auto& row : b.table.rows) {
                j.begin_array();
                for (const auto& c : row) j.value(c);
                j.end_array();
            }
            j.end_array().end_object();
        }
        if (b.kind == BlockKind::Chart) {
            j.key("chart").begin_object().field("alt", b.chart.alt).field("most", b.chart.most).key("bars").begin_array();
            for (const auto& bar : b.chart.bars)
                j.begin_object().field("label", bar.label).field("picture", bar.picture_id).field("count", bar.count)
                    .field("words", report::number_words(bar.count)).end_object();
            j.end_array().end_object();
        }
        if (b.kind == BlockKind::PageResult) j.field("page", b.page).field("document", b.document);
        j.end_object();
    }
    j.end_array();
}

// The filter from the query: event, from, to (YYYY-MM-DD). False with `error`.
bool filter_of(const httplib::Request& req, report::ReportFilter& f, std::string& error) {
    f.event = param(req, "event");
    f.from_date = param(req, "from");
    f.to_date = param(req, "to");
    if (f.event.size() > 200) {
        error = "that event name is too long";
        return false;
    }
    return report::resolve_dates(f, error);
}

// " (event X, from D, to D)" for the audit line: what a download covered.
std::string filter_words(const report::ReportFilter& f) {
    std::string s;
    if (!f.event.empty()) s += ", event " + one_line(f.event);
    if (!f.from_date.empty()) s += ", from " + f.from_date;
    if (!f.to_date.empty()) s += ", to " + f.to_date;
    return s.empty() ? s : " (" + s.substr(2) + ")";
}

std::vector<std::string> question_ids(const report::Tally& t) {
    std::vector<std::string> ids;
    for (const auto& q : t.questions) ids.push_back(q.id);
    return ids;
}

// The answers counted as the report counts them. False with the first problem in `error`.
struct BoardCount {
    report::ResultSet results;
    report::Tally tally;
    report::ActionsFile actions;
    bool with_actions = false;
    Diagnostics diags;
};

bool count_board(const BoardStore& boards, const report::ReportFilter& filter, BoardCount& out, std::string& error) {
    const auto paths = boards.answers_paths();
    if (paths.empty()) {
        error = "there are no answers files yet: upload a kiosk answers file first";
        return false;
    }
    report::LoadOptions load;
    load.filter = filter;
    if (!report::load_results(paths, load, out.results, out.diags)) {
        error = first_problem(out.diags, "the answers files cannot be read");
        return false;
    }
    out.tally = report::tally_results(out.results);
    if (boards.has_actions()) {
        out.with_actions = report::load_actions(boards.actions_path(), question_ids(out.tally), out.actions, out.diags);
        if (!out.with_actions) {
            error = "the actions cannot be used: " + first_problem(out.diags, "the actions file cannot be read");
            return false;
        }
    }
    return true;
}

// A folder of its own under /tmp for one download, removed with what is in it.
struct TempFolder {
    std::string path;
    TempFolder() {
        char tmpl[] = "/tmp/easyread-board-XXXXXX";
        if (::mkdtemp(tmpl)) path = tmpl;
    }
    ~TempFolder() {
        if (path.empty()) return;
        if (DIR* d = ::opendir(path.c_str())) {
            while (dirent* e = ::readdir(d))
                if (e->d_name[0] != '.') ::unlink((path + "/" + e->d_name).c_str());
            ::closedir(d);
        }
        ::rmdir(path.c_str());
    }
};

struct DownloadKind {
    const char* format;
    report::OutputKind kind;
    const char* file;  // without "we did" when there are no actions
    const char* type;
};

const DownloadKind kDownloads[] = {
    {"pdf", report::OutputKind::BoardPdf, "board-report.pdf", "application/pdf"},
    {"html", report::OutputKind::BoardHtml, "board-report.html", "text/html; charset=utf-8"},
    {"csv", report::OutputKind::Csv, "answers.csv", "text/csv; charset=utf-8"},
    {"json", report::OutputKind::Json, "answers.json", "application/json"},
    {"easy-pdf", report::OutputKind::EasyReadPdf, "you-said.pdf", "application/pdf"},
    {"easy-html", report::OutputKind::EasyReadHtml, "you-said.html", "text/html; charset=utf-8"},
    {"easy-md", report::OutputKind::EasyReadMarkdown, "you-said.md", "text/markdown; charset=utf-8"},
};

// A "what" line of the board's words kept as words: a line that would start
// a heading, list, quote or field in Markdown gets a backslash first.
std::string markdown_words(const std::string& line) {
    std::string t = trim(line);
    if (t.empty()) return t;
    const char c = t[0];
    bool numbered = std::isdigit(static_cast<unsigned char>(c)) && t.find_first_not_of("0123456789") != std::string::npos &&
                    (t[t.find_first_not_of("0123456789")] == '.' || t[t.find_first_not_of("0123456789")] == ')');
    if (c == '#' || c == '-' || c == '+' || c == '*' || c == '>' || c == '=' || c == '_' || c == '`' || c == '|' ||
        c == '<' || numbered)
        t = "\\" + t;
    std::string lower_t = lower(t);
    if (lower_t.rfind("who:", 0) == 0 || lower_t.rfind("by when:", 0) == 0) t = "\\" + t;
    return t;
}

}  // namespace

// The actions form's fields as the actions file `easyread report --actions` reads.
std::string actions_markdown(const std::vector<std::pair<std::string, std::string>>& fields,
                             const std::vector<std::string>& question_ids) {
    auto get = [&](const std::string& key) {
        for (const auto& [k, v] : fields)
            if (k == key) return v;
        return std::string();
    };
    std::string md = "---\n";
    for (const char* key : {"organisation", "contact", "checked_by"})
        if (auto v = one_line(get(key)); !v.empty()) md += std::string(key) + ": " + v + "\n";
    md += "---\n";
    for (const auto& id : question_ids) {
        const std::string what = get("what:" + id), who = one_line(get("who:" + id)), when = one_line(get("when:" + id));
        if (trim(what).empty() && who.empty() && when.empty()) continue;
        md += "\n## " + id + "\n\n";
        std::istringstream lines(what);
        std::string line, para;
        auto flush = [&] {
            if (!para.empty()) md += para + "\n\n";
            para.clear();
        };
        while (std::getline(lines, line)) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (trim(line).empty()) flush();
            else para += (para.empty() ? "" : "\n") + markdown_words(line);
        }
        flush();
        if (!who.empty()) md += "- Who: " + who + "\n";
        if (!when.empty()) md += "- By when: " + when + "\n";
    }
    return md;
}

void StudioApp::add_board_routes() {
    // A team's boards/ sits beside its documents/ (DocStore resolved the documents' path).
    const std::string docs = store_.folder();
    boards_ = std::make_unique<BoardStore>(options_.team.empty() ? docs + "/" + BoardStore::kFolder
                                                                 : docs.substr(0, docs.rfind('/')) + "/boards",
                                           options_.max_upload_bytes);

    add("GET", "/api/board/files", [this](const httplib::Request&, httplib::Response& res) {
        Json j;
        j.begin_object().key("files").begin_array();
        for (const auto& f : boards_->list())
            j.begin_object().field("name", f.name).field("kind", f.kind).field("size", f.size)
                .field("modified", f.modified).end_object();
        j.end_array().field("max_files", BoardStore::kMaxFiles).field("max_bytes", options_.max_upload_bytes);
        send_json(res, j.end_object().str());
    }, Role::Board);

    // One file a request: a kiosk answers file (.db), or a paper CSV with its event and date.
    add("POST", "/api/board/upload", [this](const httplib::Request& req, httplib::Response& res) {
        if (!req.is_multipart_form_data() || !req.has_file("file")) return send_error(res, 400, "choose a file to upload");
        if (req.files.size() > options_.max_upload_files + 3) return send_error(res, 413, "upload one file at a time");
        const auto& f = req.get_file_value("file");
        auto field = [&](const char* name) {
            return req.has_file(name) ? req.get_file_value(name).content : param(req, name);
        };
        std::string name;
        StoreError err;
        const bool paper = lower(f.filename).size() >= 4 && lower(f.filename).substr(f.filename.size() - 4) == ".csv";
        bool ok;
        {
            std::lock_guard<std::mutex> one(heavy_);
            if (paper) {
                PaperUpload up{f.filename, f.content, field("event"), field("date"), {}};
                // The survey the forms printed: one of the studio's surveys, else the kiosk files' newest.
                if (const std::string survey = field("survey"); !survey.empty()) {
                    StoredFile s;
                    if (!store_.read("surveys/" + survey, s, err, kMaxSurveyBytes)) return send_error(res, err.status, err.message);
                    up.survey_text = s.bytes;
                } else if (const auto texts = boards_->survey_texts(); !texts.empty()) {
                    up.survey_text = texts.front();
                }
                ok = boards_->add_paper(up, name, err);
            } else {
                ok = boards_->add_kiosk_file(f.filename, f.content, name, err);
            }
        }
        if (!ok) return send_error(res, err.status, err.message);
        audit(req, paper ? "board upload paper answers" : "board upload kiosk answers", name);
        send_json(res, Json().begin_object().field("name", name).field("kind", paper ? "paper" : "kiosk").end_object().str());
    }, Role::Board);

    // The board report as blocks for the page, with the events to filter by.
    add("GET", "/api/board/report", [this](const httplib::Request& req, httplib::Response& res) {
        report::ReportFilter filter;
        std::string error;
        if (!filter_of(req, filter, error)) return send_error(res, 400, error);
        BoardCount c;
        if (!count_board(*boards_, filter, c, error)) return send_error(res, 422, error);
        // The page names each file as the board knows it, not by where the server keeps it.
        for (auto& in : c.results.inputs) in.path = in.path.substr(in.path.find_last_of('/') + 1);
        const report::BoardReport board = report::build_board_report(c.results, c.tally, c.with_actions ? &c.actions : nullptr);
        Json j;
        j.begin_object().field("title", board.title).field("complete", board.complete)
            .field("responses", c.tally.responses).field("comments", c.tally.comment_count)
            .field("with_actions", c.with_actions).key("events").begin_array();
        std::vector<std::string> names;
        for (const auto& e : c.tally.events) {
            if (std::find(names.begin(), names.end(), e.name) != names.end()) continue;
            names.push_back(e.name);
            j.begin_object().field("name", e.name).field("words", report::event_words(e.name)).end_object();
        }
        j.end_array();
        blocks_json(j, board);
        send_json(res, j.end_object().str());
    }, Role::Board);

    // The actions as the form shows them: one per question the answers have.
    add("GET", "/api/board/actions", [this](const httplib::Request&, httplib::Response& res) {
        StoredFile f;
        StoreError err;
        if (!boards_->read_actions(f, err)) return send_error(res, err.status, err.message);
        BoardCount c;
        if (boards_->answers_paths().empty()) return send_error(res, 422, "upload the answers files before writing actions");
        if (!report::load_results(boards_->answers_paths(), {}, c.results, c.diags))
            return send_error(res, 422, first_problem(c.diags, "the answers files cannot be read"));
        c.tally = report::tally_results(c.results);
        // A file the form cannot read (written by hand, say) is said, and the form starts empty.
        std::string problem;
        if (!f.bytes.empty() && !report::load_actions(boards_->actions_path(), question_ids(c.tally), c.actions, c.diags))
            problem = first_problem(c.diags, "the actions file cannot be read");
        Json j;
        j.begin_object().field("version", f.version).field("problem", problem)
            .field("organisation", c.actions.meta.get("organisation")).field("contact", c.actions.meta.get("contact"))
            .field("checked_by", c.actions.meta.get("checked_by")).key("questions").begin_array();
        for (const auto& q : c.tally.questions) {
            if (q.groups.empty()) continue;
            const report::Action* a = c.actions.find(q.id);
            std::string what;
            if (a)
                for (const auto& p : a->what) what += (what.empty() ? "" : "\n\n") + p;
            j.begin_object().field("id", q.id).field("text", q.groups.front().question.text)
                .field("picture", q.groups.front().question.picture).field("what", what)
                .field("who", a ? a->who : "").field("when", a ? a->by_when : "").end_object();
        }
        send_json(res, j.end_array().end_object().str());
    }, Role::Board);

    // Saves the form (application/x-www-form-urlencoded) as the actions file;
    // refused, with the line, when `easyread report` could not read it back.
    add("PUT", "/api/board/actions", [this](const httplib::Request& req, httplib::Response& res) {
        if (req.body.size() > (256u << 10)) return send_error(res, 413, "the actions are too long");
        if (!req.has_header("If-Match")) return send_error(res, 428, "a save must name the version it changes (If-Match)");
        const std::string base = save_base(req);
        httplib::Params params;
        httplib::detail::parse_query_text(req.body, params);
        std::vector<std::pair<std::string, std::string>> fields(params.begin(), params.end());
        BoardCount c;
        if (boards_->answers_paths().empty()) return send_error(res, 422, "upload the answers files before writing actions");
        if (!report::load_results(boards_->answers_paths(), {}, c.results, c.diags))
            return send_error(res, 422, first_problem(c.diags, "the answers files cannot be read"));
        c.tally = report::tally_results(c.results);
        const std::string md = actions_markdown(fields, question_ids(c.tally));
        // Read back as the report will, before it replaces what is on disk.
        char tmpl[] = "/tmp/easyread-actions-XXXXXX";
        const int fd = ::mkstemp(tmpl);
        if (fd < 0) return send_error(res, 500, "cannot check the actions");
        const bool written = ::write(fd, md.data(), md.size()) == static_cast<ssize_t>(md.size());
        ::close(fd);
        Diagnostics diags;
        const bool readable = written && report::load_actions(tmpl, question_ids(c.tally), c.actions, diags);
        ::unlink(tmpl);
        if (!readable) return send_error(res, 422, "the actions were not saved: " + first_problem(diags, "they cannot be read back"));
        std::string version;
        StoreError err;
        if (!boards_->write_actions(md, base, version, err)) return send_error(res, err.status, err.message);
        Json j;
        j.begin_object().field("version", version).key("warnings").begin_array();
        for (const auto& d : diags.items())
            if (d.severity == Severity::Warning) {
                std::string q;
                for (const auto& a : c.actions.actions)
                    if (a.line == d.line) q = a.question_id;
                // The file's hint speaks of its lines; the form has boxes.
                const std::string hint = d.id == "action-who-when" ? "Fill in Who and By when."
                                         : d.id == "action-empty" ? "Say what the board will do."
                                                                  : d.hint;
                j.begin_object().field("question", q).field("message", d.message + ". " + hint).end_object();
            }
        send_json(res, j.end_array().end_object().str());
    }, Role::Board);

    // Every output, made by `easyread report`'s own run, with the page's filter.
    auto download = [this](const httplib::Request& req, httplib::Response& res, bool unmasked) {
        const std::string format = unmasked ? "csv" : param(req, "format");
        const DownloadKind* kind = nullptr;
        for (const auto& k : kDownloads)
            if (format == k.format) kind = &k;
        if (!kind) return send_error(res, 400, "choose pdf, html, csv, json, easy-pdf, easy-html or easy-md");
        report::ReportRequest r;
        std::string error;
        if (!filter_of(req, r.filter, error)) return send_error(res, 400, error);
        r.inputs = boards_->answers_paths();
        if (r.inputs.empty()) return send_error(res, 422, "there are no answers files yet");
        for (const auto& in : r.inputs) r.input_names.push_back(in.substr(in.find_last_of('/') + 1));
        if (boards_->has_actions()) r.actions_path = boards_->actions_path();
        r.unmasked = unmasked;
        TempFolder tmp;
        if (tmp.path.empty()) return send_error(res, 500, "cannot make a folder for the download");
        std::string file = kind->file;
        if (!r.actions_path.empty() && file.rfind("you-said", 0) == 0) file.insert(8, "-we-did");
        if (unmasked) file = "answers-UNMASKED.csv";
        r.outputs.push_back({kind->kind, tmp.path + "/" + file});
        Diagnostics diags;
        std::string summary;
        int status;
        {
            std::lock_guard<std::mutex> one(heavy_);
            status = report::run_report(r, diags, summary);
        }
        if (status != report::kExitOk) return send_error(res, 422, first_problem(diags, "the report could not be made"));
        audit(req, unmasked ? "board export UNMASKED" : "board export", file + filter_words(r.filter));
        std::ifstream in(r.outputs.front().path, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        set_sandboxed(res);
        res.set_header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        res.set_content(bytes, kind->type);
    };
    add("GET", "/api/board/download", [download](const httplib::Request& req, httplib::Response& res) {
        download(req, res, false);
    }, Role::Board);
    // Comments as people typed them, for safeguarding: admins only.
    add("GET", "/api/board/unmasked.csv", [download](const httplib::Request& req, httplib::Response& res) {
        download(req, res, true);
    }, Role::Admin);
    add("GET", "/api/board/unmasked", [this](const httplib::Request& req, httplib::Response& res) {
        report::ReportFilter filter;
        std::string error;
        if (!filter_of(req, filter, error)) return send_error(res, 400, error);
        BoardCount c;
        if (!count_board(*boards_, filter, c, error)) return send_error(res, 422, error);
        audit(req, "board view UNMASKED comments", "comments" + filter_words(filter));
        Json j;
        j.begin_object().key("comments").begin_array();
        for (const auto& row : c.results.comments) {
            if (!c.results.selected(row.event)) continue;
            j.begin_object().field("question", c.results.question_ids[row.question])
                .field("event", report::event_words(c.results.names[row.event]))
                .field("date", report::words_date(row.finished_at)).field("text", row.text).end_object();
        }
        send_json(res, j.end_array().end_object().str());
    }, Role::Admin);
}

}  // namespace easyread::studio
