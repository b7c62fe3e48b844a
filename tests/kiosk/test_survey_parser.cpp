#include <catch2/catch.hpp>

#include <memory>

#include "survey/survey_parser.hpp"
#include "symbols/bank.hpp"
#include "symbols/matcher.hpp"
#include "tests/kiosk/test_support.hpp"

using namespace easyread;
using namespace easyread::kiosk;
using namespace easyread::survey;
using kiosk_test::kSmallSurvey;
using kiosk_test::survey_from_text;

namespace {

// Parses text that must be refused; returns the formatted diagnostics.
std::string refused(const std::string& text) {
    Diagnostics diags;
    auto survey = parse_survey(SourceText{"bad.md", text}, diags);
    CHECK_FALSE(survey.has_value());
    CHECK(diags.has_errors());
    return diags.format_all();
}

const char* const kHead = "---\nid: t\nversion: 1\ntitle: T\n---\n";  // body starts on line 6

// The bundled picture bank and its matcher, as the kiosk parses with them.
struct BankParse {
    symbols::Bank bank;
    std::unique_ptr<symbols::Matcher> matcher;
    SurveyParseOptions options;
    BankParse() {
        Diagnostics diags;
        REQUIRE(bank.load_bundled(diags));
        matcher = std::make_unique<symbols::Matcher>(bank);
        options.matcher = matcher.get();
        options.bank = &bank;
    }
};

}  // namespace

TEST_CASE("a valid survey gives questions, built-in answers, help and a hash", "[survey]") {
    Survey s = survey_from_text(kSmallSurvey);
    CHECK(s.id == "small");
    CHECK(s.version == 3);
    CHECK(s.version_line == 3);
    CHECK(s.title == "A small survey");
    CHECK(s.lang == "en-GB");
    CHECK(s.hash.size() == 64);
    REQUIRE(s.questions.size() == 5);

    const Question& meeting = s.questions[0];
    CHECK(meeting.id == "meeting");
    CHECK(meeting.type == QuestionType::Faces3);
    CHECK(meeting.text == "Did you like the meeting today?");
    CHECK(meeting.picture == "meeting");
    CHECK(meeting.help == "Touch a face.");
    CHECK(meeting.line == 8);
    REQUIRE(meeting.options.size() == 4);
    CHECK(meeting.options[0].id == "happy");
    CHECK(meeting.options[1].id == "middle");
    CHECK(meeting.options[2].id == "sad");
    CHECK(meeting.options[2].negative);
    CHECK(meeting.options[3].id == "dont-know");

    const Question& hear = s.questions[1];
    CHECK(hear.type == QuestionType::YesNo);
    REQUIRE(hear.options.size() == 3);  // one "not sure" answer: I don't know
    CHECK(hear.options[0].id == "yes");
    CHECK(hear.options[1].id == "no");
    CHECK(hear.options[2].id == "dont-know");

    const Question& room = s.questions[2];
    CHECK(room.type == QuestionType::ChooseOne);
    REQUIRE(room.options.size() == 3);  // "I don't know" added to every choice
    CHECK(room.options[0].id == "big");
    CHECK(room.options[0].label == "The big room");
    CHECK(room.options[0].line == 15);
    CHECK(room.options[1].id == "little");
    CHECK(room.options[2].id == "dont-know");

    CHECK(s.questions[3].type == QuestionType::ChooseMany);
    CHECK(s.questions[4].type == QuestionType::Comment);
    CHECK(s.questions[4].options.empty());
}

TEST_CASE("ids default to a slug of the words", "[survey]") {
    Survey s = survey_from_text(std::string(kHead) + "## Did you like it?\n\n## Pick one {type=choose-one}\n- Big room\n- Small room\n");
    REQUIRE(s.questions.size() == 2);
    CHECK(s.questions[0].id == "did-you-like-it");
    CHECK(s.questions[1].options[0].id == "big-room");
    CHECK(s.questions[1].options[1].id == "small-room");
}

TEST_CASE("faces5 offers five faces and I don't know", "[survey]") {
    Survey s = survey_from_text(std::string(kHead) + "## How was lunch? {#lunch type=faces5}\n");
    const auto& o = s.questions[0].options;
    REQUIRE(o.size() == 6);
    CHECK(o[0].id == "very-happy");
    CHECK(o[4].id == "very-sad");
    CHECK(o[4].negative);
    CHECK(o[5].id == "dont-know");
}

