#include "report/paper/paper_import.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <ctime>
#include <map>
#include <optional>

#include "symbols/bank.hpp"
#include "symbols/matcher.hpp"
#include "survey/response.hpp"
#include "survey/response_columns.hpp"
#include "survey/sqlite_statement.hpp"
#include "survey/store.hpp"
#include "survey/timestamps.hpp"
#include "survey/survey_parser.hpp"
#include "report/paper/csv_table.hpp"
#include "report/reading/report_filter.hpp"
#include "report/report_job.hpp"
#include "report/reading/survey_pages.hpp"
#include "base/text_util.hpp"

namespace easyread::report {

namespace {

// One typed-up form: the response, its number on paper and its line in the CSV.
struct PaperRow {
    survey::Response response;
    std::string form;
    int line = 0;
};

std::string allowed_values(const survey::Question& q) {
    if (q.is_comment()) return "any words";
    std::string s;
    for (const auto& o : q.options) s += (s.empty() ? "" : ", ") + o.id;
    return s + (q.is_multi() ? " (several joined with ;, as homes;jobs)" : "");
}

// When the paper forms were filled in, as a stored time: noon on the day given, else now.
bool answer_time(const std::string& date, std::string& out) {
    if (date.empty()) {
        out = survey::iso_utc_now();
        return true;
    }
    ReportFilter f;
    f.from_date = date;
    std::string error;
    if (!resolve_dates(f, error)) return false;
    int y, mo, d, h, mi, s;
    std::sscanf(f.from_utc.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s);
    std::tm t{};
    t.tm_year = y - 1900;
    t.tm_mon = mo - 1;
    t.tm_mday = d;
    t.tm_hour = h + 12;
    t.tm_min = mi;
    out = survey::iso_utc(static_cast<std::int64_t>(timegm(&t)) * 1000);
    return true;
}

class RowChecker {
public:
    RowChecker(const std::string& path, const survey::Survey& survey, Diagnostics& diags)
        : path_(path), survey_(survey), diags_(diags) {}

    bool header(const CsvRow& row) {
        const char* fixed[] = {"response_id", "respondent"};
        for (int k = 0; k < 2; ++k) {
            if (static_cast<int>(row.cells.size()) > k && trim(row.cells[static_cast<std::size_t>(k)].text) == fixed[k]) continue;
            const CsvCell* at = static_cast<int>(row.cells.size()) > k ? &row.cells[static_cast<std::size_t>(k)] : &row.cells.back();
            error(*at, "csv-header", std::string("column ") + std::to_string(k + 1) + " of the first line must be \"" +
                                         fixed[k] + "\"",
                  "Start the file with the line response_id,respondent, then the question ids.");
            return false;
        }
        std::map<std::string, int> seen;
        for (std::size_t k = 2; k < row.cells.size(); ++k) {
            std::string id = trim(row.cells[k].text);
            const survey::Question* q = survey_.find(id);
            if (!q && id == survey::kAnythingElseId) q = &anything_else_;
            if (!q) {
                std::string known;
                for (const auto& sq : survey_.questions) known += (known.empty() ? "" : ", ") + sq.id;
                error(row.cells[k], "unknown-question",
                      "there is no question \"" + id + "\" in survey \"" + survey_.id + "\" version " +
                          std::to_string(survey_.version),
                      "Use the question ids printed on the form: " + known + ".");
            } else if (!seen.emplace(id, row.cells[k].column).second) {
                error(row.cells[k], "column-twice", "the question \"" + id + "\" has two columns",
                      "Keep one column for each question.");
            }
            columns_.push_back(q);
        }
        return !diags_.has_errors();
    }

