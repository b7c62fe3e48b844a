#include "symbols/lemma.hpp"

#include <unordered_map>

#include "base/text_util.hpp"

namespace easyread::symbols {

namespace {

const std::unordered_map<std::string, std::string>& irregular_forms() {
    static const std::unordered_map<std::string, std::string> forms = {
        {"children", "child"},  {"men", "man"},          {"women", "woman"},     {"feet", "foot"},
        {"teeth", "tooth"},     {"mice", "mouse"},       {"lives", "life"},      {"wives", "wife"},
        {"went", "go"},         {"paid", "pay"},         {"said", "say"},        {"told", "tell"},
        {"felt", "feel"},       {"met", "meet"},         {"spoke", "speak"},     {"spoken", "speak"},
        {"chose", "choose"},    {"chosen", "choose"},    {"wrote", "write"},     {"written", "write"},
        {"gave", "give"},       {"bought", "buy"},       {"brought", "bring"},   {"thought", "think"},
        {"taught", "teach"},    {"caught", "catch"},     {"found", "find"},      {"saw", "see"},
        {"knew", "know"},       {"known", "know"},       {"ran", "run"},         {"sat", "sit"},
        {"slept", "sleep"},     {"ate", "eat"},          {"eaten", "eat"},       {"drank", "drink"},
        {"drove", "drive"},     {"driven", "drive"},     {"lost", "lose"},       {"kept", "keep"},
        {"heard", "hear"},      {"held", "hold"},        {"understood", "understand"},
        {"began", "begin"},     {"begun", "begin"},      {"sent", "send"},       {"spent", "spend"},
        {"built", "build"},     {"fell", "fall"},        {"hurt", "hurt"},       {"worse", "bad"},
        {"worst", "bad"},       {"better", "good"},      {"best", "good"},       {"older", "old"},
        {"oldest", "old"},      {"younger", "young"},    {"bigger", "big"},      {"happier", "happy"},
        {"sadder", "sad"},      {"safer", "safe"},       {"healthier", "healthy"}, {"grew", "grow"},
        {"grown", "grow"},      {"flew", "fly"},         {"sang", "sing"},       {"stood", "stand"},
        {"won", "win"},         {"woke", "wake"},        {"wore", "wear"},       {"dying", "die"},
        {"lying", "lie"},       {"organize", "organise"}, {"organization", "organisation"},
        {"center", "centre"},   {"color", "colour"},     {"behavior", "behaviour"}, {"program", "programme"},
        {"favorite", "favourite"}, {"theater", "theatre"}, {"neighbor", "neighbour"}, {"apologize", "apologise"},
    };
    return forms;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

std::string cut(const std::string& w, std::size_t n) { return w.substr(0, w.size() - n); }

// "planned" -> "plann" -> "plan"; only for doubled consonants that English doubles.
void add_undoubled(const std::string& stem, std::vector<std::string>& out) {
    std::size_t n = stem.size();
    if (n >= 3 && stem[n - 1] == stem[n - 2] && !is_vowel(stem[n - 1]) && stem[n - 1] != 'l' &&
        stem[n - 1] != 's' && stem[n - 1] != 'z')
        out.push_back(stem.substr(0, n - 1));
}

}  // namespace

std::vector<std::string> base_form_candidates(const std::string& word) {
    std::vector<std::string> out{word};
    if (auto it = irregular_forms().find(word); it != irregular_forms().end()) out.push_back(it->second);
    const std::size_t n = word.size();
    if (n < 4) {
        if (n == 3 && word[2] == 's' && word[1] != 's') out.push_back(cut(word, 1));  // "gps" -> "gp"
        return out;
    }
    // Plurals: "notes" is "note" before it is "not".
    if (ends_with(word, "ies")) out.push_back(cut(word, 3) + "y");
    if (word.back() == 's' && !ends_with(word, "ss") && !ends_with(word, "us") && !ends_with(word, "is"))
        out.push_back(cut(word, 1));
    if (ends_with(word, "es")) out.push_back(cut(word, 2));
    if (n >= 5 && ends_with(word, "ing")) {
        std::string stem = cut(word, 3);
        out.push_back(stem + "e");
        out.push_back(stem);
        add_undoubled(stem, out);
    }
    if (ends_with(word, "ied")) out.push_back(cut(word, 3) + "y");
    if (ends_with(word, "ed")) {
        std::string stem = cut(word, 2);
        out.push_back(cut(word, 1));  // "cared" -> "care"
        out.push_back(stem);
        add_undoubled(stem, out);
    }
    if (ends_with(word, "ier")) out.push_back(cut(word, 3) + "y");
    if (ends_with(word, "iest")) out.push_back(cut(word, 4) + "y");
    if (n >= 6 && ends_with(word, "ily")) out.push_back(cut(word, 3) + "y");
    if (n >= 6 && ends_with(word, "ly")) out.push_back(cut(word, 2));
    // American spellings: "organized" -> "organised", "color" -> "colour".
    if (auto z = word.find("iz"); z != std::string::npos) {
        std::string british = word;
        british[z + 1] = 's';
        for (auto& c : base_form_candidates(british)) out.push_back(c);
    }
    return out;
}

}  // namespace easyread::symbols
