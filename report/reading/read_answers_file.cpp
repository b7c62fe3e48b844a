// Reading one answers file (or recovery file) into the shared ResultSet.
// This is the hot path of a large report (a million answers), so rows are
// read straight from SQLite's buffers into pooled strings.
#include <sqlite3.h>

#include <algorithm>
#include <string_view>

#include "survey/sqlite_statement.hpp"
#include "report/reading/clean_text.hpp"
#include "report/reading/read_answers_file.hpp"

namespace easyread::report {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool parse_uuid(std::string_view s, UuidKey& out) {
    if (s.size() != 36) return false;
    int digits = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (s[i] != '-') return false;
            continue;
        }
        int v = hex_value(s[i]);
        if (v < 0) return false;
        std::uint64_t& half = digits < 16 ? out.hi : out.lo;
        half = (half << 4) | static_cast<std::uint64_t>(v);
        ++digits;
    }
    return true;
}

// The fields of one response as SQLite (or a recovery line) holds them.
struct HeadView {
    std::string_view uuid, hash, document, event, device, respondent, started, finished, source, local_date;
    int version = 0;
    bool unfinished = false;  // left part-way at the kiosk: counted apart
};

// `text` made valid (clean_text.hpp), in `buffer` only when it had to change.
std::string_view valid(std::string_view text, std::string& buffer) {
    if (!needs_cleaning(text)) return text;
    buffer = clean_text(text);
    return buffer;
}

// "2024-05-09", as local_date holds it (anything else in a damaged file is not a day).
bool is_day(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

std::string_view column(sqlite3_stmt* st, int col) {
    const char* p = reinterpret_cast<const char*>(sqlite3_column_text(st, col));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(st, col))) : std::string_view();
}

// Columns as ReadOnlyAnswersFile::response_columns() lists them.
HeadView head_of(sqlite3_stmt* st) {
    HeadView h;
    h.uuid = column(st, 0);
    h.version = sqlite3_column_int(st, 2);
    h.hash = column(st, 3);
    h.document = column(st, 4);
    h.event = column(st, 5);
    h.device = column(st, 6);
    h.respondent = column(st, 7);
    h.started = column(st, 8);
    h.finished = column(st, 9);
    h.source = column(st, 10);
    h.unfinished = sqlite3_column_int(st, 11) != 0;
    h.local_date = column(st, 13);
    return h;
}

// Adds each response and its answers to the ResultSet once, however many files hold it.
class ResponseCollector {
public:
    ResponseCollector(ResultSet& out, SeenResponses& seen, InputSummary& summary) : out_(out), seen_(seen), summary_(summary) {}

    // Registers a response; false when the same UUID was taken from an earlier file.
    // Every text is made valid here, once, as it is read.
    bool take(const HeadView& raw) {
        std::string b[9];
        HeadView h = raw;
        std::string_view* fields[] = {&h.uuid,       &h.hash,    &h.document, &h.event, &h.device,
                                      &h.respondent, &h.started, &h.finished, &h.source};
        for (std::size_t i = 0; i < 9; ++i) *fields[i] = valid(*fields[i], b[i]);
        ++summary_.responses;
        std::uint32_t index = static_cast<std::uint32_t>(out_.responses.size());
        if (!seen_.take(h.uuid, index)) {
            ++summary_.duplicates;
            return false;
        }
        ResponseRow row;
        row.uuid.assign(h.uuid);
        row.started_at.assign(h.started);
        row.finished_at.assign(h.finished);
        row.unfinished = h.unfinished;
        if (is_day(h.local_date)) row.day.assign(h.local_date);
        row.edition = edition_of(h);
        row.event = out_.names.id(h.event.data(), h.event.size());
        row.respondent = out_.names.id(h.respondent.data(), h.respondent.size());
        row.source = out_.names.id(h.source.data(), h.source.size());
        row.device = out_.names.id(h.device.data(), h.device.size());
        row.first_answer = static_cast<std::uint32_t>(out_.answers.size());
        ++out_.editions[row.edition].responses;
        out_.responses.push_back(std::move(row));
        return true;
    }

private:
    ResultSet& out_;
    SeenResponses& seen_;
    InputSummary& summary_;
    long last_edition_ = -1;  // almost every response is of the same edition as the one before

    std::uint32_t edition_of(const HeadView& h) {
        if (last_edition_ >= 0) {
            const Edition& e = out_.editions[static_cast<std::size_t>(last_edition_)];
            if (e.version == h.version && e.hash == h.hash && e.document == h.document)
                return static_cast<std::uint32_t>(last_edition_);
        }
        auto key = std::make_tuple(h.version, std::string(h.hash), std::string(h.document));
        auto it = seen_.editions.find(key);
        if (it == seen_.editions.end()) {
            Edition e;
            e.version = h.version;
            e.hash = std::string(h.hash);
            e.document = std::string(h.document);
            out_.editions.push_back(std::move(e));
            it = seen_.editions.emplace(key, static_cast<std::uint32_t>(out_.editions.size() - 1)).first;
        }
        last_edition_ = it->second;
        return it->second;
    }
};

