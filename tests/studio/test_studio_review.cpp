// A co-production review from the studio: the Review menu's kiosk survey for
// the open document, and its results from a kiosk answers file uploaded
// through the handlers, counted as `easyread review results` counts them.
#include <catch2/catch.hpp>

#include "survey/survey_parser.hpp"
#include "tests/report/report_fixture.hpp"
#include "tests/report/review_fixture.hpp"
#include "tests/studio/app_calls.hpp"

using report_test::has_substr;
using namespace review_test;

TEST_CASE("studio review: the kiosk survey for the open document, then the results of its answers file") {
    AppCalls s;
    const std::string doc = s.dir.file("leaflet.md");
    write_file(doc, leaflet_text());

    auto survey = s.call("GET", "/api/review/survey?doc=leaflet.md");
    INFO(survey.body);
    REQUIRE(survey.status == 200);
    CHECK(survey.get_header_value("Content-Disposition") == "attachment; filename=\"leaflet-review.md\"");
    // The file `easyread review make` writes beside the document.
    const std::string dir = fresh_dir("studio-review");
    write_file(dir + "/leaflet.md", leaflet_text());
    CHECK(survey.body == make_review_survey(dir + "/leaflet.md"));

    // Two reviewers at the kiosk with that survey: "reablement" hard for both.
    const LaidOut laid = lay_out(doc);
    const int page = laid.page_of("reablement");
    const std::string db = dir + "/answers.db";
    {
        ReviewFile f(db, survey.body);
        f.label = laid.label;
        for (const char* day : {"2027-03-02", "2027-03-03"}) {
            Answers a = seen_page(laid, page, {{laid.chunk(page, "reablement").key, "word:reablement"}});
            a.emplace_back("page-" + std::to_string(page), "sad");
            f.add("Fernside Voices", day, false, a);
        }
    }
    auto results = s.upload("/api/review/results?doc=leaflet.md", "review.db", read_file(db));
    INFO(results.body);
    REQUIRE(results.status == 200);
    CHECK(has_substr(results.body, "2 people from Fernside Voices reviewed leaflet.md. The last one finished on 3 March 2027."));
    CHECK(has_substr(results.body, "leaflet.md:10:21: note[reviewers-hard-word]: 2 of 2 reviewers did not understand "
                                   "\\\"reablement\\\""));
    CHECK(has_substr(results.body, "<img src=\\\"data:image/png;base64,"));
    // The server's own paths never reach the page: the document by its name, the upload by its file name.
    CHECK_FALSE(has_substr(results.body, s.dir.path()));
    CHECK_FALSE(has_substr(results.body, "easyread-review-"));

    // Not an answers file: said plainly, nothing counted.
    auto wrong = s.upload("/api/review/results?doc=leaflet.md", "notes.txt", "hello");
    CHECK(wrong.status == 422);
    CHECK(has_substr(wrong.body, "not a kiosk answers file"));
    // Only documents of the folder.
    CHECK(s.call("GET", "/api/review/survey?doc=../leaflet.md").status >= 400);
}
