#include "report/reading/result_set.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <thread>

#include "survey/recovery.hpp"
#include "survey/sqlite_statement.hpp"
#include "report/reading/count_tables.hpp"
#include "report/reading/read_answers_file.hpp"

namespace easyread::report {

std::uint32_t StringPool::id(const char* bytes, std::size_t size) {
    std::uint32_t h = 2166136261u;  // FNV-1a
    for (std::size_t i = 0; i < size; ++i) h = (h ^ static_cast<unsigned char>(bytes[i])) * 16777619u;
    std::uint32_t& slot = recent_[h & 255u];
    if (slot != 0) {
        const std::string& s = text_[slot - 1];
        if (s.size() == size && std::memcmp(s.data(), bytes, size) == 0) return slot - 1;
    }
    std::string key(bytes, size);
    auto it = ids_.find(key);
    std::uint32_t n;
    if (it != ids_.end()) {
        n = it->second;
    } else {
        n = static_cast<std::uint32_t>(text_.size());
        text_.push_back(key);
        ids_.emplace(std::move(key), n);
    }
    slot = n + 1;
    return n;
}

long StringPool::find(const std::string& s) const {
    auto it = ids_.find(s);
    return it == ids_.end() ? -1 : static_cast<long>(it->second);
}

// The page check on a thread of its own, with what reading said held back:
// when a file is damaged, the damage is the one thing said.
class PageCheck {
public:
    explicit PageCheck(const std::vector<ReadOnlyAnswersFile>& files) {
        std::vector<std::pair<std::string, std::string>> checked;  // (uri, path): the thread keeps its own copies
        for (const auto& f : files) checked.emplace_back(f.read_only_uri(), f.path());
        thread_ = std::thread([this, checked = std::move(checked)] {
            for (const auto& [uri, path] : checked)
                undamaged_ = ReadOnlyAnswersFile::check_pages(uri, path, found_) && undamaged_;
        });
    }
    ~PageCheck() {
        if (thread_.joinable()) thread_.join();
    }
    PageCheck(const PageCheck&) = delete;
    PageCheck& operator=(const PageCheck&) = delete;
    Diagnostics& held() { return held_; }
    bool passed(Diagnostics& diags) {
        if (thread_.joinable()) {
            thread_.join();
            for (const auto& d : (undamaged_ ? held_ : found_).items()) diags.add(d);
        }
        return undamaged_;
    }

private:
    std::thread thread_;
    Diagnostics found_, held_;
    bool undamaged_ = true;
};

bool ResultSet::undamaged(Diagnostics& diags) { return !page_check || page_check->passed(diags); }

ResultSet::ResultSet() = default;
ResultSet::~ResultSet() = default;
ResultSet::ResultSet(ResultSet&&) noexcept = default;
ResultSet& ResultSet::operator=(ResultSet&&) noexcept = default;

long ResultSet::edition_of(int version, const std::string& hash, const std::string& document) const {
    auto it = edition_index.find(std::make_tuple(version, hash, document));
    return it == edition_index.end() ? -1 : static_cast<long>(it->second);
}

const Edition* ResultSet::newest() const {
    const Edition* best = nullptr;
    for (const auto& e : editions)
        if (e.survey && (!best || e.version > best->version)) best = &e;
    return best;
}

std::string ResultSet::title() const {
    const Edition* e = newest();
    return e && !e->survey->title.empty() ? e->survey->title : survey_id;
}

namespace {

using SurveyCounts = std::map<std::string, int>;  // survey id -> responses

SurveyCounts surveys_in(const ReadOnlyAnswersFile& db, const std::vector<survey::Response>& recovered, Diagnostics& diags,
                        bool& ok) {
    SurveyCounts counts;
    survey::Statement st(db.handle(), "SELECT survey_id, COUNT(*) FROM responses GROUP BY survey_id");
    int step = st.ok() ? SQLITE_ROW : st.prepare_code();
    while (step == SQLITE_ROW && (step = st.step()) == SQLITE_ROW) counts[st.text(0)] += static_cast<int>(st.integer(1));
    if (step != SQLITE_DONE) {
        report_read_failure(db.path(), db.handle(), step, diags);
        ok = false;
    }
    for (const auto& r : recovered) ++counts[r.survey_id];
    return counts;
}

// --from and --to for a recovery line: the day it was given where it was
// given, else the stored time against the limits' local midnights.
bool in_dates(const ReportFilter& filter, const survey::Response& r) {
    if (r.local_date.size() == 10)
        return (filter.from_date.empty() || r.local_date >= filter.from_date) &&
               (filter.to_date.empty() || r.local_date <= filter.to_date);
    if (!filter.from_utc.empty() && r.finished_at < filter.from_utc) return false;
    if (!filter.to_utc.empty() && r.finished_at >= filter.to_utc) return false;
    return true;
}

std::string list_surveys(const SurveyCounts& counts) {
    std::string s;
    for (const auto& [id, n] : counts) s += (s.empty() ? "" : ", ") + id + " (" + std::to_string(n) + " answered)";
    return s;
}

// Picks the survey and checks every file holds answers to it.
bool choose_survey(const std::vector<std::string>& paths, const std::vector<SurveyCounts>& per_file,
                   ResultSet& out, Diagnostics& diags) {
    if (out.survey_id.empty()) {
        SurveyCounts all;
        for (const auto& c : per_file)
            for (const auto& [id, n] : c) all[id] += n;
        if (all.empty()) {
            diags.error(paths.front(), 0, 0, "no-answers", "there are no answers in " +
                        std::string(paths.size() > 1 ? "these files" : "this file") + " yet",
                        "Check you chose the files the kiosks exported after the event.");
            return false;
        }
        if (all.size() > 1) {
            diags.error(paths.front(), 0, 0, "many-surveys",
                        "these answers are to " + std::to_string(all.size()) + " different surveys: " +
                            list_surveys(all),
                        "Choose one with --survey ID, for example --survey " + all.begin()->first + ".");
            return false;
        }
        out.survey_id = all.begin()->first;
    }
    bool ok = true;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        if (per_file[i].count(out.survey_id)) continue;
        if (per_file[i].empty()) {
            diags.warning(paths[i], 0, 0, "empty-file", "this answers file holds no answers yet",
                          "Check it is the file exported after the event.");
            continue;
        }
        ok = false;
        diags.error(paths[i], 0, 0, "other-survey",
                    "this file holds answers to another survey: " + list_surveys(per_file[i]) +
                        "; none are to \"" + out.survey_id + "\"",
                    "Leave this file out, or make a report of it alone with --survey " +
                        per_file[i].begin()->first + ".");
    }
    return ok;
}

// The steps of load_results after every file is open.
bool read_files(const std::vector<std::string>& paths, const LoadOptions& options, ResultSet& out, Diagnostics& diags) {
    std::vector<ReadOnlyAnswersFile>& dbs = out.files;
    bool ok = true;
    // One read transaction each, held as long as the ResultSet: the counts and
    // the outputs that list every answer see the same answers, even of a file a kiosk still writes.
    for (auto& db : dbs)
        if (int rc = survey::exec_sql(db.handle(), "BEGIN"); rc != SQLITE_OK) {
            report_read_failure(db.path(), db.handle(), rc, diags);
            return false;
        }

    // Responses the kiosk could not put in the database wait in a file beside it.
    std::vector<survey::RecoveryContents> recovered(paths.size());
    std::vector<SurveyCounts> per_file(paths.size());
    for (std::size_t i = 0; i < paths.size(); ++i) {
        recovered[i] = survey::read_recovery(paths[i] + ".recovery.jsonl");
        per_file[i] = surveys_in(dbs[i], recovered[i].responses, diags, ok);
    }
    if (!ok || !choose_survey(paths, per_file, out, diags)) return false;
    out.recovered.resize(paths.size());
    for (std::size_t i = 0; i < paths.size(); ++i) {
        for (auto& r : recovered[i].responses)
            if (r.survey_id == out.survey_id && in_dates(out.filter, r)) out.recovered[i].push_back(std::move(r));
        if (!recovered[i].unreadable_lines.empty())
            out.incomplete.push_back(std::to_string(recovered[i].unreadable_lines.size()) + " saved answers in " +
                                     paths[i] + ".recovery.jsonl cannot be read, so they are not counted");
    }
    if (!read_survey_texts(options, out, out.texts, diags)) return false;
    // A file that keeps its counts is counted from them, not answer by answer.
    bool counted = false;
    if (options.count_tables && !count_from_tables(out, diags, counted, options.count)) return false;
    if (counted) return finish_counting(out, diags);
    if (!options.count) return true;
    return count_answers(out, diags) && finish_counting(out, diags);
}

}  // namespace

