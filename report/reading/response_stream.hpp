// Every response a report covers, one at a time, read straight from the
// answers files in response-id order. Both tables are kept in id order (the
// responses' primary key, the answers' primary key starts with it), so each
// file's responses and answers are read side by side: memory stays the same
// however many answers there are. A response held by more than one file (a
// merged file and its kiosk's, a corrected paper form) comes once, as the
// version `easyread merge` would keep.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "report/reading/result_set.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace easyread::report {

struct StreamAnswer {
    std::string question, value;
    std::int64_t position = 0;
};

struct StreamResponse {
    std::string uuid, hash, document, event, device, respondent, started_at, finished_at, source, corrected_at,
        local_date, zone;
    int version = 0;
    bool unfinished = false;
    std::vector<StreamAnswer> answers;  // in survey order
    std::size_t input = 0;              // the input file (its recovery file counts as that file)
    bool from_recovery = false;
};

// One response with different answers in two files.
struct VersionClash {
    std::string uuid;
    std::size_t kept_input = 0, left_input = 0;
    std::string kept, left;        // "respondent self; q=v; ..." as merge shows them
    std::string corrected_at;      // of the kept version; "" when neither is marked corrected
    bool resolved = false;         // false: neither is marked as the correction (merge refuses too)
};

class ResponseStream {
public:
    // Reads within the read transaction the ResultSet holds on each file.
    explicit ResponseStream(const ResultSet& results);
    ~ResponseStream();
    ResponseStream(const ResponseStream&) = delete;
    ResponseStream& operator=(const ResponseStream&) = delete;

    // The next response, or null at the end or when a file cannot be read
    // (then failed() is true and report_failure says why).
    const StreamResponse* next();
    bool failed() const { return failed_code_ != 0; }
    void report_failure(Diagnostics& diags) const;

    // Per input: versions read, of those given by another file, read from the recovery file.
    const std::vector<InputSummary>& inputs() const { return inputs_; }
    const std::vector<VersionClash>& clashes() const { return clashes_; }

private:
    struct Source;
    const ResultSet& rs_;
    std::vector<Source*> sources_;
    std::vector<Source*> versions_;  // of the response being read
    std::vector<InputSummary> inputs_;
    std::vector<VersionClash> clashes_;
    StreamResponse current_;
    int failed_code_ = 0;
    const Source* failed_source_ = nullptr;

    bool advance(Source& s);
    bool load_answers(Source& s);
    void fail(Source& s, int code);
};

// "respondent self; q1=a; q2=b": what two versions of a response are compared by (answers in question id order).
std::string compared_words(const StreamResponse& r);

}  // namespace easyread::report