// --from and --to: the day it was given where it was given, else the stored
// time against the limits' local midnights (files before schema 5).
bool in_dates(const ResultSet& out, const survey::Response& r) {
    if (is_day(r.local_date))
        return (out.filter.from_date.empty() || r.local_date >= out.filter.from_date) &&
               (out.filter.to_date.empty() || r.local_date <= out.filter.to_date);
    if (!out.filter.from_utc.empty() && r.finished_at < out.filter.from_utc) return false;
    if (!out.filter.to_utc.empty() && r.finished_at >= out.filter.to_utc) return false;
    return true;
}

struct PendingAnswer {
    std::int64_t position;
    AnswerRow row;
};

// A response's answers in survey order (the table keeps them by question id).
void flush_answers(std::vector<PendingAnswer>& pending, ResponseRow& r, ResultSet& out) {
    for (std::size_t i = 1; i < pending.size(); ++i)  // a handful each: insertion sort, no allocation
        for (std::size_t j = i; j > 0 && pending[j].position < pending[j - 1].position; --j)
            std::swap(pending[j], pending[j - 1]);
    r.first_answer = static_cast<std::uint32_t>(out.answers.size());
    r.answer_count = static_cast<std::uint32_t>(pending.size());
    for (const auto& p : pending) out.answers.push_back(p.row);
    pending.clear();
}

int count_heads(sqlite3* h, const std::string& where, const ResultSet& out) {
    std::string sql = "SELECT COUNT(*) FROM responses " + where;
    survey::Statement st(h, sql.c_str());
    st.bind(1, out.survey_id).bind(2, out.filter.from_utc).bind(3, out.filter.to_utc);
    st.bind(4, out.filter.from_date).bind(5, out.filter.to_date);
    return st.step() == SQLITE_ROW ? static_cast<int>(st.integer(0)) : 0;
}

}  // namespace

void SeenResponses::reserve(std::size_t n) {
    std::size_t want = 64;
    while (want < 2 * n) want *= 2;
    if (want <= slots_.size()) return;
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(want, Slot{});
    for (const auto& s : old)
        if (s.index != kEmpty) slot_for(s.key) = s;
}

SeenResponses::Slot& SeenResponses::slot_for(const UuidKey& key) {
    std::size_t mask = slots_.size() - 1;
    std::size_t i = static_cast<std::size_t>(key.hi ^ (key.lo * 0x9E3779B97F4A7C15ull)) & mask;
    while (slots_[i].index != kEmpty && !(slots_[i].key == key)) i = (i + 1) & mask;
    return slots_[i];
}

bool SeenResponses::take(std::string_view uuid, std::uint32_t& index) {
    UuidKey key;
    if (parse_uuid(uuid, key)) {
        if (2 * (used_ + 1) > slots_.size()) reserve(used_ + 1 + used_ / 2);
        Slot& s = slot_for(key);
        if (s.index != kEmpty) {
            index = s.index;
            return false;
        }
        s.key = key;
        s.index = index;
        ++used_;
        return true;
    }
    auto [it, fresh] = other_ids_.emplace(std::string(uuid), index);
    index = it->second;
    return fresh;
}

long SeenResponses::find(std::string_view uuid) const {
    UuidKey key;
    if (parse_uuid(uuid, key)) {
        if (slots_.empty()) return -1;
        std::size_t mask = slots_.size() - 1;
        std::size_t i = static_cast<std::size_t>(key.hi ^ (key.lo * 0x9E3779B97F4A7C15ull)) & mask;
        while (slots_[i].index != kEmpty) {
            if (slots_[i].key == key) return slots_[i].index;
            i = (i + 1) & mask;
        }
        return -1;
    }
    auto it = other_ids_.find(std::string(uuid));
    return it == other_ids_.end() ? -1 : static_cast<long>(it->second);
}

