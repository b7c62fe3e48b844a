// Emoji people type into comments are printed as emoji in the board report
// (the colour emoji font install-deps adds), never as hex boxes or nothing.
#include <catch2/catch.hpp>

#include "tests/report/report_fixture.hpp"

using namespace report_test;

TEST_CASE("emoji in comments are drawn in the PDF, and the words around them kept") {
    std::string dir = fresh_dir("emoji-comments");
    const std::string survey = std::string(EASYREAD_SOURCE_DIR) + "/templates/surveys/board-event.md";
    write_file(dir + "/forms.csv",
               "response_id,respondent,meeting,anything-else\n"
               "1,self,happy,I loved it \xF0\x9F\x98\x80 thank you \xF0\x9F\x91\x8D\n"
               "2,carer,sad,Too noisy \xF0\x9F\x98\x9E\n");
    run_ok("import '" + dir + "/forms.csv' --survey '" + survey + "' --db '" + dir + "/a.db' --event Club --date 2026-11-01");
    CommandResult r = run_easyread("report '" + dir + "/a.db' -o '" + dir + "/r.pdf'");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_FALSE(has_substr(r.err, "missing-character"));
    const std::string text = flat_pdf_text(dir + "/r.pdf");
    CHECK(has_substr(text, "I loved it"));
    CHECK(has_substr(text, "thank you"));
    CHECK(has_substr(text, "Too noisy"));
    // Each emoji is a colour glyph: one more image in the PDF than the same
    // report with the same words and no emoji.
    write_file(dir + "/plain.csv",
               "response_id,respondent,meeting,anything-else\n"
               "1,self,happy,I loved it thank you\n"
               "2,carer,sad,Too noisy\n");
    run_ok("import '" + dir + "/plain.csv' --survey '" + survey + "' --db '" + dir + "/b.db' --event Club --date 2026-11-01");
    run_ok("report '" + dir + "/b.db' -o '" + dir + "/plain.pdf'");
    auto images = [](const std::string& pdf) {
        const std::string list = run_command("pdfimages -list '" + pdf + "'").out;
        int n = 0;
        for (std::size_t at = list.find(" image "); at != std::string::npos; at = list.find(" image ", at + 1)) ++n;
        return n;
    };
    // (The comments are printed on more than one page: 3 or more.)
    CHECK(images(dir + "/r.pdf") - images(dir + "/plain.pdf") >= 3);
}
