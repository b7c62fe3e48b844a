#include "matcher.hpp"

#include <algorithm>
#include <cctype>

namespace easyread::symbols {

Matcher::Matcher(const Bank& bank) : bank_(bank) {}

static std::string lower(const std::string& s) {
    std::string out = s;
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Whole-word containment, so "care" does not match "scared".
static bool contains_word(const std::string& hay, const std::string& needle) {
    std::size_t pos = 0;
    while ((pos = hay.find(needle, pos)) != std::string::npos) {
        bool left = pos == 0 || !std::isalnum(static_cast<unsigned char>(hay[pos - 1]));
        std::size_t end = pos + needle.size();
        bool right = end >= hay.size() || !std::isalnum(static_cast<unsigned char>(hay[end])) ||
                     (hay[end] == 's' && (end + 1 >= hay.size() || !std::isalnum(static_cast<unsigned char>(hay[end + 1]))));
        if (left && right) return true;
        pos = end;
    }
    return false;
}

std::vector<Match> Matcher::candidates(const std::string& text, std::size_t top) const {
    const std::string t = lower(text);
    std::vector<Match> out;
    for (const auto& p : bank_.pictures()) {
        double best = 0;
        std::string why;
        for (const auto& k : p.keywords) {
            if (k.size() < 3 || !contains_word(t, k)) continue;
            double words = 1 + static_cast<double>(std::count(k.begin(), k.end(), ' '));
            double score = std::min(1.0, 0.5 + 0.2 * words);
            if (score > best) {
                best = score;
                why = "matched keyword '" + k + "'";
            }
        }
        if (best > 0) out.push_back({&p, best, why});
    }
    std::stable_sort(out.begin(), out.end(), [](const Match& a, const Match& b) { return a.score > b.score; });
    if (out.size() > top) out.resize(top);
    return out;
}

Match Matcher::best(const std::string& text) const {
    auto c = candidates(text, 1);
    return c.empty() ? Match{} : c.front();
}

}  // namespace easyread::symbols
