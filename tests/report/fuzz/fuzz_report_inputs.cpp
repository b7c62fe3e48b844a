// Fuzz targets for what the Partnership Board's part reads from outside:
// typed-up paper answers (CSV), the board's actions file (Markdown) and
// answers databases (SQLite files, mutated byte by byte). Each target writes
// the input to a private folder and runs the real entry point; any crash,
// hang or sanitizer report is a bug. Built with libFuzzer when
// EASYREAD_FUZZ=ON (clang); the corpus is replayed under ctest by
// tests/fuzz/replay_main.cpp with any compiler.
#include <stdlib.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>

#include "report/outputs/actions_file.hpp"
#include "report/outputs/csv_json_exports.hpp"
#include "report/paper/paper_import.hpp"
#include "report/reading/result_set.hpp"
#include "report/counting/tally.hpp"
#include "report/outputs/board_report.hpp"

namespace {

const char* const kSurvey =
    "---\nid: club-day\nversion: 1\ntitle: Tell us about the club day\nlang: en-GB\n---\n\n"
    "## Did you like the day? {#day picture=happy}\n\n"
    "## Could you hear everyone? {#hear type=yes-no picture=ear}\n\n"
    "## What should we do next time? {#next type=choose-many picture=idea}\n\n"
    "- Music {#music picture=music}\n- Games {#games picture=game}\n- Food {#food picture=meal}\n\n"
    "## Anything you want to tell us? {#ideas type=comment picture=comment}\n";

void remove_folder();

// A folder of this process's own, made once and removed at exit (kept as a
// pointer that is never freed, so it outlives every exit handler).
const std::string& folder() {
    static const std::string* dir = [] {
        const char* tmp = std::getenv("TMPDIR");
        std::string templ = std::string(tmp && *tmp ? tmp : "/tmp") + "/easyread-fuzz-report-XXXXXX";
        if (!mkdtemp(templ.data())) std::abort();
        std::ofstream(templ + "/club-day.md") << kSurvey;
        auto* kept = new std::string(templ);
        std::atexit(remove_folder);
        return kept;
    }();
    return *dir;
}

void remove_folder() {
    if (std::system(("rm -rf '" + folder() + "'").c_str()) != 0) std::fputs("could not remove the fuzz folder\n", stderr);
}

void write(const std::string& path, const std::uint8_t* data, std::size_t size) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
}

void remove_db(const std::string& path) {
    for (const char* end : {"", "-wal", "-shm", "-journal", ".recovery.jsonl"}) std::remove((path + end).c_str());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace easyread;
    if (size < 1 || size > 256 * 1024) return 0;
    const std::string& dir = folder();
    // The first byte chooses the reader; the rest is its input.
    const std::uint8_t kind = data[0] % 3;
    ++data;
    --size;
    Diagnostics diags;
    if (kind == 0) {  // paper answers CSV, imported into a fresh database
        const std::string csv = dir + "/answers.csv", db = dir + "/paper.db";
        write(csv, data, size);
        remove_db(db);
        report::ImportRequest req;
        req.csv_path = csv;
        req.survey_path = dir + "/club-day.md";
        req.db_path = db;
        req.event = "Fuzz";
        req.date = "2024-05-09";
        report::ImportSummary summary;
        report::import_paper_answers(req, summary, diags);
        req.replace = true;  // the same file again: nothing new, or replaced
        report::import_paper_answers(req, summary, diags);
    } else if (kind == 1) {  // the board's actions file
        const std::string md = dir + "/actions.md";
        write(md, data, size);
        report::ActionsFile actions;
        report::load_actions(md, {"day", "hear", "next", "ideas"}, actions, diags);
    } else {  // an answers database, whatever its bytes
        const std::string db = dir + "/answers.db";
        remove_db(db);
        write(db, data, size);
        report::LoadOptions options;
        options.survey_files = {dir + "/club-day.md"};
        report::ResultSet results;
        if (report::load_results({db}, options, results, diags)) {
            report::Tally tally = report::tally_results(results);
            report::build_board_report(results, tally, nullptr);
            report::write_csv(results, dir + "/out.csv", diags);
            report::write_json(results, tally, dir + "/out.json", diags);
        }
    }
    return 0;
}
