#include "symbols/sentence_frames.hpp"

#include <cctype>
#include <initializer_list>
#include <regex>

namespace easyread::symbols {

namespace {

// The block's first `most` sentences, split where the tokenizer splits them: at . ! ? ;
// unless a letter or digit follows at once ("example.org", "2.5").
std::vector<std::string> sentences(const std::string& text, std::size_t most) {
    std::vector<std::string> out(1);
    for (std::size_t i = 0; i < text.size() && out.size() <= most; ++i) {
        const char c = text[i];
        out.back() += c;
        const bool end = c == '.' || c == '!' || c == '?' || c == ';';
        const bool inside = i + 1 < text.size() && std::isalnum(static_cast<unsigned char>(text[i + 1]));
        if (end && !inside && out.back().find_first_not_of(" .!?;*_\n") != std::string::npos) out.emplace_back();
    }
    if (out.back().find_first_not_of(" \n*_") == std::string::npos) out.pop_back();
    return out;
}

using R = std::regex;
constexpr auto kIcase = std::regex::ECMAScript | std::regex::icase;

// Calling: a call verb where a verb goes ("Call the ...", "you can ring",
// "to phone us"), a call as a thing ("give us a call", "answers calls"), a
// phone line that opens and closes, or a UK phone number.
bool is_call(const std::string& s, bool& text_message) {
    static const R verb(R"((^|[,:(]\s*|\b(?:please|can|to|you|will|and|or|then|just|also)\s+)(call|ring|phone|telephone|dial)\b(?! (?:it |this )?home\b| (?:for )?(?:an? |the )?(?:ambulance|police|fire)))",
                        kIcase);
    static const R text_verb(R"((^|[,:(]\s*|\b(?:please|can|to|you|will|and|or|then|just|also)\s+)text\b)", kIcase);
    static const R noun(R"(\b(?:a|the|your|our) (?:phone )?call\b|\bcalls\b|\bphone (?:lines?|number)\b|\btelephone number\b)",
                        kIcase);
    static const R line(R"(\blines?\b[^.]*\b(?:open|opens|closed|closes)\b)", kIcase);
    // A named phone line: "the Carers Line", "Advice Line", "a helpline".
    static const R named_line(R"(\b[A-Z][a-z]+ Line\b|\b[Hh]elplines?\b)");
    static const R number(R"(\b0\d{2,4}[ -]?\d{3,4}[ -]?\d{3,4}\b)");
    std::string plain = s;
    // Markdown emphasis marks are not words.
    for (char& c : plain)
        if (c == '*' || c == '_') c = ' ';
    const auto start = plain.find_first_not_of(' ');
    if (start != std::string::npos) plain.erase(0, start);
    text_message = std::regex_search(plain, text_verb);
    return text_message || std::regex_search(plain, verb) || std::regex_search(plain, noun) ||
           std::regex_search(plain, line) || std::regex_search(plain, named_line) || std::regex_search(plain, number);
}

// Which expressions below can match a sentence: each needs a digit, a sign
// or one of a few words (lower case for those matched in any case).
struct Needs {
    bool call = false, money = false, money_words = false, clock = false, full_date = false, loose_date = false;
    explicit Needs(const std::string& s) {
        std::string low = s;
        bool digit = false;
        for (char& c : low) {
            digit = digit || std::isdigit(static_cast<unsigned char>(c));
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        auto has = [](const std::string& text, std::initializer_list<const char*> words) {
            for (const char* w : words)
                if (text.find(w) != std::string::npos) return true;
            return false;
        };
        call = s.find('0') != std::string::npos || has(low, {"call", "ring", "phone", "dial", "text", "line"});
        money = s.find("\xC2\xA3") != std::string::npos;
        money_words = has(low, {"money", "budget", "fund", "spending", "price", "cost", "grant"});
        clock = digit || has(low, {"midday", "all day", "opening "});
        full_date = digit || s.find("date") != std::string::npos;
        loose_date = has(s, {"day", "January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"});
    }
};

}  // namespace

std::vector<FrameHit> sentence_frames(const std::string& text) {
    static const R money(R"(\xC2\xA3\s?\d)");
    // Money as the subject: a share of it, or what it pays ("3/4 of our
    // money", "half of the budget pays for", "we pay care homes a fair price").
    static const R money_share(
        R"(\b(?:money|budgets?|funding|funds|spending|price|prices|costs?|grants?)\b[^.]*\b(?:pays?|paid|spends?|spent|saves?|saved|went up|goes up|went down|goes down)\b|\b(?:\d+/\d+|\d+%|half|a third|a quarter|three quarters|most|some|all|part) of (?:our|the|this|your|their|its) (?:money|budgets?|funding|spending)\b|\b(?:pay|pays|paid|spend|spent)\b[^.]*\b(?:money|price|prices|costs?|grants?)\b|\b(?:money|budgets?|funding|spending)\b[^.]*\d)",
        kIcase);
    static const R clock(
        R"(\b\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)(?![a-z])|\b(?:[01]?\d|2[0-3]):[0-5]\d\b|\b12 noon\b|\bmidday\b|\b24/7\b|\b24 hours a day\b|\ball day and all night\b|\bopening (?:times|hours)\b)",
        kIcase);
    static const R full_date(
        R"(\b\d{1,2}(?:st|nd|rd|th)? (?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December) (?:\d{1,2}(?:st|nd|rd|th)?,? )?(?:19|20)\d\d\b|\b\d{1,2}/\d{1,2}/(?:19|20)?\d\d\b|\b(?:19|20)\d\d ?[/-] ?\d\d\b|\bQ[1-4]\b|\b[Bb]y the end of (?:19|20)\d\d\b|\b(?:review|closing|publication) date\b|\bdate of\b)");
    static const R loose_date(
        R"(\b(?:in|by|on|from|until|to|since|every|each|this|next|last|early|late) (?:January|February|March|April|May|June|July|August|September|October|November|December|Mondays?|Tuesdays?|Wednesdays?|Thursdays?|Fridays?|Saturdays?|Sundays?)\b)");
    std::vector<FrameHit> out;
    const auto parts = sentences(text, 8);
    // Past the 8th sentence a frame scores below the matcher's least score
    // (1.3 / (1 + 0.25 * 7) < 0.5), so a long block's tail is not read.
    for (std::size_t n = 0; n < parts.size() && n < 8; ++n) {
        const std::string& s = parts[n];
        const int sentence = static_cast<int>(n);
        // The regular expressions (libstdc++'s, slow: most of a long
        // document's build time) run only on a sentence with a word or
        // sign each of them needs.
        const Needs needs(s);
        bool text_message = false;
        if (needs.call && is_call(s, text_message))
            out.push_back({text_message ? "mobile" : "phone", kCallFrame, sentence,
                           text_message ? "the sentence asks you to send a text" : "the sentence is about phoning"});
        if (needs.money && std::regex_search(s, money))
            out.push_back({"money", kMoneyFrame, sentence, "the sentence gives an amount of money"});
        else if (needs.money_words && std::regex_search(s, money_share))
            out.push_back({"money", kMoneySpentFrame, sentence, "the sentence is about money paid, spent or shared out"});
        if (needs.clock && std::regex_search(s, clock))
            out.push_back({"clock", kTimeFrame, sentence, "the sentence gives a time of day"});
        if (needs.full_date && std::regex_search(s, full_date))
            out.push_back({"calendar", kDateFrame, sentence, "the sentence gives a date"});
        else if (needs.loose_date && std::regex_search(s, loose_date))
            out.push_back({"calendar", kLooseDateFrame, sentence, "the sentence names a month or a day"});
    }
    return out;
}

}  // namespace easyread::symbols