    // `scope`: form_scope(), what besides the form number tells one form from another.
    void row(const CsvRow& r, std::vector<PaperRow>& out, const survey::Response& base, const std::string& scope) {
        const std::size_t width = columns_.size() + 2;
        if (r.cells.size() != width) {
            const CsvCell& at = r.cells.size() > width ? r.cells[width] : r.cells.back();
            error(at, "csv-cells", "this line has " + std::to_string(r.cells.size()) + " cells but the first line has " +
                                       std::to_string(width),
                  "Check for a missing or extra comma; put commas inside a cell between \"quotes\".");
            return;
        }
        survey::Response resp = base;
        const std::string id = trim(r.cells[0].text);
        if (id.empty()) {
            error(r.cells[0], "no-response-id", "this line has no response_id", "Write the number on the paper form.");
            return;
        }
        if (auto [it, fresh] = ids_.emplace(id, r.line); !fresh) {
            error(r.cells[0], "response-id-twice",
                  "response_id \"" + id + "\" is already used on line " + std::to_string(it->second),
                  "Give each paper form its own number.");
            return;
        }
        resp.uuid = survey::uuid_from_name(survey_.id + ":" + scope + ":" + id);
        std::string who = trim(r.cells[1].text);
        survey::Respondent parsed;
        if (who.empty()) who = "not-said";
        if (!survey::respondent_from_value(who, parsed)) {
            error(r.cells[1], "bad-respondent", "\"" + who + "\" is not who answered",
                  "Use self, carer, helper, staff or not-said.");
            return;
        }
        resp.respondent = who;
        for (std::size_t k = 2; k < width; ++k) {
            const survey::Question* q = columns_[k - 2];
            std::string v = trim(r.cells[k].text);
            if (v.empty()) continue;  // not answered
            if (q->is_multi() && v.find(';') != std::string::npos &&
                (";" + v + ";").find(";dont-know;") != std::string::npos) {
                error(r.cells[k], "bad-answer",
                      "\"" + v + "\" says \"do not know\" and also chooses answers to question \"" + q->id + "\"",
                      "Keep dont-know alone, or only the answers chosen.");
                continue;
            }
            if (!q->allows_value(v)) {
                error(r.cells[k], "bad-answer",
                      "\"" + v + "\" is not an answer to question \"" + q->id + "\" (" +
                          survey::question_type_name(q->type) + ")",
                      "Use " + allowed_values(*q) + ", or leave the cell empty.");
                continue;
            }
            resp.answers.push_back({q->id, v});
        }
        out.push_back({std::move(resp), id, r.line});
    }

private:
    std::string path_;
    const survey::Survey& survey_;
    Diagnostics& diags_;
    std::vector<const survey::Question*> columns_;
    std::map<std::string, int> ids_;
    survey::Question anything_else_ = [] {
        survey::Question q;
        q.id = survey::kAnythingElseId;
        q.type = survey::QuestionType::Comment;
        return q;
    }();

