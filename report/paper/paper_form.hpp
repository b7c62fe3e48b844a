// easyread form: the survey as an easy read paper questionnaire for people
// who do not use the kiosk. Consent and "who is answering" come first, then
// one question per half page (or page) with its picture and big pictures of
// the answers to circle; each question shows its id for whoever types the
// answers in for `easyread import`.
#pragma once
#include <string>

#include "survey/survey.hpp"
#include "base/diagnostics.hpp"

namespace easyread::symbols {
class Bank;
}

namespace easyread::report {

bool render_paper_form(const survey::Survey& survey, const symbols::Bank& bank, const std::string& path,
                       Diagnostics& diags);

// The header line of the import CSV for this survey: response_id,respondent,<ids>.
std::string import_header(const survey::Survey& survey);

}  // namespace easyread::report
