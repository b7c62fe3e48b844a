// Reading one answers file (or recovery file) into the shared ResultSet.
#include <sqlite3.h>

#include <algorithm>

#include "core/response_columns.hpp"
#include "core/sqlite_statement.hpp"
#include "load_steps.hpp"

namespace easyread::report {

namespace {

std::uint32_t edition_of(const kiosk::Response& r, ResultSet& out, SeenResponses& seen) {
    auto key = std::make_tuple(r.survey_version, r.survey_hash, r.document);
    auto it = seen.editions.find(key);
    if (it != seen.editions.end()) return it->second;
    Edition e;
    e.version = r.survey_version;
    e.hash = r.survey_hash;
    e.document = r.document;
    out.editions.push_back(std::move(e));
    auto index = static_cast<std::uint32_t>(out.editions.size() - 1);
    seen.editions.emplace(key, index);
    return index;
}

bool in_dates(const ResultSet& out, const std::string& finished_at) {
    if (!out.filter.from_utc.empty() && finished_at < out.filter.from_utc) return false;
    if (!out.filter.to_utc.empty() && finished_at >= out.filter.to_utc) return false;
    return true;
}

// Registers a response; false when the same UUID was taken from an earlier file.
bool take_response(const kiosk::Response& r, ResultSet& out, SeenResponses& seen, InputSummary& summary) {
    ++summary.responses;
    auto [it, fresh] = seen.index.emplace(r.uuid, static_cast<std::uint32_t>(out.responses.size()));
    if (!fresh) {
        ++summary.duplicates;
        return false;
    }
    ResponseRow row;
    row.uuid = r.uuid;
    row.started_at = r.started_at;
    row.finished_at = r.finished_at;
    row.edition = edition_of(r, out, seen);
    row.event = out.names.id(r.event);
    row.respondent = out.names.id(r.respondent);
    row.source = out.names.id(r.source);
    row.device = out.names.id(r.device_id);
    row.first_answer = static_cast<std::uint32_t>(out.answers.size());
    ++out.editions[row.edition].responses;
    out.responses.push_back(std::move(row));
    return true;
}

struct PendingAnswer {
    std::int64_t position;
    AnswerRow row;
};

void flush_answers(std::vector<PendingAnswer>& pending, ResponseRow& r, ResultSet& out) {
    std::stable_sort(pending.begin(), pending.end(),
                     [](const PendingAnswer& a, const PendingAnswer& b) { return a.position < b.position; });
    r.first_answer = static_cast<std::uint32_t>(out.answers.size());
    r.answer_count = static_cast<std::uint32_t>(pending.size());
    for (const auto& p : pending) out.answers.push_back(p.row);
    pending.clear();
}

}  // namespace

bool read_answers_db(const AnswersDb& db, ResultSet& out, SeenResponses& seen, InputSummary& summary,
                     Diagnostics& diags) {
    sqlite3* h = db.handle();
    // One snapshot for both queries: a kiosk writing meanwhile is not seen at all.
    int rc = kiosk::exec_sql(h, "BEGIN");
    if (rc != SQLITE_OK) {
        report_read_failure(db.path(), h, rc, diags);
        return false;
    }
    // Responses taken from this file: index in out.responses, by UUID.
    std::unordered_map<std::string, std::uint32_t> mine;
    std::string sql = "SELECT " + db.response_columns() +
                      " FROM responses WHERE survey_id = ?1 AND (?2 = '' OR finished_at >= ?2) "
                      "AND (?3 = '' OR finished_at < ?3)";
    kiosk::Statement heads(h, sql.c_str());
    heads.bind(1, out.survey_id).bind(2, out.filter.from_utc).bind(3, out.filter.to_utc);
    int step = heads.ok() ? SQLITE_ROW : heads.prepare_code();
    while (step == SQLITE_ROW && (step = heads.step()) == SQLITE_ROW) {
        kiosk::Response r = kiosk::response_from_columns(heads);
        if (take_response(r, out, seen, summary))
            mine.emplace(r.uuid, static_cast<std::uint32_t>(out.responses.size() - 1));
    }
    if (step != SQLITE_DONE) {
        report_read_failure(db.path(), h, step, diags);
        kiosk::exec_sql(h, "ROLLBACK");
        return false;
    }
    // Answers come in primary-key order, so each response's answers arrive
    // together: one UUID lookup per response, not per answer.
    std::string answers_sql = "SELECT response_uuid, question_id, " + db.answer_position() + ", value FROM answers";
    sqlite3_stmt* rows = nullptr;
    step = mine.empty() ? SQLITE_DONE : sqlite3_prepare_v2(h, answers_sql.c_str(), -1, &rows, nullptr);
    if (step == SQLITE_OK) step = SQLITE_ROW;
    std::string current;
    ResponseRow* target = nullptr;
    std::vector<PendingAnswer> pending;
    while (step == SQLITE_ROW && (step = sqlite3_step(rows)) == SQLITE_ROW) {
        const char* uuid = reinterpret_cast<const char*>(sqlite3_column_text(rows, 0));
        auto uuid_len = static_cast<std::size_t>(sqlite3_column_bytes(rows, 0));
        if (!uuid) continue;
        if (current.size() != uuid_len || current.compare(0, uuid_len, uuid, uuid_len) != 0) {
            if (target) flush_answers(pending, *target, out);
            current.assign(uuid, uuid_len);
            auto it = mine.find(current);
            target = it == mine.end() ? nullptr : &out.responses[it->second];
        }
        if (!target) continue;
        const char* q = reinterpret_cast<const char*>(sqlite3_column_text(rows, 1));
        const char* v = reinterpret_cast<const char*>(sqlite3_column_text(rows, 3));
        PendingAnswer a;
        a.position = sqlite3_column_int64(rows, 2);
        a.row.question = out.question_ids.id(q ? q : "");
        a.row.value = out.values.id(v ? std::string(v, static_cast<std::size_t>(sqlite3_column_bytes(rows, 3)))
                                      : std::string());
        pending.push_back(a);
    }
    if (target) flush_answers(pending, *target, out);
    sqlite3_finalize(rows);
    if (step != SQLITE_DONE) {
        report_read_failure(db.path(), h, step, diags);
        kiosk::exec_sql(h, "ROLLBACK");
        return false;
    }
    kiosk::exec_sql(h, "COMMIT");
    return true;
}

void add_recovered(const std::vector<kiosk::Response>& recovered, ResultSet& out, SeenResponses& seen,
                   InputSummary& summary) {
    std::vector<PendingAnswer> pending;
    for (const auto& r : recovered) {
        if (r.survey_id != out.survey_id || !in_dates(out, r.finished_at)) continue;
        if (!take_response(r, out, seen, summary)) continue;
        ++summary.from_recovery;
        for (std::size_t i = 0; i < r.answers.size(); ++i)
            pending.push_back({static_cast<std::int64_t>(i),
                               {out.question_ids.id(r.answers[i].question_id), out.values.id(r.answers[i].value)}});
        flush_answers(pending, out.responses.back(), out);
    }
}

}  // namespace easyread::report