    void error(const CsvCell& at, const char* id, const std::string& message, const std::string& hint) {
        diags_.error(path_, at.line, at.column, id, message, hint);
    }
};

// The day the forms were filled in, YYYY-MM-DD: --date, else today (local time).
std::string import_day(const std::string& date) {
    if (!date.empty()) return date;
    std::time_t t = std::time(nullptr);
    std::tm local{};
    localtime_r(&t, &local);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &local);
    return buf;
}

std::string base_name(const std::string& path) {
    std::size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// What, besides the form number, tells one paper form from another: the event
// (its name and day) or, with no event, the import batch (the file's name and day).
std::string form_scope(const ImportRequest& req, const std::string& day) {
    return req.event.empty() ? "batch:" + base_name(req.csv_path) + "@" + day : "event:" + req.event + "@" + day;
}

bool response_exists(sqlite3* db, const std::string& uuid) {
    survey::Statement st(db, "SELECT 1 FROM responses WHERE uuid = ?");
    st.bind(1, uuid);
    return st.step() == SQLITE_ROW;
}

// With no --date, the day is today's, so the same forms imported again on
// another day would be new forms. A form is known by its event (or batch) and
// number: when some of these forms are already in the file under an earlier
// day of the same event, they keep that day's identity.
void known_import_day(sqlite3* db, const survey::Survey& survey, const ImportRequest& req, std::vector<PaperRow>& rows,
                      std::string& day) {
    if (rows.empty()) return;
    // The days paper answers of this event were stored on, and the days either
    // side (stored times are UTC, the day in a form's identity is local).
    survey::Statement days(db, "SELECT DISTINCT date(finished_at, o.shift) FROM responses, "
                               "(SELECT '-1 day' AS shift UNION SELECT '+0 day' UNION SELECT '+1 day') o "
                               "WHERE source = 'paper' AND survey_id = ? AND event = ?");
    days.bind(1, survey.id).bind(2, req.event);
    while (days.step() == SQLITE_ROW) {
        const std::string scope = form_scope(req, days.text(0));
        bool known = false;
        for (const auto& p : rows)
            known = known || response_exists(db, survey::uuid_from_name(survey.id + ":" + scope + ":" + p.form));
        if (!known) continue;
        for (auto& p : rows) p.response.uuid = survey::uuid_from_name(survey.id + ":" + scope + ":" + p.form);
        day = days.text(0);
        return;
    }
}

std::optional<survey::Response> stored_response(sqlite3* db, const std::string& uuid) {
    survey::Statement head(db, "SELECT respondent, event, finished_at FROM responses WHERE uuid = ?");
    head.bind(1, uuid);
    if (head.step() != SQLITE_ROW) return std::nullopt;
    survey::Response r;
    r.uuid = uuid;
    r.respondent = head.text(0);
    r.event = head.text(1);
    r.finished_at = head.text(2);
    survey::Statement answers(db, "SELECT question_id, value FROM answers WHERE response_uuid = ? ORDER BY position");
    answers.bind(1, uuid);
    while (answers.step() == SQLITE_ROW) r.answers.push_back({answers.text(0), answers.text(1)});
    return r;
}

// Forms imported before the event was part of a form's identity have the id
// made from the survey and form number alone: such a form from the same event
// and day is the same form, so it keeps that id.
void adopt_earlier_identity(sqlite3* db, const survey::Survey& survey, const std::string& event, PaperRow& p) {
    if (stored_response(db, p.response.uuid)) return;
    const std::string earlier = survey::uuid_from_name(survey.id + ":" + p.form);
    survey::Statement st(db, "SELECT 1 FROM responses WHERE uuid = ? AND source = 'paper' AND event = ? AND "
                            "substr(finished_at, 1, 10) = substr(?, 1, 10)");
    st.bind(1, earlier).bind(2, event).bind(3, p.response.finished_at);
    if (st.step() == SQLITE_ROW) p.response.uuid = earlier;
}

std::string shown(const std::string* value) { return value ? "\"" + *value + "\"" : "empty"; }

// "day was "happy", now "sad"; ideas was empty, now "Too hot"", or "" when the two agree.
std::string differences(const survey::Response& old, const survey::Response& now) {
    std::vector<std::string> parts;
    if (old.respondent != now.respondent)
        parts.push_back("respondent was " + old.respondent + ", now " + now.respondent);
    std::vector<std::string> ids;
    for (const auto& a : old.answers) ids.push_back(a.question_id);
    for (const auto& a : now.answers)
        if (!old.find(a.question_id)) ids.push_back(a.question_id);
    for (const auto& id : ids) {
        const survey::Answer* was = old.find(id);
        const survey::Answer* is = now.find(id);
        if (was && is && was->value == is->value) continue;
        parts.push_back(id + " was " + shown(was ? &was->value : nullptr) + ", now " + shown(is ? &is->value : nullptr));
    }
    std::string s;
    for (const auto& p : parts) s += (s.empty() ? "" : "; ") + p;
    return s;
}

// New forms added and corrected forms put in place of the old ones, all in one transaction.
bool save_forms(sqlite3* db, const std::vector<const survey::Response*>& fresh,
                const std::vector<const survey::Response*>& replacing, std::string& error) {
    if (fresh.empty() && replacing.empty()) return true;
    int rc = survey::exec_sql(db, "BEGIN IMMEDIATE", &error);
    if (rc != SQLITE_OK) return false;
    {
        survey::Statement drop_answers(db, "DELETE FROM answers WHERE response_uuid = ?");
        survey::Statement drop_head(db, "DELETE FROM responses WHERE uuid = ?");
        survey::ResponseWriter writer(db);
        rc = writer.prepare_code();
        auto run = [&](survey::Statement& st) {
            int step = st.step();
            st.reset();
            if (step != SQLITE_DONE) rc = step;
        };
        for (const auto* r : replacing) {
            drop_answers.bind(1, r->uuid);
            run(drop_answers);
            drop_head.bind(1, r->uuid);
            run(drop_head);
        }
        for (const auto* list : {&replacing, &fresh})
            for (const auto* r : *list) {
                bool added = false;
                int step = rc == SQLITE_OK ? writer.write(*r, added) : rc;
                if (step != SQLITE_DONE) rc = step;
            }
    }
    if (rc == SQLITE_OK) rc = survey::exec_sql(db, "COMMIT", &error);
    if (rc != SQLITE_OK) {
        if (error.empty()) error = sqlite3_errmsg(db);
        survey::exec_sql(db, "ROLLBACK");
        return false;
    }
    return true;
}

// A database holding only other surveys is the wrong file, not a place to mix in these answers.
bool right_database(const survey::Store& store, const survey::Survey& survey, Diagnostics& diags) {
    survey::Statement st(store.handle(), "SELECT survey_id FROM responses WHERE survey_id <> ? LIMIT 1");
    st.bind(1, survey.id);
    if (st.step() != SQLITE_ROW) return true;
    survey::Statement mine(store.handle(), "SELECT 1 FROM responses WHERE survey_id = ? LIMIT 1");
    mine.bind(1, survey.id);
    if (mine.step() == SQLITE_ROW) return true;
    diags.error(store.path(), 0, 0, "other-survey",
                "this answers file holds answers to survey \"" + st.text(0) + "\", not \"" + survey.id + "\"",
                "Import into the file for \"" + survey.id + "\", or name a new file with --db.");
    return false;
}

}  // namespace

int import_paper_answers(const ImportRequest& req, ImportSummary& summary, Diagnostics& diags) {
    summary = ImportSummary{};
    symbols::Bank bank;
    bank.load_bundled(diags);
    symbols::Matcher matcher(bank);
    survey::SurveyParseOptions po;
    po.matcher = &matcher;
    auto survey = survey::load_survey(req.survey_path, diags, po);
    if (!survey || !expand_survey_pages(*survey, bank, diags)) return kExitInput;

    survey::Response base;
    base.survey_id = survey->id;
    base.survey_version = survey->version;
    base.survey_hash = survey->hash;
    base.document = survey->document_label;
    base.event = req.event;
    base.device_id = "paper";
    base.source = "paper";
    if (!answer_time(req.date, base.finished_at)) {
        diags.error({}, 0, 0, "bad-date", "--date " + req.date + " is not a date", "Write it as YYYY-MM-DD.");
        return kExitUsage;
    }
    base.started_at = base.finished_at;

    std::vector<CsvRow> rows;
    if (!read_csv(req.csv_path, rows, diags)) return kExitInput;
    if (rows.empty()) {
        diags.error(req.csv_path, 0, 0, "csv-empty", "this file is empty",
                    "The first line is response_id,respondent, then the question ids.");
        return kExitInput;
    }
    RowChecker checker(req.csv_path, *survey, diags);
    std::string day = import_day(req.date);
    const std::string scope = form_scope(req, day);
    std::vector<PaperRow> rows_in;
    if (checker.header(rows[0]))
        for (std::size_t i = 1; i < rows.size(); ++i) checker.row(rows[i], rows_in, base, scope);
    if (diags.has_errors()) return kExitInput;  // one bad row: none of the file goes in
    summary.rows = static_cast<int>(rows_in.size());

    survey::StoreOptions so;
    so.replay_recovery = false;
    survey::Store store(req.db_path, so);
    if (!store.ok()) {
        diags.error(req.db_path, 0, 0, "db-unusable", store.status().words, store.status().detail);
        return kExitOutput;
    }
    if (!right_database(store, *survey, diags) || !store.check_survey(*survey, diags)) return kExitInput;
    if (req.date.empty()) known_import_day(store.handle(), *survey, req, rows_in, day);
    for (auto& p : rows_in) {  // the forms' day, whatever the time zone of a later report
        p.response.local_date = day;
        p.response.zone = survey::local_zone_name();
    }

    // Each form against what the file already holds: new, the same (nothing to do) or different.
    std::vector<const survey::Response*> fresh, replacing;
    for (auto& p : rows_in) {
        adopt_earlier_identity(store.handle(), *survey, req.event, p);
        std::optional<survey::Response> old = stored_response(store.handle(), p.response.uuid);
        if (!old) {
            fresh.push_back(&p.response);
            continue;
        }
        std::string difference = differences(*old, p.response);
        if (difference.empty()) {
            ++summary.already;
            continue;
        }
        if (!req.replace) {
            diags.error(req.csv_path, p.line, 1, "paper-conflict",
                        "form " + p.form + " was imported before with other answers: " + difference,
                        "If this line is right, run again with --replace to put it in place of the old answers; "
                        "if not, correct line " + std::to_string(p.line) + ".");
            continue;
        }
        p.response.corrected_at = survey::iso_utc_now();  // a merge keeps the later correction
        replacing.push_back(&p.response);
        summary.replaced_forms.push_back(p.form);
    }
    if (diags.has_errors()) return kExitInput;
    std::string error;
    if (!save_forms(store.handle(), fresh, replacing, error)) {
        diags.error(req.db_path, 0, 0, "db-save", error, "Nothing was imported. Close other programs using it, then run again.");
        return kExitOutput;
    }
    summary.added = static_cast<int>(fresh.size());
    summary.replaced = static_cast<int>(replacing.size());
    summary.scope_words = req.event.empty() ? "no event, " + day : "event \"" + req.event + "\", " + day;
    return kExitOk;
}

}  // namespace easyread::report
