// One `easyread report` run: read the answers files, count, and write each
// output the command line asked for. The command-line file and the benchmark
// both call this.
#pragma once
#include <string>
#include <vector>

#include "base/diagnostics.hpp"
#include "report/reading/result_set.hpp"

namespace easyread::report {

enum class OutputKind { BoardPdf, BoardHtml, EasyReadPdf, EasyReadHtml, EasyReadMarkdown, Csv, Json };

struct OutputRequest {
    OutputKind kind;
    std::string path;
};

struct ReportRequest {
    std::vector<std::string> inputs;
    // How the outputs name each input ("Made from ..."), by position; the
    // path where empty or missing (the studio names its files without the
    // folder the server keeps them in).
    std::vector<std::string> input_names;
    ReportFilter filter;
    std::vector<std::string> survey_files;
    std::string actions_path;  // empty = no actions: "You said" only
    // Reviewed documents (Markdown) for the pictures of their pages; the
    // survey's "document:" is also looked for beside each answers and survey file.
    std::vector<std::string> documents;
    std::vector<OutputRequest> outputs;
    // Comments as people typed them, personal details and all: only into CSV
    // outputs (run_report refuses any other), with a warning.
    bool unmasked = false;
    // False: count every answer even when a file keeps its counts (the benchmark compares the two).
    bool count_tables = true;
};

// Exit statuses, as the other commands use them.
constexpr int kExitOk = 0, kExitUsage = 2, kExitInput = 3, kExitOutput = 4;

// Turns "-o" values into outputs: by extension (.pdf, .html, .md, .csv,
// .json; `easy_read` makes .pdf and .html the easy read document), or a
// folder, which gets all of them. False with `error` for an unknown kind.
bool plan_outputs(const std::vector<std::string>& names, bool easy_read, bool with_actions,
                  std::vector<OutputRequest>& out, std::string& error);

// Runs the report; returns an exit status. `summary` gets one line for people.
int run_report(const ReportRequest& request, Diagnostics& diags, std::string& summary);

}  // namespace easyread::report
