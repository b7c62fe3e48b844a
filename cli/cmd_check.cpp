// easyread check INPUT.md [--rules NAME] [--format text|json] [--strict] [--pages N] [--max-warnings N]
//                         [--report conformance.pdf|.html|.json]
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <vector>
#include <string>

#include "generator/check/check.hpp"
#include "generator/check/json_out.hpp"
#include "generator/pipeline.hpp"
#include "report/outputs/conformance_report.hpp"
#include "report/review_job.hpp"
#include "cli/commands.hpp"

namespace easyread::cli {

namespace {

void check_usage(std::FILE* out) {
    std::fprintf(out,
                 "usage: easyread check INPUT.md [--rules NAME] [--format text|json] [--strict] [--pages N]\n"
                 "                      [--report FILE.pdf|FILE.html|FILE.json]\n\n"
                 "Checks a Markdown file against the easy read rules and prints one line per problem:\n"
                 "  file:line:column: warning[id]: message. hint\n\n"
                 "  --rules NAME    rule set: a name from templates/rules/ or a .rules file\n"
                 "                  (default: the front matter's \"rules:\", else %s)\n"
                 "  --format F      text (default) or json\n"
                 "  --strict        exit 1 when there are warnings\n"
                 "  --pages N       take N as the page count instead of laying the document out\n"
                 "  --estimate-pages  estimate the page count from the text (faster; no layout)\n"
                 "  --max-warnings N  print the first N problems (in line order) and a count of the rest\n"
                 "  --list-rules    print the bundled rule sets\n"
                 "  --report FILE   also write a conformance report (.pdf, .html or .json): each rule of the\n"
                 "                  rule set, met or not, measured on the laid-out pages and the PDF\n"
                 "  --review DB     add a review group's notes (easyread review results) at their lines:\n"
                 "                  the words and pictures reviewers tapped, the pages they found hard\n\n"
                 "Exit status: 0 clean (or warnings without --strict), 1 warnings with --strict, 2 errors.\n",
                 lang::kDefaultRuleSet);
}

int list_rules() {
    for (const auto& name : lang::bundled_rule_sets()) {
        Diagnostics d;
        lang::RuleSet r;
        if (lang::load_rule_set(name, r, d)) std::printf("%-20s %s\n%-20s source: %s\n", name.c_str(), r.title.c_str(), "", r.source.c_str());
    }
    return 0;
}

}  // namespace

int cmd_check(int argc, char** argv) {
    std::string input, rules_name, format = "text";  // no --rules: the document's own, else the default
    bool strict = false, estimate = false;
    int pages = 0;
    int max_warnings = -1;  // all
    std::string report_path;
    std::vector<std::string> reviews;
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
        else if (a == "--report") report_path = value("--report");
        else if (a == "--review") reviews.push_back(value("--review"));
        else if (a == "--format") format = value("--format");
        else if (a == "--strict") strict = true;
        else if (a == "--estimate-pages") estimate = true;
        else if (a == "--pages") pages = std::atoi(value("--pages").c_str());
        else if (a == "--max-warnings") {
            std::string v = value("--max-warnings");
            char* end = nullptr;
            long n = std::strtol(v.c_str(), &end, 10);
            if (v.empty() || *end != '\0' || n < 0) {
                std::fprintf(stderr, "easyread check: error: --max-warnings needs a number 0 or more (got '%s')\n",
                             v.c_str());
                return 2;
            }
            max_warnings = static_cast<int>(std::min(n, 1000000L));
        }
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

    if (!report_path.empty() && !report::is_conformance_format(report_path)) {
        std::fprintf(stderr, "easyread check: error: --report %s: end the file name in .pdf, .html or .json\n",
                     report_path.c_str());
        return 2;
    }
    if ((!report_path.empty() || !reviews.empty()) && (pages > 0 || estimate)) {
        std::fprintf(stderr, "easyread check: error: %s the laid-out pages: leave out %s\n",
                     report_path.empty() ? "--review matches" : "--report measures", pages > 0 ? "--pages" : "--estimate-pages");
        return 2;
    }

    // The same pipeline as `easyread build`, so the page count is the build's.
    // Problems the build would report (pictures, layout) are left to the build.
    Diagnostics diags;
    lang::RuleSet rules;
    check::CheckReport report;
    bool report_written = false;
    PipelineOptions po;
    po.rules = rules_name;
    po.checks = true;
    po.layout = pages <= 0 && !estimate;
    po.page_count = pages;
    if (auto c = compile_file(input, po, diags)) {
        c->finish_checks();
        std::vector<Diagnostic> items;
        for (const auto* part : {&c->read_diags, &c->check_diags})
            for (const auto& d : part->items()) items.push_back(d);
        // The one build problem about the words: a bold word nothing explains.
        for (const auto& d : c->build_diags.items())
            if (d.id == "hard-word-unexplained") items.push_back(d);
        Diagnostics review;
        if (!reviews.empty() && c->laid_out) report::add_review_notes_for(reviews, input, c->src.text, c->pages, review);
        for (const auto& d : review.items()) items.push_back(d);
        check::sort_by_line(items);
        for (auto& d : items) diags.add(std::move(d));
        rules = c->rule_set;
        report = c->report;
        if (!report_path.empty()) report_written = report::make_conformance_report(*c, report_path, diags);
    }

    int errors = diags.count(Severity::Error);
    int warnings = diags.count(Severity::Warning);
    if (format == "json") {
        std::fputs(check::report_json(input, rules, diags, report).c_str(), stdout);
    } else {
        int shown = 0, hidden = 0;
        for (const auto& d : diags.items()) {
            if (max_warnings >= 0 && shown >= max_warnings && d.severity != Severity::Error) {
                ++hidden;
                continue;
            }
            std::printf("%s\n", format_diagnostic(d).c_str());
            if (d.severity != Severity::Error) ++shown;
        }
        if (hidden > 0)
            std::printf("... and %d more (--max-warnings %d shows the first %d)\n", hidden, max_warnings, max_warnings);
        std::printf("%s: %d warning%s, %d error%s", input.c_str(), warnings, warnings == 1 ? "" : "s", errors,
                    errors == 1 ? "" : "s");
        if (errors == 0) std::printf("; %s", check::summary_line(report, rules).c_str());
        std::printf("\n");
    }
    if (!report_path.empty() && report_written && format == "text")
        std::printf("conformance report: %s\n", report_path.c_str());
    if (errors > 0 || (!report_path.empty() && !report_written)) return 2;
    return strict && warnings > 0 ? 1 : 0;
}

}  // namespace easyread::cli
