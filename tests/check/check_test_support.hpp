// Helpers shared by the checker tests: run the checker on text, read files
// (commands run with tests/support/command.hpp).
#pragma once
#include <string>
#include <vector>

#include "generator/check/check.hpp"
#include "generator/lang/lexicon.hpp"

namespace easyread::check::test {

// The bundled default rules and word lists, loaded once per test run.
const RuleSet& default_rules();
const Lexicon& bundled_lexicon();

// Runs every check on Markdown text as if it were the file `name`; returns
// the formatted diagnostics, one per entry.
std::vector<std::string> check_text(const std::string& markdown, const std::string& name = "doc.md",
                                    const RuleSet* rules = nullptr, CheckReport* report = nullptr);
// Only the diagnostics with this id.
std::vector<std::string> with_id(const std::vector<std::string>& lines, const std::string& id);

std::string read_file(const std::string& path);

// The names of the .md files in `dir`, sorted.
std::vector<std::string> markdown_files(const std::string& dir);

}  // namespace easyread::check::test
