#include "report/reading/response_stream.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <numeric>
#include <string_view>

#include "report/reading/clean_text.hpp"

namespace easyread::report {

// One answers file, or the recovery file beside one, read in response-id order.
struct ResponseStream::Source {
    std::size_t input = 0;
    std::string path;
    // An answers file: its responses and its answers, each a statement in id order.
    sqlite3* db = nullptr;
    sqlite3_stmt* heads = nullptr;
    sqlite3_stmt* answers = nullptr;
    bool answer_ready = false;  // `answer` holds the next answer row, of response `answer_uuid`
    std::string answer_uuid;
    StreamAnswer answer;
    std::string raw_uuid;  // the head's id as stored (answers are matched byte for byte)
    // A recovery file: its lines (already of the chosen survey and dates), in id order.
    const std::vector<survey::Response>* lines = nullptr;
    std::vector<std::size_t> order;
    std::size_t at = 0;
    // The response this source gives next.
    bool has_head = false;
    StreamResponse head;
};

namespace {

// `text` made valid (clean_text.hpp) into `out`.
void assign_valid(std::string& out, std::string_view text) {
    if (needs_cleaning(text)) out = clean_text(text);
    else out.assign(text);
}

std::string_view column(sqlite3_stmt* st, int col) {
    const char* p = reinterpret_cast<const char*>(sqlite3_column_text(st, col));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(st, col))) : std::string_view();
}

// Columns as survey::response_select_list() gives them.
void read_head(sqlite3_stmt* st, StreamResponse& h) {
    assign_valid(h.uuid, column(st, 0));
    h.version = sqlite3_column_int(st, 2);
    assign_valid(h.hash, column(st, 3));
    assign_valid(h.document, column(st, 4));
    assign_valid(h.event, column(st, 5));
    assign_valid(h.device, column(st, 6));
    assign_valid(h.respondent, column(st, 7));
    assign_valid(h.started_at, column(st, 8));
    assign_valid(h.finished_at, column(st, 9));
    assign_valid(h.source, column(st, 10));
    h.unfinished = sqlite3_column_int(st, 11) != 0;
    assign_valid(h.corrected_at, column(st, 12));
    assign_valid(h.local_date, column(st, 13));
    assign_valid(h.zone, column(st, 14));
}

void read_line(const survey::Response& r, StreamResponse& h) {
    h.uuid = clean_text(r.uuid);
    h.version = r.survey_version;
    h.hash = clean_text(r.survey_hash);
    h.document = clean_text(r.document);
    h.event = clean_text(r.event);
    h.device = clean_text(r.device_id);
    h.respondent = clean_text(r.respondent);
    h.started_at = clean_text(r.started_at);
    h.finished_at = clean_text(r.finished_at);
    h.source = clean_text(r.source);
    h.unfinished = r.unfinished;
    h.corrected_at = clean_text(r.corrected_at);
    h.local_date = clean_text(r.local_date);
    h.zone = clean_text(r.zone);
    h.answers.clear();
    for (std::size_t i = 0; i < r.answers.size(); ++i)
        h.answers.push_back({clean_text(r.answers[i].question_id), clean_text(r.answers[i].value),
                             static_cast<std::int64_t>(i)});
}

}  // namespace

std::string compared_words(const StreamResponse& r) {
    std::vector<const StreamAnswer*> by_id;
    for (const auto& a : r.answers) by_id.push_back(&a);
    std::sort(by_id.begin(), by_id.end(), [](const StreamAnswer* a, const StreamAnswer* b) { return a->question < b->question; });
    std::string s = "respondent " + r.respondent + ";";
    for (std::size_t i = 0; i < by_id.size(); ++i) s += (i ? "; " : " ") + by_id[i]->question + "=" + by_id[i]->value;
    return s;
}

