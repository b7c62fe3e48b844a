// Every answer a report covers, read from one or more answers files (and the
// recovery files beside them), each response once however many files hold
// it. Kept compact (strings pooled, answers as pairs of numbers) so a million
// answers fit in tens of megabytes.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "survey/survey.hpp"
#include "base/diagnostics.hpp"
#include "report/reading/report_filter.hpp"

namespace easyread::symbols {
class Bank;
}

namespace easyread::report {

// Each distinct string once; ids are indexes into `text`.
class StringPool {
public:
    std::uint32_t id(const std::string& s) { return id(s.data(), s.size()); }
    std::uint32_t id(const char* bytes, std::size_t size);
    const std::string& operator[](std::uint32_t i) const { return text_[i]; }
    std::size_t size() const { return text_.size(); }
    // -1 when `s` was never added.
    long find(const std::string& s) const;

private:
    std::vector<std::string> text_;
    std::unordered_map<std::string, std::uint32_t> ids_;
    // The same few answer values come a million times: the last string seen
    // for each of 256 hash values (id + 1; 0 = none) answers most look-ups
    // without building a std::string or searching the map.
    std::array<std::uint32_t, 256> recent_{};
};

// One way the survey was asked: a version, the exact file (hash) and, for
// page-by-page surveys, the document whose pages were shown.
struct Edition {
    int version = 0;
    std::string hash;
    std::string document;
    std::optional<survey::Survey> survey;  // empty when no file holds its text
    std::string defined_in;               // where the survey text came from
    int responses = 0;                    // responses in the whole loaded set
};

struct InputSummary {
    std::string path;
    int responses = 0;      // responses of the chosen survey read from the file
    int duplicates = 0;     // of those, already read from an earlier file
    int from_recovery = 0;  // responses read from the recovery file beside it
};

struct ResponseRow {
    std::string uuid;
    std::string started_at, finished_at;
    std::string day;  // "2024-05-09" where it was given (local_date); "" in files before schema 5
    std::uint32_t edition = 0;  // index into ResultSet::editions
    std::uint32_t event = 0;    // ids in ResultSet::names
    std::uint32_t respondent = 0;
    std::uint32_t source = 0;
    std::uint32_t device = 0;
    std::uint32_t first_answer = 0, answer_count = 0;  // range in ResultSet::answers
    bool unfinished = false;  // left part-way at the kiosk: counted apart from finished answers
};

struct AnswerRow {
    std::uint32_t question = 0;  // id in ResultSet::question_ids
    std::uint32_t value = 0;     // id in ResultSet::values
};

struct ResultSet {
    std::string survey_id;
    ReportFilter filter;
    std::vector<InputSummary> inputs;
    std::vector<Edition> editions;
    std::vector<ResponseRow> responses;  // oldest first
    std::vector<AnswerRow> answers;
    StringPool names;         // events, respondents, sources, devices
    StringPool question_ids;
    StringPool values;
    // Why these results may not be everything: shown at the top of every output.
    std::vector<std::string> incomplete;

    // The event filter (dates and survey are applied while loading).
    bool selected(const ResponseRow& r) const;
    const std::string& event_of(const ResponseRow& r) const { return names[r.event]; }
    // Titles of the survey: the newest edition's.
    std::string title() const;
    const Edition* newest() const;
};

struct LoadOptions {
    ReportFilter filter;
    // Chooses pictures for questions whose survey text names none, as the
    // kiosk did; may be null (such questions then have no picture).
    const symbols::Bank* bank = nullptr;
    std::vector<std::string> survey_files;  // survey texts for editions no database holds
};

// Reads every file. False, with errors naming the file and what to do, when
// any file cannot be read or holds a different survey: a report is never
// made from some of the files while claiming to cover all of them.
bool load_results(const std::vector<std::string>& paths, const LoadOptions& options, ResultSet& out,
                  Diagnostics& diags);

}  // namespace easyread::report