bool finish_counting(ResultSet& out, Diagnostics& diags) {
    if (!define_editions(out.texts, out, diags)) return false;
    const std::string first_path = out.files.empty() ? std::string() : out.files.front().path();
    if (out.responses == 0 && (!out.filter.from_date.empty() || !out.filter.to_date.empty())) {
        std::string range = out.filter.from_date.empty() ? "up to " + words_date(out.filter.to_date)
                            : out.filter.to_date.empty() ? "from " + words_date(out.filter.from_date)
                                                         : "from " + words_date(out.filter.from_date) + " to " +
                                                               words_date(out.filter.to_date);
        diags.error(first_path, 0, 0, "no-answers-in-dates", "there are no answers " + range,
                    "Check the dates with --from and --to, or leave them out to report on every answer.");
        return false;
    }
    if (!out.filter.event.empty()) {
        bool any = std::any_of(out.response_cells.begin(), out.response_cells.end(),
                               [&](const ResponseCell& c) { return out.selected(c.event); });
        if (!any) {
            std::set<std::string> events;
            for (const auto& c : out.response_cells) events.insert(out.names[c.event]);
            std::string list;
            for (const auto& e : events) list += (list.empty() ? "\"" : ", \"") + e + "\"";
            diags.error(first_path, 0, 0, "no-such-event", "no answers are from an event called \"" +
                        out.filter.event + "\"",
                        events.empty() ? std::string("There are no answers in these dates.")
                                       : "Use one of the event names exactly as typed: " + list + ".");
            return false;
        }
    }
    return true;
}

