// The paper questionnaire: consent and who is answering first, then one
// question per half page with its answers to circle.
#include <catch2/catch.hpp>
#include <regex>

#include "tests/report/report_fixture.hpp"

using namespace report_test;

TEST_CASE("the paper form asks consent and who is answering before the questions") {
    std::string dir = fresh_dir("form");
    std::string survey = dir + "/club-day.md", pdf = dir + "/form.pdf", csv = dir + "/template.csv";
    write_file(survey, survey_text(1));
    CommandResult r = run_ok("form '" + survey + "' -o '" + pdf + "' --answers-template '" + csv + "'");
    // Labels wrap inside their boxes: every run of white space counts as one space.
    std::string text = flat_pdf_text(pdf);
    auto at = [&](const std::string& words) {
        auto p = text.find(words);
        INFO(words);
        CHECK(p != std::string::npos);
        return p;
    };
    auto consent = at("Is it OK to keep your answers?");
    auto who = at("Who is answering?");
    auto first = at("Did you like the day?");
    auto last = at("Anything you want to tell us?");
    CHECK(consent < who);
    CHECK(who < first);
    CHECK(first < last);
    at("I am a family carer");
    at("Circle 1 answer.");
    at("Circle every answer you want.");
    at("Write your answer in the box.");
    at("(for staff: column next)");
    at("In the middle");
    at("Thank you");
    // 2 questions a page after the first: consent and who, 4 questions, thanks.
    int pages = pdf_pages(pdf);
    CHECK(pages >= 3);
    CHECK(pages <= 5);
    // The kiosk's last screen is on paper too, and its column is in the template.
    auto anything = at("Anything else you want to tell us?");
    CHECK(last < anything);
    at("(for staff: column anything-else)");
    CHECK(read_file(csv) == "response_id,respondent,day,hear,next,ideas,anything-else\r\n");
}

TEST_CASE("a page-by-page survey gets one question for each page of its document") {
    std::string dir = fresh_dir("form-pages");
    std::string doc = dir + "/leaflet.md", survey = dir + "/leaflet-survey.md", pdf = dir + "/form.pdf";
    write_file(doc, "---\ntitle: A short leaflet\n---\n\n# About us\n\nWe help people. {picture=people}\n");
    write_file(survey, "---\nid: leaflet\nversion: 1\ntitle: Is the leaflet easy?\ndocument: leaflet.md\n---\n\n"
                       "## Is this page easy to understand? {#page each=page picture=document}\n");
    CommandResult r = run_ok("form '" + survey + "' -o '" + pdf + "'");
    std::string text = pdf_text(pdf);
    CHECK(has_substr(text, "Page 1. Is this page easy to understand?"));
    CHECK(has_substr(text, "(for staff: column page-1)"));
    CHECK(has_substr(flat_pdf_text(pdf), "This form is about the document leaflet.md "));  // and its edition
    CHECK(has_substr(r.err, "page-1"));

    // Paper answers to a page question import under the page's own id.
    std::string csv = dir + "/answers.csv", db = dir + "/answers.db";
    write_file(csv, "response_id,respondent,page-1\n1,self,happy\n");
    r = run_ok("import '" + csv + "' --survey '" + survey + "' --db '" + db + "'");
    CHECK(sql_value(db, "SELECT question_id FROM answers") == "page-1");
    CHECK(sql_value(db, "SELECT document FROM responses").rfind("leaflet.md ", 0) == 0);
    // The report names the document and the page each answer is about.
    std::string report = dir + "/report.pdf";
    run_ok("report '" + db + "' -o '" + report + "'");
    CHECK(has_substr(flat_pdf_text(report), "About the document leaflet.md, edition "));
    CHECK(has_substr(flat_pdf_text(report), "Page 1 The 1 person who answered was happy."));
}

TEST_CASE("a survey with errors makes no form") {
    std::string dir = fresh_dir("form-bad");
    std::string survey = dir + "/bad.md";
    write_file(survey, "---\nid: bad\nversion: x\n---\n## Question {#q type=wheel}\n");
    CommandResult r = run_easyread("form '" + survey + "' -o '" + dir + "/form.pdf'");
    CHECK(r.exit_code == 3);
    CHECK(has_substr(r.err, survey + ":"));
    CHECK(run_command("test -e '" + dir + "/form.pdf'").exit_code != 0);
}