TEST_CASE("reversed questions treat agreeing as the bad answer", "[survey]") {
    Survey s = survey_from_text(std::string(kHead) + "## Did you feel left out? {#left-out type=yes-no reversed=yes}\n");
    const Question& q = s.questions[0];
    CHECK(q.reversed);
    CHECK(q.find_option("yes")->negative);
    CHECK_FALSE(q.find_option("no")->negative);
    CHECK_FALSE(q.find_option("dont-know")->negative);
}

TEST_CASE("stored values are checked against the question type", "[survey]") {
    Survey s = survey_from_text(kSmallSurvey);
    CHECK(s.find("meeting")->allows_value("happy"));
    CHECK_FALSE(s.find("meeting")->allows_value("yes"));
    CHECK(s.find("hear")->allows_value("not-sure"));  // answers stored before still read
    CHECK(s.find("hear")->find_option("not-sure") == nullptr);
    CHECK(s.find("room")->allows_value("little"));
    CHECK_FALSE(s.find("room")->allows_value("big;little"));
    CHECK(s.find("topics")->allows_value("homes;jobs"));
    CHECK_FALSE(s.find("topics")->allows_value("homes;homes"));
    CHECK_FALSE(s.find("topics")->allows_value("homes;"));
    CHECK(s.find("best")->allows_value("The lunch"));
    CHECK_FALSE(s.find("best")->allows_value(""));
}

TEST_CASE("the hash changes when the file changes", "[survey]") {
    Survey a = survey_from_text(kSmallSurvey);
    Survey b = survey_from_text(std::string(kSmallSurvey) + "\nMore help.\n");
    CHECK(a.hash != b.hash);
    CHECK(a.hash == survey_from_text(kSmallSurvey).hash);
}

TEST_CASE("an unknown type is refused with file, line and the list of types", "[survey][malformed]") {
    std::string out = refused(std::string(kHead) + "## Did you like it? {#like type=stars}\n");
    CHECK(out.find("bad.md:6:1: error[question-type]: \"stars\" is not a question type") != std::string::npos);
    CHECK(out.find("faces3, faces5, yes-no, choose-one, choose-many, comment") != std::string::npos);
}

TEST_CASE("a duplicate question id is refused naming both lines", "[survey][malformed]") {
    std::string out = refused(std::string(kHead) + "## Did you like it? {#like}\n\n## Did you like lunch? {#like}\n");
    CHECK(out.find("bad.md:8:1: error[question-id-duplicate]") != std::string::npos);
    CHECK(out.find("already used on line 6") != std::string::npos);
    CHECK(out.find("{#like-2}") != std::string::npos);
}

TEST_CASE("a duplicate answer id is refused", "[survey][malformed]") {
    std::string out = refused(std::string(kHead) + "## Pick {#pick type=choose-one}\n- Homes {#a}\n- Jobs {#a}\n");
    CHECK(out.find("bad.md:8:1: error[option-id-duplicate]") != std::string::npos);
}

TEST_CASE("a choice question with no answers is refused", "[survey][malformed]") {
    std::string out = refused(std::string(kHead) + "## What next? {#next type=choose-many}\n\nSome help.\n");
    CHECK(out.find("bad.md:6:1: error[options-missing]") != std::string::npos);
    CHECK(out.find("- Homes {#homes picture=house}") != std::string::npos);
}

TEST_CASE("a list under a faces question is refused", "[survey][malformed]") {
    std::string out = refused(std::string(kHead) + "## Did you like it?\n- Yes\n- No\n");
    CHECK(out.find("bad.md:7:1: error[options-not-allowed]") != std::string::npos);
    CHECK(out.find("type=choose-one") != std::string::npos);
}

