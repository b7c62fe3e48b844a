// easyread import: typed-up paper answers (CSV) -> an answers database.
#include <cstdio>
#include <string>

#include "cli/cli_output.hpp"
#include "cli/commands.hpp"

#include "report/paper/paper_import.hpp"
#include "report/report_job.hpp"

namespace easyread::cli {

namespace {

const char* kImportHelp = R"(usage: easyread import ANSWERS.csv --survey SURVEY.md --db DB [options]

Adds answers from paper forms, typed into a CSV file, to an answers file.
The first line is: response_id,respondent,<question id>,<question id>,...
  response_id  the number written on the paper form
  respondent   self, carer, helper, staff or not-said (empty = not-said)
  then one cell per question: the answer's value as printed small under each
  picture on the form (happy, yes, homes;jobs, ...), or empty if not answered
A form is known by its number and its event (the event's name and day; with
no --event, by the CSV file's name and day), so forms numbered 1, 2, ... at
every event are all kept, and importing the same file for the same event
twice adds nothing. A form imported before with other answers is refused,
naming its line and what differs, unless --replace is given. If any line is
wrong, every problem is listed (file:line:column) and nothing from the file
is imported.

      --survey SURVEY.md   the survey the paper forms printed
      --db DB              the answers file (made if it does not exist)
      --event NAME         the event the forms came from
      --date YYYY-MM-DD    the day the forms were filled in (default today)
      --replace            put corrected forms in place of the ones imported before
  -h, --help               this help

Exit status: 0 imported; 2 wrong command line; 3 the CSV or survey is wrong
(nothing imported); 4 the answers file cannot take the answers.
)";

}  // namespace

int cmd_import(int argc, char** argv) {
    report::ImportRequest req;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        std::string* into = a == "--survey" ? &req.survey_path
                            : a == "--db"   ? &req.db_path
                            : a == "--event" ? &req.event
                            : a == "--date" ? &req.date
                                            : nullptr;
        if (a == "-h" || a == "--help") {
            std::fputs(kImportHelp, stdout);
            return 0;
        } else if (a == "--replace") {
            req.replace = true;
        } else if (into) {
            if (i + 1 >= argc) return usage_error("import", a + " needs a value");
            *into = argv[++i];
        } else if (!a.empty() && a[0] == '-') {
            return usage_error("import", "unknown option '" + a + "'");
        } else if (req.csv_path.empty()) {
            req.csv_path = a;
        } else {
            return usage_error("import", "give one CSV file");
        }
    }
    if (req.csv_path.empty()) return usage_error("import", "name the CSV file of typed-up answers");
    if (req.survey_path.empty()) return usage_error("import", "name the survey with --survey SURVEY.md");
    if (req.db_path.empty()) return usage_error("import", "name the answers file with --db DB");

    Diagnostics diags;
    report::ImportSummary summary;
    int status = report::import_paper_answers(req, summary, diags);
    print_diagnostics(diags);
    if (status != 0) {
        std::fprintf(stderr, "easyread import: nothing from %s was imported.\n", req.csv_path.c_str());
        return status;
    }
    auto responses = [](int n) { return std::to_string(n) + (n == 1 ? " response" : " responses"); };
    std::string line = req.csv_path + " (" + summary.scope_words + "): " + responses(summary.added) + " added to " +
                       req.db_path + ", " + std::to_string(summary.already) +
                       (summary.already == 1 ? " was" : " were") + " already there";
    if (summary.replaced > 0) {
        line += ", " + responses(summary.replaced) + " replaced with the corrected answers (--replace): form";
        line += summary.replaced_forms.size() == 1 ? " " : "s ";
        for (std::size_t i = 0; i < summary.replaced_forms.size(); ++i)
            line += (i ? ", " : "") + summary.replaced_forms[i];
    }
    std::fprintf(stderr, "easyread: %s\n", line.c_str());
    return 0;
}

}  // namespace easyread::cli
