// What `easyread build` prints: errors and warnings always, notes only with
// --verbose, one summary line, and clean output paths; no temporary files left.
#include <dirent.h>

#include <algorithm>

#include <catch2/catch.hpp>

#include "tests/support/command.hpp"

namespace {

// A chunk whose chosen picture is not the best fit: the checker adds a note.
const char* kWithNote = "# Help\n\nWe do not need help with this now. {picture=check}\n";

std::vector<std::string> files_in(const std::string& dir) {
    std::vector<std::string> names;
    if (DIR* d = opendir(dir.c_str())) {
        while (dirent* e = readdir(d))
            if (e->d_name[0] != '.') names.emplace_back(e->d_name);
        closedir(d);
    }
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST_CASE("notes are counted in the summary and printed only with --verbose") {
    std::string dir = fresh_dir("notes");
    write_file(dir + "/in.md", kWithNote);

    CommandResult quiet = run_easyread("build " + dir + "/in.md -o " + dir + "/out.pdf");
    INFO(quiet.err);
    CHECK(quiet.exit_code == 0);
    CHECK(quiet.err.find("note[") == std::string::npos);
    CHECK(quiet.err.find("note (--verbose shows them)") != std::string::npos);
    // Nothing but the summary line.
    CHECK(std::count(quiet.err.begin(), quiet.err.end(), '\n') == 1);

    CommandResult loud = run_easyread("build " + dir + "/in.md -o " + dir + "/out.pdf --verbose");
    INFO(loud.err);
    CHECK(loud.exit_code == 0);
    CHECK(loud.err.find("in.md:3:36: note[picture-unrelated]") != std::string::npos);
    CHECK(loud.err.find("--verbose shows them") == std::string::npos);
    CHECK(loud.err.find("easy read checks took") != std::string::npos);
}

TEST_CASE("warnings are printed without --verbose") {
    std::string dir = fresh_dir("warnings");
    write_file(dir + "/in.md", "# Plan\n\nWe will use the ICB to do it.\n");
    CommandResult r = run_easyread("build " + dir + "/in.md -o " + dir + "/out.pdf");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("in.md:3:") != std::string::npos);
    CHECK(r.err.find("warning[") != std::string::npos);
    CHECK(r.err.find("1 warnings") == std::string::npos);  // counted, not "0 warnings"
    CHECK(r.err.find(" 0 warnings") == std::string::npos);
}

TEST_CASE("a folder given with a trailing slash names the outputs cleanly, and nothing else is left there") {
    std::string dir = fresh_dir("slash");
    write_file(dir + "/in.md", "# Home\n\nA home for you.\n");
    std::string out = dir + "/out";
    REQUIRE(run_command("mkdir '" + out + "'").exit_code == 0);
    CommandResult r = run_easyread("build " + dir + "/in.md -o " + out + "/");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.find(out + "/in.pdf, " + out + "/in.html:") != std::string::npos);
    CHECK(r.err.find("//") == std::string::npos);
    CHECK(files_in(out) == std::vector<std::string>{"in.html", "in.pdf"});
}

TEST_CASE("a folder that does not exist: exit 4 naming it") {
    std::string dir = fresh_dir("no-folder");
    write_file(dir + "/in.md", "# Home\n\nA home for you.\n");
    CommandResult r = run_easyread("build " + dir + "/in.md -o " + dir + "/missing/");
    CHECK(r.exit_code == 4);
    CHECK(r.err.find(dir + "/missing/: error[cannot-write]: the folder does not exist") != std::string::npos);
}

TEST_CASE("an unknown output ending is refused naming every format the pipeline makes, from its one table") {
    std::string dir = fresh_dir("formats");
    write_file(dir + "/in.md", "# Help\n\nWe can help you.\n");
    CommandResult r = run_easyread("build " + dir + "/in.md -o " + dir + "/out.xyz");
    CHECK(r.exit_code != 0);
    for (const char* ending : {".pdf", ".html", ".png", ".docx", ".odt", ".mp3"}) {
        INFO(ending << "\n" << r.err);
        CHECK(r.err.find(ending) != std::string::npos);
    }
    CHECK(files_in(dir) == std::vector<std::string>{"in.md"});
}

TEST_CASE("several outputs are all made or none: a folder that does not exist stops the run before anything is made") {
    std::string dir = fresh_dir("all-or-none-folder");
    write_file(dir + "/in.md", "# Home\n\nA home for you.\n");
    CommandResult r = run_easyread("build " + dir + "/in.md -o " + dir + "/good.pdf -o /nonexistent/x.html");
    INFO(r.err);
    CHECK(r.exit_code == 4);
    CHECK(r.err.find("/nonexistent/x.html: error[cannot-write]: cannot write the output: the folder /nonexistent does "
                     "not exist") != std::string::npos);
    CHECK(files_in(dir) == std::vector<std::string>{"in.md"});
}

TEST_CASE("several outputs are all made or none: one that fails half way takes the others away and puts back what they replaced") {
    // The HTML is larger than the file size limit, the PDFs before it are not:
    // the PDFs are made, then the HTML fails to be written.
    std::string dir = fresh_dir("all-or-none-midway");
    const std::string md = std::string(EASYREAD_SOURCE_DIR) + "/templates/examples/stocktake.md";
    write_file(dir + "/old.pdf", "the old one\n");
    CommandResult r = run_command("bash -c 'ulimit -f 200; trap \"\" XFSZ; exec \"" + std::string(EASYREAD_EXE) +
                                  "\" build \"" + md + "\" -o " + dir + "/old.pdf -o " + dir + "/new.pdf -o " + dir +
                                  "/big.html'");
    INFO(r.err);
    CHECK(r.exit_code == 4);
    CHECK(r.err.find("big.html: error[cannot-write]") != std::string::npos);
    CHECK(r.err.find("nothing was written") != std::string::npos);
    CHECK(read_file(dir + "/old.pdf") == "the old one\n");
    // No new file, no temporary or kept copy left beside them.
    CHECK(files_in(dir) == std::vector<std::string>{"old.pdf"});
    // The same run without the limit makes all three.
    CommandResult all = run_easyread("build " + md + " -o " + dir + "/old.pdf -o " + dir + "/new.pdf -o " + dir +
                                     "/big.html");
    CHECK(all.exit_code == 0);
    CHECK(files_in(dir) == std::vector<std::string>{"big.html", "new.pdf", "old.pdf"});
}
