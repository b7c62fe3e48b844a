// easyread check INPUT.md [--rules NAME] [--format text|json] [--strict] [--pages N]
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "symbols/bank.hpp"
#include "generator/check/check.hpp"
#include "generator/check/json_out.hpp"
#include "cli/commands.hpp"
#include "generator/layout/fonts.hpp"
#include "generator/layout/layout_document.hpp"
#include "generator/model/assign_pictures.hpp"
#include "generator/model/build_document.hpp"
#include "generator/parse/markdown_front.hpp"

namespace easyread::cli {

namespace {

void check_usage(std::FILE* out) {
    std::fprintf(out,
                 "usage: easyread check INPUT.md [--rules NAME] [--format text|json] [--strict] [--pages N]\n\n"
                 "Checks a Markdown file against the easy read rules and prints one line per problem:\n"
                 "  file:line:column: warning[id]: message. hint\n\n"
                 "  --rules NAME    rule set: a name from templates/rules/ or a .rules file (default %s)\n"
                 "  --format F      text (default) or json\n"
                 "  --strict        exit 1 when there are warnings\n"
                 "  --pages N       take N as the page count instead of laying the document out\n"
                 "  --estimate-pages  estimate the page count from the text (faster; no layout)\n"
                 "  --list-rules    print the bundled rule sets\n\n"
                 "Exit status: 0 clean (or warnings without --strict), 1 warnings with --strict, 2 errors.\n",
                 check::kDefaultRuleSet);
}

// Lays the document out as `easyread build` would, to count its real pages.
// Problems the build would report are left to the build; 0 means it failed.
int laid_out_pages(const ParsedMarkdown& md, const check::RuleSet& rules, const symbols::Bank& bank) {
    Diagnostics quiet;
    Document doc = build_document(md, quiet);
    assign_pictures(doc, bank, quiet);
    LayoutOptions lo;
    lo.body_pt = rules.body_pt;
    lo.font_family = choose_font_family("", quiet);
    LaidOutDocument pages;
    if (!layout_document(doc, bank, lo, pages, quiet)) return 0;
    return static_cast<int>(pages.pages.size());
}

int list_rules() {
    for (const auto& name : check::bundled_rule_sets()) {
        Diagnostics d;
        check::RuleSet r;
        if (check::load_rule_set(name, r, d)) std::printf("%-20s %s\n%-20s source: %s\n", name.c_str(), r.title.c_str(), "", r.source.c_str());
    }
    return 0;
}

}  // namespace

int cmd_check(int argc, char** argv) {
    std::string input, rules_name = check::kDefaultRuleSet, format = "text";
    bool strict = false, estimate = false;
    int pages = 0;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&](const char* what) -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "easyread check: error: %s needs a value\n", what);
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--help" || a == "-h") { check_usage(stdout); return 0; }
        else if (a == "--list-rules") return list_rules();
        else if (a == "--rules") rules_name = value("--rules");
        else if (a == "--format") format = value("--format");
        else if (a == "--strict") strict = true;
        else if (a == "--estimate-pages") estimate = true;
        else if (a == "--pages") pages = std::atoi(value("--pages").c_str());
        else if (!a.empty() && a[0] == '-' && a != "-") {
            std::fprintf(stderr, "easyread check: error: unknown option '%s'\n", a.c_str());
            check_usage(stderr);
            return 2;
        } else if (input.empty()) input = a;
        else {
            std::fprintf(stderr, "easyread check: error: give one input file (got '%s' and '%s')\n", input.c_str(), a.c_str());
            return 2;
        }
    }
    if (input.empty() || (format != "text" && format != "json")) {
        if (!input.empty()) std::fprintf(stderr, "easyread check: error: --format must be text or json\n");
        check_usage(stderr);
        return 2;
    }

    Diagnostics diags;
    check::RuleSet rules;
    SourceText src;
    check::CheckReport report;
    bool rules_ok = check::load_rule_set(rules_name, rules, diags);
    if (rules_ok && load_source(input, src, diags)) {
        ParsedMarkdown md = parse_markdown(src, diags);
        symbols::Bank bank;
        Diagnostics bank_diags;  // the build reports problems with the bank
        bool have_bank = bank.load_bundled(bank_diags);
        check::CheckOptions options;
        if (have_bank) options.bank = &bank;
        if (pages <= 0 && !estimate && have_bank) pages = laid_out_pages(md, rules, bank);
        options.page_count = pages;
        report = check::check_markdown(src, md, rules, options, diags);
    }

    int errors = diags.count(Severity::Error);
    int warnings = diags.count(Severity::Warning);
    if (format == "json") {
        std::fputs(check::report_json(input, rules, diags, report).c_str(), stdout);
    } else {
        std::fputs(diags.format_all().c_str(), stdout);
        std::printf("%s: %d warning%s, %d error%s", input.c_str(), warnings, warnings == 1 ? "" : "s", errors,
                    errors == 1 ? "" : "s");
        if (errors == 0) std::printf("; %s", check::summary_line(report, rules).c_str());
        std::printf("\n");
    }
    if (errors > 0) return 2;
    return strict && warnings > 0 ? 1 : 0;
}

}  // namespace easyread::cli
