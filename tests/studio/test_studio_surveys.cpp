// Kiosk surveys written in the studio: the text the page makes from its
// form read by the kiosk's own parser, problems at their lines, the version
// raised when what the kiosk asks changed (the kiosk refuses a changed
// survey under a version it holds answers for), every kiosk screen in the
// kiosk's order, and the paper form read back with pdftotext.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <regex>

#include "studio/studio_app.hpp"
#include "survey/store.hpp"
#include "survey/survey_parser.hpp"
#include "tests/report/report_fixture.hpp"
#include "tests/studio/app_calls.hpp"
#include "tests/studio/studio_fixture.hpp"

using namespace easyread::studio;
using report_test::has_substr;

namespace {

using Studio = AppCalls;

std::string field(const std::string& json, const std::string& key) {
    std::smatch m;
    if (!std::regex_search(json, m, std::regex("\"" + key + "\":(\"([^\"\\\\]|\\\\.)*\"|-?\\d+|true|false)"))) return {};
    std::string v = m[1];
    return v.front() == '"' ? v.substr(1, v.size() - 2) : v;
}

std::optional<easyread::survey::Survey> parse_file(const std::string& path) {
    easyread::Diagnostics diags;
    auto s = easyread::survey::load_survey(path, diags);
    INFO(diags.format_all());
    return s;
}

}  // namespace

TEST_CASE("a survey saved from the page is the kiosk's survey, its version raised when what it asks changed") {
    Studio s;
    const std::string v1 = report_test::survey_text(1);
    auto put = s.call("PUT", "/api/survey?name=club-day.md", v1, {{"If-Match", "new"}});
    INFO(put.body);
    REQUIRE(put.status == 200);
    CHECK(field(put.body, "survey_version") == "1");
    CHECK(field(put.body, "raised") == "false");
    const std::string path = s.dir.file("surveys/club-day.md");
    REQUIRE(parse_file(path));

    // A kiosk has answers to version 1.
    TempDir kiosk;
    report_test::AnswersFile answers(kiosk.file("kiosk.db"), v1);
    answers.add("Club", "self", report_test::when(5, 1), {{"day", "happy"}});

    // The same words saved again: nothing to raise.
    auto same = s.call("PUT", "/api/survey?name=club-day.md", v1, {{"If-Match", field(put.body, "version")}});
    REQUIRE(same.status == 200);
    CHECK(field(same.body, "raised") == "false");

    // Each kind of change the kiosk would show raises the version by one, once per save.
    const std::vector<std::pair<std::string, std::string>> changes = {
        {"Did you like the day?", "Did you enjoy the day?"},           // a question's words
        {"type=yes-no", "type=faces5"},                                 // its kind
        {"- Games {#games picture=game}\n", ""},                         // an answer taken away
        {"picture=meal", "picture=house"},                              // an answer's picture
        {"title: Tell us about the club day", "title: The club day"},   // the title
    };
    std::string version = field(same.body, "version");
    int expected = 1;
    for (const auto& [from, to] : changes) {
        INFO(from);
        std::string text = read_file(path);
        REQUIRE(text.find(from) != std::string::npos);
        text.replace(text.find(from), from.size(), to);
        auto r = s.call("PUT", "/api/survey?name=club-day.md", text, {{"If-Match", version}});
        INFO(r.body);
        REQUIRE(r.status == 200);
        CHECK(field(r.body, "raised") == "true");
        CHECK(field(r.body, "survey_version") == std::to_string(++expected));
        version = field(r.body, "version");
        auto parsed = parse_file(path);
        REQUIRE(parsed);
        CHECK(parsed->version == expected);
        CHECK(has_substr(parsed->source, to));
    }
    // The kiosk that holds answers to version 1 takes the new file.
    auto parsed = parse_file(path);
    easyread::Diagnostics diags;
    CHECK(answers.store().check_survey(*parsed, diags));
    INFO(diags.format_all());

    // A version written higher by hand is kept.
    std::string text = read_file(path);
    text = std::regex_replace(text, std::regex("version: \\d+"), "version: 20");
    text.replace(text.find("The club day"), 12, "Our club day");
    auto high = s.call("PUT", "/api/survey?name=club-day.md", text, {{"If-Match", version}});
    CHECK(field(high.body, "survey_version") == "20");
    CHECK(field(high.body, "raised") == "false");
}

