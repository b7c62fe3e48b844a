// Every word and phrase that can choose a picture, as a trie over word ids,
// built once from the bank's keywords and its concept list.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "symbols/bank.hpp"

namespace easyread::symbols {

struct TermTarget {
    std::size_t picture = 0;  // index into Bank::pictures()
    double weight = 1.0;      // 1 for keywords; the concept list may lower it
};

class TermIndex {
public:
    static constexpr int kRoot = 0;

    explicit TermIndex(const Bank& bank);

    // Id of a known word, or -1.
    int word_id(const std::string& word) const;
    // Ids of the known words `token` may be, most likely first: "homes" is
    // both the word in "homes not hospitals" and the plural of "home".
    void lemma_ids(const std::string& token, std::vector<int>& out) const;
    const std::string& word(int id) const { return words_[static_cast<std::size_t>(id)]; }

    // The trie node after `node` reads word `id`, or -1.
    int next(int node, int id) const;
    const std::vector<TermTarget>& targets(int node) const { return nodes_[static_cast<std::size_t>(node)].targets; }
    // The term that ends at `node`, words joined by spaces.
    const std::string& phrase(int node) const { return nodes_[static_cast<std::size_t>(node)].phrase; }
    // True when every word of the term at `node` is a stop word ("not sure").
    bool only_stop_words(int node) const { return nodes_[static_cast<std::size_t>(node)].only_stop_words; }
    std::size_t term_count() const { return term_count_; }

private:
    struct Node {
        std::vector<TermTarget> targets;
        std::string phrase;
        bool only_stop_words = true;
    };
    int add_term(const std::string& text);  // -1 when the text has no words
    void add_target(int node, std::size_t picture, double weight, bool override_weight);
    static std::uint64_t edge_key(int node, int id) {
        return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(node)) << 32) | static_cast<std::uint32_t>(id);
    }

    std::unordered_map<std::string, int> word_ids_;
    std::vector<std::string> words_;
    std::vector<Node> nodes_;
    std::unordered_map<std::uint64_t, int> edges_;
    std::size_t term_count_ = 0;
};

}  // namespace easyread::symbols