TEST_CASE("bad front matter is refused", "[survey][malformed]") {
    SECTION("no front matter") {
        std::string out = refused("## Did you like it?\n");
        CHECK(out.find("bad.md:1:1: error[survey-front-matter]: this survey has no front matter") != std::string::npos);
    }
    SECTION("no closing line") {
        std::string out = refused("---\nid: t\nversion: 1\ntitle: T\n## Did you like it?\n");
        CHECK(out.find("bad.md:1:1: error[front-matter]") != std::string::npos);
    }
    SECTION("version is not a number") {
        std::string out = refused("---\nid: t\nversion: two\ntitle: T\n---\n## Did you like it?\n");
        CHECK(out.find("bad.md:3:1: error[survey-version]: the version \"two\" is not a whole number") != std::string::npos);
    }
    SECTION("version missing") {
        std::string out = refused("---\nid: t\ntitle: T\n---\n## Did you like it?\n");
        CHECK(out.find("error[survey-version]: the front matter has no \"version\"") != std::string::npos);
    }
    SECTION("id with spaces") {
        std::string out = refused("---\nid: my survey\nversion: 1\ntitle: T\n---\n## Did you like it?\n");
        CHECK(out.find("bad.md:2:1: error[survey-id]") != std::string::npos);
    }
    SECTION("no title") {
        std::string out = refused("---\nid: t\nversion: 1\n---\n## Did you like it?\n");
        CHECK(out.find("error[survey-title]") != std::string::npos);
    }
}

TEST_CASE("other malformed surveys are refused", "[survey][malformed]") {
    SECTION("no questions") { CHECK(refused(std::string(kHead) + "Just words.\n").find("error[survey-empty]") != std::string::npos); }
    SECTION("reserved id") {
        CHECK(refused(std::string(kHead) + "## Anything else? {#anything-else type=comment}\n").find("error[question-id-reserved]") !=
              std::string::npos);
    }
    SECTION("broken attribute block") {
        CHECK(refused(std::string(kHead) + "## Did you like it? {#like type=\"faces3}\n").find("error[survey-attributes]") !=
              std::string::npos);
    }
    SECTION("each= other than page") {
        CHECK(refused(std::string(kHead) + "## Page? {#p each=slide}\n").find("error[question-each]") != std::string::npos);
    }
    SECTION("reversed= not yes or no") {
        CHECK(refused(std::string(kHead) + "## Fine? {#p reversed=maybe}\n").find("error[question-reversed]") != std::string::npos);
    }
}

TEST_CASE("warnings do not refuse a survey", "[survey]") {
    Diagnostics diags;
    auto s = parse_survey(SourceText{"w.md", std::string(kHead) + "Intro words.\n\n## Fine? {#fine colour=red}\n"}, diags);
    REQUIRE(s.has_value());
    CHECK(diags.count(Severity::Warning) == 2);
    CHECK(diags.format_all().find("w.md:6:1: warning[survey-before-question]") != std::string::npos);
}

TEST_CASE("the matcher chooses missing pictures and the bank checks named ones", "[survey]") {
    BankParse with_bank;
    const symbols::Matcher& matcher = *with_bank.matcher;
    const SurveyParseOptions& options = with_bank.options;
    Diagnostics diags;
    auto s = parse_survey(SourceText{"p.md", std::string(kHead) +
                                                 "## Are you happy with your home?\n\n## Pick {#pick type=choose-one picture=no-such}\n"
                                                 "- Money\n- Xqzv\n"},
                          diags, options);
    REQUIRE(s.has_value());
    // Whatever the matcher picks for the words is what the survey gets.
    auto expect_match = [&](const std::string& words, const std::string& got) {
        symbols::Match m = matcher.best(words);
        CHECK(got == (m.picture ? m.picture->id : std::string()));
    };
    const Question& home = s->questions[0];
    CHECK_FALSE(home.picture.empty());
    CHECK(home.picture_guessed);
    expect_match(home.text, home.picture);
    expect_match("Pick", s->questions[1].picture);  // an unknown id: the words' picture stands in
    expect_match("Money", s->questions[1].options[0].picture);
    CHECK(s->questions[1].options[1].picture.empty());  // nonsense words: nothing fits
    std::string out = diags.format_all();
    CHECK(out.find("p.md:8:1: warning[picture-unknown]") != std::string::npos);
    CHECK(out.find("p.md:10:1: warning[picture-none]: no picture fits \"Xqzv\"") != std::string::npos);
}

