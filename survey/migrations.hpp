// Schema versions of the answers database, each reached by one migration step.
//   0 -> 1  responses, answers, settings
//   1 -> 2  surveys table (hash per survey id + version); responses.survey_hash,
//           responses.document and responses.source columns; answers.position
//   ...     (see the steps in migrations.cpp)
//   5 -> 6  kept counts (answer_counts.hpp)
//   6 -> 7  responses WITHOUT ROWID in uuid order; answers_free_text index
#pragma once
#include <string>

struct sqlite3;

namespace easyread::survey {

// Reads PRAGMA user_version; -1 when it cannot be read.
int read_user_version(sqlite3* db);

// Runs the steps from the file's user_version up to `target` (each step one
// transaction that also sets user_version). Returns false with `error` set
// and the file left at the last finished step when a step fails.
bool migrate(sqlite3* db, int target, std::string& error);

}  // namespace easyread::survey
