// Surveys with page-by-page questions ({each=page}) ask about every page of
// an easy read document: the paper form and the import need its page count,
// found by laying the document out with the generator.
#pragma once
#include <string>

#include "survey/survey.hpp"
#include "base/diagnostics.hpp"

namespace easyread::symbols {
class Bank;
}

namespace easyread::report {

// Expands the page questions to one per page ("page-1", "page-2", ...) and
// sets the document label "stocktake.md 3f9a0c12" (file name and the start
// of its content hash). True with nothing to do for other surveys; false
// with an error naming the survey's "document:" line when the document
// cannot be read.
// `files_root` (the studio's folder; empty = no limit): the document, and the
// pictures it names, must lie inside it.
bool expand_survey_pages(survey::Survey& survey, const symbols::Bank& bank, Diagnostics& diags,
                         const std::string& files_root = {});

}  // namespace easyread::report
