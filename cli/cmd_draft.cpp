// easyread draft INPUT.md -o DRAFT.md [--rules NAME]
#include <cstdio>
#include <fstream>
#include <string>

#include "generator/draft/draft.hpp"
#include "cli/commands.hpp"
#include "generator/parse/markdown_front.hpp"
#include "generator/parse/office_reader.hpp"

namespace easyread::cli {

namespace {

void draft_usage(std::FILE* out) {
    std::fprintf(out,
                 "usage: easyread draft INPUT.md -o DRAFT.md [--rules NAME]\n\n"
                 "INPUT may also be a Word (.docx) or OpenDocument (.odt) file.\n"
                 "Writes a first easy read draft in Markdown, by rule and offline: one sentence per block,\n"
                 "plain words, digits, dates with month names, glossary terms in bold with their explanation.\n"
                 "Each block names the source line it came from; TODO comments mark what a person must fix.\n"
                 "Use '-o -' to write to standard output.\n\n"
                 "Exit status: 0 written; 2 wrong command line or rules; 3 the input could not be read\n"
                 "(missing, not UTF-8, binary, damaged, password protected, too large), as for build.\n");
}

}  // namespace

int cmd_draft(int argc, char** argv) {
    std::string input, output, rules_name = lang::kDefaultRuleSet;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--help" || a == "-h") { draft_usage(stdout); return 0; }
        if ((a == "-o" || a == "--output" || a == "--rules") && i + 1 >= argc) {
            std::fprintf(stderr, "easyread draft: error: %s needs a value\n", a.c_str());
            return 2;
        }
        if (a == "-o" || a == "--output") output = argv[++i];
        else if (a == "--rules") rules_name = argv[++i];
        else if (!a.empty() && a[0] == '-' && a != "-") {
            std::fprintf(stderr, "easyread draft: error: unknown option '%s'\n", a.c_str());
            draft_usage(stderr);
            return 2;
        } else if (input.empty()) input = a;
        else {
            std::fprintf(stderr, "easyread draft: error: give one input file\n");
            return 2;
        }
    }
    if (input.empty() || output.empty()) {
        draft_usage(stderr);
        return 2;
    }
    Diagnostics diags;
    lang::RuleSet rules;
    lang::Lexicon lexicon;
    SourceText src;
    const bool rules_ok = lang::load_rule_set(rules_name, rules, diags) && lang::load_lexicon(rules, lexicon, diags);
    // An input that cannot be read is exit status 3, as for build.
    const bool ok = rules_ok && office::load_document_source(input, src, diags);
    std::string draft;
    draft::DraftStats stats;
    if (ok) {
        ParsedMarkdown md = parse_markdown(src, diags);
        draft = draft::draft_markdown(src, md, rules, lexicon, stats);
        office::map_to_paragraphs(src, diags);
        // From a Word or OpenDocument file, each block names its paragraph there.
        if (!src.paragraph_of_line.empty()) draft = office::name_paragraphs(draft, src);
        // Its pictures, taken out of the file, are kept beside the draft.
        if (output != "-") draft = office::keep_pictures(draft, output, diags);
    }
    std::fputs(diags.format_all().c_str(), stderr);
    if (rules_ok && !ok) return 3;
    if (!ok || diags.has_errors()) return 2;
    if (output == "-") {
        std::fputs(draft.c_str(), stdout);
    } else {
        std::ofstream f(output, std::ios::binary);
        if (!(f << draft) || !f.flush()) {
            std::fprintf(stderr, "%s: error: cannot write the draft here. Check the folder exists and you may write to it.\n",
                         output.c_str());
            return 2;
        }
    }
    std::fprintf(stderr,
                 "%s: %d sentences from %d source blocks; %d lists, %d plain words, %d numbers and dates, "
                 "%d terms explained; %d TODO%s to look at\n",
                 output.c_str(), stats.sentences, stats.source_blocks, stats.lists, stats.replacements, stats.numbers,
                 stats.terms_explained, stats.todos, stats.todos == 1 ? "" : "s");
    return 0;
}

}  // namespace easyread::cli
