// `easyread review results`: a co-production review's answers read against
// the document as it is now, as words, JSON, notes at the document's lines,
// a PDF or HTML report and, when asked, the sign-off file.
#pragma once
#include <string>
#include <vector>

#include "base/diagnostics.hpp"
#include "generator/layout/pages.hpp"

namespace easyread::report {

struct ReviewResultsRequest {
    std::vector<std::string> answers;  // answers files (.db), read only
    std::string document;              // the reviewed document as it is now
    std::string event;                 // only this group's answers; empty = all
    std::vector<std::string> reports;  // .pdf, .html or .htm
    bool json = false;                 // JSON on standard output instead of words
    bool sign_off = false;             // write the sign-off file beside the document
};

// Runs it: `out` is for standard output, `diags` gets the notes at the
// document's lines and any warnings or errors. Exit status as report_job's.
int run_review_results(const ReviewResultsRequest& request, std::string& out, Diagnostics& diags);

// For `easyread check --review`: the review's notes (and warnings about the
// match) for the document at `path` with `source` laid out as `pages`.
// False, with errors, when the answers cannot be read.
bool add_review_notes_for(const std::vector<std::string>& answers, const std::string& path, const std::string& source,
                          const LaidOutDocument& pages, Diagnostics& diags);

}  // namespace easyread::report
