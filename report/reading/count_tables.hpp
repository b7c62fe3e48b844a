// Counting a report from the counts an answers file keeps (schema 6,
// survey/answer_counts.hpp) instead of reading every answer: the same cells
// count_answers makes, from a few thousand rows, plus the comments (read
// whole, as the report quotes each one).
#pragma once
#include "base/diagnostics.hpp"
#include "report/reading/result_set.hpp"

namespace easyread::report {

// Counts `out` from the counts tables when they hold all it needs: one file
// (a response in two files must be counted once, which only reading them
// says), of schema 6, no recovery file beside it, every key valid text, and
// every day a day when --from or --to is given. `counted` says whether it
// did; when not, nothing in `out` has changed. Without `comments` (a CSV
// alone lists them itself) the comments are not read. False with an error
// when the file cannot be read.
bool count_from_tables(ResultSet& out, Diagnostics& diags, bool& counted, bool comments = true);

}  // namespace easyread::report
