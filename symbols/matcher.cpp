#include "symbols/matcher.hpp"

#include <algorithm>
#include <unordered_map>

#include "symbols/sentence_frames.hpp"
#include "symbols/term_index.hpp"
#include "symbols/word_classes.hpp"
#include "symbols/tokens.hpp"

namespace easyread::symbols {

namespace {

// How much each thing about a word's place moves its score. Chosen so that a
// plain keyword late in a long block still passes kMinScore, and a loose word
// (weight 0.6) passes only near the start of the first sentence.
constexpr double kPhraseBonusPerWord = 0.05;  // "care plan" beats "care" and "plan"
constexpr double kMaxPhraseBonus = 0.15;
constexpr double kLaterSentence = 0.25;       // sentence 2 counts 1/1.25, sentence 3 1/1.5
constexpr double kPerWordBefore = 0.05;       // each content word before it in its sentence
constexpr double kLowestPlace = 0.7;
constexpr double kBold = 1.25;                // a hard word, set in bold
constexpr double kLikelyVerb = 0.75;          // "were *sent*": a verb is rarely the topic
constexpr double kUserPicture = 0.05;         // the user's own pictures win ties
constexpr double kMoreMentions = 0.1;         // share of each further mention added

// One place in the text where a term was found.
struct Hit {
    int node = 0;          // the term's trie node
    std::size_t start = 0;  // first token
    std::size_t length = 0;
    bool whole_text = false;
};

// A picture's best hit and what the others add.
struct Tally {
    double best = 0;
    double others = 0;
    int mentions = 0;
    std::size_t first_token = 0;
    std::string reason;
    bool fact = false;  // a sentence frame names this picture too (a call, money, a time, a date)
};

std::string surface(const std::vector<Token>& tokens, std::size_t start, std::size_t length) {
    std::string out;
    for (std::size_t i = start; i < start + length; ++i) {
        if (!out.empty()) out += ' ';
        out += tokens[i].word;
    }
    return out;
}

class BlockScorer {
public:
    BlockScorer(const TermIndex& index, const Bank& bank, const std::string& text)
        : index_(index), bank_(bank), tokens_(tokenize(text)) {
        form_start_.reserve(tokens_.size() + 1);
        content_before_.reserve(tokens_.size());
        int sentence = -1, content = 0;
        for (const auto& t : tokens_) {
            form_start_.push_back(forms_.size());
            index_.lemma_ids(t.word, forms_);
            if (t.sentence != sentence) sentence = t.sentence, content = 0;
            content_before_.push_back(content);
            if (!is_stop_word(t.word)) ++content;
        }
        form_start_.push_back(forms_.size());
        for (std::size_t i = 0; i < tokens_.size(); ++i) likely_verb_.push_back(looks_like_verb(i));
        for (std::size_t i = 0; i < tokens_.size(); ++i) negated_.push_back(after_negation(i));
    }

    std::vector<Match> run(std::size_t top, const std::string& text) {
        if (!whole_text_hit()) {
            scan();
            frames(text);
        }
        std::vector<Match> out;
        std::vector<std::pair<std::size_t, const Tally*>> ranked;
        for (const auto& [picture, tally] : tallies_) ranked.emplace_back(picture, &tally);
        auto total = [](const Tally& t) { return t.best + kMoreMentions * t.others; };
        std::sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
            double sa = total(*a.second), sb = total(*b.second);
            if (sa != sb) return sa > sb;
            if (a.second->first_token != b.second->first_token) return a.second->first_token < b.second->first_token;
            return a.first < b.first;
        });
        for (const auto& [picture, tally] : ranked) {
            double score = std::min(1.0, total(*tally));
            if (score < Matcher::kMinScore || out.size() >= top) break;
            out.push_back({&bank_.pictures()[picture], score, tally->reason, tally->fact});
        }
        return out;
    }

private:
    // "Yes", "I don't know", "Very happy": an answer label that is a whole term.
    bool whole_text_hit() {
        if (tokens_.empty()) return false;
        Longest found;
        longest(TermIndex::kRoot, 0, 0, false, found);
        if (found.length != tokens_.size()) return false;
        add({found.node, 0, tokens_.size(), true});
        return true;
    }

