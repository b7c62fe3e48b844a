// easyread merge: several answers files into one new file, each response once.
#pragma once
#include <string>
#include <vector>

#include "base/diagnostics.hpp"

namespace easyread::report {

struct MergeSummary {
    int responses = 0;      // in the new file
    int duplicates = 0;     // responses met again in a later file (kept once)
    int from_recovery = 0;  // taken from recovery files beside the inputs
    int corrected = 0;      // responses met in two versions, the later correction kept
};

// Reads every input (never writing to them) and writes `output`, which must
// not exist yet. All or nothing: on any problem no output file is left.
bool merge_answers(const std::vector<std::string>& inputs, const std::string& output, MergeSummary& summary,
                   Diagnostics& diags);

}  // namespace easyread::report