bool read_answers_file(const ReadOnlyAnswersFile& db, ResultSet& out, SeenResponses& seen, InputSummary& summary,
                     Diagnostics& diags) {
    sqlite3* h = db.handle();
    // One snapshot for both queries: a kiosk writing meanwhile is not seen at all.
    int rc = survey::exec_sql(h, "BEGIN");
    if (rc != SQLITE_OK) {
        report_read_failure(db.path(), h, rc, diags);
        return false;
    }
    // "+survey_id" keeps SQLite from walking the survey index: nearly every
    // row matches, and reading the table in order is faster than a look-up
    // per row (and gives the responses in the order they were saved).
    // Dates as in_dates(): the day where it was given when the file has it.
    const std::string day = db.schema() >= 5 ? "local_date" : "''";
    const std::string where = "WHERE +survey_id = ?1 AND (?2 = '' OR CASE WHEN " + day + " <> '' THEN " + day +
                              " >= ?4 ELSE finished_at >= ?2 END) AND (?3 = '' OR CASE WHEN " + day + " <> '' THEN " +
                              day + " <= ?5 ELSE finished_at < ?3 END)";
    const int expected = count_heads(h, where, out);
    out.responses.reserve(out.responses.size() + static_cast<std::size_t>(expected));
    seen.reserve(out.responses.size() + static_cast<std::size_t>(expected));
    // Responses taken from this file are those from here on.
    const auto first_mine = static_cast<long>(out.responses.size());

    ResponseCollector collector(out, seen, summary);
    // Raw statements: columns are read from SQLite's buffers without copying them into strings first.
    std::string sql = "SELECT " + db.response_columns() + " FROM responses " + where;
    sqlite3_stmt* raw = nullptr;
    int step = sqlite3_prepare_v2(h, sql.c_str(), -1, &raw, nullptr);
    if (step == SQLITE_OK) {
        sqlite3_bind_text(raw, 1, out.survey_id.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(raw, 2, out.filter.from_utc.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(raw, 3, out.filter.to_utc.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(raw, 4, out.filter.from_date.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(raw, 5, out.filter.to_date.c_str(), -1, SQLITE_TRANSIENT);
        step = SQLITE_ROW;
    }
    while (step == SQLITE_ROW && (step = sqlite3_step(raw)) == SQLITE_ROW) collector.take(head_of(raw));
    sqlite3_finalize(raw);
    if (step != SQLITE_DONE) {
        report_read_failure(db.path(), h, step, diags);
        survey::exec_sql(h, "ROLLBACK");
        return false;
    }
    const bool any_mine = static_cast<long>(out.responses.size()) > first_mine;
    // Answers come in primary-key order, so each response's answers arrive
    // together: one UUID look-up per response, not per answer.
    std::string answers_sql = "SELECT response_uuid, question_id, " + db.answer_position() + ", value FROM answers";
    sqlite3_stmt* rows = nullptr;
    step = any_mine ? sqlite3_prepare_v2(h, answers_sql.c_str(), -1, &rows, nullptr) : SQLITE_DONE;
    if (step == SQLITE_OK) step = SQLITE_ROW;
    std::string current;
    ResponseRow* target = nullptr;
    std::vector<PendingAnswer> pending;
    while (step == SQLITE_ROW && (step = sqlite3_step(rows)) == SQLITE_ROW) {
        std::string_view uuid = column(rows, 0);
        if (uuid != current) {
            if (target) flush_answers(pending, *target, out);
            current.assign(uuid);
            long index = seen.find(uuid);
            target = index >= first_mine ? &out.responses[static_cast<std::size_t>(index)] : nullptr;
        }
        if (!target) continue;
        std::string qb, vb;
        std::string_view q = valid(column(rows, 1), qb), v = valid(column(rows, 3), vb);
        PendingAnswer a;
        a.position = sqlite3_column_int64(rows, 2);
        a.row.question = out.question_ids.id(q.data(), q.size());
        a.row.value = out.values.id(v.data(), v.size());
        pending.push_back(a);
    }
    if (target) flush_answers(pending, *target, out);
    sqlite3_finalize(rows);
    if (step != SQLITE_DONE) {
        report_read_failure(db.path(), h, step, diags);
        survey::exec_sql(h, "ROLLBACK");
        return false;
    }
    survey::exec_sql(h, "COMMIT");
    return true;
}

void add_recovered(const std::vector<survey::Response>& recovered, ResultSet& out, SeenResponses& seen,
                   InputSummary& summary) {
    ResponseCollector collector(out, seen, summary);
    std::vector<PendingAnswer> pending;
    for (const auto& r : recovered) {
        if (r.survey_id != out.survey_id || !in_dates(out, r)) continue;
        HeadView h{r.uuid,       r.survey_hash, r.document,    r.event,  r.device_id,   r.respondent,
                   r.started_at, r.finished_at, r.source,      r.local_date, r.survey_version, r.unfinished};
        if (!collector.take(h)) continue;
        ++summary.from_recovery;
        for (std::size_t i = 0; i < r.answers.size(); ++i)
            pending.push_back({static_cast<std::int64_t>(i),
                               {out.question_ids.id(clean_text(r.answers[i].question_id)),
                                out.values.id(clean_text(r.answers[i].value))}});
        flush_answers(pending, out.responses.back(), out);
    }
}

}  // namespace easyread::report