ResponseStream::ResponseStream(const ResultSet& rs) : rs_(rs), inputs_(rs.files.size()) {
    for (std::size_t i = 0; i < rs.files.size(); ++i) {
        const ReadOnlyAnswersFile& file = rs.files[i];
        inputs_[i].path = file.path();
        auto* s = new Source;
        sources_.push_back(s);
        s->input = i;
        s->path = file.path();
        s->db = file.handle();
        // In id order. A file of schema 7 keeps its responses so: read as they
        // lie. Older ones are sorted ("+uuid": not by walking the id index,
        // which reads the table in random order, a page read for nearly every
        // response of a large file): SQLite sorts in bounded memory, spilling
        // to temporary files. "+survey_id" keeps SQLite from walking the survey index instead.
        // Dates: the day it was given where it was given when the file has
        // it, else the stored time against the limits' local midnights.
        const std::string day = file.schema() >= 5 ? "local_date" : "''";
        const std::string sql = "SELECT " + file.response_columns() +
                                " FROM responses WHERE +survey_id = ?1 AND (?2 = '' OR CASE WHEN " + day +
                                " <> '' THEN " + day + " >= ?4 ELSE finished_at >= ?2 END) AND (?3 = '' OR CASE WHEN " +
                                day + " <> '' THEN " + day + " <= ?5 ELSE finished_at < ?3 END) ORDER BY " +
                                (file.schema() >= 7 ? "uuid" : "+uuid");
        int rc = sqlite3_prepare_v2(s->db, sql.c_str(), -1, &s->heads, nullptr);
        if (rc == SQLITE_OK) {
            const std::string* binds[] = {&rs.survey_id, &rs.filter.from_utc, &rs.filter.to_utc, &rs.filter.from_date,
                                          &rs.filter.to_date};
            for (int b = 0; b < 5; ++b) sqlite3_bind_text(s->heads, b + 1, binds[b]->c_str(), -1, SQLITE_TRANSIENT);
            const std::string answers_sql = "SELECT response_uuid, question_id, " + file.answer_position() +
                                            ", value FROM answers ORDER BY response_uuid, question_id";
            rc = sqlite3_prepare_v2(s->db, answers_sql.c_str(), -1, &s->answers, nullptr);
        }
        if (rc != SQLITE_OK) {
            fail(*s, rc);
            return;
        }
        if (!advance(*s)) return;
        if (i < rs.recovered.size() && !rs.recovered[i].empty()) {
            auto* r = new Source;
            sources_.push_back(r);
            r->input = i;
            r->path = file.path() + ".recovery.jsonl";
            r->lines = &rs.recovered[i];
            r->order.resize(r->lines->size());
            std::iota(r->order.begin(), r->order.end(), std::size_t{0});
            std::stable_sort(r->order.begin(), r->order.end(), [&](std::size_t a, std::size_t b) {
                return (*r->lines)[a].uuid < (*r->lines)[b].uuid;
            });
            advance(*r);
        }
    }
}

ResponseStream::~ResponseStream() {
    for (Source* s : sources_) {
        sqlite3_finalize(s->heads);
        sqlite3_finalize(s->answers);
        delete s;
    }
}

void ResponseStream::fail(Source& s, int code) {
    if (failed_code_ == 0) {
        failed_code_ = code;
        failed_source_ = &s;
    }
    s.has_head = false;
}

void ResponseStream::report_failure(Diagnostics& diags) const {
    if (failed_source_) report_read_failure(failed_source_->path, failed_source_->db, failed_code_, diags);
}

bool ResponseStream::advance(Source& s) {
    if (s.lines) {
        s.has_head = s.at < s.order.size();
        if (s.has_head) read_line((*s.lines)[s.order[s.at++]], s.head);
        return true;
    }
    int rc = sqlite3_step(s.heads);
    s.has_head = rc == SQLITE_ROW;
    if (rc == SQLITE_ROW) {
        read_head(s.heads, s.head);
        s.raw_uuid.assign(column(s.heads, 0));
        s.head.answers.clear();
        return true;
    }
    if (rc != SQLITE_DONE) {
        fail(s, rc);
        return false;
    }
    return true;
}