TEST_CASE("page questions expand to one question per page", "[survey]") {
    Survey s = survey_from_text(std::string(kHead) + "## Is this page easy? {#page each=page}\n\n## More? {#more type=yes-no}\n");
    CHECK(s.has_page_questions());
    CHECK_FALSE(expand_document_pages(s, 0, "x"));
    REQUIRE(expand_document_pages(s, 3, "leaflet.pdf 3f9a"));
    REQUIRE(s.questions.size() == 4);
    CHECK(s.questions[0].id == "page-1");
    CHECK(s.questions[0].page == 1);
    CHECK(s.questions[2].id == "page-3");
    CHECK(s.questions[3].id == "more");
    CHECK(s.questions[3].page == 0);
    CHECK(s.document_label == "leaflet.pdf 3f9a");
    CHECK_FALSE(s.has_page_questions());
}

TEST_CASE("the bundled surveys parse without errors", "[survey][templates]") {
    for (const char* name : {"templates/surveys/board-event.md", "templates/surveys/easy-to-understand.md"}) {
        Diagnostics diags;
        auto s = load_survey(kiosk_test::source_path(name), diags);
        INFO(name << "\n" << diags.format_all());
        REQUIRE(s.has_value());
        CHECK(diags.count(Severity::Warning) == 0);
        CHECK(s->questions.size() >= 4);
    }
    Diagnostics diags;
    auto board = load_survey(kiosk_test::source_path("templates/surveys/board-event.md"), diags);
    REQUIRE(board);
    for (const char* topic : {"choice-control", "housing", "co-production", "information"}) CHECK(board->find(topic));
    auto pages = load_survey(kiosk_test::source_path("templates/surveys/easy-to-understand.md"), diags);
    REQUIRE(pages);
    CHECK(pages->has_page_questions());
    CHECK(pages->document == "../examples/stocktake.md");
    CHECK(pages->find("hard-words")->reversed);
}

namespace {

// One broken line in an otherwise good survey, and what must be said about it.
struct Broken {
    const char* body;      // after kHead (line 6 on)
    const char* expected;  // "file:line:col: severity[id]" and words that must follow
    const char* words;     // more words the message must hold ("" for none)
};

}  // namespace

TEST_CASE("broken surveys fail loudly with file:line, never show raw markup or a blank button", "[survey][malformed]") {
    BankParse with_bank;
    const symbols::Bank& bank = with_bank.bank;
    const Broken cases[] = {
        {"## Did you like it? {#like picture=meeting\n", "b.md:6:1: error[survey-brace]", "\"Did you like it? {#like picture=meeting\""},
        {"## Did you like it? {#like type=yes-no\n", "b.md:6:1: error[survey-brace]", ""},
        {"## Did you {like} it?\n", "b.md:6:1: error[survey-brace]", ""},
        {"## Did you like it? {#like} today\n", "b.md:6:1: error[survey-brace]", ""},
        {"## Did you like it? #like}\n", "b.md:6:1: error[survey-brace]", ""},
        {"## Pick {#pick type=choose-one}\n- Homes {#homes\n- Jobs\n", "b.md:7:1: error[survey-brace]", "- Homes {#homes picture=house}"},
        {"## Pick {#pick type=choose-one}\n- Homes\n- {#jobs picture=work}\n", "b.md:8:1: error[option-no-words]", "blank"},
        {"## Pick {#pick type=chose-many}\n- Homes\n- Jobs\n", "b.md:6:1: error[question-type]", "Did you mean type=choose-many?"},
        {"## Fine? {#fine type=yesno}\n", "b.md:6:1: error[question-type]", "Did you mean type=yes-no?"},
        {"## Fine? {#fine type=Faces}\n", "b.md:6:1: error[question-type]", "Did you mean type=faces3?"},
        {"## Fine? {#fine type=stars}\n", "b.md:6:1: error[question-type]", "faces3, faces5, yes-no"},
        {"## Is your home warm? {#home picture=huose}\n", "b.md:6:1: warning[picture-unknown]", "Did you mean house"},
        {"## Is your home warm? {#home picture=house-blue}\n", "b.md:6:1: warning[picture-unknown]", "Did you mean house"},
        {"## Pick {#pick type=choose-one}\n- Homes {#homes picture=hous}\n- Jobs\n", "b.md:7:1: warning[picture-unknown]",
         "Did you mean house"},
        {"## Is your home warm? {#home picture=zzzz}\n", "b.md:6:1: warning[picture-unknown]", "easyread pictures --list"},
    };
    for (const Broken& c : cases) {
        Diagnostics diags;
        auto survey = parse_survey(SourceText{"b.md", std::string(kHead) + c.body}, diags, with_bank.options);
        const std::string out = diags.format_all();
        INFO(c.body << "\n" << out);
        const std::size_t at = out.find(c.expected);
        CHECK(at != std::string::npos);
        if (at != std::string::npos) CHECK(out.find(c.words, at) != std::string::npos);
        const bool error = std::string(c.expected).find("error[") != std::string::npos;
        CHECK(survey.has_value() == !error);  // errors refuse the survey, warnings let it run
        if (!survey) continue;
        // What runs shows no markup and no blank button, and every picture it names exists.
        for (const Question& q : survey->questions) {
            CHECK(q.text.find_first_of("{}") == std::string::npos);
            CHECK((q.picture.empty() || bank.find(q.picture)));
            for (const Option& o : q.options) {
                CHECK_FALSE(o.label.empty());
                CHECK(o.label.find_first_of("{}") == std::string::npos);
                CHECK((o.picture.empty() || bank.find(o.picture)));
            }
        }
    }
}

