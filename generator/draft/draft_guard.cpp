#include "generator/draft/draft_guard.hpp"

#include <algorithm>
#include <regex>

#include "base/text_util.hpp"

namespace easyread::draft {

namespace {

// The first match of `re` in `drafted` that `source` does not have too.
std::string new_match(const std::regex& re, const std::string& source, const std::string& drafted) {
    for (std::sregex_iterator it(drafted.begin(), drafted.end(), re), end; it != end; ++it) {
        const std::string m = it->str();
        if (easyread::lower(source).find(easyread::lower(m)) == std::string::npos) return m;
    }
    return {};
}

long count_of(const std::string& s, const std::string& what) {
    long n = 0;
    for (std::size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + what.size())) ++n;
    return n;
}

}  // namespace

std::string draft_fault(const std::string& source, const std::string& drafted) {
    // "about about", and "questions, questions" where two words became one.
    static const std::regex doubled(R"(\b([A-Za-z]+),? \1\b)", std::regex::icase);
    static const std::regex nested(R"(\([^()]*\()");
    static const std::regex pointing_after_count(R"(out of \d+ (?:them|all|the|us)\b)");
    static const std::regex determiner_then_pronoun(R"(\b(?:the|a|an|our|your|their) (?:you|we|they|one|it)\b)",
                                                    std::regex::icase);
    for (std::sregex_iterator it(drafted.begin(), drafted.end(), doubled), end; it != end; ++it) {
        const std::string w = easyread::lower((*it)[1].str());
        if (w == "had" || w == "that") continue;  // "had had", "that that" can be right
        if (easyread::lower(source).find(easyread::lower(it->str())) == std::string::npos)
            return "the word \"" + (*it)[1].str() + "\" twice";
    }
    if (auto m = new_match(nested, source, drafted); !m.empty()) return "brackets inside brackets";
    if (auto m = new_match(pointing_after_count, source, drafted); !m.empty()) return "\"" + m + "\"";
    if (auto m = new_match(determiner_then_pronoun, source, drafted); !m.empty()) return "\"" + m + "\"";
    // A fronted purpose clause needs its sentence: "So that X, we will Y."
    const std::string start = easyread::lower(drafted.substr(0, 8));
    if (start == "so that " && drafted.find(", ") == std::string::npos && source.find(", ") != std::string::npos)
        return "\"So that\" without its sentence";
    if (count_of(drafted, "**") % 2 != count_of(source, "**") % 2) return "a bold mark without its pair";
    if (std::count(drafted.begin(), drafted.end(), '(') - std::count(drafted.begin(), drafted.end(), ')') !=
        std::count(source.begin(), source.end(), '(') - std::count(source.begin(), source.end(), ')'))
        return "a bracket without its pair";
    return {};
}

}  // namespace easyread::draft
