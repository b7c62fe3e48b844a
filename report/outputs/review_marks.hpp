// Where on a page's picture each word and picture reviewers tapped is, so
// the review report frames and numbers it there; the report's words give
// the same numbers.
#pragma once
#include <vector>

#include "generator/layout/pages.hpp"
#include "report/counting/review_results.hpp"
#include "report/reading/reviewed_documents.hpp"

namespace easyread::report {

// The marks of `page` on the laid-out `doc`, numbered 1, 2, ... in the order
// of the page's chunks and each chunk's items (tapped_numbers gives the same).
// A word is framed where it first stands in its chunk on that page.
std::vector<PageMark> page_marks(const LaidOutDocument& doc, const PageReview& page);

}  // namespace easyread::report
