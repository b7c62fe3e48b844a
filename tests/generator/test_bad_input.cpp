// Bad input gets a clear one-line message naming the file, never a crash or a hang.
#include <catch2/catch.hpp>
#include <chrono>

#include "tests/support/command.hpp"

namespace {

CommandResult build_bytes(const std::string& name, const std::string& bytes, const std::string& extra = {}) {
    std::string dir = fresh_dir(name);
    write_file(dir + "/in.md", bytes);
    return run_easyread("build " + dir + "/in.md -o " + dir + "/out.pdf " + extra);
}

bool crashed(const CommandResult& r) { return r.exit_code >= 128; }

}  // namespace

TEST_CASE("invalid UTF-8: exit 3 and the file, line and column") {
    CommandResult r = build_bytes("utf8", "# Title\n\nab\xFF\n");
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("/in.md:3:3: error[invalid-utf8]: invalid UTF-8 byte 0xFF") != std::string::npos);
    CHECK(r.err.find("Save the file as UTF-8") != std::string::npos);
}

TEST_CASE("a binary file is refused") {
    CommandResult r = build_bytes("binary", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("error[binary-file]") != std::string::npos);
}

TEST_CASE("an empty file still makes a document, with a warning") {
    CommandResult r = build_bytes("empty", "");
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("warning[empty]") != std::string::npos);
}

TEST_CASE("a 50 MB file is refused quickly") {
    auto t0 = std::chrono::steady_clock::now();
    CommandResult r = build_bytes("huge", std::string(50u * 1024u * 1024u, 'a'));
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    run_command("rm -rf test-work/huge-*");  // 50 MB is too much to leave behind
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("error[file-too-large]") != std::string::npos);
    CHECK(s < 20);
}

TEST_CASE("10,000 nested list levels do not crash") {
    std::string md;
    for (int i = 0; i < 10000; ++i) md += "- ";
    md += "deep\n";
    CommandResult r = build_bytes("nested", md);
    CHECK_FALSE(crashed(r));
    CHECK(r.exit_code == 0);
}

TEST_CASE("a table with 200 columns becomes chunks with one warning") {
    std::string head = "|", rule = "|", row = "|";
    for (int i = 0; i < 200; ++i) {
        head += " c" + std::to_string(i) + " |";
        rule += "---|";
        row += " v" + std::to_string(i) + " |";
    }
    CommandResult r = build_bytes("wide", head + "\n" + rule + "\n" + row + "\n");
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("warning[wide-table]: this table has 200 columns") != std::string::npos);
}

TEST_CASE("raw HTML is left out with a warning naming the line") {
    CommandResult r = build_bytes("html", "Hello.\n\n<script>alert(1)</script>\n");
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("/in.md:3:1: warning[raw-html]") != std::string::npos);
}

TEST_CASE("a missing font falls back with a warning") {
    CommandResult r = build_bytes("font", "Hello.\n", "--font 'No Such Font Family'");
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("warning[missing-font]") != std::string::npos);
}

TEST_CASE("an unwritable output path: exit 4, the path named, nothing half-written") {
    std::string dir = fresh_dir("unwritable");
    write_file(dir + "/in.md", "Hello.\n");
    CommandResult r = run_easyread("build " + dir + "/in.md -o /nonexistent-folder/out.pdf");
    CHECK(r.exit_code == 4);
    CHECK(r.err.find("/nonexistent-folder/out.pdf: error[cannot-write]") != std::string::npos);
}

TEST_CASE("a full disk: exit 4 naming the file, the earlier output kept whole, no temporary file left") {
    std::string dir = fresh_dir("full-disk");
    std::string text = "# Homes\n\n";
    for (int i = 0; i < 60; ++i) text += "We will help you find a good home near the people you love. {picture=house}\n\n";
    write_file(dir + "/in.md", text);
    REQUIRE(run_easyread("build " + dir + "/in.md -o " + dir + "/out.pdf").exit_code == 0);
    const std::string before = read_file(dir + "/out.pdf");
    REQUIRE(before.size() > 20 * 1024);

    // A file size limit of 20 KB stands in for a full disk: writes past it fail.
    CommandResult r = run_command("bash -c 'ulimit -f 20; trap \"\" XFSZ; exec \"" EASYREAD_EXE "\" build " + dir +
                                  "/in.md -o " + dir + "/out.pdf'");
    INFO(r.err);
    CHECK(r.exit_code == 4);
    CHECK(r.err.find(dir + "/out.pdf: error[cannot-write]") != std::string::npos);
    CHECK(read_file(dir + "/out.pdf") == before);
    CHECK(run_command("ls " + dir).out == "in.md\nout.pdf\n");
}

TEST_CASE("a missing input file: exit 3 naming it") {
    CommandResult r = run_easyread("build no-such-file.md -o x.pdf");
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("no-such-file.md: error[cannot-read]") != std::string::npos);
}

TEST_CASE("standard input works with -") {
    std::string dir = fresh_dir("stdin");
    CommandResult r = run_command("printf '# Hi\\n\\nA home for you.\\n' | '" EASYREAD_EXE "' build - -o " + dir +
                                  "/x.html");
    CHECK(r.exit_code == 0);
    CHECK(read_file(dir + "/x.html").find("A home for you.") != std::string::npos);
}

TEST_CASE("command line: help, version, unknown option") {
    CHECK(run_easyread("build --help").exit_code == 0);
    CHECK(run_easyread("build --help").out.find("Exit status:") != std::string::npos);
    CHECK(run_easyread("--version").out.rfind("easyread ", 0) == 0);
    CommandResult r = run_easyread("build x.md --bogus");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("unknown option '--bogus'") != std::string::npos);
    CHECK(run_easyread("build x.md -o out.doc").exit_code == 2);
}
