// The answers of a co-production review (a survey made by `easyread review
// make`, one response per reviewer), read from one or more answers files
// opened read-only, each response once however many files hold it.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostics.hpp"

namespace easyread::report {

struct ReviewResponse {
    std::string document;    // survey::document_label of the document shown
    std::string event;       // the group's name as staff typed it at the kiosk
    std::string local_date;  // "2027-03-03": the day it was given, where it was given
    std::string finished_at;
    bool unfinished = false;  // walked away part-way
    std::vector<std::pair<std::string, std::string>> answers;  // question id, stored value
};

struct ReviewAnswers {
    std::string survey_id;                  // "review-leaflet"
    std::vector<ReviewResponse> responses;  // finished and unfinished, oldest id first
    std::vector<std::string> incomplete;    // why these may not be every answer
};

// Reads the review of the document at `document_path` (survey id
// "review-<its stem>") from `paths`; files holding one other survey are read
// as that survey. `event`, when not empty, keeps only that group's answers.
// False, with errors naming the file and what to do, when a file cannot be
// read, holds no review, or the event has no answers.
bool read_review_answers(const std::vector<std::string>& paths, const std::string& document_path,
                         const std::string& event, ReviewAnswers& out, Diagnostics& diags);

// "review-leaflet" for "docs/leaflet.md" (the stem made an id, as `easyread review make` does).
std::string review_survey_id(const std::string& document_path);

}  // namespace easyread::report
