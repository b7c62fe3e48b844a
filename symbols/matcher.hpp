// Chooses a picture for a piece of text, and says why.
#pragma once
#include <string>
#include <vector>

#include "bank.hpp"

namespace easyread::symbols {

struct Match {
    const Picture* picture = nullptr;
    double score = 0;    // 0..1 confidence
    std::string reason;  // e.g. "matched phrase 'care plan'"
};

class Matcher {
public:
    explicit Matcher(const Bank& bank);
    // Best candidates first; empty when nothing fits well enough.
    std::vector<Match> candidates(const std::string& text, std::size_t top = 5) const;
    // The best match, or a Match with picture == nullptr.
    Match best(const std::string& text) const;

private:
    const Bank& bank_;
};

}  // namespace easyread::symbols
