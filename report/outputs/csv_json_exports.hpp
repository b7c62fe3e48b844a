// The answers as data: CSV for spreadsheets (one row per answer) and JSON.
#pragma once
#include <string>

#include "base/diagnostics.hpp"
#include "report/reading/result_set.hpp"
#include "report/counting/tally.hpp"

namespace easyread::report {

// UTF-8 with a byte order mark so Excel reads the letters right. Columns:
// response_id, survey_id, survey_version, event, respondent, source,
// started_at, finished_at (UTC), local_date and zone (the day and time zone
// where it was given; empty in files from before easyread kept them),
// question_id, answer, answer_words, finished ("no": left part-way at the
// kiosk, counted apart in the report). Rows come response by response in
// response-id order, read straight from the answers files. (The question
// words are in the JSON and the report: a million rows of them would make
// the file a third larger.)
// Comments are masked (mask_personal.hpp) unless `unmasked`: staff may need
// the words as typed for safeguarding, and only ever in a CSV. Every cell that
// a spreadsheet could take for a formula (starting = + - @ tab or carriage
// return) gets a ' in front.
struct CsvCounts {
    long people = 0, answers = 0;  // responses and answers written
    bool input_error = false;      // nothing written because of the answers files (exit 3, not 4)
};
// When load_results left the counting (LoadOptions::count false), the CSV is
// counted as it is written, and nothing is kept when the counts say what
// load_results would have refused.
bool write_csv(ResultSet& results, const std::string& path, Diagnostics& diags, bool unmasked = false,
               CsvCounts* counts = nullptr);

// Totals, question counts and every response with its answers (in response-id order).
bool write_json(const ResultSet& results, const Tally& tally, const std::string& path, Diagnostics& diags);

// One CSV cell, quoted when needed and neutralised against formulas.
void append_csv_cell(std::string& out, const std::string& cell);

}  // namespace easyread::report
