// Reading answers into a ResultSet (the steps of load_results): the survey
// text of every edition, and one pass over every response (ResponseStream)
// that counts them into cells.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "report/reading/answers_file.hpp"
#include "report/reading/result_set.hpp"

namespace easyread::report {

// Every version of survey `out.survey_id` the files' surveys tables or the
// given survey files hold. False with an error when a given file cannot be read.
bool read_survey_texts(const LoadOptions& options, const ResultSet& out, std::vector<SurveyText>& texts,
                       Diagnostics& diags);

// The text a response of (version, hash) was asked with; null when none is known.
const SurveyText* text_for(const std::vector<SurveyText>& texts, int version, const std::string& hash);

// "page-3" -> 3 when `id` is "page"; 0 otherwise.
int page_number(const std::string& answer_id, const std::string& id);

// Is an answer to `question` a comment (kept whole and quoted), by the survey
// text `s` its edition was asked with (null: none known)?
bool comment_answer(const survey::Survey* s, const std::string& question);

// The index in out.editions of the edition (version, hash, document), added when new.
std::uint32_t edition_index(ResultSet& out, int version, const std::string& hash, const std::string& document);

// "2024-05-09", as local_date holds it (anything else in a damaged file is not a day).
bool is_day(std::string_view s);

class ResponseStream;
struct StreamResponse;

// Counts responses into `out` (cells, comments, inputs) as a ResponseStream gives them.
class AnswerCounter {
public:
    explicit AnswerCounter(ResultSet& out);
    ~AnswerCounter();
    void take(const StreamResponse& r);
    // After the last response: the inputs' numbers, comments in order, and
    // versions of one response that differ said as merge says them. False
    // when the stream failed, or two files hold different answers for one
    // response and neither is marked as the correction (merge refuses them too).
    bool finish(const ResponseStream& stream, Diagnostics& diags);

private:
    struct Cells;
    std::unique_ptr<Cells> cells_;
};

// The whole pass: every response of out.files counted.
bool count_answers(ResultSet& out, Diagnostics& diags);

// After counting: gives each edition its survey text (page-by-page questions
// as many pages as were answered), and checks the filters leave answers.
// False with an error naming what to do otherwise.
bool finish_counting(ResultSet& out, Diagnostics& diags);

// Gives each edition its survey text, and page-by-page questions as many
// pages as were answered. False with an error when some edition's
// questions cannot be known.
bool define_editions(const std::vector<SurveyText>& texts, ResultSet& out, Diagnostics& diags);

}  // namespace easyread::report
