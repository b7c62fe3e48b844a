// The easy read checker: one call runs every check over a parsed Markdown
// file and reports through Diagnostics ("file:line:col: warning[id]: ...").
// `easyread check` and `easyread build` both call check_markdown.
#pragma once
#include <future>
#include <string>
#include <vector>

#include "base/diagnostics.hpp"
#include "generator/parse/markdown_front.hpp"
#include "base/source_text.hpp"
#include "generator/lang/rule_set.hpp"
#include "generator/model/document.hpp"

namespace easyread::symbols {
class Bank;
class Matcher;
}

namespace easyread::lang {
struct Lexicon;  // word lists and glossary (lexicon.hpp)
}

namespace easyread::check {

// The checker reads the rule set and word lists of lang/.
using lang::Lexicon;
using lang::RuleSet;

struct CheckOptions {
    // Pages from the real layout; 0 means estimate from the number of chunks.
    int page_count = 0;
    // Or the real page count still being laid out on another thread: the
    // checks wait for it only at the end.
    std::shared_future<int> page_count_later;
    // Picture bank for the picture checks; null loads the bundled bank.
    const symbols::Bank* bank = nullptr;
    // A matcher over that bank, when the caller has one (building it takes a few ms).
    const symbols::Matcher* matcher = nullptr;
    // Word lists already loaded (saves reloading them); null loads them from the rule set.
    const Lexicon* lexicon = nullptr;
    // The document model already built from this source (the pipeline's):
    // its text as written is what is checked. Null builds it again.
    const Document* document = nullptr;
};

struct Readability {
    int words = 0;
    int sentences = 0;
    int syllables = 0;
    double reading_ease = 0;  // Flesch Reading Ease: higher is easier; easy read aims for 70+
    double grade = 0;         // Flesch-Kincaid grade level: lower is easier
};

struct ParagraphScore {
    int line = 0;
    int column = 0;
    std::string excerpt;  // first words of the paragraph
    Readability score;
};

struct CheckReport {
    int words = 0;
    int sentences = 0;
    int blocks = 0;
    int pages = 0;
    bool pages_estimated = true;
    Readability whole;
    std::vector<ParagraphScore> worst;  // up to 5 hardest paragraphs, hardest first
};

// Runs every enabled check. Never throws; problems with the data files
// (glossary, word lists) are reported as errors naming file and line.
CheckReport check_markdown(const SourceText& src, const ParsedMarkdown& md, const RuleSet& rules,
                           const CheckOptions& options, Diagnostics& diags);

// One line for people: "812 words, 74 sentences; Reading Ease 64.2, grade 7.9; about 9 pages".
std::string summary_line(const CheckReport& report, const RuleSet& rules);

// Problems at a place in the file first, in line and column order; then those
// about the whole document; then the notes naming the hardest paragraphs.
void sort_by_line(std::vector<Diagnostic>& items);

}  // namespace easyread::check
