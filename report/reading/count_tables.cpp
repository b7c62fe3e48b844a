#include "report/reading/count_tables.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <string_view>
#include <tuple>

#include "report/reading/clean_text.hpp"
#include "report/reading/read_answers_file.hpp"
#include "survey/answer_counts.hpp"

namespace easyread::report {

namespace {

// One row of response_counts or answer_counts, as stored.
struct CountRow {
    int version = 0;
    std::string hash, document, event, day, respondent_or_question, value, first_at, last_at;
    bool unfinished = false;
    long count = 0;
};

class Query {
public:
    Query(sqlite3* db, const std::string& sql) { code_ = sqlite3_prepare_v2(db, sql.c_str(), -1, &st_, nullptr); }
    ~Query() { sqlite3_finalize(st_); }
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;
    int code() const { return code_; }
    void bind(int i, const std::string& v) { sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT); }
    // SQLITE_ROW, else the last code (SQLITE_DONE at the end).
    int step() { return code_ = code_ == SQLITE_OK || code_ == SQLITE_ROW ? sqlite3_step(st_) : code_; }
    // The column's bytes, NULs and all.
    std::string_view text(int col) const {
        const char* p = reinterpret_cast<const char*>(sqlite3_column_text(st_, col));
        return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(st_, col))) : std::string_view();
    }
    long integer(int col) const { return static_cast<long>(sqlite3_column_int64(st_, col)); }

private:
    sqlite3_stmt* st_ = nullptr;
    int code_ = SQLITE_OK;
};

