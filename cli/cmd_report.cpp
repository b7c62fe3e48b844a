// easyread report: answers databases -> board report (PDF, HTML), easy read
// "You said" document, CSV and JSON.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "cli/cli_output.hpp"
#include "cli/commands.hpp"

#include "report/report_job.hpp"

namespace easyread::cli {

namespace {

const char* kReportHelp = R"(usage: easyread report DB... -o OUT [options]

Makes a report of the kiosk answers in one or more answers files (for
example the files staff bring back from several kiosks). Each response is
counted once, however many files hold it. The files are only read, never
changed.

  DB...                answers files (.db); a recovery file beside one
                       (DB.recovery.jsonl) is read too
  -o, --output OUT     what to make, by its ending (give -o more than once):
                         .pdf  .html  the Partnership Board report: who
                                      answered, a bar chart for each question,
                                      changes since the event before, comments
                         .md          the easy read "You said" document as
                                      Markdown, to check and edit
                         .csv         one row per answer, for Excel
                         .json        totals and every response
                       or a folder: all of them
      --easy-read      make .pdf and .html the easy read "You said" document
      --actions FILE   the board's actions (Markdown, one "## question-id"
                       section each): makes "You said, we did"
      --survey ID      the survey to report on, when the files hold several
      --event NAME     only the event with this name (as staff typed it)
      --from DATE      only answers from this date (YYYY-MM-DD) ...
      --to DATE        ... up to and including this date
      --survey-file F  a survey file, for answers whose survey text no
                       answers file holds
      --document F.md  for page-by-page reviews: the document people
                       reviewed, as it was then, to show a small picture of
                       each page (the survey's "document:" is also looked
                       for beside the answers and survey files)
      --unmasked       for safeguarding only: write comments as people typed
                       them; allowed only with .csv outputs, and warns
  -h, --help           this help

Personal details in comments are hidden in every output: names people give
("my name is ..."), street addresses, dates of birth, phone numbers, email
addresses (also spelled out), postcodes and National Insurance numbers.

Exit status: 0 made; 2 wrong command line; 3 an input cannot be used (the
message names the file and what to do; nothing is made); 4 an output could
not be written.
)";

}  // namespace

int cmd_report(int argc, char** argv) {
    report::ReportRequest req;
    std::vector<std::string> outputs;
    bool easy_read = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&](std::string& into) {
            if (i + 1 >= argc) return false;
            into = argv[++i];
            return true;
        };
        std::string v;
        if (a == "-h" || a == "--help") {
            std::fputs(kReportHelp, stdout);
            return 0;
        } else if (a == "-o" || a == "--output") {
            if (!value(v)) return usage_error("report", a + " needs a file or folder name");
            outputs.push_back(v);
        } else if (a == "--survey") {
            if (!value(req.filter.survey_id)) return usage_error("report", "--survey needs a survey id");
        } else if (a == "--event") {
            if (!value(req.filter.event)) return usage_error("report", "--event needs an event name");
        } else if (a == "--from") {
            if (!value(req.filter.from_date)) return usage_error("report", "--from needs a date (YYYY-MM-DD)");
        } else if (a == "--to") {
            if (!value(req.filter.to_date)) return usage_error("report", "--to needs a date (YYYY-MM-DD)");
        } else if (a == "--actions") {
            if (!value(req.actions_path)) return usage_error("report", "--actions needs a Markdown file");
        } else if (a == "--survey-file") {
            if (!value(v)) return usage_error("report", "--survey-file needs a survey file");
            req.survey_files.push_back(v);
        } else if (a == "--document") {
            if (!value(v)) return usage_error("report", "--document needs the reviewed document (.md)");
            req.documents.push_back(v);
        } else if (a == "--unmasked") {
            req.unmasked = true;
        } else if (a == "--easy-read") {
            easy_read = true;
        } else if (!a.empty() && a[0] == '-') {
            return usage_error("report", "unknown option '" + a + "'");
        } else {
            req.inputs.push_back(a);
        }
    }
    if (req.inputs.empty()) return usage_error("report", "name one or more answers files (.db)");
    std::string error;
    if (!report::resolve_dates(req.filter, error)) return usage_error("report", error);
    if (!report::plan_outputs(outputs, easy_read, !req.actions_path.empty(), req.outputs, error))
        return usage_error("report", error);

    Diagnostics diags;
    std::string summary;
    int status = report::run_report(req, diags, summary);
    print_diagnostics(diags);
    if (status == report::kExitInput)
        std::fprintf(stderr, "easyread report: nothing was made, so no report leaves any answers out.\n");
    if (status == 0) std::fprintf(stderr, "easyread: %s\n", summary.c_str());
    return status;
}

}  // namespace easyread::cli
