#include "tests/check/check_test_support.hpp"

#include <dirent.h>
#include <sys/wait.h>

#include <algorithm>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "generator/parse/markdown_front.hpp"
#include "tests/support/command.hpp"

namespace easyread::check::test {

const RuleSet& default_rules() {
    static const RuleSet rules = [] {
        RuleSet r;
        Diagnostics d;
        if (!lang::load_rule_set(lang::kDefaultRuleSet, r, d)) throw std::runtime_error("cannot load default rules: " + d.format_all());
        return r;
    }();
    return rules;
}

const Lexicon& bundled_lexicon() {
    static const Lexicon lex = [] {
        Lexicon l;
        Diagnostics d;
        if (!lang::load_lexicon(default_rules(), l, d) || d.has_errors())
            throw std::runtime_error("cannot load word lists: " + d.format_all());
        return l;
    }();
    return lex;
}

std::vector<std::string> check_text(const std::string& markdown, const std::string& name, const RuleSet* rules,
                                    CheckReport* report) {
    Diagnostics diags;
    SourceText src{name, markdown};
    ParsedMarkdown md = parse_markdown(src, diags);
    CheckOptions options;
    const RuleSet& r = rules ? *rules : default_rules();
    if (!rules) options.lexicon = &bundled_lexicon();
    CheckReport rep = check_markdown(src, md, r, options, diags);
    if (report) *report = rep;
    std::vector<std::string> out;
    for (const auto& d : diags.items()) out.push_back(format_diagnostic(d));
    return out;
}

std::vector<std::string> with_id(const std::vector<std::string>& lines, const std::string& id) {
    std::vector<std::string> out;
    for (const auto& l : lines)
        if (l.find("[" + id + "]") != std::string::npos) out.push_back(l);
    return out;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    return ::read_file(path);
}

std::vector<std::string> markdown_files(const std::string& dir) {
    std::vector<std::string> out;
    if (DIR* d = opendir(dir.c_str())) {
        while (dirent* e = readdir(d)) {
            std::string n = e->d_name;
            if (n.size() > 3 && n.compare(n.size() - 3, 3, ".md") == 0) out.push_back(n);
        }
        closedir(d);
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace easyread::check::test
