// What a report covers, read from one or more answers files (and the
// recovery files beside them), each response once however many files hold
// it: the counts the report is made of (strings pooled), and the open files
// for the outputs that list every answer (ResponseStream).
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "survey/survey.hpp"
#include "base/diagnostics.hpp"
#include "report/reading/answers_file.hpp"
#include "report/reading/report_filter.hpp"
#include "survey/response.hpp"

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

// One version of the survey's text and where it was found.
struct SurveyText {
    survey::Survey survey;
    std::string from;
};

struct InputSummary {
    std::string path;
    int responses = 0;      // responses of the chosen survey read from the file
    int duplicates = 0;     // of those, counted from another file (or, corrected, in another version)
    int from_recovery = 0;  // responses read from the recovery file beside it
};

// Responses counted together: of one edition, at one event on one day, by
// one kind of respondent, finished or not. A report is made from these
// counts, never from a list of every response, so it needs the same memory
// for a hundred answers and for ten million.
struct ResponseCell {
    std::uint32_t edition = 0;   // index into ResultSet::editions
    std::uint32_t event = 0;     // id in ResultSet::names
    std::uint32_t day = 0;       // id in ResultSet::days
    std::uint32_t respondent = 0;  // id in ResultSet::names
    bool unfinished = false;     // left part-way at the kiosk: counted apart from finished answers
    int count = 0;
    std::string first_at, last_at;  // first and last finished_at (UTC)
};

// Answers of finished responses counted together: one question, one stored
// value, of responses of one edition at one event on one day.
struct AnswerCell {
    std::uint32_t edition = 0, event = 0, day = 0;
    std::uint32_t question = 0;  // id in ResultSet::question_ids
    std::uint32_t value = 0;     // id in ResultSet::values
    int count = 0;
};

// A comment is kept whole (the report quotes each one); only non-empty
// comments of finished responses at the selected event(s).
struct CommentRow {
    std::uint32_t edition = 0, event = 0, day = 0, question = 0;
    std::string finished_at, uuid, text;  // text as typed (masked when counted)
};

class PageCheck;

struct ResultSet {
    ResultSet();
    ~ResultSet();
    ResultSet(ResultSet&&) noexcept;
    ResultSet& operator=(ResultSet&&) noexcept;

    std::string survey_id;
    ReportFilter filter;
    std::vector<InputSummary> inputs;
    std::vector<Edition> editions;
    std::map<std::tuple<int, std::string, std::string>, std::uint32_t> edition_index;  // (version, hash, document)
    std::vector<ResponseCell> response_cells;
    std::vector<AnswerCell> answer_cells;
    std::vector<CommentRow> comments;  // oldest first
    long responses = 0;                // every response counted (each once), finished or not
    StringPool names;         // events, respondents
    StringPool days;          // "2024-05-09" (given where it was given), or "2024-05-09T10" (an hour, UTC: files before schema 5)
    StringPool question_ids;
    StringPool values;
    // Questions with answers, per edition (indexed by question id): page questions become as many pages as answered.
    std::vector<std::vector<bool>> used_questions;
    // Why these results may not be everything: shown at the top of every output.
    std::vector<std::string> incomplete;

    // The files, open in one read transaction each (so every pass over them
    // sees the same answers), and the responses waiting in their recovery
    // files (of the chosen survey and dates), for ResponseStream.
    std::vector<ReadOnlyAnswersFile> files;
    // SQLite's check of every page of `files`, when load_results left it
    // running (LoadOptions::defer_page_check); after `files`, so it is
    // stopped before they close.
    std::unique_ptr<PageCheck> page_check;
    std::vector<std::vector<survey::Response>> recovered;
    std::vector<SurveyText> texts;  // every version of the survey's text the files and survey files hold
    bool counted = false;           // false: load_results left the counting to write_csv (LoadOptions::count)
    bool comments_indexed = false;  // the comments were found by the schema 7 index, not by reading every answer

    // The event filter (dates and survey are applied while reading).
    bool selected(const std::string& event) const { return filter.event.empty() || event == filter.event; }
    bool selected(std::uint32_t event) const { return selected(names[event]); }
    // Index into editions of a response's edition; -1 when none.
    long edition_of(int version, const std::string& hash, const std::string& document) const;
    // Titles of the survey: the newest edition's.
    std::string title() const;
    const Edition* newest() const;
    // Waits for a page check still running; false, with the one db-damaged
    // error per damaged file (and nothing else said while reading), when a
    // file is damaged. An output made from these answers is kept only when
    // this is true.
    bool undamaged(Diagnostics& diags);
};

struct LoadOptions {
    ReportFilter filter;
    // Chooses pictures for questions whose survey text names none, as the
    // kiosk did; may be null (such questions then have no picture).
    const symbols::Bank* bank = nullptr;
    std::vector<std::string> survey_files;  // survey texts for editions no database holds
    // False when the only output is a CSV: write_csv then counts as it
    // writes (one pass over the answers instead of two), and says afterwards
    // what load_results would have said before.
    bool count = true;
    // False: count answer by answer even when a file keeps its counts
    // (count_tables.hpp); tests compare the two.
    bool count_tables = true;
    // True: the check of every page may still be running when load_results
    // returns, so writing can start at once; the caller must keep nothing
    // unless ResultSet::undamaged says so. False: load_results waits for it.
    bool defer_page_check = false;
};

// Reads every file. False, with errors naming the file and what to do, when
// any file cannot be read or holds a different survey: a report is never
// made from some of the files while claiming to cover all of them.
bool load_results(const std::vector<std::string>& paths, const LoadOptions& options, ResultSet& out,
                  Diagnostics& diags);

}  // namespace easyread::report
