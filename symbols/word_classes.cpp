#include "symbols/word_classes.hpp"

#include <unordered_set>

namespace easyread::symbols {

namespace {

// Built once; a sorted list in source keeps it easy to review.
const std::unordered_set<std::string>& stop_words() {
    static const std::unordered_set<std::string> words = {
        "a", "able", "about", "above", "across", "after", "again", "against", "ago", "all", "almost",
        "along", "already", "also", "although", "always", "am", "among", "amongst", "an", "and",
        "another", "any", "anyone", "anything", "anyway", "are", "around", "as", "at", "away", "back",
        "be", "became", "because", "become", "becomes", "been", "before", "being", "below", "between",
        "both", "but", "by", "called", "came", "can", "cannot", "case", "certain", "closely", "come", "comes",
        "could", "did", "do", "does", "doing", "done", "dont", "down", "during", "each", "eg", "either",
        "else", "enough", "ensure", "ensures", "ensuring", "especially", "etc", "even", "ever", "every",
        "everything", "few", "first", "for", "from", "further", "get", "gets", "getting", "give",
        "given", "gives", "go", "goes", "going", "gone", "got", "had", "has", "have", "having", "he",
        "hence", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "ie",
        "if", "im", "in", "include", "includes", "including", "into", "is", "it", "its", "itself",
        "just", "kind", "last", "least", "left", "less", "let", "lets", "like", "likely", "lot", "lots",
        "made", "make", "makes", "making", "many", "may", "maybe", "me", "mean", "means", "meant",
        "might", "mine", "more", "most", "much", "must", "my", "myself", "near", "need", "needed",
        "needs", "neither", "never", "next", "no", "nor", "not", "nothing", "now", "number", "of",
        "off", "often", "on", "once", "one", "only", "onto", "open", "or", "other", "others",
        "otherwise", "ought", "our", "ours", "ourselves", "out", "over", "own", "part", "particular",
        "per", "perhaps", "place", "play", "please", "point", "provide", "provided", "provides",
        "providing", "put", "quite", "rather", "really", "said", "same", "see", "seen", "seem",
        "seems", "several", "shall", "she", "should", "show", "shows", "since", "so", "some",
        "someone", "something", "sometimes", "still", "such", "sure", "take", "taken", "takes",
        "taking", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there",
        "therefore", "these", "they", "thing", "things", "this", "those", "though", "through", "thus",
        "to", "too", "took", "toward", "towards", "type", "under", "unless", "until", "up", "upon",
        "us", "use", "used", "uses", "using", "usually", "various", "very", "via", "want", "wanted",
        "wants", "was", "watch", "way", "ways", "we", "well", "went", "were", "what", "whatever",
        "when", "whenever", "where", "whereas", "whether", "which", "while", "whilst", "who",
        "whoever", "whole", "whom", "whose", "why", "will", "with", "within", "without", "would",
        "yes", "yet", "you", "your", "yours", "yourself", "yourselves",
    };
    return words;
}

}  // namespace

bool is_stop_word(const std::string& word) { return stop_words().count(word) != 0; }

bool comes_before_verb(const std::string& word) {
    static const std::unordered_set<std::string> words = {
        "am", "are", "be", "been", "can", "cannot", "could", "did", "do", "does", "dont", "he", "i",
        "is", "may", "might", "must", "never", "not", "shall", "she", "should", "they", "was",
        "we", "were", "will", "would",
    };
    return words.count(word) != 0;
}

bool is_negation(const std::string& word) {
    static const std::unordered_set<std::string> words = {
        "not",    "never", "cannot", "cant",   "dont",   "doesnt", "didnt",  "wont",   "wouldnt",
        "isnt",   "arent", "wasnt",  "werent", "shouldnt", "mustnt", "couldnt", "havent", "hasnt", "neither",
        "nor",
    };
    return words.count(word) != 0;
}

bool is_auxiliary(const std::string& word) {
    static const std::unordered_set<std::string> words = {
        "be",   "been", "being", "have", "has",  "had",   "to",   "ever", "going", "get",    "got",
        "do",   "does", "did",   "will", "can",  "could", "should", "would", "must", "may",   "might",
        "always", "really", "need", "want", "able", "allowed", "try", "so",
    };
    return words.count(word) != 0;
}

bool is_determiner(const std::string& word) {
    static const std::unordered_set<std::string> words = {
        "a", "all", "an", "any", "each", "enough", "every", "her", "his", "its", "my", "our",
        "some", "that", "the", "their", "these", "this", "those", "your",
    };
    return words.count(word) != 0;
}

}  // namespace easyread::symbols
