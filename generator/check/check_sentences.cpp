// Sentence length, more than one idea in a sentence, paragraph length.
#include <algorithm>
#include <cstdlib>
#include <set>
#include <unordered_set>

#include "generator/check/check_context.hpp"

namespace easyread::check {

namespace {

using WordSet = std::unordered_set<std::string>;

bool in(const std::string& w, const WordSet& set) { return set.count(w) > 0; }

// These run on every word of every sentence, so they are hash sets.
const WordSet kJoiners = {"and",  "but",   "or",    "so",   "because", "which", "who",   "when", "while",
                          "if",   "although", "where", "that", "then",   "as",    "until", "unless"};
// Words that start a new clause after "and"/"but": a new subject.
// ("people and their families" is one thing: possessives do not count.)
const WordSet kSubjects = {"we", "they", "you", "i", "he", "she", "it", "there", "everyone", "someone", "nobody"};
// After one of these, the next verb belongs to a part of the same idea ("how the plan is going").
const WordSet kClauseOpeners = {"how", "that", "what", "when", "where", "who", "which", "if", "whether", "why", "than"};
const WordSet kFiniteVerbs = {"will",   "would",  "can",     "could",   "should", "must",    "may",      "might",
                              "shall",  "is",     "are",     "was",     "were",   "has",     "have",     "had",
                              "does",   "did",    "won't",   "can't",   "don't",  "doesn't", "isn't",    "aren't",
                              "wasn't", "weren't", "hasn't", "haven't", "wouldn't", "shouldn't", "couldn't"};
const WordSet kSubordinators = {"while", "whilst", "whereas", "although", "though", "unless"};

bool conjunction(const std::string& w) { return in(w, kJoiners); }
bool subject_word(const std::string& w) { return in(w, kSubjects); }
bool finite_verb(const std::string& w) { return in(w, kFiniteVerbs); }

// True when a comma, semicolon or colon lies in [begin, end) of text.
bool punctuation_between(const std::string& text, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end && i < text.size(); ++i)
        if (text[i] == ',' || text[i] == ';' || text[i] == ':') return true;
    return false;
}

// Where to split a long sentence: after a comma or before a joining word,
// as near the middle as can be. Returns the index of the word to split after.
int split_point(const std::string& text, const Sentence& s) {
    const auto& w = s.words;
    int n = static_cast<int>(w.size());
    int best = -1;
    int best_distance = n;
    for (int i = 2; i + 3 < n; ++i) {
        std::size_t gap_end = w[static_cast<std::size_t>(i) + 1].begin;
        std::size_t gap_begin = w[static_cast<std::size_t>(i)].end;
        bool punct = punctuation_between(text, gap_begin, gap_end);
        bool joins = conjunction(w[static_cast<std::size_t>(i) + 1].lower);
        // "Guy's and St Thomas'", "Health and Wellbeing Board": a joining
        // word between two capitalised words is part of a name.
        if (joins && !punct && w[static_cast<std::size_t>(i)].capitalised &&
            i + 2 < n && w[static_cast<std::size_t>(i) + 2].capitalised)
            joins = false;
        if (!punct && !joins) continue;
        int distance = std::abs(n / 2 - (i + 1)) - (punct ? 1 : 0);
        if (distance < best_distance) {
            best_distance = distance;
            best = i;
        }
    }
    return best;
}

struct IdeaCount {
    int ideas = 1;
    std::size_t first_extra = std::string::npos;  // byte where the second idea starts
    std::vector<std::string> reasons;
};

// `first` is the index in bw.words of the sentence's first word.
IdeaCount count_ideas(const BlockWords& bw, const std::string& text, const Sentence& s, std::size_t first) {
    IdeaCount out;
    int markers = 0;
    std::set<std::string> reasons;
    auto mark = [&](std::size_t byte, const std::string& why) {
        ++markers;
        reasons.insert(why);
        out.first_extra = std::min(out.first_extra, byte);
    };
    for (std::size_t p = text.find(';', s.begin); p != std::string::npos && p < s.end; p = text.find(';', p + 1))
        mark(p, "a semicolon");
    const auto& w = s.words;
    const std::string* lower = bw.lower.data() + first;
    int ands = 0;
    int verb_groups = 0;
    std::size_t last_verb = std::string::npos;
    bool subordinate = false;
    for (std::size_t i = 0; i < w.size(); ++i) {
        // "health and social care" is one thing, not two ideas.
        auto [id, len] = bw.glossary[first + i];
        (void)id;
        if (len > 1) {
            i += len - 1;
            continue;
        }
        const std::string& x = lower[i];
        bool next_subject = i + 1 < w.size() && subject_word(lower[i + 1]);
        if ((x == "and" || x == "but" || x == "so" || x == "or" || x == "yet") && next_subject && i > 0)
            mark(w[i].begin, "\"" + x + "\" joining two ideas");
        else if (x == "which" || (x == "who" && i > 0 && punctuation_between(text, w[i - 1].end, w[i].begin)))
            mark(w[i].begin, "\"" + x + "\"");
        else if (in(x, kSubordinators) && i > 0)
            mark(w[i].begin, "\"" + x + "\"");
        if (x == "and") ++ands;
        if (last_verb != std::string::npos && in(x, kClauseOpeners)) subordinate = true;
        if (finite_verb(x) && subordinate) {
            subordinate = false;
            last_verb = i;
            continue;
        }
        if (finite_verb(x)) {
            if (last_verb == std::string::npos || i > last_verb + 2) ++verb_groups;
            if (verb_groups == 2 && i > last_verb + 2) {
                reasons.insert("two verbs (\"" + lower[last_verb] + "\", \"" + x + "\")");
                out.first_extra = std::min(out.first_extra, w[i].begin);
            }
            last_verb = i;
        }
    }
    if (ands >= 3) {
        ++markers;
        reasons.insert("a chain of \"and\"");
    }
    out.ideas = 1 + std::max(markers, verb_groups - 1);
    out.reasons.assign(reasons.begin(), reasons.end());
    if (out.first_extra == std::string::npos) out.first_extra = s.begin;
    return out;
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
    return out;
}

}  // namespace

