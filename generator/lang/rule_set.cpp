#include "generator/lang/rule_set.hpp"

#include <algorithm>
#include <cstdlib>
#include <dirent.h>
#include <functional>
#include <map>

#include "base/data_paths.hpp"
#include "generator/lang/data_file.hpp"

namespace easyread::lang {

namespace {

// Reads "key = value"; reports what is wrong with `value` or returns "".
using Setter = std::function<std::string(RuleSet&, const std::string&)>;

Setter number(double RuleSet::*field, double lo, double hi) {
    return [=](RuleSet& r, const std::string& v) -> std::string {
        char* end = nullptr;
        double d = std::strtod(v.c_str(), &end);
        if (v.empty() || *end != '\0') return "\"" + v + "\" is not a number";
        if (d < lo || d > hi) return "must be between " + std::to_string(static_cast<int>(lo)) + " and " +
                                     std::to_string(static_cast<int>(hi));
        r.*field = d;
        return "";
    };
}

Setter whole(int RuleSet::*field, int lo, int hi) {
    return [=](RuleSet& r, const std::string& v) -> std::string {
        char* end = nullptr;
        long n = std::strtol(v.c_str(), &end, 10);
        if (v.empty() || *end != '\0') return "\"" + v + "\" is not a whole number";
        if (n < lo || n > hi) return "must be between " + std::to_string(lo) + " and " + std::to_string(hi);
        r.*field = static_cast<int>(n);
        return "";
    };
}

Setter text(std::string RuleSet::*field) {
    return [=](RuleSet& r, const std::string& v) -> std::string {
        r.*field = v;
        return "";
    };
}

Setter id_list(std::set<std::string> RuleSet::*field) {
    return [=](RuleSet& r, const std::string& v) -> std::string {
        for (const auto& id : split_fields(v, ','))
            if (!id.empty()) (r.*field).insert(id);
        return "";
    };
}

Setter layout_list() {
    return [](RuleSet& r, const std::string& v) -> std::string {
        r.layout.clear();
        for (const auto& id : split_fields(v, ',')) {
            if (id.empty()) continue;
            const auto& known = layout_rule_ids();
            if (std::find(known.begin(), known.end(), id) == known.end()) {
                std::string names;
                for (const auto& k : known) names += (names.empty() ? "" : ", ") + k;
                return "unknown layout rule \"" + id + "\" (known: " + names + ")";
            }
            if (std::find(r.layout.begin(), r.layout.end(), id) == r.layout.end()) r.layout.push_back(id);
        }
        return "";
    };
}

Setter yes_no(bool RuleSet::*field) {
    return [=](RuleSet& r, const std::string& v) -> std::string {
        if (v == "yes" || v == "true") r.*field = true;
        else if (v == "no" || v == "false") r.*field = false;
        else return "write yes or no";
        return "";
    };
}

const std::map<std::string, Setter>& setters() {
    static const std::map<std::string, Setter> table = {
        {"name", text(&RuleSet::name)},
        {"title", text(&RuleSet::title)},
        {"source", text(&RuleSet::source)},
        {"body_pt", number(&RuleSet::body_pt, 8, 40)},
        {"max_sentence_words", whole(&RuleSet::max_sentence_words, 5, 100)},
        {"max_ideas", whole(&RuleSet::max_ideas, 1, 10)},
        {"max_paragraph_sentences", whole(&RuleSet::max_paragraph_sentences, 1, 50)},
        {"max_paragraph_words", whole(&RuleSet::max_paragraph_words, 5, 1000)},
        {"max_pages", whole(&RuleSet::max_pages, 0, 1000)},
        {"max_words", whole(&RuleSet::max_words, 0, 1000000)},
        {"hard_word_letters", whole(&RuleSet::hard_word_letters, 3, 40)},
        {"hard_word_syllables", whole(&RuleSet::hard_word_syllables, 2, 20)},
        {"min_reading_ease", number(&RuleSet::min_reading_ease, 0, 121)},
        {"max_grade", number(&RuleSet::max_grade, 0, 30)},
        {"pictures_required", yes_no(&RuleSet::pictures_required)},
        {"min_body_pt", number(&RuleSet::min_body_pt, 6, 40)},
        {"layout", layout_list()},
        {"layout_source", text(&RuleSet::layout_source)},
        {"off", id_list(&RuleSet::off)},
        {"errors", id_list(&RuleSet::errors)},
        {"common_words", text(&RuleSet::common_words)},
        {"glossary", text(&RuleSet::glossary)},
        {"plain_words", text(&RuleSet::plain_words)},
        {"same_things", text(&RuleSet::same_things)},
    };
    return table;
}

bool looks_like_path(const std::string& s) {
    return s.find('/') != std::string::npos ||
           (s.size() > 6 && ends_with(s, ".rules"));
}

}  // namespace

bool parse_rule_set(const std::string& file, const std::string& body, RuleSet& out, Diagnostics& diags) {
    RuleSet r;
    r.file = file;
    int errors = 0;
    for_each_data_line(body, [&](int line, const std::string& l) {
        std::size_t eq = l.find('=');
        if (eq == std::string::npos) {
            diags.error(file, line, 1, "rules-file", "this line is not \"key = value\"",
                        "Write it as, for example, \"max_sentence_words = 15\".");
            ++errors;
            return;
        }
        std::string key = trim(l.substr(0, eq));
        std::string value = trim(l.substr(eq + 1));
        auto it = setters().find(key);
        if (it == setters().end()) {
            std::string known;
            for (const auto& kv : setters()) known += (known.empty() ? "" : ", ") + kv.first;
            diags.error(file, line, 1, "rules-file", "unknown setting \"" + key + "\"", "Known settings: " + known + ".");
            ++errors;
            return;
        }
        std::string problem = it->second(r, value);
        if (!problem.empty()) {
            std::size_t value_at = l.find_first_not_of(" \t", eq + 1);
            int column = static_cast<int>(value_at == std::string::npos ? eq + 1 : value_at) + 1;
            diags.error(file, line, column, "rules-file", key + ": " + problem,
                        "Fix the value after \"=\".");
            ++errors;
        }
    });
    if (r.name.empty()) {
        diags.error(file, 1, 1, "rules-file", "the rule set has no name", "Add a line \"name = my-rules\".");
        ++errors;
    }
    if (r.source.empty()) {
        diags.error(file, 1, 1, "rules-file", "the rule set does not say where its numbers come from",
                    "Add a line \"source = ...\" naming the guide.");
        ++errors;
    }
    if (!r.layout.empty() && r.layout_source.empty()) {
        diags.error(file, 1, 1, "rules-file", "the rule set lists layout rules but not where they come from",
                    "Add a line \"layout_source = ...\" naming the guide.");
        ++errors;
    }
    if (errors > 0) return false;
    out = r;
    return true;
}

bool load_rule_set(const std::string& name_or_path, RuleSet& out, Diagnostics& diags) {
    std::string wanted = name_or_path.empty() ? std::string(kDefaultRuleSet) : name_or_path;
    std::string path = looks_like_path(wanted) ? wanted : "templates/rules/" + wanted + ".rules";
    if (!looks_like_path(wanted)) {
        auto names = bundled_rule_sets();
        if (std::find(names.begin(), names.end(), wanted) == names.end()) {
            std::string list;
            for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
            diags.error("", 0, 0, "unknown-rules", "there is no rule set called \"" + wanted + "\"",
                        "Use one of: " + list + "; or give the path of a .rules file.");
            return false;
        }
    }
    std::string resolved, body;
    if (!read_data_file(path, resolved, body, diags)) return false;
    return parse_rule_set(resolved, body, out, diags);
}

const std::vector<std::string>& layout_rule_ids() {
    static const std::vector<std::string> ids = {"left-aligned", "no-hyphenation", "no-italics",    "no-capitals",
                                                 "one-column",   "picture-left",   "sentence-new-line",
                                                 "no-split-sentence"};
    return ids;
}

std::vector<std::string> bundled_rule_sets() {
    std::vector<std::string> names;
    if (DIR* d = opendir(data_path("templates/rules").c_str())) {
        while (dirent* e = readdir(d)) {
            std::string n = e->d_name;
            if (n.size() > 6 && ends_with(n, ".rules")) names.push_back(n.substr(0, n.size() - 6));
        }
        closedir(d);
    }
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace easyread::lang
