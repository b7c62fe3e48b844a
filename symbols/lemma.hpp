// A small English lemmatiser for matching: which base forms a word may be.
// It does not decide alone; the matcher keeps the first form that its
// vocabulary knows, so "caring" finds "care" and "planned" finds "plan".
#pragma once
#include <string>
#include <vector>

namespace easyread::symbols {

// The word itself first, then irregular and regular base forms, most likely
// first: "families" -> families, family; "moving" -> moving, mov, move.
std::vector<std::string> base_form_candidates(const std::string& word);

}  // namespace easyread::symbols
