// Command-line options of `easyread build`, and how the rule set shapes them.
#pragma once
#include <future>
#include <string>
#include <vector>

#include "symbols/bank.hpp"
#include "generator/check/rule_set.hpp"
#include "generator/layout/pages.hpp"
#include "base/diagnostics.hpp"
#include "generator/parse/markdown_front.hpp"

namespace easyread::cli {

struct BuildOptions {
    std::string input;
    std::string output;
    std::string rules = check::kDefaultRuleSet;
    std::string page = "a4";
    double font_size = 0;  // 0 = from the rule set
    std::string font;
    std::vector<std::string> picture_dirs;
    bool pictures = true;
    double dpi = 96;
    bool verbose = false;
    bool help = false;
    check::RuleSet rule_set;  // loaded by apply_rules
};

// Returns false with a message for a wrong command line.
bool parse_build_options(int argc, char** argv, BuildOptions& o, std::string& error);

// Loads the rule set and fills the layout options. False when the rule set is unusable.
bool apply_rules(BuildOptions& o, LayoutOptions& lo, Diagnostics& diags);

// Runs the easy read checks, as warnings, with the real page count once the
// layout (on another thread) gives it.
void run_document_checks(const BuildOptions& o, const SourceText& src, const ParsedMarkdown& md,
                         std::shared_future<int> page_count, const symbols::Bank& bank, Diagnostics& diags);

}  // namespace easyread::cli
