// Counting the answers: who answered at which event, and for every question
// how many chose each answer, overall and event by event. Questions are
// matched by id across survey versions; versions that asked a question in
// different words or with different answers are counted apart, never mixed.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "survey/survey.hpp"
#include "report/reading/result_set.hpp"

namespace easyread::report {

// Respondent groups in a fixed order: self, carer, helper, staff, not-said.
constexpr int kGroupCount = 5;
const char* group_value(int group);
// "People answering for themselves", "Family carers", ...
const char* group_words(int group);

// An event is its name and its day: the same name on two days is two events.
struct EventSummary {
    std::string name;      // as typed by staff; "" when none was set
    std::string day;       // local day, "2024-05-09"
    std::string first_at;  // first answer, UTC
    int responses = 0;     // all loaded finished responses at this event
    int unfinished = 0;    // responses left part-way at this event (not in `responses`)
    std::array<int, kGroupCount> by_group{};
    bool selected = false;  // inside the report's event filter
};

struct Comment {
    std::uint32_t event = 0;  // index into Tally::events
    std::string finished_at;
    std::string text;  // already masked (phone numbers, emails, postcodes)
};

// One question as one or more editions asked it, in the same words with the same answers.
struct QuestionGroup {
    survey::Question question;      // the newest wording
    std::string document;          // page questions: the document edition ("stocktake.md 3f9a0c12")
    std::vector<int> versions;     // survey versions, newest first
    int asked = 0;                 // selected responses whose survey had this question
    int answered = 0;              // of those, how many answered it
    std::vector<int> counts;       // per question.options entry
    int unmatched = 0;             // answers that are none of the options (shown, never hidden)
    std::vector<int> event_answered;             // per event, all loaded responses
    std::vector<std::vector<int>> event_counts;  // per event, per option
    std::vector<Comment> comments;               // comment questions
};

struct QuestionResult {
    std::string id;
    std::vector<QuestionGroup> groups;  // newest wording first; more than one when versions differ
};

struct Tally {
    std::vector<EventSummary> events;  // every loaded event (name and day), in the order they happened
    int responses = 0;                 // selected finished responses
    int unfinished = 0;                // selected responses left part-way: counted apart, in no other number
    std::array<int, kGroupCount> by_group{};
    std::vector<std::pair<int, int>> by_version;  // (version, selected responses), newest first
    std::vector<QuestionResult> questions;        // survey order, then questions old versions had
    int comment_count = 0;
    // The event the report compares against the one before it; -1 when there is none.
    int latest_event = -1, previous_event = -1;
};

Tally tally_results(const ResultSet& results);

// A one-line list "1 and 2" or "1, 2 and 3".
std::string join_words(const std::vector<std::string>& items);
std::string version_words(const std::vector<int>& versions);  // "version 2" / "versions 1 and 2"

}  // namespace easyread::report