// The key text a count was kept under is used as it stands only when a
// report reading every answer would read the same: valid text, and a day
// that is the response's day or the UTC hour (13 characters) counted for it.
bool usable_key(std::string_view text) { return !needs_cleaning(text); }
bool usable_day(std::string_view day, bool dated) {
    if (is_day(day)) return true;
    if (dated || day.size() > 13) return false;
    return std::all_of(day.begin(), day.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool read_rows(Query& q, bool responses, bool dated, std::vector<CountRow>& rows, bool& usable) {
    while (q.step() == SQLITE_ROW) {
        CountRow r;
        r.version = static_cast<int>(q.integer(0));
        r.hash = q.text(1);
        r.document = q.text(2);
        r.event = q.text(3);
        r.day = q.text(4);
        r.respondent_or_question = q.text(5);
        r.unfinished = q.integer(6) != 0;
        r.count = q.integer(7);
        if (responses) {
            r.first_at = q.text(8);
            r.last_at = q.text(9);
        } else {
            r.value = q.text(8);
        }
        for (const std::string* s : {&r.hash, &r.document, &r.event, &r.respondent_or_question, &r.value, &r.first_at, &r.last_at})
            usable = usable && usable_key(*s);
        usable = usable && usable_day(r.day, dated);
        if (r.count > 0) rows.push_back(std::move(r));
    }
    return q.code() == SQLITE_DONE;
}

}  // namespace

bool count_from_tables(ResultSet& out, Diagnostics& diags, bool& counted, bool comments) {
    counted = false;
    if (out.files.size() != 1 || out.files[0].schema() < 6) return true;
    if (!out.recovered.empty() && !out.recovered[0].empty()) return true;
    const ReadOnlyAnswersFile& file = out.files[0];
    const ReportFilter& f = out.filter;
    const bool dated = !f.from_date.empty() || !f.to_date.empty();
    auto in_dates = [&](const std::string& day) {
        return (f.from_date.empty() || day >= f.from_date) && (f.to_date.empty() || day <= f.to_date);
    };
    auto fail = [&](int code) {
        report_read_failure(file.path(), file.handle(), code, diags);
        return false;
    };

    // Read first, then counted only when every key can be used as it stands.
    std::vector<CountRow> heads, answers;
    bool usable = true;
    {
        Query q(file.handle(), "SELECT survey_version, survey_hash, document, event, day, respondent, unfinished, count, "
                               "first_at, last_at FROM response_counts WHERE survey_id = ?1");
        if (q.code() != SQLITE_OK) return fail(q.code());
        q.bind(1, out.survey_id);
        if (!read_rows(q, true, dated, heads, usable)) return fail(q.code());
    }
    {
        Query q(file.handle(), "SELECT survey_version, survey_hash, document, event, day, question_id, unfinished, count, "
                               "value FROM answer_counts WHERE survey_id = ?1");
        if (q.code() != SQLITE_OK) return fail(q.code());
        q.bind(1, out.survey_id);
        if (!read_rows(q, false, dated, answers, usable)) return fail(q.code());
    }
    if (!usable) return true;

    long total = 0;
    std::map<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t, std::uint32_t, bool>, std::size_t> response_cells;
    for (const CountRow& r : heads) {
        if (dated && !in_dates(r.day)) continue;
        const std::uint32_t edition = edition_index(out, r.version, r.hash, r.document);
        const std::uint32_t event = out.names.id(r.event), day = out.days.id(r.day),
                            respondent = out.names.id(r.respondent_or_question);
        auto [it, fresh] = response_cells.try_emplace({edition, event, day, respondent, r.unfinished}, out.response_cells.size());
        if (fresh) out.response_cells.push_back({edition, event, day, respondent, r.unfinished, 0, r.first_at, r.last_at});
        ResponseCell& cell = out.response_cells[it->second];
        cell.count += static_cast<int>(r.count);
        cell.first_at = std::min(cell.first_at, r.first_at);
        cell.last_at = std::max(cell.last_at, r.last_at);
        out.editions[edition].responses += static_cast<int>(r.count);
        total += r.count;
    }
    out.responses = total;

    // Answers: counted into cells; comment questions' answers are read whole below.
    std::map<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t, std::uint32_t, std::uint32_t>, std::size_t> answer_cells;
    std::vector<std::string> comment_questions;
    for (const CountRow& r : answers) {
        if (dated && !in_dates(r.day)) continue;
        const std::uint32_t edition = edition_index(out, r.version, r.hash, r.document);
        const std::string& question = r.respondent_or_question;
        const std::uint32_t q = out.question_ids.id(question);
        std::vector<bool>& used = out.used_questions[edition];
        if (q >= used.size()) used.resize(q + 1, false);
        used[q] = true;
        if (r.unfinished) continue;  // counted apart: never in the answers' counts
        const SurveyText* text = text_for(out.texts, r.version, r.hash);
        if (comment_answer(text ? &text->survey : nullptr, question)) {
            if (std::find(comment_questions.begin(), comment_questions.end(), question) == comment_questions.end())
                comment_questions.push_back(question);
            continue;
        }
        const std::uint32_t event = out.names.id(r.event), day = out.days.id(r.day), value = out.values.id(r.value);
        auto [it, fresh] = answer_cells.try_emplace({edition, event, day, q, value}, out.answer_cells.size());
        if (fresh) out.answer_cells.push_back({edition, event, day, q, value, 0});
        out.answer_cells[it->second].count += static_cast<int>(r.count);
    }

    // Comments, each with its response's time: the answers of those questions only.
    if (comments && !comment_questions.empty()) {
        std::string list;
        for (std::size_t i = 0; i < comment_questions.size(); ++i) list += (i ? ",?" : "?") + std::to_string(i + 2);
        // The rows to read: every answer of those questions with a finished response of the survey.
        auto read_comments = [&](const std::string& from, const std::string& also, long& rows) {
            Query q(file.handle(), "SELECT r.uuid, r.survey_version, r.survey_hash, r.document, r.event, " +
                                       survey::counted_day("r") + ", r.finished_at, a.question_id, a.value FROM " + from +
                                       " CROSS JOIN responses r ON r.uuid = a.response_uuid WHERE a.question_id IN (" +
                                       list + ") AND a.value <> '' AND r.survey_id = ?1 AND r.unfinished = 0" + also);
            if (q.code() != SQLITE_OK) return q.code();
            q.bind(1, out.survey_id);
            for (std::size_t i = 0; i < comment_questions.size(); ++i) q.bind(static_cast<int>(i + 2), comment_questions[i]);
            std::string hash, document, day, question;
            while (q.step() == SQLITE_ROW) {
                ++rows;
                hash = q.text(2);
                document = q.text(3);
                day = q.text(5);
                question = q.text(7);
                if (dated && !in_dates(day)) continue;
                const std::string event(q.text(4));
                if (!out.selected(event)) continue;
                const int version = static_cast<int>(q.integer(1));
                const SurveyText* text = text_for(out.texts, version, hash);
                if (!comment_answer(text ? &text->survey : nullptr, question)) continue;  // counted above, in its edition
                CommentRow c;
                c.edition = edition_index(out, version, hash, document);
                c.event = out.names.id(event);
                c.day = out.days.id(day);
                c.question = out.question_ids.id(question);
                c.finished_at = clean_text(q.text(6));
                c.uuid = clean_text(q.text(0));
                c.text = clean_text(q.text(8));
                if (c.text.empty()) continue;
                out.comments.push_back(std::move(c));
            }
            return q.code() == SQLITE_DONE ? SQLITE_OK : q.code();
        };
        // Schema 7 indexes the answers that are surely comments: enough when
        // they are as many as the counts say those questions were answered
        // (a one-word answer to a survey's own comment question is not among
        // them; then every answer is read).
        long indexed = -1;
        const std::size_t before = out.comments.size();
        if (file.schema() >= 7) {
            Query n(file.handle(), "SELECT total(count) FROM answer_counts WHERE survey_id = ?1 AND unfinished = 0 AND "
                                   "value <> '' AND question_id IN (" + list + ")");
            n.bind(1, out.survey_id);
            for (std::size_t i = 0; i < comment_questions.size(); ++i) n.bind(static_cast<int>(i + 2), comment_questions[i]);
            const long expected = n.step() == SQLITE_ROW ? n.integer(0) : -1;
            long rows = 0;
            if (expected >= 0 && read_comments("answers a INDEXED BY answers_free_text",
                                               std::string(" AND ") + survey::kFreeTextAnswer, rows) == SQLITE_OK &&
                rows == expected)
                indexed = rows;
            else
                out.comments.erase(out.comments.begin() + static_cast<std::ptrdiff_t>(before), out.comments.end());
        }
        if (indexed < 0) {
            // CROSS JOIN: through the answers once, each comment's response by its id.
            long rows = 0;
            if (int rc = read_comments("answers a", "", rows); rc != SQLITE_OK) return fail(rc);
        }
        out.comments_indexed = indexed >= 0;
    }
    std::sort(out.comments.begin(), out.comments.end(), [](const CommentRow& a, const CommentRow& b) {
        return a.finished_at != b.finished_at ? a.finished_at < b.finished_at : a.uuid < b.uuid;
    });
    InputSummary input;
    input.path = file.path();
    input.responses = static_cast<int>(total);
    out.inputs = {input};
    out.counted = true;
    counted = true;
    return true;
}

}  // namespace easyread::report