TEST_CASE("a review survey as 'easyread review make' writes it parses, with its page questions", "[survey][review]") {
    BankParse p;
    Diagnostics diags;
    auto s = parse_survey(SourceText{"r/leaflet-review.md", review_survey_text("leaflet", "../leaflet.md")}, diags, p.options);
    REQUIRE(s.has_value());
    CHECK(diags.count(Severity::Warning) == 0);
    CHECK(s->review);
    CHECK(s->id == "review-leaflet");
    CHECK(s->version == 1);
    CHECK(s->document == "../leaflet.md");
    REQUIRE(s->questions.size() == 2);
    CHECK(s->questions[0].id == "page");
    CHECK(s->questions[0].each_page);
    CHECK(s->questions[0].type == QuestionType::Faces3);
    REQUIRE(s->questions[0].options.size() == 3);  // the three faces, no "I don't know"
    CHECK(s->questions[0].options[2].id == "sad");
    CHECK(s->questions[1].id == "comment");
    CHECK(s->questions[1].is_comment());
    REQUIRE(expand_document_pages(*s, 2, "leaflet.md 01234567"));
    CHECK(s->find("page-2") != nullptr);
    CHECK(s->find("comment-1") != nullptr);
    CHECK_FALSE(survey_from_text(kSmallSurvey).review);
}

TEST_CASE("a broken review survey is refused with file, line and the fix", "[survey][review][malformed]") {
    const std::string page = "## Is this page easy to understand? {#page type=faces3 each=page}\n";
    // review: on line 5; with document: too, the first question is on line 9.
    auto head = [](const std::string& extra) { return "---\nid: r\nversion: 1\ntitle: T\n" + extra + "---\n"; };
    std::string out = refused(head("review: maybe\ndocument: d.md\n") + "\n" + page);
    CHECK(out.find("bad.md:5:1: error[survey-review]: review: must be yes or no") != std::string::npos);
    out = refused(head("review: yes\n") + "\n" + page);
    CHECK(out.find("bad.md:5:1: error[review-document]: a review needs the document it asks about. Add \"document: FILE.md\"") !=
          std::string::npos);
    out = refused(head("review: yes\ndocument: d.md\n") + "\n## Did you like it? {#liked}\n");
    CHECK(out.find("bad.md:5:1: error[review-page-question]: a review needs the question asked on every page. Write \"## Is "
                   "this page easy to understand? {#page type=faces3 each=page") != std::string::npos);
    out = refused(head("review: yes\ndocument: d.md\n") + "\n## Is it easy? {#page type=yes-no each=page}\n");
    CHECK(out.find("bad.md:9:1: error[review-page-question]: in a review, the question {#page} must be type=faces3 each=page") !=
          std::string::npos);
    out = refused(head("review: yes\ndocument: d.md\n") + "\n" + page + "## More? {#chunk-words}\n");
    CHECK(out.find("bad.md:10:1: error[review-question-id]: in a review, ids starting \"chunk-\"") != std::string::npos);
    CHECK(out.find("{#words-question}") != std::string::npos);
    // Without review: yes, the same questions are an ordinary survey.
    Diagnostics diags;
    CHECK(parse_survey(SourceText{"ok.md", head("") + "\n## More? {#chunk-words}\n"}, diags).has_value());
}
