// The board's answer to what people said: a Markdown file with one "##"
// section per question, saying what the board will do, who and by when.
//
//   ---
//   organisation: Millbrook Learning Disability Partnership Board
//   contact: Phone 01632 960 123
//   checked_by: Checked by the Speak Up Group
//   ---
//   ## meeting                      (a question id, or its words with {#meeting})
//   We will hold the next meeting in a bigger room.
//   - Who: Sam Patel, board chair
//   - By when: September 2024
#pragma once
#include <string>
#include <vector>

#include "base/diagnostics.hpp"
#include "generator/parse/front_matter.hpp"

namespace easyread::report {

struct Action {
    std::string question_id;
    int line = 0;  // the "##" line
    std::vector<std::string> what;  // one paragraph each: what the board will do
    std::string who;
    std::string by_when;
};

struct ActionsFile {
    std::string path;
    FrontMatter meta;
    std::vector<Action> actions;
    const Action* find(const std::string& question_id) const;
};

// Reads the file. False (with errors naming file and line) when it cannot be
// read, names a question the survey does not have, or names one twice.
// `question_ids` are the questions the report shows.
bool load_actions(const std::string& path, const std::vector<std::string>& question_ids, ActionsFile& out,
                  Diagnostics& diags);

}  // namespace easyread::report
