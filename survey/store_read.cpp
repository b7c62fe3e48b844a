// The store's queries that only read (plus settings and backup): kept apart
// from the write path in store.cpp.
#include <fstream>

#include "survey/recovery.hpp"
#include "survey/response_columns.hpp"
#include "survey/store.hpp"

namespace easyread::survey {

std::optional<std::string> Store::setting(const std::string& key) const {
    if (!db_ || schema_version_ < 1) return std::nullopt;
    Statement st(db_, "SELECT value FROM settings WHERE key = ?");
    st.bind(1, key);
    if (st.step() != SQLITE_ROW) return std::nullopt;
    return st.text(0);
}

bool Store::set_setting(const std::string& key, const std::string& value) {
    if (!usable_for_writing()) return false;
    Statement st(db_, "INSERT INTO settings (key, value) VALUES (?, ?) "
                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    st.bind(1, key).bind(2, value);
    int rc = st.step();
    if (rc != SQLITE_DONE) {
        note_failure(rc, "setting");
        return false;
    }
    return true;
}

int Store::waiting_count() const {
    int lines = 0;
    std::ifstream in(recovery_path(), std::ios::binary);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty()) ++lines;
    return lines + static_cast<int>(held_.size());
}

TodayCounts Store::counts_since(const std::string& since_iso_utc, const std::string& survey_id) const {
    TodayCounts counts;
    if (db_ && schema_version_ >= 1) {
        Statement st(db_, "SELECT respondent, unfinished, COUNT(*), "
                          "EXISTS (SELECT 1 FROM answers WHERE response_uuid = uuid) AS answered "
                          "FROM responses WHERE survey_id = ? AND finished_at >= ? "
                          "GROUP BY respondent, unfinished, answered");
        st.bind(1, survey_id).bind(2, since_iso_utc);
        while (st.step() == SQLITE_ROW) {
            int n = static_cast<int>(st.integer(2));
            if (st.integer(1) != 0) {  // left part-way: counted apart
                counts.unfinished += n;
                continue;
            }
            if (st.integer(3) == 0) {  // every question skipped: nothing was answered
                counts.no_answers += n;
                continue;
            }
            counts.by_respondent[st.text(0)] += n;
            counts.total += n;
        }
    }
    // Answers waiting outside the database still happened today: count them
    // too, apart by where they are (a file on disk, or only this program's memory).
    auto add = [&](const Response& r, int& where) {
        if (r.survey_id != survey_id || r.finished_at < since_iso_utc) return;
        ++where;
        if (r.unfinished) {
            ++counts.unfinished;
            return;
        }
        if (r.answers.empty()) {
            ++counts.no_answers;
            return;
        }
        ++counts.by_respondent[r.respondent];
        ++counts.total;
    };
    for (const auto& r : read_recovery(recovery_path()).responses) add(r, counts.in_recovery);
    for (const auto& r : held_) add(r, counts.in_memory);
    return counts;
}

std::vector<Response> Store::waiting_responses() const {
    std::vector<Response> out = read_recovery(recovery_path()).responses;
    out.insert(out.end(), held_.begin(), held_.end());
    return out;
}

std::vector<Response> Store::load_responses(const std::string& survey_id) const {
    std::vector<Response> out;
    // kResponseColumns are all there from schema 5 (a read-only Store does not migrate).
    if (!db_ || schema_version_ < 5) return out;
    const std::string sql = std::string("SELECT ") + kResponseColumns +
                            " FROM responses WHERE ?1 = '' OR survey_id = ?1 ORDER BY finished_at, uuid";
    Statement st(db_, sql.c_str());
    st.bind(1, survey_id);
    Statement answers(db_, "SELECT question_id, value FROM answers WHERE response_uuid = ? ORDER BY position");
    while (st.step() == SQLITE_ROW) {
        Response r = response_from_columns(st);
        answers.bind(1, r.uuid);
        while (answers.step() == SQLITE_ROW) r.answers.push_back({answers.text(0), answers.text(1)});
        answers.reset();
        out.push_back(std::move(r));
    }
    return out;
}

bool Store::backup_to(const std::string& dest_path, std::string& error) const {
    if (!db_) {
        error = status_.words;
        return false;
    }
    sqlite3* dest = nullptr;
    int rc = sqlite3_open_v2(dest_path.c_str(), &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc == SQLITE_OK) {
        // The online backup copies a consistent snapshot while the kiosk keeps running.
        sqlite3_backup* b = sqlite3_backup_init(dest, "main", db_, "main");
        if (b) {
            sqlite3_backup_step(b, -1);
            sqlite3_backup_finish(b);
        }
        rc = sqlite3_errcode(dest);
        // The PIN's hash stays on the kiosk: a copy on a memory stick or in a
        // merge must not let anyone try PINs against it at leisure.
        if (rc == SQLITE_OK && schema_version_ >= 1)
            rc = exec_sql(dest, "DELETE FROM settings WHERE key = 'pin_hash'", &error);
        // A single self-contained file: no -wal or -shm needed beside it on a memory stick.
        if (rc == SQLITE_OK) rc = exec_sql(dest, "PRAGMA journal_mode=DELETE", &error);
    }
    if (rc != SQLITE_OK && error.empty()) error = dest_path + ": " + sqlite3_errmsg(dest);
    sqlite3_close_v2(dest);
    return rc == SQLITE_OK;
}

}  // namespace easyread::survey
