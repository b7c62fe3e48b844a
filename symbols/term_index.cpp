#include "symbols/term_index.hpp"

#include <algorithm>

#include "symbols/lemma.hpp"
#include "symbols/word_classes.hpp"
#include "symbols/tokens.hpp"

namespace easyread::symbols {

TermIndex::TermIndex(const Bank& bank) {
    nodes_.emplace_back();  // the root
    const auto& pictures = bank.pictures();
    std::unordered_map<std::string, std::size_t> index_of;
    for (std::size_t i = 0; i < pictures.size(); ++i) {
        index_of[pictures[i].id] = i;
        for (const auto& k : pictures[i].keywords)
            if (int node = add_term(k); node >= 0) add_target(node, i, 1.0, false);
    }
    // The concept list comes second so that its weight wins for a shared term.
    for (const auto& c : bank.concepts()) {
        auto it = index_of.find(c.picture_id);
        if (it == index_of.end()) continue;  // Bank::load_concepts warned already
        if (int node = add_term(c.phrase); node >= 0) add_target(node, it->second, c.weight, true);
    }
}

int TermIndex::add_term(const std::string& text) {
    int node = kRoot;
    bool any = false;
    for (const auto& t : tokenize(text)) {
        auto [it, fresh] = word_ids_.emplace(t.word, static_cast<int>(words_.size()));
        if (fresh) words_.push_back(t.word);
        auto [edge, created] = edges_.emplace(edge_key(node, it->second), static_cast<int>(nodes_.size()));
        if (created) {
            Node child;
            const Node& parent = nodes_[static_cast<std::size_t>(node)];
            child.phrase = parent.phrase.empty() ? t.word : parent.phrase + " " + t.word;
            child.only_stop_words = parent.only_stop_words && is_stop_word(t.word);
            nodes_.push_back(std::move(child));
        }
        node = edge->second;
        any = true;
    }
    return any ? node : -1;
}

void TermIndex::add_target(int node, std::size_t picture, double weight, bool override_weight) {
    auto& targets = nodes_[static_cast<std::size_t>(node)].targets;
    if (targets.empty()) ++term_count_;
    for (auto& t : targets)
        if (t.picture == picture) {
            if (override_weight) t.weight = weight;
            return;
        }
    targets.push_back({picture, weight});
}

int TermIndex::word_id(const std::string& word) const {
    auto it = word_ids_.find(word);
    return it == word_ids_.end() ? -1 : it->second;
}

void TermIndex::lemma_ids(const std::string& token, std::vector<int>& out) const {
    const std::size_t first = out.size();
    if (is_stop_word(token)) {  // grammar words take part in phrases only as written
        if (int id = word_id(token); id >= 0) out.push_back(id);
        return;
    }
    for (const auto& form : base_form_candidates(token))
        if (int id = word_id(form); id >= 0 && std::find(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(), id) == out.end())
            out.push_back(id);
}

int TermIndex::next(int node, int id) const {
    if (id < 0) return -1;
    auto it = edges_.find(edge_key(node, id));
    return it == edges_.end() ? -1 : it->second;
}

}  // namespace easyread::symbols
