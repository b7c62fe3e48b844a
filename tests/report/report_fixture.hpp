// Answers files with known answers, made through the kiosk's own store, and
// the outputs read back: PDF text via pdftotext, CSV via the import's parser.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "survey/store.hpp"
#include "survey/survey.hpp"
#include "tests/support/command.hpp"

namespace report_test {

// A small survey "club-day": day (faces3), hear (yes-no), next (choose-many:
// music, games, food), ideas (comment). `day_words` changes the first
// question's words, as a new version might.
std::string survey_text(int version, const std::string& day_words = "Did you like the day?",
                        const std::string& id = "club-day");

// A survey file's text parsed, or fails the test showing why.
easyread::survey::Survey parse(const std::string& text, const std::string& path);

// "2024-05-09T10:00:00.000Z"
std::string when(int month, int day, int minute = 0);

using Answers = std::vector<std::pair<std::string, std::string>>;  // question id, stored value

class AnswersFile {
public:
    AnswersFile(const std::string& path, const std::string& survey_text);
    // Stores one response; returns its UUID (a new one unless given).
    std::string add(const std::string& event, const std::string& respondent, const std::string& finished_at,
                    const Answers& answers, const std::string& uuid = {});
    // The same answers `count` times, a minute apart.
    void add_many(int count, const std::string& event, const std::string& respondent, int month, int day,
                  const Answers& answers);
    easyread::survey::Store& store() { return store_; }
    const easyread::survey::Survey& survey() const { return survey_; }

private:
    easyread::survey::Store store_;
    easyread::survey::Survey survey_;
    int minute_ = 0;
};

// The text of a PDF, or fails the test (naming pdftotext) when it cannot be read.
std::string pdf_text(const std::string& pdf, bool layout = false);
int pdf_pages(const std::string& pdf);

// Two events of ten people each, with known answers (see the .cpp).
void fill_march_and_may(AnswersFile& file);
// A closed answers file "<dir>/answers.db" holding fill_march_and_may's answers.
std::string march_and_may_db(const std::string& dir);

// Runs easyread and requires it to succeed (showing its messages when not).
CommandResult run_ok(const std::string& args);
// The PDF's text with every run of white space as one space (pdftotext breaks lines where the PDF does).
std::string flat_pdf_text(const std::string& pdf);

// Rows of a CSV file, read with the import's own parser.
std::vector<std::vector<std::string>> csv_rows(const std::string& path);

inline bool has_substr(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Runs SQL returning one value on a database file, read-only.
std::string sql_value(const std::string& db_path, const std::string& sql);

}  // namespace report_test
