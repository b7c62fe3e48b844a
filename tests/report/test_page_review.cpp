// A page-by-page review ("Is this page easy to understand?" for each page of
// an easy read document), as a communications officer runs it: forms from
// two events, the document changed between them, then the board report.
#include <catch2/catch.hpp>

#include "tests/report/report_fixture.hpp"

using namespace report_test;

namespace {

std::string leaflet(const std::string& first_words) {
    std::string md = "---\ntitle: Our day centre\n---\n\n# About us\n\n" + first_words + " {picture=people}\n\n";
    for (const char* part : {"Where we are", "What we do", "How to find us"})
        md += std::string("# ") + part + "\n\nWe are open every day. {picture=house}\n\nCome and see us. {picture=meeting}\n\n";
    return md;
}

// Text between `from` and the next `to` (or the end).
std::string between(const std::string& text, const std::string& from, const std::string& to) {
    std::size_t a = text.find(from);
    if (a == std::string::npos) return {};
    std::size_t b = text.find(to, a + from.size());
    return text.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

int count_of(const std::string& text, const std::string& part) {
    int n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
    return n;
}

}  // namespace

TEST_CASE("a page-by-page review names each edition of its document, hardest page first, never mixed") {
    std::string dir = fresh_dir("page-review");
    std::string doc = dir + "/leaflet.md", survey = dir + "/leaflet-survey.md", db = dir + "/answers.db";
    write_file(survey, "---\nid: leaflet\nversion: 1\ntitle: Is the leaflet easy?\ndocument: leaflet.md\n---\n\n"
                       "## Is this page easy to understand? {#page each=page picture=document}\n");
    // July: the first edition; page 2 is the hard one.
    write_file(doc, leaflet("We help people."));
    run_command("cp '" + doc + "' '" + dir + "/leaflet-july.md'");
    write_file(dir + "/july.csv", "response_id,respondent,page-1,page-2\n1,self,happy,sad\n2,carer,happy,sad\n"
                                  "3,self,middle,happy\n");
    run_ok("import '" + dir + "/july.csv' --survey '" + survey + "' --db '" + db + "' --event July --date 2026-07-10");
    // September: the words of page 1 changed, so this is a new edition; now page 1 is hard.
    write_file(doc, leaflet("We help people who live in Millbrook."));
    write_file(dir + "/sept.csv", "response_id,respondent,page-1,page-2\n1,self,sad,happy\n2,self,sad,happy\n");
    run_ok("import '" + dir + "/sept.csv' --survey '" + survey + "' --db '" + db + "' --event September --date 2026-09-10");
    const std::string july = sql_value(db, "SELECT document FROM responses WHERE event = 'July' LIMIT 1");
    const std::string sept = sql_value(db, "SELECT document FROM responses WHERE event = 'September' LIMIT 1");
    REQUIRE(july.rfind("leaflet.md ", 0) == 0);
    REQUIRE(sept.rfind("leaflet.md ", 0) == 0);
    REQUIRE(july != sept);

    // The survey's document is found beside the answers file: that is September's edition only.
    std::string pdf = dir + "/report.pdf", html = dir + "/report.html";
    CommandResult r = run_ok("report '" + db + "' -o '" + pdf + "' -o '" + html + "'");
    CHECK(has_substr(r.err, "warning[document-not-found]"));
    CHECK(has_substr(r.err, july));
    std::string text = flat_pdf_text(pdf);
    CHECK(has_substr(text, "The document's pages The document changed between events, so people saw 2 editions of it"));
    const std::string july_part = between(text, "edition " + july.substr(11), "About the document");
    const std::string sept_part = between(text, "edition " + sept.substr(11), "About the document");
    INFO(text);
    REQUIRE_FALSE(july_part.empty());
    REQUIRE_FALSE(sept_part.empty());
    // The newest edition first; in each, the hardest page first, with its own counts only.
    CHECK(text.find(sept_part) < text.find(july_part));
    CHECK(july_part.find("Page 2") < july_part.find("Page 1"));
    CHECK(has_substr(july_part, "3 people looked at its pages"));
    CHECK(has_substr(july_part, "Page 2 2 out of 3 people were happy") == false);
    CHECK(has_substr(july_part, "2 out of 3 people were sad."));
    CHECK(sept_part.find("Page 1") < sept_part.find("Page 2"));
    CHECK(has_substr(sept_part, "2 people looked at its pages"));
    CHECK(has_substr(sept_part, "Page 1 All 2 people were sad."));
    // The front summary names the hardest page of the newest edition.
    CHECK(has_substr(text, "The hardest page of the document: Page 1 of leaflet.md. All 2 people chose Sad."));
    // Pictures of September's pages only: its 2 pages (plus the cover and
    // contents the document has) are drawn, July's are not guessed from the changed file.
    CommandResult images = run_command("pdfimages -list '" + pdf + "' | tail -n +3 | wc -l");
    REQUIRE(images.exit_code == 0);
    CHECK(std::stoi(images.out) == 2);
    std::string page = read_file(html);
    CHECK(count_of(page, "<img src=\"data:image/png;base64,") == 2);
    CHECK(has_substr(page, "alt=\"Page 1 of the document, small\""));
    CommandResult axe = run_command("node '" + source_path("tests/html/axe-check.mjs") + "' '" + html + "'");
    INFO("needs node and chromium, and 'npm ci' in tests/html (scripts/run-tests does it)\n" << axe.out << axe.err);
    CHECK(axe.exit_code == 0);

    // The easy read "You said" tells members the newest edition's hardest
    // pages in one part, not a part for every page.
    run_ok("report '" + db + "' --easy-read -o '" + dir + "/you-said.md'");
    std::string said = read_file(dir + "/you-said.md");
    CHECK(has_substr(said, "# Our document leaflet\n"));
    CHECK(has_substr(said, "Page 1: All 2 people were sad. {picture=sad}"));
    CHECK_FALSE(has_substr(said, "# Page "));

    // The JSON keeps the two editions' page 1 apart, each naming its edition.
    run_ok("report '" + db + "' -o '" + dir + "/answers.json'");
    std::string json = read_file(dir + "/answers.json");
    CHECK(has_substr(json, "\"document\":\"" + july + "\""));
    CHECK(has_substr(json, "\"document\":\"" + sept + "\""));

    // The CSV names each page's answer in words, made alone (counted as it is
    // written, before the pages are laid out) or beside the JSON alike.
    run_ok("report '" + db + "' -o '" + dir + "/alone.csv'");
    run_ok("report '" + db + "' -o '" + dir + "/both.csv' -o '" + dir + "/both.json'");
    const std::string alone = read_file(dir + "/alone.csv");
    CHECK(alone == read_file(dir + "/both.csv"));
    CHECK(has_substr(alone, ",page-1,happy,Happy,yes\r\n"));
    CHECK(has_substr(alone, ",page-2,sad,Sad,yes\r\n"));

    // Given the July file as it was, both editions have pictures.
    r = run_ok("report '" + db + "' -o '" + pdf + "' --document '" + dir + "/leaflet-july.md'");
    CHECK_FALSE(has_substr(r.err, "document-not-found"));
    images = run_command("pdfimages -list '" + pdf + "' | tail -n +3 | wc -l");
    CHECK(std::stoi(images.out) == 4);

    // A file no one reviewed is never pictured in place of the edition people saw.
    write_file(dir + "/other.md", leaflet("Something else entirely."));
    r = run_ok("report '" + db + "' -o '" + pdf + "' --document '" + dir + "/other.md'");
    CHECK(has_substr(r.err, dir + "/other.md: warning[document-other-edition]"));
}
