#include "generator/model/find_hard_words.hpp"

#include <map>
#include <optional>
#include <set>

#include "base/sentences.hpp"
#include "base/text_util.hpp"
#include "generator/lang/data_file.hpp"
#include "generator/lang/lexicon.hpp"
#include "generator/lang/naming.hpp"

namespace easyread {

namespace {

// The bundled glossary, read once: the explanation of a bold word that the
// text itself does not explain.
const lang::Lexicon& bundled_glossary() {
    static const lang::Lexicon lexicon = [] {
        lang::Lexicon out;
        Diagnostics ignored;  // a missing glossary only means no fallback
        std::string resolved, text;
        if (lang::read_data_file(lang::RuleSet{}.glossary, resolved, text, ignored))
            lang::parse_glossary(resolved, text, out, ignored);
        return out;
    }();
    return lexicon;
}

// Where a sentence of the document is: block and sentence in that block.
struct SentenceRef {
    std::size_t block = 0;
    std::size_t sentence = 0;
    bool operator<(const SentenceRef& o) const {
        return block != o.block ? block < o.block : sentence < o.sentence;
    }
};

struct BlockSentences {
    std::string text;
    std::vector<Sentence> sentences;
    std::string sentence(std::size_t i) const {
        return text.substr(sentences[i].begin, sentences[i].end - sentences[i].begin);
    }
};

// The first use of each bold word, with its own explanation: the sentence
// before it when the word's sentence names it ("This is called a **discharge
// plan**."); else a sentence about the word (lang::sentence_about): the next
// one ("it" or "this" there too), its own, or any in its section; else the
// bundled glossary's; else no explanation and a warning: bold used for
// emphasis must not get the next sentence as its meaning. One sentence
// explains two words only when it names both.
}  // namespace

void find_hard_words(Document& doc, Diagnostics& diags, const ColumnOf& column_of) {
    std::vector<BlockSentences> blocks(doc.blocks.size());
    for (std::size_t bi = 0; bi < doc.blocks.size(); ++bi) {
        blocks[bi].text = doc.blocks[bi].plain_text();
        blocks[bi].sentences = split_sentences(blocks[bi].text);
    }
    auto is_text = [&doc](std::size_t bi) { return doc.blocks[bi].kind != BlockKind::Heading; };
    // The sentence after or before one, crossing into the next or previous
    // chunk but never past a heading.
    auto next_of = [&](SentenceRef r) -> std::optional<SentenceRef> {
        if (r.sentence + 1 < blocks[r.block].sentences.size()) return SentenceRef{r.block, r.sentence + 1};
        for (std::size_t bi = r.block + 1; bi < blocks.size() && is_text(bi); ++bi)
            if (!blocks[bi].sentences.empty()) return SentenceRef{bi, 0};
        return std::nullopt;
    };
    auto previous_of = [&](SentenceRef r) -> std::optional<SentenceRef> {
        if (r.sentence > 0) return SentenceRef{r.block, r.sentence - 1};
        for (std::size_t bi = r.block; bi-- > 0 && is_text(bi);)
            if (!blocks[bi].sentences.empty()) return SentenceRef{bi, blocks[bi].sentences.size() - 1};
        return std::nullopt;
    };
    auto text_of = [&](SentenceRef r) { return blocks[r.block].sentence(r.sentence); };

    struct Found {
        std::string word;
        SentenceRef at;
        std::size_t byte = 0;  // where the word starts in its chunk
        int line = 0;
        int column = 1;
    };
    std::vector<Found> found;
    std::set<std::string> seen;
    for (std::size_t bi = 0; bi < doc.blocks.size(); ++bi) {
        const Block& b = doc.blocks[bi];
        if (!is_text(bi) || blocks[bi].sentences.empty()) continue;
        std::size_t offset = 0;
        for (const auto& span : b.spans) {
            std::size_t here = offset;
            offset += span.text.size();
            if (!span.bold) continue;
            std::string word = span.text;
            word.erase(word.find_last_not_of(" .,;:!?") + 1);
            std::size_t lead = std::min(word.size(), word.find_first_not_of(' '));
            word.erase(0, lead);
            if (word.empty() || !seen.insert(lower(word)).second) continue;
            std::size_t s = 0;
            while (s + 1 < blocks[bi].sentences.size() && blocks[bi].sentences[s].end <= here + lead) ++s;
            found.push_back({word, {bi, s}, here + lead, b.line + span.line, span.line > 0 ? 1 : b.column});
        }
    }

    std::map<SentenceRef, std::vector<std::string>> used;  // sentence -> the words it explains
    auto may_use = [&](SentenceRef r, const std::string& word) {
        auto it = used.find(r);
        if (it == used.end()) return true;
        const std::string sentence = text_of(r);
        if (!lang::sentence_names(sentence, word)) return false;
        for (const auto& other : it->second)
            if (!lang::sentence_names(sentence, other)) return false;
        return true;
    };
    // Naming sentences first, so the sentence before "This is called **X**."
    // goes to X and not to a bold word just before it.
    std::vector<std::string> explanations(found.size());
    std::vector<bool> explained(found.size(), false);
    for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t fi = 0; fi < found.size(); ++fi) {
            const Found& f = found[fi];
            const BlockSentences& bs = blocks[f.at.block];
            const Sentence& own = bs.sentences[f.at.sentence];
            std::string before = bs.text.substr(own.begin, f.byte > own.begin ? f.byte - own.begin : 0);
            const bool naming = lang::is_naming_opening(before);
            if (naming != (pass == 0)) continue;
            bool partners = false;  // another first-use bold word in the same sentence
            for (const auto& g : found)
                if (&g != &f && !(g.at < f.at) && !(f.at < g.at)) partners = true;
            std::optional<SentenceRef> chosen;
            auto about = [&](std::optional<SentenceRef> r, bool pointing) {
                return r && lang::sentence_about(text_of(*r), f.word, pointing) && may_use(*r, f.word);
            };
            if (naming) {
                chosen = previous_of(f.at);
            } else if (auto next = next_of(f.at); about(next, !partners)) {
                // Right after the word, "it" or "this" may stand for it (not
                // with two bold words in the sentence: which one?).
                chosen = next;
            } else if (about(f.at, false)) {
                chosen = f.at;  // "An **x-ray** is a special photo of your bones."
            } else {
                // A sentence about the word anywhere in its section: after it first, nearest first.
                for (auto r = next ? next_of(*next) : std::nullopt; r && !chosen; r = next_of(*r))
                    if (about(r, false)) chosen = r;
                for (auto r = previous_of(f.at); r && !chosen; r = previous_of(*r))
                    if (about(r, false)) chosen = r;
            }
            if (chosen && !may_use(*chosen, f.word)) chosen.reset();
            // A sentence that says what the word is beats one that says what
            // it does: "An x-ray can show a broken bone. ... An x-ray is a
            // special photo of the bones." Nearest after the word first.
            if (!naming && chosen && !lang::sentence_defines(text_of(*chosen), f.word)) {
                std::optional<SentenceRef> defining;
                auto defines = [&](SentenceRef r) { return lang::sentence_defines(text_of(r), f.word) && may_use(r, f.word); };
                for (std::optional<SentenceRef> r = f.at; r && !defining; r = next_of(*r))
                    if (defines(*r)) defining = r;
                for (auto r = previous_of(f.at); r && !defining; r = previous_of(*r))
                    if (defines(*r)) defining = r;
                if (defining) chosen = defining;
            }
            if (!chosen) continue;
            explanations[fi] = text_of(*chosen);
            explained[fi] = true;
            used[*chosen].push_back(f.word);
        }
    }
    for (std::size_t fi = 0; fi < found.size(); ++fi) {
        const Found& f = found[fi];
        if (!explained[fi]) {
            if (const auto* entry = bundled_glossary().find_term(f.word)) {
                explanations[fi] = entry->explanation;
            } else {
                const int column = column_of ? column_of(f.line, f.word) : 0;
                diags.warning(doc.source_path, f.line, column > 0 ? column : f.column, "hard-word-unexplained",
                              "bold is for hard words: explain **" + f.word + "**, or remove the bold",
                              "No sentence in its part says what \"" + f.word +
                                  "\" is. Write one, such as \"" + f.word +
                                  " is ...\", or explain it first and then write \"This is called **" + f.word + "**.\"");
            }
        }
        doc.hard_words.push_back({f.word, explanations[fi], f.line});
    }
}

}  // namespace easyread
