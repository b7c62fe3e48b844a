// A co-production review's answers file made through the kiosk's own store,
// as REVIEW-CONTRACT.md says the kiosk stores them (one response per
// reviewer; page-<n> faces, chunk-<n>-<key> taps, comment-<n>), for the
// document's real chunk keys as the layout gives them.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "generator/layout/page_chunks.hpp"
#include "survey/store.hpp"
#include "survey/survey.hpp"

namespace review_test {

// "Help at home": a leaflet whose pages and chunks the tests know.
std::string leaflet_text(const std::string& reablement_words = "This help is called reablement.");

struct LaidOut {
    std::vector<std::vector<easyread::PageChunk>> pages;  // page n at [n - 1]
    std::string label;                                   // survey::document_label
    // The chunk on page `page` whose words contain `part`; fails the test when none.
    const easyread::PageChunk& chunk(int page, const std::string& part) const;
    // The page holding a chunk with `part`; 0 when none.
    int page_of(const std::string& part) const;
};
LaidOut lay_out(const std::string& document_path);

using Answers = std::vector<std::pair<std::string, std::string>>;

class ReviewFile {
public:
    // `survey_text`: the survey `easyread review make` wrote.
    ReviewFile(const std::string& path, const std::string& survey_text);
    // One reviewer: `day` "2027-03-03"; answers as stored.
    std::string add(const std::string& event, const std::string& day, bool unfinished, const Answers& answers);
    easyread::survey::Store& store() { return store_; }
    std::string label;  // responses.document of what follows

private:
    easyread::survey::Store store_;
    easyread::survey::Survey survey_;
    int minute_ = 0;
};

// The review survey `easyread review make` writes for the document (its text).
std::string make_review_survey(const std::string& document_path);

// "chunk-<page>-<key>"
std::string chunk_id(const easyread::PageChunk& c);
// Every chunk of `page` as `seen` unless `marks` gives it a value (by chunk key).
Answers seen_page(const LaidOut& doc, int page, const Answers& marks = {});

}  // namespace review_test
