#include "generator/lang/lexicon.hpp"

#include <cctype>

#include "generator/lang/data_file.hpp"
#include "base/sentences.hpp"
#include "generator/lang/numbers.hpp"
#include "generator/lang/syllables.hpp"

namespace easyread::lang {

bool written_as_acronym(const std::string& written) {
    std::size_t n = written.size();
    if (n > 2 && written[n - 1] == 's') --n;
    if (n > 2 && written[n - 1] == '\'') --n;
    int upper = 0;
    for (std::size_t i = 0; i < n; ++i) {
        unsigned char c = static_cast<unsigned char>(written[i]);
        if (std::islower(c)) return false;
        upper += std::isupper(c) ? 1 : 0;
    }
    return upper >= 2;
}

std::vector<std::string> phrase_words(const std::string& phrase) {
    std::vector<std::string> out;
    for (auto& w : split_words(phrase)) out.push_back(std::move(w.lower));
    return out;
}

void PhraseIndex::add(const std::vector<std::string>& words, std::size_t id) {
    if (words.empty()) return;
    by_first_[words[0]].push_back({words, id});
}

std::pair<std::size_t, std::size_t> PhraseIndex::match(const std::vector<std::string>& words, std::size_t i) const {
    std::pair<std::size_t, std::size_t> best{0, 0};
    if (i >= words.size()) return best;
    const std::string& first = words[i];
    auto look = [&](const std::string& key) {
        auto it = by_first_.find(key);
        if (it != by_first_.end()) match_from(it->second, words, i, best);
    };
    look(first);
    // A one-word term may be plural too, so look it up by its singular as well.
    std::size_t n = first.size();
    if (n < 3 || first.back() != 's') return best;
    look(first.substr(0, n - 1));
    if (n > 3 && (first.compare(n - 2, 2, "es") == 0 || first.compare(n - 2, 2, "'s") == 0)) look(first.substr(0, n - 2));
    if (n > 4 && first.compare(n - 3, 3, "ies") == 0) look(first.substr(0, n - 3) + "y");
    return best;
}

void PhraseIndex::match_from(const std::vector<std::pair<std::vector<std::string>, std::size_t>>& phrases,
                             const std::vector<std::string>& words, std::size_t i,
                             std::pair<std::size_t, std::size_t>& best) const {
    for (const auto& [phrase, id] : phrases) {
        if (phrase.size() <= best.second || i + phrase.size() > words.size()) continue;
        bool ok = true;
        for (std::size_t k = 0; k < phrase.size() && ok; ++k) {
            const std::string& w = words[i + k];
            const std::string& p = phrase[k];
            // The last word may be plural: "care plans", "CCGs", "priorities".
            bool last = k + 1 == phrase.size();
            ok = w == p || (last && (w == p + "s" || w == p + "es" || w == p + "'s" ||
                                     (p.size() > 2 && p.back() == 'y' && w == p.substr(0, p.size() - 1) + "ies")));
        }
        if (ok) best = {id, phrase.size()};
    }
}

namespace {

bool has(const std::unordered_set<std::string>& set, const std::string& w) { return set.count(w) > 0; }

bool stem_common(const std::unordered_set<std::string>& set, const std::string& w) {
    auto ends = [&](const char* s, std::size_t n) { return w.size() > n + 1 && w.compare(w.size() - n, n, s) == 0; };
    auto base = [&](std::size_t n) { return w.substr(0, w.size() - n); };
    auto base_or_e = [&](std::size_t n) {
        std::string b = base(n);
        if (has(set, b) || has(set, b + "e")) return true;
        // "running" -> "run": a doubled last letter.
        return b.size() > 2 && b.back() == b[b.size() - 2] && has(set, b.substr(0, b.size() - 1));
    };
    if (ends("'s", 2) && has(set, base(2))) return true;
    if (ends("ies", 3) && has(set, base(3) + "y")) return true;
    if (ends("ied", 3) && has(set, base(3) + "y")) return true;
    if (ends("ier", 3) && has(set, base(3) + "y")) return true;
    if (ends("iest", 4) && has(set, base(4) + "y")) return true;
    if (ends("ily", 3) && has(set, base(3) + "y")) return true;
    if (ends("es", 2) && has(set, base(2))) return true;
    if (ends("s", 1) && has(set, base(1))) return true;
    if (ends("ing", 3) && base_or_e(3)) return true;
    if (ends("ed", 2) && base_or_e(2)) return true;
    if (ends("er", 2) && base_or_e(2)) return true;
    if (ends("ers", 3) && base_or_e(3)) return true;
    if (ends("est", 3) && base_or_e(3)) return true;
    if (ends("ly", 2) && has(set, base(2))) return true;
    if (ends("ness", 4) && has(set, base(4))) return true;
    if (ends("ful", 3) && has(set, base(3))) return true;
    if (ends("less", 4) && has(set, base(4))) return true;
    if (w.rfind("un", 0) == 0 && w.size() > 4 && has(set, w.substr(2))) return true;
    return false;
}

}  // namespace

bool Lexicon::is_common(const std::string& lower) const {
    if (has(common, lower) || stem_common(common, lower)) return true;
    // Hyphenated words are common when every part is ("well-being", "day-to-day").
    if (lower.find('-') == std::string::npos) return false;
    std::size_t start = 0;
    while (start <= lower.size()) {
        std::size_t end = lower.find('-', start);
        std::string part = lower.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!part.empty() && !has(common, part) && !stem_common(common, part)) return false;
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return true;
}

const GlossaryEntry* Lexicon::find_term(const std::string& word) const {
    std::vector<std::string> words = phrase_words(word);
    auto [id, len] = glossary_index.match(words, 0);
    if (len == 0 || len != words.size()) return nullptr;
    return &glossary[id];
}

void parse_common_words(const std::string& file, const std::string& text, Lexicon& out, Diagnostics& diags) {
    for_each_data_line(text, [&](int line, const std::string& l) {
        for (const auto& w : split_words(l)) {
            if (w.has_digit) {
                diags.error(file, line, static_cast<int>(w.begin) + 1, "word-list",
                            "\"" + l.substr(w.begin, w.end - w.begin) + "\" is not a word",
                            "Keep only words in the common-words list, separated by spaces.");
                continue;
            }
            out.common.insert(w.lower);
        }
    });
}

void parse_glossary(const std::string& file, const std::string& text, Lexicon& out, Diagnostics& diags) {
    std::unordered_map<std::string, int> seen;
    for_each_data_line(text, [&](int line, const std::string& l) {
        auto f = split_fields(l, '|');
        const char* fix = "Write each line as \"term | full words or nothing | One easy read sentence.\"";
        if (f.size() != 3 || f[0].empty()) {
            diags.error(file, line, 1, "glossary-file",
                        "expected 3 parts separated by \"|\", found " + std::to_string(f.size()), fix);
            return;
        }
        if (f[2].empty() || (f[2].back() != '.' && f[2].back() != '?')) {
            diags.error(file, line, static_cast<int>(l.rfind('|')) + 2, "glossary-file",
                        "the explanation of \"" + f[0] + "\" must be one sentence ending with a full stop", fix);
            return;
        }
        GlossaryEntry e;
        e.term = f[0];
        e.full = f[1];
        e.explanation = f[2];
        e.words = phrase_words(e.term);
        e.line = line;
        int upper = 0, letters = 0;
        for (unsigned char c : e.term)
            if (std::isalpha(c)) { ++letters; upper += std::isupper(c) ? 1 : 0; }
        e.acronym = letters >= 2 && upper * 2 > letters && e.words.size() == 1;
        std::string key = easyread::lower(e.term);
        if (auto it = seen.find(key); it != seen.end()) {
            diags.error(file, line, 1, "glossary-file",
                        "\"" + e.term + "\" is already in the glossary on line " + std::to_string(it->second),
                        "Keep one entry for each term.");
            return;
        }
        seen[key] = line;
        out.glossary_index.add(e.words, out.glossary.size());
        if (e.acronym && !e.full.empty()) out.full_index.add(phrase_words(e.full), out.glossary.size());
        out.glossary.push_back(std::move(e));
    });
}

void parse_plain_words(const std::string& file, const std::string& text, Lexicon& out, Diagnostics& diags) {
    std::unordered_map<std::string, int> seen;
    for_each_data_line(text, [&](int line, const std::string& l) {
        auto f = split_fields(l, '|');
        if (f.size() < 2 || f.size() > 3 || f[0].empty() || f[1].empty()) {
            diags.error(file, line, 1, "word-list", "expected \"wordy words | plain words | word class\"",
                        "Write the plain words after \"|\", or \"(explain)\" when the word needs explaining; "
                        "the word class (noun, verb, adj, adv, phrase or clause) may follow after another \"|\".");
            return;
        }
        WordClass word_class = WordClass::Phrase;
        if (f.size() == 3 && !parse_word_class(f[2], word_class)) {
            diags.error(file, line, 1, "word-list", "\"" + f[2] + "\" is not a word class",
                        "Write noun, verb, adj, adv, phrase, or clause (the plain words need the sentence rewritten).");
            return;
        }
        auto [it, fresh] = seen.emplace(easyread::lower(f[0]), line);
        if (!fresh) {
            diags.error(file, line, 1, "word-list",
                        "\"" + f[0] + "\" is already in the list on line " + std::to_string(it->second),
                        "Keep one line for each wordy phrase.");
            return;
        }
        PlainPair p;
        p.wordy = f[0];
        p.plain = f[1] == "(explain)" ? std::string() : f[1];
        p.words = phrase_words(p.wordy);
        p.word_class = word_class;
        p.line = line;
        out.plain_index.add(p.words, out.plain.size());
        out.plain.push_back(std::move(p));
    });
}

void parse_same_things(const std::string& file, const std::string& text, Lexicon& out, Diagnostics& diags) {
    for_each_data_line(text, [&](int line, const std::string& l) {
        auto names = split_fields(l, '|');
        if (names.size() < 2 || names.size() > 64) {
            diags.error(file, line, 1, "word-list", "expected two or more names separated by \"|\"",
                        "Write the names of one thing on one line: \"learning disability | learning difficulty\".");
            return;
        }
        std::size_t group = out.same_things.size();
        for (std::size_t k = 0; k < names.size(); ++k) out.same_index.add(phrase_words(names[k]), group * 64 + k);
        out.same_things.push_back(names);
    });
}

bool load_lexicon(const RuleSet& rules, Lexicon& out, Diagnostics& diags) {
    using Parser = void (*)(const std::string&, const std::string&, Lexicon&, Diagnostics&);
    const std::pair<const std::string*, Parser> lists[] = {
        {&rules.common_words, parse_common_words},
        {&rules.glossary, parse_glossary},
        {&rules.plain_words, parse_plain_words},
        {&rules.same_things, parse_same_things},
    };
    bool ok = true;
    for (const auto& [path, parse] : lists) {
        if (path->empty()) continue;
        std::string resolved, text;
        if (!read_data_file(*path, resolved, text, diags)) {
            ok = false;
            continue;
        }
        parse(resolved, text, out, diags);
    }
    return ok;
}

bool is_hard_word(const Lexicon& lexicon, const RuleSet& rules, const Word& w) {
    if (!w.has_letter || w.has_digit || w.all_caps) return false;
    if (lexicon.is_common(w.lower) || number_word_value(w.lower) > 0) return false;  // numbers have their own check
    int letters = 0;
    for (unsigned char c : w.lower) letters += (c & 0xC0) != 0x80 && c != '\'' && c != '-' ? 1 : 0;
    return letters >= rules.hard_word_letters || count_syllables(w.lower) >= rules.hard_word_syllables;
}

}  // namespace easyread::lang
