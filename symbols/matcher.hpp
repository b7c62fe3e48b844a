// Chooses a picture for a piece of text, and says why.
//
// Words count for more when they come first in the block, when they are in
// bold (**hard word**, as in Markdown) and when they are part of a longer
// phrase from the concept list. Grammar words and vague verbs never choose.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "symbols/bank.hpp"

namespace easyread::symbols {

class TermIndex;

struct Match {
    const Picture* picture = nullptr;
    double score = 0;    // 0..1 confidence
    std::string reason;  // e.g. "matched phrase 'care plan'"
    // Chosen for a fact of the sentence (a call, money, a time, a date):
    // kept even when the block before has the same picture, as the fact repeats.
    bool fact = false;
};

class Matcher {
public:
    // Scores at or above this are candidates at all; below it, no picture fits.
    static constexpr double kMinScore = 0.5;
    // A second choice this good may replace a picture the block before used.
    static constexpr double kGoodAlternative = 0.75;

    // The bank must outlive the matcher; its pictures must not change meanwhile.
    explicit Matcher(const Bank& bank);
    ~Matcher();
    Matcher(const Matcher&) = delete;
    Matcher& operator=(const Matcher&) = delete;

    // Best candidates first; empty when nothing fits well enough.
    std::vector<Match> candidates(const std::string& text, std::size_t top = 5) const;
    // The best match, or a Match with picture == nullptr.
    Match best(const std::string& text) const;
    // As best(), but when the best picture is `avoid_id` (the neighbouring
    // block's) and a good alternative exists, returns the alternative.
    Match best(const std::string& text, const std::string& avoid_id) const;
    // One match per block, never the same picture on two neighbouring blocks
    // when a good alternative exists.
    std::vector<Match> best_for_blocks(const std::vector<std::string>& texts) const;

private:
    const Bank& bank_;
    std::shared_ptr<const TermIndex> index_;
};

}  // namespace easyread::symbols
