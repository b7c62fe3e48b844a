// Reading answers into a ResultSet (the steps of load_results): the survey
// text of every edition, and one pass over every response (ResponseStream)
// that counts them into cells.
#pragma once
#include <string>
#include <vector>

#include "report/reading/answers_file.hpp"
#include "report/reading/result_set.hpp"

namespace easyread::report {

// One version of the survey's text and where it was found.
struct SurveyText {
    survey::Survey survey;
    std::string from;
};

// Every version of survey `out.survey_id` the files' surveys tables or the
// given survey files hold. False with an error when a given file cannot be read.
bool read_survey_texts(const LoadOptions& options, const ResultSet& out, std::vector<SurveyText>& texts,
                       Diagnostics& diags);

// The text a response of (version, hash) was asked with; null when none is known.
const SurveyText* text_for(const std::vector<SurveyText>& texts, int version, const std::string& hash);

// "page-3" -> 3 when `id` is "page"; 0 otherwise.
int page_number(const std::string& answer_id, const std::string& id);

// Counts every response of the files into `out` (cells, comments, inputs).
// False with an error when a file cannot be read, or when two files hold
// different answers for one response and neither is marked as the
// correction (as merge refuses them).
bool count_answers(ResultSet& out, const std::vector<SurveyText>& texts, Diagnostics& diags);

// Gives each edition its survey text, and page-by-page questions as many
// pages as were answered. False with an error when some edition's
// questions cannot be known.
bool define_editions(const std::vector<SurveyText>& texts, ResultSet& out, Diagnostics& diags);

}  // namespace easyread::report
