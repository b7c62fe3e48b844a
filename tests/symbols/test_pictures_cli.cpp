// `easyread pictures`: what a person or a script sees on stdout.
#include <sstream>
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "tests/symbols/test_support.hpp"

using namespace symbols_test;

namespace {

std::vector<std::string> lines(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream in(s);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

std::vector<std::string> fields(const std::string& line) {
    std::vector<std::string> out;
    std::stringstream in(line);
    for (std::string f; std::getline(in, f, '\t');) out.push_back(f);
    return out;
}

}  // namespace

TEST_CASE("pictures prints up to 5 candidates: id, name, score and reason") {
    CommandResult r = run_easyread("pictures 'Your care plan says when to see your doctor, nurse or dentist about your medicine.'");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    auto rows = lines(r.out);
    REQUIRE(rows.size() == 5);
    auto first = fields(rows[0]);
    REQUIRE(first.size() == 4);
    CHECK(first[0] == "patient-clipboard");
    CHECK(first[1] == "care plan");
    CHECK(first[2] == "1.00");
    CHECK(first[3] == "matched phrase 'care plan'");
    for (const auto& row : rows) CHECK(fields(row).size() == 4);
    CHECK(r.err.empty());
}

TEST_CASE("pictures prints nothing when no picture fits") {
    CommandResult r = run_easyread("pictures 'We will ensure this happens.'");
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
}

TEST_CASE("pictures --json and --list give tools and people the bank") {
    CommandResult j = run_easyread("pictures --json --top 2 'The doctor gave me medicine.'");
    REQUIRE(j.exit_code == 0);
    CHECK(j.out.rfind("[\n  {\"id\": \"doctor\", \"name\": \"doctor\", \"set\": \"openmoji\"", 0) == 0);
    CHECK(j.out.find("\"score\": ") != std::string::npos);
    CHECK(j.out.find("\"reason\": \"matched word 'doctor'\"") != std::string::npos);
    CHECK(j.out.substr(j.out.size() - 2) == "]\n");
    CHECK(run_easyread("pictures --json 'if'").out == "[]\n");

    CommandResult l = run_easyread("pictures --list hospital");
    REQUIRE(l.exit_code == 0);
    auto rows = lines(l.out);
    REQUIRE(rows.size() >= 2);
    CHECK(rows[0] == "hospital\thospital\topenmoji");
    CommandResult all = run_easyread("pictures --list");
    CHECK(lines(all.out).size() >= 400);
}

TEST_CASE("pictures --avoid and --pictures change the choice, bad folders warn on stderr") {
    CommandResult a = run_easyread("pictures --avoid doctor 'Your doctor and your nurse will help.'");
    REQUIRE(a.exit_code == 0);
    CHECK(a.out.rfind("nurse\t", 0) == 0);

    const std::string dir = temp_dir();
    write_png(dir + "/care-plan.png");
    write_file(dir + "/keywords.txt", "care-plan.png: my plan\nbad line\n");
    CommandResult u = run_easyread("pictures --pictures '" + dir + "' 'This is my plan.'");
    REQUIRE(u.exit_code == 0);
    CHECK(u.out.rfind("care-plan\tcare plan\t", 0) == 0);
    CHECK(u.err.find(dir + "/keywords.txt:2:1: warning[picture-keywords]") != std::string::npos);

    CommandResult missing = run_easyread("pictures --pictures '" + dir + "/nowhere' 'doctor'");
    CHECK(missing.exit_code == 0);
    CHECK(missing.out.rfind("doctor\t", 0) == 0);
    CHECK(missing.err.find("warning[picture-folder]") != std::string::npos);
}

TEST_CASE("pictures reads standard input and rejects unknown options") {
    const std::string input = temp_dir() + "/block.txt";
    write_file(input, "Go to the hospital.\n");
    CommandResult s = run_easyread("pictures - < '" + input + "'");
    CHECK(s.out.rfind("hospital\t", 0) == 0);
    CommandResult bad = run_easyread("pictures --colour 'x'");
    CHECK(bad.exit_code == 2);
    CHECK(bad.out.empty());
    CHECK(run_easyread("pictures").exit_code == 2);
}
