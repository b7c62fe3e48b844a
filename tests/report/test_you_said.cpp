// The easy read "You said" and "You said, we did" documents, made by the generator.
#include <catch2/catch.hpp>
#include <regex>

#include "tests/report/report_fixture.hpp"

using namespace report_test;

TEST_CASE("\"You said, we did\" is an easy read document built from the results and the board's actions") {
    std::string dir = fresh_dir("you-said");
    std::string db = march_and_may_db(dir);
    std::string actions = dir + "/actions.md";
    write_file(actions, "---\norganisation: Millbrook Partnership Board\ncontact: Phone 01632 960 123\n---\n\n"
                        "## day\n\nWe will hold the next club day in a bigger room.\n\n"
                        "- Who: Sam Patel, the board chair\n- By when: September 2024\n\n"
                        "## Could you hear everyone? {#hear}\n\nWe will buy a new microphone.\n");
    std::string md = dir + "/you-said.md", pdf = dir + "/you-said.pdf", html = dir + "/you-said.html";
    CommandResult r = run_ok("report '" + db + "' --event 'May meeting' --actions '" + actions + "' --easy-read -o '" +
                                   md + "' -o '" + pdf + "' -o '" + html + "'");
    CHECK(has_substr(r.err, "action-who-when"));  // "hear" says neither who nor by when

    std::string m = read_file(md);
    CHECK(has_substr(m, "title: You said, we did\n"));
    CHECK(has_substr(m, "organisation: Millbrook Partnership Board\n"));
    CHECK(has_substr(m, "7 out of 10 people were happy. {picture=happy}"));
    CHECK(has_substr(m, "We will hold the next club day in a bigger room. {picture=plan}"));
    CHECK(has_substr(m, "The person who will do it: Sam Patel, the board chair."));
    CHECK(has_substr(m, "We have not made a plan for this yet."));  // "next" has no action
    CHECK(has_substr(m, "3 people wrote to us."));
    CHECK_FALSE(has_substr(m, "07700"));  // comments are never copied into the easy read document

    std::string text = flat_pdf_text(pdf);
    CHECK(has_substr(text, "You said, we did"));
    CHECK(has_substr(text, "This is an easy read version of the Partnership Board report on Tell us about the club day"));
    CHECK(has_substr(text, "7 out of 10 people were happy."));
    CHECK(has_substr(text, "At the event before, 5 out of 10 people were happy."));
    CHECK(has_substr(text, "We will buy a new microphone."));
    CHECK(has_substr(read_file(html), "7 out of 10 people were happy."));

    // The easy read checker finds nothing wrong but the survey's own picture choices.
    CommandResult check = run_easyread("check '" + md + "'");
    INFO(check.err);
    CHECK(check.exit_code == 0);
    std::regex warning("warning\\[([a-z-]+)\\]");
    for (auto it = std::sregex_iterator(check.err.begin(), check.err.end(), warning); it != std::sregex_iterator(); ++it)
        CHECK((*it)[1].str() == "picture-unrelated");
}

TEST_CASE("without actions the document is \"You said\", and a folder gets every output") {
    std::string dir = fresh_dir("you-said-folder");
    std::string db = march_and_may_db(dir);
    std::string out = dir + "/out";
    REQUIRE(run_command("mkdir -p '" + out + "'").exit_code == 0);
    CommandResult r = run_ok("report '" + db + "' -o '" + out + "'");
    for (const char* name : {"board-report.pdf", "board-report.html", "you-said.pdf", "you-said.html", "you-said.md",
                             "answers.csv", "answers.json"})
        CHECK(run_command(std::string("test -s '") + out + "/" + name + "'").exit_code == 0);
    CHECK(has_substr(read_file(out + "/you-said.md"), "title: You said\n"));
    CHECK(has_substr(pdf_text(out + "/you-said.pdf"), "6 out of 10 people were happy."));
}