namespace {

// "The plan was agreed by the Cabinet": a form of "be", then a past
// participle. Easy read says who does it ("The Cabinet agreed the plan").
// Words that are adjectives after "be" ("tired", "based", "disabled") are not passives.
void report_passive(const CheckContext& ctx, const TextBlock& block, const Sentence& s) {
    static const char* const kBe[] = {"is", "are", "was", "were", "be", "been", "being"};
    static const char* const kIrregular[] = {"made", "given", "done", "taken", "seen", "held", "built", "paid", "sent",
                                             "told", "known", "shown", "written", "chosen", "brought", "kept", "met",
                                             "spent", "found", "run", "set", "put", "led", "heard", "sold", "bought"};
    static const char* const kAdjectives[] = {
        "tired", "interested", "pleased", "worried", "scared", "bored", "excited", "married", "disabled", "based",
        "called", "named", "concerned", "qualified", "involved", "determined", "committed", "delighted", "allowed",
        "supposed", "used", "limited", "skilled", "isolated", "frightened", "confused", "shared", "detailed", "needed",
        "related", "designed", "aged", "experienced", "advanced", "focused", "red", "bed", "shed", "need"};
    auto in = [](const std::string& w, const auto& list) {
        for (const char* x : list)
            if (w == x) return true;
        return false;
    };
    for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
        if (!in(s.words[i].lower, kBe)) continue;
        std::size_t p = i + 1;
        if (p + 1 < s.words.size() && (s.words[p].lower == "not" || s.words[p].lower.size() > 3) &&
            s.words[p].lower.size() > 2 && s.words[p].lower.compare(s.words[p].lower.size() - 2, 2, "ly") == 0)
            ++p;  // "is usually agreed"
        const std::string& w = s.words[p].lower;
        const bool participle = (w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0) || in(w, kIrregular);
        if (!participle || in(w, kAdjectives)) continue;
        if (w.find('-') != std::string::npos) continue;  // "person-centred": an adjective
        const std::string said = block.text.substr(s.words[i].begin, s.words[p].end - s.words[i].begin);
        // A note, not a warning: a passive is sometimes the plainest way to say it.
        ctx.note_at(block.where(s.words[i].begin), "passive", quote(said) + " is passive: it hides who does it",
                    "Say who does it, as in \"The Cabinet agreed the plan\" instead of \"The plan was agreed\".");
        return;  // one a sentence
    }
}

}  // namespace

void check_sentences(const CheckContext& ctx) {
    const RuleSet& r = ctx.rules;
    for (std::size_t b = 0; b < ctx.view.blocks.size(); ++b) {
        const TextBlock& block = ctx.view.blocks[b];
        const BlockWords& bw = ctx.words[b];
        int block_words = static_cast<int>(bw.words.size());
        std::size_t first = 0;
        for (const auto& s : bw.sentences) {
            std::size_t this_first = first;
            first += s.words.size();
            int n = static_cast<int>(s.words.size());
            if (n > r.max_sentence_words) {
                int at = split_point(block.text, s);
                std::string hint = "Split it into sentences of " + std::to_string(r.max_sentence_words) + " words or fewer.";
                if (at >= 0) {
                    const Word& w = s.words[static_cast<std::size_t>(at)];
                    hint = "Split after \"" + block.text.substr(w.begin, w.end - w.begin) + "\".";
                }
                ctx.report(block, s.begin, "long-sentence",
                           std::to_string(n) + " words (limit " + std::to_string(r.max_sentence_words) + ")", hint);
            }
            if (block.kind == BlockKind::Heading) continue;
            report_passive(ctx, block, s);
            IdeaCount ideas = count_ideas(bw, block.text, s, this_first);
            if (ideas.ideas > r.max_ideas)
                ctx.report(block, ideas.first_extra, "several-ideas",
                           "about " + std::to_string(ideas.ideas) + " ideas in one sentence (" + join(ideas.reasons) + ")",
                           "Keep one idea in each sentence: start a new sentence here.");
        }
        if (block.kind == BlockKind::Heading) continue;
        int sentences = static_cast<int>(bw.sentences.size());
        if (sentences > r.max_paragraph_sentences || block_words > r.max_paragraph_words)
            ctx.report(block, 0, "long-paragraph",
                       std::to_string(sentences) + (sentences == 1 ? " sentence, " : " sentences, ") +
                           std::to_string(block_words) + " words in one paragraph (limit " +
                           std::to_string(r.max_paragraph_sentences) + " sentences, " +
                           std::to_string(r.max_paragraph_words) + " words)",
                       "Keep one point in each paragraph: start a new paragraph, with its own picture, for the next point.");
    }
}

}  // namespace easyread::check