// The answers of the source's current response: answer rows of ids before it
// (answers of responses another survey or date left out) are passed over.
bool ResponseStream::load_answers(Source& s) {
    if (s.lines) return true;  // a recovery line carries its answers
    StreamResponse& h = s.head;
    h.answers.clear();
    // A row read before, of a response after the one before.
    if (s.answer_ready) {
        if (s.answer_uuid.compare(s.raw_uuid) > 0) return true;
        if (s.answer_uuid == s.raw_uuid) h.answers.push_back(s.answer);
        s.answer_ready = false;
    }
    while (true) {
        int rc = sqlite3_step(s.answers);
        if (rc == SQLITE_DONE) break;
        if (rc != SQLITE_ROW) {
            fail(s, rc);
            return false;
        }
        const int order = column(s.answers, 0).compare(s.raw_uuid);
        if (order < 0) continue;  // a response another survey or date left out, or none at all
        StreamAnswer& a = order == 0 ? h.answers.emplace_back() : s.answer;
        assign_valid(a.question, column(s.answers, 1));
        a.position = sqlite3_column_int64(s.answers, 2);
        assign_valid(a.value, column(s.answers, 3));
        if (order > 0) {  // the next response's: kept for it
            s.answer_uuid.assign(column(s.answers, 0));
            s.answer_ready = true;
            break;
        }
    }
    // In survey order (the table keeps them by question id): a handful each,
    // so sorted in place by insertion (stable, and no buffer to allocate as
    // std::stable_sort does for every response).
    for (std::size_t i = 1; i < h.answers.size(); ++i)
        for (std::size_t k = i; k > 0 && h.answers[k].position < h.answers[k - 1].position; --k)
            std::swap(h.answers[k], h.answers[k - 1]);
    return true;
}

const StreamResponse* ResponseStream::next() {
    if (failed()) return nullptr;
    const std::string* first = nullptr;
    for (const Source* s : sources_)
        if (s->has_head && (!first || s->head.uuid < *first)) first = &s->head.uuid;
    if (!first) return nullptr;
    const std::string uuid = *first;
    // Every version of this response, in the order of the files given.
    std::vector<Source*>& versions = versions_;
    versions.clear();
    for (Source* s : sources_)
        if (s->has_head && s->head.uuid == uuid) {
            if (!load_answers(*s)) return nullptr;
            versions.push_back(s);
            ++inputs_[s->input].responses;
        }
    // As merge decides: the first file's version, unless a later file's
    // differs and is marked as a later correction. A recovery line of a
    // response already read is the same answers saved twice.
    Source* kept = versions.front();
    std::string kept_words;
    for (std::size_t v = 1; v < versions.size(); ++v) {
        Source* other = versions[v];
        if (other->lines) continue;
        if (kept_words.empty()) kept_words = compared_words(kept->head);
        std::string other_words = compared_words(other->head);
        if (other_words == kept_words) continue;
        const StreamResponse &a = kept->head, &b = other->head;
        VersionClash c;
        c.uuid = uuid;
        c.resolved = a.corrected_at != b.corrected_at;
        const bool later = b.corrected_at > a.corrected_at;
        c.kept_input = later ? other->input : kept->input;
        c.left_input = later ? kept->input : other->input;
        c.kept = later ? other_words : kept_words;
        c.left = later ? kept_words : other_words;
        c.corrected_at = std::max(a.corrected_at, b.corrected_at);
        clashes_.push_back(c);
        if (later) {
            kept = other;
            kept_words = other_words;
        }
    }
    for (Source* s : versions)
        if (s != kept) ++inputs_[s->input].duplicates;
    if (kept->lines) ++inputs_[kept->input].from_recovery;
    // The kept version is handed out; the sources move on after it is used.
    std::swap(current_, kept->head);
    current_.input = kept->input;
    current_.from_recovery = kept->lines != nullptr;
    for (Source* s : versions) advance(*s);
    if (failed()) return nullptr;
    return &current_;
}

}  // namespace easyread::report
