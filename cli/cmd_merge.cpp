// easyread merge: several kiosks' answers files -> one file, each response once.
#include <cstdio>
#include <string>
#include <vector>

#include "cli/cli_output.hpp"
#include "cli/commands.hpp"

#include "report/merge_answers.hpp"
#include "report/report_job.hpp"

namespace easyread::cli {

namespace {

const char* kMergeHelp = R"(usage: easyread merge DB... -o ALL.db

Puts the answers from several answers files (one from each kiosk, say) into
one new file. A response in more than one file is kept once (it has the same
id everywhere). Responses waiting in a recovery file beside an input
(DB.recovery.jsonl) are taken too. The inputs are only read, never changed;
ALL.db must not exist yet.

  -o, --output ALL.db  the new file
  -h, --help           this help

A response in two files with different answers is a conflict: both
versions are shown and nothing is written, whatever the order of the files.
A paper form corrected with `easyread import --replace` is marked so, with
its time: then the later correction is kept (in either order) and both
versions are shown.

Exit status: 0 merged; 2 wrong command line; 3 an input cannot be used, two
files hold different surveys under one version, or a conflict (nothing is
written); 4 the new file could not be written.
)";

}  // namespace

int cmd_merge(int argc, char** argv) {
    std::vector<std::string> inputs;
    std::string output;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "-h" || a == "--help") {
            std::fputs(kMergeHelp, stdout);
            return 0;
        } else if (a == "-o" || a == "--output") {
            if (i + 1 >= argc) return usage_error("merge", a + " needs a file name");
            output = argv[++i];
        } else if (!a.empty() && a[0] == '-') {
            return usage_error("merge", "unknown option '" + a + "'");
        } else {
            inputs.push_back(a);
        }
    }
    if (inputs.empty()) return usage_error("merge", "name the answers files to merge");
    if (output.empty()) return usage_error("merge", "name the new file with -o ALL.db");
    Diagnostics diags;
    report::MergeSummary summary;
    bool ok = report::merge_answers(inputs, output, summary, diags);
    print_diagnostics(diags);
    if (!ok) {
        bool input_problem = false;
        for (const auto& d : diags.items()) input_problem = input_problem || (d.file != output && d.severity == Severity::Error);
        std::fprintf(stderr, "easyread merge: nothing was written.\n");
        return input_problem ? report::kExitInput : report::kExitOutput;
    }
    std::fprintf(stderr, "easyread: %s: %d %s from %zu %s (%d found in more than one file, %d from recovery files",
                 output.c_str(), summary.responses, summary.responses == 1 ? "response" : "responses", inputs.size(),
                 inputs.size() == 1 ? "file" : "files", summary.duplicates, summary.from_recovery);
    if (summary.corrected > 0) std::fprintf(stderr, ", %d kept as corrected", summary.corrected);
    std::fprintf(stderr, ")\n");
    return 0;
}

}  // namespace easyread::cli
