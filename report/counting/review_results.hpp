// A co-production review's results for the document as it is now: what the
// reviewers said about each page and chunk, matched by the chunk's key (its
// words and picture) and never by page or line number, so a chunk changed
// since the review has no results, and a page is "as reviewed" only when all
// its chunks are. Every number is a count of reviewers from the answers.
#pragma once
#include <string>
#include <vector>

#include "generator/layout/page_chunks.hpp"
#include "report/reading/review_answers.hpp"

namespace easyread::report {

struct Faces {
    int happy = 0, middle = 0, sad = 0;
    int total() const { return happy + middle + sad; }
    // Most faces happy: more than half.
    bool easy() const { return total() > 0 && happy * 2 > total(); }
};

// One thing reviewers tapped in a chunk.
struct TappedItem {
    bool picture = false;  // else a word
    std::string text;      // the word as most reviewers saw it, or the picture's name
    int people = 0;        // finished reviewers who tapped it
};

struct ChunkReview {
    PageChunk chunk;       // as it is now
    bool reviewed = false;  // its key is in the answers: unchanged since the review
    int seen = 0;          // finished reviewers shown it
    std::vector<TappedItem> items;  // hardest first (most people, then words before pictures, then a-z)
};

struct PageReview {
    int page = 0;                     // 1-based page of the document as laid out now
    std::vector<ChunkReview> chunks;  // in reading order
    bool reviewed = false;            // every chunk is a page as reviewed
    Faces faces;                      // of the page as reviewed (reviewed only)
    std::vector<std::string> comments;  // typed about the page as reviewed, personal details masked
    int changed_chunks() const;
};

// A page as the reviewers saw it: its chunks' keys and their faces.
struct ReviewedPage {
    std::string document;  // label of the edition shown
    int page = 0;
    std::vector<std::string> keys;  // sorted, each once
    Faces faces;
    std::vector<std::string> comments;  // of finished reviewers, oldest first, masked
};

struct ReviewResults {
    std::string document_path, document_label;  // the document as it is now
    std::vector<std::string> reviewed_labels;   // editions the reviewers were shown
    int people = 0;      // finished responses
    int unfinished = 0;  // walked away part-way: not counted
    std::vector<std::string> groups;  // responses.event of finished responses, a-z
    std::string last_date;            // "2027-03-03": the day of the last finished response
    std::vector<PageReview> pages;    // pages with the document's own chunks
    std::vector<ReviewedPage> reviewed_pages;
    int answer_keys = 0;   // chunks the answers speak of
    int matched_keys = 0;  // of those, still in the document
    // No chunk of the answers is in the document: a review of another
    // document (or of every chunk before it changed).
    bool nothing_matches() const { return answer_keys > 0 && matched_keys == 0; }
};

// `pages[i]` is page i + 1's chunks as page_chunks() gives them.
ReviewResults review_results(const ReviewAnswers& answers, const std::vector<std::vector<PageChunk>>& pages,
                             const std::string& document_path, const std::string& document_label);

// Warnings about the match: another document, changed chunks, walk-aways.
void warn_about_match(const ReviewResults& r, Diagnostics& diags);

// "Fernside Voices", "Fernside Voices and Oak Club" ("" when no name was typed).
std::string group_words(const std::vector<std::string>& groups);

}  // namespace easyread::report
