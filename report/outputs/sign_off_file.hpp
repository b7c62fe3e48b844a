// The sign-off file beside a reviewed document ("leaflet.sign-off" beside
// "leaflet.md"), written by `easyread review results --sign-off` and read by
// `easyread build`. It names the review's answers files; the numbers it
// also holds are for people reading it. Each build counts the people, the
// group, the date and each page's faces again from those answers files, so
// a number changed by hand is never printed: it is warned about, and the
// answers' own numbers are used. The claim is only as good as the answers
// files, which stay on this machine.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostics.hpp"
#include "generator/layout/review_sign_off.hpp"
#include "report/counting/review_results.hpp"

namespace easyread::report {

// "docs/leaflet.sign-off" for "docs/leaflet.md".
std::string sign_off_path(const std::string& document_path);

// The sign-off the results give: pages as reviewed, easy when most faces
// were happy; people, group and the last day from finished responses.
ReviewSignOff make_sign_off(const ReviewResults& results);

// Writes the sign-off file for `results` (answers read from `answers`, of
// group `event` or every group). False with an error when nothing of the
// document as it is now was reviewed, or the file cannot be written.
bool write_sign_off(const ReviewResults& results, const std::vector<std::string>& answers, const std::string& event,
                    std::string& written, Diagnostics& diags);

// The sign-off beside `document_path`, counted again from its answers files.
// Null when there is none (nothing said), or it cannot be used (a warning
// naming the file and what to do, and no claim is printed).
std::shared_ptr<const ReviewSignOff> load_sign_off(const std::string& document_path, Diagnostics& diags);

}  // namespace easyread::report
