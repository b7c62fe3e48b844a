// Page-by-page review surveys ({each=page} questions): the results for each
// edition of the document apart, its pages in order from hardest to easiest.
#pragma once
#include <string>
#include <vector>

#include "report/reading/result_set.hpp"
#include "report/counting/tally.hpp"

namespace easyread::report {

struct PageResult {
    int page = 0;                          // 1-based, as the kiosk showed it
    const QuestionGroup* group = nullptr;  // the page's question and counts
    int hard = 0;                          // answers saying it was hard (the question's negative answers)
    int sure = 0;                          // answers other than "I don't know"
};

struct DocumentEdition {
    std::string label;        // "stocktake.md 3f9a0c12", as stored with every answer
    const survey::Question* question = nullptr;  // page 1's question (the words every page was asked)
    std::string name;         // "stocktake.md"
    std::string edition;      // "3f9a0c12": the start of the text's fingerprint
    std::string last_answer;  // the newest answer about it (UTC), to put editions in order
    int people = 0;           // selected finished responses that saw this edition
    std::vector<PageResult> pages;  // hardest first; pages no one answered last
};

// Every document edition the selected answers saw, the newest first (one
// entry per page question when a survey asks more than one about each
// page). Empty for surveys without page questions.
std::vector<DocumentEdition> page_results(const ResultSet& results, const Tally& tally);

// The share of sure answers that said the page was hard; -1 with none.
double hard_share(const PageResult& p);

}  // namespace easyread::report
