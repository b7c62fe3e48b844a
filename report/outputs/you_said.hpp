// The easy read "You said" (or, with the board's actions, "You said, we
// did") document: written as easy read Markdown from the results, then made
// by the generator like any other easy read document, so it gets the same
// cover, pictures, tagged PDF, HTML and checks.
#pragma once
#include <string>
#include <vector>

#include "report/outputs/actions_file.hpp"
#include "generator/layout/pages.hpp"
#include "base/diagnostics.hpp"
#include "base/source_text.hpp"
#include "report/reading/result_set.hpp"
#include "report/counting/tally.hpp"

namespace easyread::symbols {
class Bank;
}

namespace easyread::report {

// The Markdown: front matter (title, organisation, date, summary_of, ...)
// and one section per question with a picture on every chunk.
std::string you_said_markdown(const ResultSet& results, const Tally& tally, const ActionsFile* actions);

// Makes each output (.pdf, .html, ...) from the Markdown through the generator's pipeline.
// `name` stands for the Markdown in messages.
bool render_easy_read(const std::string& markdown, const std::string& name, const symbols::Bank& bank,
                      const std::vector<std::string>& outputs, Diagnostics& diags);

}  // namespace easyread::report