    // Longest term first at each place, left to right, never across a sentence end.
    void scan() {
        std::size_t i = 0;
        while (i < tokens_.size()) {
            Longest found;
            longest(TermIndex::kRoot, i, i, true, found);
            if (found.node < 0 || index_.only_stop_words(found.node) ||
                (found.length == 1 && is_stop_word(tokens_[i].word))) {
                ++i;
                continue;
            }
            add({found.node, i, found.length, false});
            i += found.length;
        }
    }

    // What the sentence's facts say it is about (a call, money, a time, a
    // date) counts like a word with that picture, at the sentence's place.
    void frames(const std::string& text) {
        const Picture* first = bank_.pictures().empty() ? nullptr : &bank_.pictures()[0];
        for (const auto& f : sentence_frames(text)) {
            const Picture* picture = bank_.find(f.picture);
            if (!picture || !first || picture < first || picture >= first + bank_.pictures().size()) continue;
            const double score = f.score / (1.0 + kLaterSentence * f.sentence);
            Tally& tally = tallies_[static_cast<std::size_t>(picture - first)];
            if (tally.mentions == 0) tally.first_token = tokens_.size();
            ++tally.mentions;
            if (score > tally.best) {
                tally.others += tally.best;
                tally.best = score;
                tally.reason = f.reason + (f.sentence > 0 ? " (sentence " + std::to_string(f.sentence + 1) + ")" : "");
            } else {
                tally.others += score;
            }
            tally.fact = true;
        }
    }

    // After "will", "were", "to" or a pronoun, or first in a sentence and
    // followed by "your", "the" and the like (an instruction).
    bool looks_like_verb(std::size_t i) const {
        const bool sentence_start = i == 0 || tokens_[i - 1].sentence != tokens_[i].sentence;
        if (!sentence_start) return comes_before_verb(tokens_[i - 1].word);
        return i + 1 < tokens_.size() && tokens_[i + 1].sentence == tokens_[i].sentence &&
               is_determiner(tokens_[i + 1].word);
    }

    // "We will not share your information": "share" is what will not
    // happen, so its picture would say the opposite; "information" is still
    // the topic. A word is negated when only grammar words stand between it
    // and "not" (up to 3), in the same sentence.
    bool after_negation(std::size_t i) const {
        for (std::size_t back = 1; back <= 3 && back <= i; ++back) {
            const Token& t = tokens_[i - back];
            if (t.sentence != tokens_[i].sentence) break;
            if (is_negation(t.word)) return true;
            // Only helping verbs between: "not *be* locked", "never *have to* pay";
            // after "the", "your" and the like comes a thing, the topic.
            if (!is_auxiliary(t.word)) break;
        }
        return false;
    }

    // A negated hit is dropped when it is the act itself: one word ("share"),
    // or a phrase of it with grammar words only ("help you"). A phrase that
    // also names a thing ("cannot pay your bills") keeps its picture: the topic.
    bool negated(const Hit& hit) const {
        if (!negated_[hit.start]) return false;
        for (std::size_t k = hit.start + 1; k < hit.start + hit.length; ++k)
            if (!is_stop_word(tokens_[k].word)) return false;
        return true;
    }

    struct Longest {
        int node = -1;
        std::size_t length = 0;
    };

    // Walks the trie from token j on, trying each form a token may be.
    void longest(int node, std::size_t j, std::size_t start, bool in_sentence, Longest& found) const {
        if (j >= tokens_.size() || (in_sentence && tokens_[j].sentence != tokens_[start].sentence)) return;
        for (std::size_t f = form_start_[j]; f < form_start_[j + 1]; ++f) {
            int child = index_.next(node, forms_[f]);
            if (child < 0) continue;
            if (!index_.targets(child).empty() && j - start + 1 > found.length) found = {child, j - start + 1};
            longest(child, j + 1, start, in_sentence, found);
        }
    }

