#include "report/reading/review_answers.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <set>

#include "generator/parse/attributes.hpp"
#include "report/reading/response_stream.hpp"
#include "report/reading/result_set.hpp"
#include "survey/sqlite_statement.hpp"

namespace easyread::report {

std::string review_survey_id(const std::string& document_path) {
    // As `easyread review make` names it.
    const std::string id = slugify(std::filesystem::path(document_path).stem().string());
    return "review-" + (id.empty() ? std::string("document") : id);
}

namespace {

// The surveys a file's responses answer ("" when it cannot be read: reading it again says why).
std::set<std::string> surveys_of(const std::string& path, bool& readable) {
    std::set<std::string> ids;
    ReadOnlyAnswersFile file;
    Diagnostics quiet;
    readable = file.open(path, quiet, false);
    if (!readable) return ids;
    survey::Statement st(file.handle(), "SELECT DISTINCT survey_id FROM responses");
    while (st.ok() && st.step() == SQLITE_ROW) ids.insert(st.text(0));
    return ids;
}

}  // namespace

bool read_review_answers(const std::vector<std::string>& paths, const std::string& document_path,
                         const std::string& event, ReviewAnswers& out, Diagnostics& diags) {
    out = ReviewAnswers{};
    const std::string wanted = review_survey_id(document_path);
    // Files holding only other surveys (another document's review) are left
    // out with a warning when some file holds this document's review;
    // when none does, the one survey they hold is read, and matching its
    // chunks says it is another document's.
    std::vector<std::string> use;
    std::vector<std::pair<std::string, std::set<std::string>>> others;
    for (const auto& p : paths) {
        bool readable = true;
        auto ids = surveys_of(p, readable);
        if (!readable || ids.empty() || ids.count(wanted)) use.push_back(p);
        else others.emplace_back(p, std::move(ids));
    }
    LoadOptions options;
    options.count = false;  // the review counts its own way; only the responses are wanted
    if (use.empty()) {
        use = paths;
    } else {
        options.filter.survey_id = wanted;
        for (const auto& [p, ids] : others)
            diags.warning(p, 0, 0, "review-other-document",
                          "this file holds answers to \"" + *ids.begin() + "\", not to the review of " +
                              std::filesystem::path(document_path).filename().string() + " (\"" + wanted +
                              "\"): it is left out",
                          "Give only the answers files of this document's review.");
    }
    ResultSet results;
    if (!load_results(use, options, results, diags)) return false;
    out.survey_id = results.survey_id;
    out.incomplete = results.incomplete;
    if (out.survey_id.rfind("review-", 0) != 0) {
        diags.error(paths.front(), 0, 0, "not-a-review",
                    "these answers are to the survey \"" + out.survey_id + "\", not to a review of a document",
                    "Give the answers file of a review made with 'easyread review make " + document_path + "'.");
        return false;
    }
    ResponseStream stream(results);
    std::set<std::string> events;
    while (const StreamResponse* r = stream.next()) {
        events.insert(r->event);
        if (!event.empty() && r->event != event) continue;
        ReviewResponse v;
        v.document = r->document;
        v.event = r->event;
        v.local_date = r->local_date.empty() ? local_day(r->finished_at) : r->local_date;
        v.finished_at = r->finished_at;
        v.unfinished = r->unfinished;
        for (const auto& a : r->answers) v.answers.emplace_back(a.question, a.value);
        out.responses.push_back(std::move(v));
    }
    if (stream.failed()) {
        stream.report_failure(diags);
        return false;
    }
    if (!event.empty() && out.responses.empty()) {
        std::string list;
        for (const auto& e : events) list += (list.empty() ? "\"" : ", \"") + e + "\"";
        diags.error(paths.front(), 0, 0, "no-such-event", "no answers are from a group called \"" + event + "\"",
                    list.empty() ? std::string("These files hold no answers yet.")
                                 : "Use one of the names exactly as typed at the kiosk: " + list + ".");
        return false;
    }
    return true;
}

}  // namespace easyread::report
