#include "generator/draft/draft_sentences.hpp"

#include <cctype>

#include "generator/lang/data_file.hpp"
#include "base/sentences.hpp"
#include "base/text_util.hpp"

namespace easyread::draft {

namespace {


std::string strip_end_punct(std::string s) {
    s = trim(s);
    while (!s.empty() && (s.back() == '.' || s.back() == ';' || s.back() == ',' || s.back() == ':')) s.pop_back();
    return trim(s);
}

// Items of "a, b, c and d" (or "or"); empty when there are fewer than 3.
std::vector<std::string> list_items(const std::string& text) {
    std::vector<std::string> items;
    char sep = text.find(';') != std::string::npos ? ';' : ',';
    for (auto& f : split_fields(text, sep)) items.push_back(f);
    if (items.size() < 2) return {};
    // The last item may hold "x and y": split it once.
    std::string& last = items.back();
    for (const char* joiner : {" and ", " or "}) {
        std::size_t p = last.rfind(joiner);
        if (p != std::string::npos && p > 0 && items.size() >= 2) {
            std::string tail = last.substr(p + std::string(joiner).size());
            last = last.substr(0, p);
            items.push_back(tail);
            break;
        }
    }
    for (auto& it : items) {
        it = strip_end_punct(it);
        for (const char* lead : {"and ", "or "})
            if (it.rfind(lead, 0) == 0) it = trim(it.substr(std::string(lead).size()));
    }
    std::vector<std::string> out;
    for (auto& it : items)
        if (!it.empty()) out.push_back(it);
    if (out.size() < 3) return {};
    // A list item is short; long ones mean this was prose with commas.
    for (const auto& it : out)
        if (count_words(it) > 12) return {};
    return out;
}

// A word that starts a clause which cannot stand alone ("If you ...", "So that ...").
bool subordinator(const std::string& w) {
    return one_of(w, {"if", "when", "because", "although", "unless", "while", "whilst", "once", "since", "after",
                      "before", "until", "as", "so"});
}

// A lead-in that is only a fronted clause ("If you would like") cannot
// stand before a list: "If you would like: call us" says something else.
bool clause_without_main(const std::string& lead) {
    auto words = split_words(lead);
    if (words.empty()) return false;
    return subordinator(words[0].lower) && count_words(lead.substr(std::min(lead.size(), lead.find(',')))) == 0;
}

// "like" starts a list after a thing ("services like a, b and c"), not
// after a person or a verb ("you would like this, call us or email us").
bool like_is_verb(const std::string& lower_s, std::size_t like_pos) {
    auto before = split_words(lower_s.substr(0, like_pos));
    if (before.empty()) return true;
    return one_of(before.back().lower, {"would", "d", "you", "we", "they", "i", "he", "she", "people", "feel", "feels",
                                        "felt", "look", "looks", "looked", "seem", "seems", "sound", "sounds",
                                        "really", "also", "not", "don't", "do", "does", "did", "might", "may",
                                        "will", "to", "who", "what", "it"});
}

// "... such as a, b and c" / "...: a, b and c" -> lead-in and items.
bool as_list(const std::string& s, DraftPiece& out) {
    std::size_t colon = s.find(':');
    if (colon != std::string::npos && colon + 1 < s.size()) {
        auto items = list_items(s.substr(colon + 1));
        if (!items.empty() && !clause_without_main(s.substr(0, colon))) {
            out.text = trim(s.substr(0, colon)) + ":";
            out.items = items;
            return true;
        }
    }
    std::string lower = easyread::lower(s);
    for (const char* intro : {" including ", " such as ", " for example ", " like "}) {
        std::size_t p = lower.find(intro);
        if (p == std::string::npos) continue;
        if (std::string(intro) == " like " && like_is_verb(lower, p)) continue;
        auto items = list_items(s.substr(p + std::string(intro).size()));
        if (items.empty()) continue;
        std::string lead = trim(s.substr(0, p + std::string(intro).size() - 1));
        if (clause_without_main(s.substr(0, p))) continue;
        out.text = lead + ":";
        out.items = items;
        return true;
    }
    return false;
}

// True when `pos` is inside a quotation, where a split would break the quote.
bool inside_quote(const std::string& s, std::size_t pos) {
    int straight = 0, open = 0;
    for (std::size_t i = 0; i < pos && i < s.size(); ++i) {
        if (s[i] == '"') ++straight;
        if (s.compare(i, 3, "\xE2\x80\x9C") == 0) ++open;   // left double quote
        if (s.compare(i, 3, "\xE2\x80\x9D") == 0) --open;   // right double quote
    }
    return straight % 2 == 1 || open > 0;
}

// Words that start a new clause: a split before them leaves two sentences.
bool subject_word(const std::string& w) {
    return one_of(w, {"we", "they", "you", "i", "he", "she", "it", "there", "this", "everyone", "people"});
}

// Splits a long sentence once, before a joining word near the middle.
// Commas alone are not enough: in "adults, children and young people" they
// join a list, and a split there would leave pieces that are not sentences.
bool split_once(const std::string& s, std::string& first, std::string& second) {
    auto words = split_words(s);
    int n = static_cast<int>(words.size());
    int best = -1, best_distance = n;
    for (int i = 3; i + 3 < n; ++i) {
        const Word& w = words[static_cast<std::size_t>(i)];
        const std::string& next = words[static_cast<std::size_t>(i) + 1].lower;
        std::size_t gap_begin = words[static_cast<std::size_t>(i) - 1].end;
        bool comma = s.find_first_of(",;", gap_begin) < w.begin;
        bool ok = false;
        if (one_of(w.lower, {"but", "so", "because", "while", "whilst", "although", "then"})) ok = true;
        // "... so that people can ...": a purpose, not a new sentence.
        if (w.lower == "so" && next == "that") ok = false;
        // "people who use services" must stay whole: "who", "which", "where" only after a comma.
        // Not inside the sentence either: in "Sam, who cares for his brother, said ..." the
        // clause sits between commas and the sentence goes on after it.
        if (one_of(w.lower, {"which", "who", "where"})) ok = comma && s.find(',', w.end) == std::string::npos;
        if (w.lower == "and") ok = subject_word(next);
        // "So that people get help, we will ...": the part before the comma
        // cannot stand alone, so the sentence is not split there.
        const bool fronted = subordinator(words[0].lower) ||
                             one_of(words[0].lower, {"in", "on", "with", "for", "by", "under", "from", "during",
                                                     "following", "subject", "to", "without", "through"});
        if (comma && subject_word(w.lower) && !one_of(w.lower, {"this", "people"}) && !fronted) ok = true;
        if (!ok || inside_quote(s, w.begin)) continue;
        int distance = std::abs(n / 2 - i) - (comma ? 1 : 0);
        if (distance < best_distance) {
            best_distance = distance;
            best = i;
        }
    }
    if (best < 0) return false;
    const Word& at = words[static_cast<std::size_t>(best)];
    first = strip_end_punct(s.substr(0, at.begin));
    std::string rest = trim(s.substr(at.begin));
    // Drop or rewrite the joining word so the second part stands alone.
    if (at.lower == "and" || at.lower == "then") rest = trim(rest.substr(at.end - at.begin));
    else if (at.lower == "which") rest = "This" + rest.substr(at.end - at.begin);
    else if (at.lower == "who") rest = "They" + rest.substr(at.end - at.begin);
    else if (at.lower == "because") rest = "This is because" + rest.substr(at.end - at.begin);
    else if (at.lower == "while" || at.lower == "whilst" || at.lower == "although") rest = "But" + rest.substr(at.end - at.begin);
    second = rest;
    return count_words(first) >= 3 && count_words(second) >= 3;
}

}  // namespace

std::string tidy_sentence(std::string s) {
    s = trim(s);
    while (!s.empty() && (s.back() == ',' || s.back() == ';')) s.pop_back();
    s = trim(s);
    if (s.empty()) return s;
    for (auto& c : s) {
        if (std::isalpha(static_cast<unsigned char>(c))) {
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            break;
        }
        if (c != '*' && c != '"' && c != '(' && c != '\'') break;
    }
    char last = s.back();
    bool closed = last == '.' || last == '!' || last == '?' || last == ':';
    if (!closed && (last == '"' || last == ')') && s.size() > 1) {
        char before = s[s.size() - 2];
        closed = before == '.' || before == '!' || before == '?';
    }
    if (!closed) s += '.';
    return s;
}

std::vector<DraftPiece> split_for_draft(const std::string& sentence, int max_words) {
    std::vector<DraftPiece> out;
    DraftPiece list;
    if (as_list(sentence, list)) {
        list.text = tidy_sentence(list.text);
        out.push_back(list);
        return out;
    }
    std::vector<std::string> parts;
    for (auto& p : split_fields(sentence, ';'))
        if (!strip_end_punct(p).empty()) parts.push_back(p);
    // Long parts are split again, at most a few times, nearest the middle first.
    std::vector<std::string> queue(parts.rbegin(), parts.rend());
    int splits = 0;
    while (!queue.empty()) {
        std::string p = queue.back();
        queue.pop_back();
        std::string a, b;
        if (count_words(p) > max_words && splits < 6 && split_once(p, a, b)) {
            ++splits;
            queue.push_back(b);
            queue.push_back(a);
            continue;
        }
        out.push_back({tidy_sentence(p), {}});
    }
    return out;
}

}  // namespace easyread::draft
