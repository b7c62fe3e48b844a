// Runs every tests/cases/check/*.md case file. A case holds Markdown and,
// in comments, what the checker must print:
//   <!-- expect: name.md:3:1: warning[long-sentence]: 27 words (limit 15). Split after "support". -->
//   <!-- rules: easy-read-standard -->   (optional; a name or a file beside the case)
//   <!-- pages: 30 -->                   (optional page count from a layout)
// For every check id named in an expect line, the checker's lines with that
// id must be exactly the expected ones: no more, no fewer.
#include <catch2/catch.hpp>

#include <dirent.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "generator/check/check.hpp"
#include "tests/check/check_test_support.hpp"
#include "generator/parse/markdown_front.hpp"

using namespace easyread;
using namespace easyread::check;
using namespace easyread::lang;

namespace {

std::vector<std::string> case_files() { return test::markdown_files(CHECK_CASES_DIR); }

std::string comment_value(const std::string& line, const std::string& key) {
    std::string open = "<!-- " + key + ": ";
    if (line.rfind(open, 0) != 0 || line.size() < open.size() + 4 || line.compare(line.size() - 4, 4, " -->") != 0)
        return "";
    return line.substr(open.size(), line.size() - open.size() - 4);
}

std::string id_of(const std::string& diagnostic) {
    std::size_t open = diagnostic.find('[');
    std::size_t close = diagnostic.find(']', open);
    return open == std::string::npos || close == std::string::npos ? "" : diagnostic.substr(open + 1, close - open - 1);
}

}  // namespace

TEST_CASE("check case files: one per rule, expected output inline", "[cases]") {
    auto cases = case_files();
    REQUIRE(cases.size() >= 20);
    std::set<std::string> ids_covered;
    for (const auto& name : cases) {
        std::string text = test::read_file(std::string(CHECK_CASES_DIR) + "/" + name);
        std::vector<std::string> expected;
        std::string rules_name = kDefaultRuleSet;
        int pages = 0;
        std::istringstream in(text);
        std::string line;
        while (std::getline(in, line)) {
            if (auto v = comment_value(line, "expect"); !v.empty()) expected.push_back(v);
            if (auto v = comment_value(line, "rules"); !v.empty())
                rules_name = v.find(".rules") != std::string::npos ? std::string(CHECK_CASES_DIR) + "/" + v : v;
            if (auto v = comment_value(line, "pages"); !v.empty()) pages = std::stoi(v);
        }
        DYNAMIC_SECTION(name) {
            REQUIRE_FALSE(expected.empty());
            Diagnostics diags;
            RuleSet rules;
            REQUIRE(load_rule_set(rules_name, rules, diags));
            SourceText src{name, text};
            ParsedMarkdown md = parse_markdown(src, diags);
            CheckOptions options;
            options.page_count = pages;
            check_markdown(src, md, rules, options, diags);
            std::set<std::string> ids;
            for (const auto& e : expected) ids.insert(id_of(e));
            std::vector<std::string> got;
            for (const auto& d : diags.items())
                if (ids.count(d.id)) got.push_back(format_diagnostic(d));
            std::sort(got.begin(), got.end());
            std::sort(expected.begin(), expected.end());
            std::string all;
            for (const auto& d : diags.items()) all += format_diagnostic(d) + "\n";
            INFO("everything the checker printed:\n" << all);
            CHECK(got == expected);
        }
        for (const auto& e : expected) ids_covered.insert(id_of(e));
    }
    // Every check id has at least one case.
    for (const char* id : {"long-sentence", "several-ideas", "long-paragraph", "document-words", "document-pages",
                           "hard-word", "wordy-phrase", "unexplained-term", "acronym", "two-names", "number-as-word",
                           "percentage", "roman-numeral", "numeric-date", "italic", "underline", "all-caps",
                           "alignment", "missing-picture", "picture-unrelated", "reading-ease", "reading-grade",
                           "hard-paragraph"}) {
        INFO("no case file expects " << id);
        CHECK(ids_covered.count(id) == 1);
    }
}