bool load_results(const std::vector<std::string>& paths, const LoadOptions& options, ResultSet& out,
                  Diagnostics& diags) {
    out.page_check.reset();  // a check left running on these files ends before they close
    out = ResultSet{};
    out.filter = options.filter;
    out.survey_id = options.filter.survey_id;
    if (paths.empty()) {
        diags.error({}, 0, 0, "no-input", "no answers file was given", "Name one or more .db files.");
        return false;
    }
    std::vector<ReadOnlyAnswersFile>& dbs = out.files;
    dbs.resize(paths.size());
    bool ok = true;
    for (std::size_t i = 0; i < paths.size(); ++i) ok = dbs[i].open(paths[i], diags, false) && ok;
    if (!ok) {  // every file's problems at once, damage too
        for (const auto& db : dbs)
            if (db.handle()) db.check_pages(diags);
        return false;
    }
    for (std::size_t i = 0; i < paths.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (paths[i] == paths[j]) {
                diags.warning(paths[i], 0, 0, "same-file", "this file is named twice; it is read once");
                break;
            }
    // Every page is checked on a thread of its own while the answers are
    // read (and, deferred, while the CSV is written); damage found by the
    // check is the one thing said, and the answers are not used.
    out.page_check = std::make_unique<PageCheck>(dbs);
    ok = read_files(paths, options, out, out.page_check->held());
    if (ok && options.defer_page_check) return true;
    return out.undamaged(diags) && ok;
}

}  // namespace easyread::report
