// A prepared SQLite statement that finalizes itself; the store's only SQLite helper.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <string>

namespace easyread::survey {

class Statement {
public:
    Statement(sqlite3* db, const char* sql) : db_(db) {
        code_ = db ? sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) : SQLITE_MISUSE;
    }
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool ok() const { return stmt_ != nullptr; }
    int prepare_code() const { return code_; }
    Statement& bind(int i, const std::string& v) {
        sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement& bind(int i, std::int64_t v) {
        sqlite3_bind_int64(stmt_, i, v);
        return *this;
    }
    // SQLITE_ROW, SQLITE_DONE or an error code.
    int step() { return stmt_ ? sqlite3_step(stmt_) : code_; }
    void reset() {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }
    std::string text(int col) const {
        const unsigned char* s = sqlite3_column_text(stmt_, col);
        return s ? reinterpret_cast<const char*>(s) : std::string();
    }
    std::int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    int code_ = SQLITE_OK;
};

// Runs SQL with no results; returns the SQLite code (SQLITE_OK on success).
inline int exec_sql(sqlite3* db, const char* sql, std::string* error = nullptr) {
    char* msg = nullptr;
    int rc = sqlite3_exec(db, sql, nullptr, nullptr, &msg);
    if (msg) {
        if (error) *error = msg;
        sqlite3_free(msg);
    }
    return rc;
}

}  // namespace easyread::survey