TEST_CASE("a survey the kiosk cannot read is not saved, and each problem names its line") {
    Studio s;
    std::string text = report_test::survey_text(1);
    text.replace(text.find("type=yes-no"), 11, "type=thumbs");
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(text.find("type=thumbs")), '\n'));
    auto r = s.call("PUT", "/api/survey?name=club-day.md", text, {{"If-Match", "new"}});
    INFO(r.body);
    CHECK(r.status == 422);
    CHECK(has_substr(r.body, "\"line\":" + std::to_string(line)));
    CHECK(has_substr(r.body, "thumbs"));
    CHECK(::access(s.dir.file("surveys/club-day.md").c_str(), F_OK) != 0);
    auto check = s.call("POST", "/api/survey/check", text);
    CHECK(has_substr(check.body, "\"ok\":false"));
    CHECK(has_substr(check.body, "\"line\":" + std::to_string(line)));
    // Names that leave the surveys folder are refused.
    for (const std::string name : {"../x.md", "..%2Fx.md", "a/b.md", ".x.md", "x.txt"})
        CHECK(s.call("PUT", "/api/survey?name=" + name, report_test::survey_text(1), {{"If-Match", "new"}}).status == 400);
}

TEST_CASE("each kiosk screen of a survey comes from the kiosk's own journey, in its order") {
    Studio s;
    auto r = s.call("POST", "/api/survey/check", read_file(source_path("templates/surveys/board-event.md")));
    REQUIRE(r.status == 200);
    INFO(r.body.substr(0, 2000));
    std::vector<std::string> order;
    const std::regex screen("\"screen\":\"([a-z-]+)\"");
    for (auto it = std::sregex_iterator(r.body.begin(), r.body.end(), screen); it != std::sregex_iterator(); ++it)
        order.push_back((*it)[1]);
    auto survey = parse_file(source_path("templates/surveys/board-event.md"));
    REQUIRE(survey);
    std::vector<std::string> expected = {"welcome", "consent", "who-is-answering"};
    for (std::size_t i = 0; i < survey->questions.size(); ++i) expected.push_back("question");
    for (const char* after : {"anything-else", "review", "thank-you"}) expected.push_back(after);
    CHECK(order == expected);
    // Every question's words, as the kiosk titles its screen, in the survey's order.
    std::size_t at = 0;
    for (const auto& q : survey->questions) {
        at = r.body.find("\"title\":\"" + q.text + "\"", at);
        CHECK(at != std::string::npos);
    }
    CHECK(has_substr(r.body, "\"label\":\"Health checks\",\"picture\":\"doctor\""));
}

TEST_CASE("a saved survey downloads as its file and as the easy read paper form") {
    Studio s;
    const std::string text = read_file(source_path("templates/surveys/board-event.md"));
    REQUIRE(s.call("PUT", "/api/survey?name=board-event.md", text, {{"If-Match", "new"}}).status == 200);
    auto md = s.call("GET", "/api/survey/download?name=board-event.md&format=md");
    CHECK(md.body == text);
    auto pdf = s.call("GET", "/api/survey/download?name=board-event.md&format=paper");
    REQUIRE(pdf.status == 200);
    REQUIRE(pdf.body.rfind("%PDF", 0) == 0);
    TempDir out;
    write_file(out.file("form.pdf"), pdf.body);
    const std::string words = report_test::flat_pdf_text(out.file("form.pdf"));
    CHECK(has_substr(words, "Could you hear the people who spoke?"));
    CHECK(has_substr(words, "next-topics"));  // the id printed for whoever types the answers in
    auto csv = s.call("GET", "/api/survey/download?name=board-event.md&format=csv");
    CHECK(has_substr(csv.body, "response_id,respondent,meeting,hear"));
}

TEST_CASE("a page-by-page survey's paper form lays out only a document inside the studio's folder") {
    Studio s;
    TempDir outside;
    const std::string doc = "---\ntitle: Our plan\n---\n\n# Our plan\n\nWe want you to have a good home.\n";
    write_file(outside.file("secret.md"), doc);
    write_file(s.dir.file("plan.md"), doc);
    auto survey = [](const std::string& document) {
        return "---\nid: pages\nversion: 1\ntitle: Is this page easy?\ndocument: " + document +
               "\n---\n\n## Is this page easy to understand? {#page each=page picture=document}\n";
    };
    for (const std::string& away : {outside.file("secret.md"), "../../../../../../../../../.." + outside.path() + "/secret.md"}) {
        INFO(away);
        REQUIRE(s.call("PUT", "/api/survey?name=away.md", survey(away), {{"If-Match", "*"}}).status == 200);
        auto r = s.call("GET", "/api/survey/download?name=away.md&format=paper");
        CHECK(r.status == 422);
        CHECK(has_substr(r.body, "not in this folder"));
    }
    REQUIRE(s.call("PUT", "/api/survey?name=inside.md", survey("../plan.md"), {{"If-Match", "new"}}).status == 200);
    auto r = s.call("GET", "/api/survey/download?name=inside.md&format=csv");
    INFO(r.body);
    CHECK(has_substr(r.body, "response_id,respondent,page-1"));
}
