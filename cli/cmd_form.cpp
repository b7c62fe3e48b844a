// easyread form: a survey -> an easy read paper questionnaire (PDF).
#include <cstdio>
#include <string>

#include "base/file_names.hpp"
#include "cli/cli_output.hpp"
#include "cli/commands.hpp"

#include "symbols/bank.hpp"
#include "symbols/matcher.hpp"
#include "survey/survey_parser.hpp"
#include "report/outputs/buffered_output.hpp"
#include "report/paper/paper_form.hpp"
#include "report/report_job.hpp"
#include "report/reading/survey_pages.hpp"

namespace easyread::cli {

namespace {

const char* kFormHelp = R"(usage: easyread form SURVEY.md -o FORM.pdf [options]

Prints the kiosk's survey as an easy read paper questionnaire: consent and
"who is answering" first, then each question on half a page (or a page) with
its picture and big pictures of the answers to circle. Each question shows
its id, so answers can be typed into a CSV for 'easyread import'.

  -o, --output FORM.pdf        the form
      --answers-template F.csv also write the CSV's header line, ready to fill in
  -h, --help                   this help

Exit status: 0 made; 2 wrong command line; 3 the survey has errors; 4 an
output could not be written.
)";

}  // namespace

int cmd_form(int argc, char** argv) {
    std::string survey_path, output, csv_template;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "-h" || a == "--help") {
            std::fputs(kFormHelp, stdout);
            return 0;
        } else if ((a == "-o" || a == "--output" || a == "--answers-template") && i + 1 < argc) {
            (a == "--answers-template" ? csv_template : output) = argv[++i];
        } else if (!a.empty() && a[0] == '-') {
            return usage_error("form", "unknown option '" + a + "' (or it needs a value)");
        } else if (survey_path.empty()) {
            survey_path = a;
        } else {
            return usage_error("form", "give one survey file");
        }
    }
    if (survey_path.empty()) return usage_error("form", "name the survey file (.md)");
    if (!has_ending(output, ".pdf"))
        return usage_error("form", "name the form with -o FORM.pdf");

    Diagnostics diags;
    symbols::Bank bank;
    bank.load_bundled(diags);
    symbols::Matcher matcher(bank);
    survey::SurveyParseOptions po;
    po.matcher = &matcher;
    po.bank = &bank;
    auto survey = survey::load_survey(survey_path, diags, po);
    if (!survey || !report::expand_survey_pages(*survey, bank, diags)) {
        print_diagnostics(diags);
        return report::kExitInput;
    }
    bool ok = report::render_paper_form(*survey, bank, output, diags);
    if (ok && !csv_template.empty()) {
        report::BufferedOutput file(csv_template);
        ok = file.open(diags);
        if (ok) {
            file.buffer() = report::import_header(*survey) + "\r\n";
            ok = file.finish(diags);
        }
    }
    print_diagnostics(diags);
    if (!ok) return report::kExitOutput;
    std::fprintf(stderr, "easyread: %s: %zu questions. Type the answers under: %s\n", output.c_str(),
                 survey->questions.size(), report::import_header(*survey).c_str());
    return 0;
}

}  // namespace easyread::cli
