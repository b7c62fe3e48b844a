// The real `easyread check` and `easyread draft` commands: output format,
// exit codes, bad input.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>

#include "tests/check/check_test_support.hpp"
#include "tests/support/command.hpp"


namespace {

std::string temp_file(const std::string& name, const std::string& text) {
    std::string path = std::string(P_tmpdir) + "/easyread-check-test-" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

const std::string exe = EASYREAD_EXE;

}  // namespace

TEST_CASE("check: clean text exits 0 with a summary line", "[command]") {
    std::string f = temp_file("clean.md", "---\ntitle: Our home\ncontact: Call 01632 960123\n---\n\n# Our home\n\n"
                                            "We help you find a home. {picture=house}\n");
    auto r = run_command(exe + " check " + f + " --strict");
    INFO(r.both());
    CHECK(r.exit_code == 0);
    CHECK(r.both().find(": 0 warnings, 0 errors; 8 words, 1 sentences") != std::string::npos);
}

TEST_CASE("check: warnings exit 0, or 1 with --strict, lines are compiler style", "[command]") {
    std::string f = temp_file("warn.md", "---\ntitle: T\n---\n\nWe meet on 05/07/2024 at the hall. {picture=calendar}\n");
    auto plain = run_command(exe + " check " + f);
    auto strict = run_command(exe + " check " + f + " --strict");
    INFO(plain.both());
    CHECK(plain.exit_code == 0);
    CHECK(strict.exit_code == 1);
    CHECK(plain.both().find(f + ":5:12: warning[numeric-date]: \"05/07/2024\" is a date in numbers. Write the month as a word: \"5 July 2024\".") !=
          std::string::npos);
}

TEST_CASE("check: JSON output carries diagnostics and readability", "[command]") {
    std::string f = temp_file("json.md", "We meet on 05/07/2024 at the hall.\n");
    auto r = run_command(exe + " check " + f + " --format json");
    INFO(r.both());
    CHECK(r.exit_code == 0);
    CHECK(r.both().find("\"id\": \"numeric-date\", \"message\": \"\\\"05/07/2024\\\" is a date in numbers\"") != std::string::npos);
    CHECK(r.both().find("\"line\": 1, \"column\": 12") != std::string::npos);
    CHECK(r.both().find("\"readability\": {\"words\": 7") != std::string::npos);
    CHECK(r.both().find("\"hardest_paragraphs\": [") != std::string::npos);
}

TEST_CASE("check: bad input and bad rules exit 2 with a clear error", "[command]") {
    auto missing = run_command(exe + " check /nonexistent/file.md");
    CHECK(missing.exit_code == 2);
    CHECK(missing.both().find("/nonexistent/file.md: error[cannot-read]") != std::string::npos);

    std::string rules = temp_file("bad.rules", "name = bad\nsource = me\nmax_sentence_words = lots\n");
    std::string doc = temp_file("doc.md", "We meet.\n");
    auto bad = run_command(exe + " check " + doc + " --rules " + rules);
    INFO(bad.both());
    CHECK(bad.exit_code == 2);
    CHECK(bad.both().find(rules + ":3:22: error[rules-file]: max_sentence_words: \"lots\" is not a whole number") !=
          std::string::npos);

    auto unknown = run_command(exe + " check " + doc + " --rules nope");
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.both().find("there is no rule set called \"nope\"") != std::string::npos);

    auto binary = run_command(exe + " check " + temp_file("bin.md", std::string("ab\0cd", 5)));
    CHECK(binary.exit_code == 2);
    CHECK(binary.both().find("error[binary-file]") != std::string::npos);

    auto usage = run_command(exe + " check");
    CHECK(usage.exit_code == 2);
    CHECK(usage.both().find("usage: easyread check") != std::string::npos);
}

TEST_CASE("check: --rules changes the limits", "[command]") {
    std::string f = temp_file("rules.md", "We will meet people in every part of the town to listen to what they think about it.\n");
    auto uk = run_command(exe + " check " + f);
    auto ers = run_command(exe + " check " + f + " --rules easy-read-standard");
    CHECK(uk.both().find("warning[long-sentence]: 18 words (limit 15)") != std::string::npos);
    CHECK(ers.both().find("long-sentence") == std::string::npos);
    CHECK(ers.both().find("rules: easy-read-standard") != std::string::npos);
}

TEST_CASE("draft: writes the draft file and reports what it did", "[command]") {
    std::string in = temp_file("draft-in.md", "In order to help, the CCG meets on 05/07/2024.\n");
    std::string out = std::string(P_tmpdir) + "/easyread-check-test-draft-out.md";
    std::remove(out.c_str());
    auto r = run_command(exe + " draft " + in + " -o " + out);
    INFO(r.both());
    CHECK(r.exit_code == 0);
    CHECK(r.both().find("TODO") != std::string::npos);
    std::string d = easyread::check::test::read_file(out);
    CHECK(d.find("To help, the **CCG** (clinical commissioning group) meets on 5 July 2024.") != std::string::npos);

    // The draft itself passes through the checker without errors.
    auto c = run_command(exe + " check " + out);
    CHECK(c.exit_code == 0);
}

TEST_CASE("draft: bad arguments and unwritable output exit 2", "[command]") {
    std::string in = temp_file("draft-in2.md", "We meet.\n");
    CHECK(run_command(exe + " draft " + in).exit_code == 2);
    auto r = run_command(exe + " draft " + in + " -o /nonexistent/dir/out.md");
    CHECK(r.exit_code == 2);
    CHECK(r.both().find("cannot write the draft") != std::string::npos);
}

TEST_CASE("check: the page count comes from the real layout, as in the built PDF", "[command]") {
    std::string doc = std::string(EASYREAD_SOURCE_DIR) + "/templates/examples/strategy.md";
    std::string pdf = std::string(P_tmpdir) + "/easyread-check-test-strategy.pdf";
    auto built = run_command(exe + " build " + doc + " -o " + pdf);
    REQUIRE(built.exit_code == 0);
    auto info = run_command("pdfinfo " + pdf);
    INFO("pdfinfo (Debian package poppler-utils) is needed: " << info.both());
    REQUIRE(info.exit_code == 0);
    std::size_t at = info.both().find("Pages:");
    REQUIRE(at != std::string::npos);
    int pdf_pages = std::stoi(info.both().substr(at + 6));
    auto checked = run_command(exe + " check " + doc);
    INFO(checked.both());
    CHECK(checked.both().find("; " + std::to_string(pdf_pages) + " pages; rules: uk-easy-read") != std::string::npos);
    auto estimated = run_command(exe + " check " + doc + " --estimate-pages");
    CHECK(estimated.both().find(" pages (estimated); rules: uk-easy-read") != std::string::npos);
}