    void add(const Hit& hit) {
        const Token& first = tokens_[hit.start];
        // A negated act never gets the picture of the act; the topic of the
        // sentence, or a "no" phrase of the concept list ("say no"), can.
        if (!hit.whole_text && negated(hit)) return;
        bool bold = false;
        for (std::size_t k = hit.start; k < hit.start + hit.length; ++k) bold = bold || tokens_[k].bold;
        double place = 1.0;
        if (!hit.whole_text) {
            place *= 1.0 + std::min(kMaxPhraseBonus, kPhraseBonusPerWord * static_cast<double>(hit.length - 1));
            place /= 1.0 + kLaterSentence * first.sentence;
            place *= std::max(kLowestPlace, 1.0 - kPerWordBefore * content_before_[hit.start]);
            if (bold) place *= kBold;
            if (hit.length == 1 && likely_verb_[hit.start]) place *= kLikelyVerb;
        }
        for (const auto& target : index_.targets(hit.node)) {
            const Picture& picture = bank_.pictures()[target.picture];
            double score = (hit.whole_text ? 1.0 : target.weight * place) + (picture.user ? kUserPicture : 0.0);
            Tally& tally = tallies_[target.picture];
            if (tally.mentions == 0) tally.first_token = hit.start;
            ++tally.mentions;
            if (score > tally.best) {
                tally.others += tally.best;
                tally.best = score;
                tally.reason = reason(hit, bold);
            } else {
                tally.others += score;
            }
        }
    }

    std::string reason(const Hit& hit, bool bold) const {
        const std::string said = surface(tokens_, hit.start, hit.length);
        const std::string& term = index_.phrase(hit.node);
        if (hit.whole_text) return "matched the whole text '" + said + "'";
        std::string out = std::string(hit.length > 1 ? "matched phrase '" : "matched word '") + said + "'";
        if (said != term) out += " as '" + term + "'";
        std::vector<std::string> notes;
        if (bold) notes.push_back("bold hard word");
        if (tokens_[hit.start].sentence > 0) notes.push_back("sentence " + std::to_string(tokens_[hit.start].sentence + 1));
        for (std::size_t n = 0; n < notes.size(); ++n) out += (n == 0 ? " (" : ", ") + notes[n];
        if (!notes.empty()) out += ")";
        return out;
    }

    const TermIndex& index_;
    const Bank& bank_;
    std::vector<Token> tokens_;
    std::vector<int> forms_;              // every token's possible word ids, one run per token
    std::vector<std::size_t> form_start_;  // token i's run is forms_[form_start_[i], form_start_[i + 1])
    std::vector<int> content_before_;
    std::vector<bool> likely_verb_;
    std::vector<bool> negated_;
    std::unordered_map<std::size_t, Tally> tallies_;
};

}  // namespace

Matcher::Matcher(const Bank& bank) : bank_(bank), index_(bank.term_index()) {}

Matcher::~Matcher() = default;

std::vector<Match> Matcher::candidates(const std::string& text, std::size_t top) const {
    if (top == 0) return {};
    return BlockScorer(*index_, bank_, text).run(top, text);
}

Match Matcher::best(const std::string& text) const {
    auto c = candidates(text, 1);
    return c.empty() ? Match{} : c.front();
}

Match Matcher::best(const std::string& text, const std::string& avoid_id) const {
    auto c = candidates(text, 5);
    if (c.empty()) return Match{};
    if (avoid_id.empty() || c.front().picture->id != avoid_id || c.front().fact) return c.front();
    for (std::size_t k = 1; k < c.size(); ++k)
        if (c[k].score >= kGoodAlternative && c[k].score >= 0.8 * c.front().score) {
            Match m = c[k];
            m.reason += "; not '" + avoid_id + "', which the block before uses";
            return m;
        }
    return c.front();
}

std::vector<Match> Matcher::best_for_blocks(const std::vector<std::string>& texts) const {
    std::vector<Match> out;
    out.reserve(texts.size());
    std::string previous;
    for (const auto& t : texts) {
        out.push_back(best(t, previous));
        previous = out.back().picture ? out.back().picture->id : std::string();
    }
    return out;
}

}  // namespace easyread::symbols
