// Helpers for store tests: sample responses, raw SQLite access, read-only files.
#pragma once
#include <sqlite3.h>

#include <string>

#include "survey/response.hpp"

namespace kiosk_test {

// A response with a fresh UUID and three answers; `n` varies the words.
easyread::survey::Response sample_response(int n = 0, const std::string& respondent = "self");

// One value from a query on a separate connection (another reader of the file).
std::string query_one(const std::string& db_path, const std::string& sql);

// Takes write permission away for real from a file or a folder, also when
// the tests run as root (then it is made immutable); undone by the destructor.
class ReadOnlyFile {
public:
    explicit ReadOnlyFile(std::string path);
    ~ReadOnlyFile();
    ReadOnlyFile(const ReadOnlyFile&) = delete;
    ReadOnlyFile& operator=(const ReadOnlyFile&) = delete;

private:
    std::string path_;
    bool immutable_ = false;
};

}  // namespace kiosk_test
