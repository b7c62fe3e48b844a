// The officer's side of a co-production review: three reviewers of the
// Fernside Voices group and one who walked away, their taps stored through
// the kiosk's own store as the review contract says, then
// `easyread review results` read back: its numbers, its notes at the
// document's lines, its PDF, and the sign-off `easyread build` prints.
#include <catch2/catch.hpp>

#include <cairo.h>

#include <algorithm>
#include <cstdint>

#include "base/source_text.hpp"
#include "report/counting/review_results.hpp"
#include "report/outputs/review_marks.hpp"
#include "report/outputs/review_notes.hpp"
#include "report/outputs/review_report.hpp"
#include "tests/report/report_fixture.hpp"
#include "generator/render/page_pictures.hpp"
#include "report/reading/reviewed_documents.hpp"
#include "symbols/bank.hpp"
#include "tests/report/review_fixture.hpp"

using namespace review_test;
using report_test::flat_pdf_text;
using report_test::has_substr;

namespace {

// 1-based line and column where `part` starts in `text`.
std::string line_column(const std::string& text, const std::string& part) {
    std::size_t at = text.find(part);
    REQUIRE(at != std::string::npos);
    int line = 0, column = 0;
    easyread::line_column_of(text, at, line, column);
    return std::to_string(line) + ":" + std::to_string(column);
}

int count_of(const std::string& text, const std::string& part) {
    int n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

// The review: pages `a` (hospital, reablement, worker, ...) and `b` (talk, assessment, ...).
struct Review {
    std::string dir, doc, db;
    LaidOut laid;
    int a = 0, b = 0;
};

Review make_review(const std::string& name) {
    Review r;
    r.dir = fresh_dir(name);
    r.doc = r.dir + "/leaflet.md";
    r.db = r.dir + "/answers.db";
    write_file(r.doc, leaflet_text());
    r.laid = lay_out(r.doc);
    r.a = r.laid.page_of("reablement");
    r.b = r.laid.page_of("assessment");
    REQUIRE(r.a > 0);
    REQUIRE(r.b > r.a);
    REQUIRE(r.laid.page_of("hospital") == r.a);
    const auto& L = r.laid;
    const std::string rea = L.chunk(r.a, "reablement").key, hosp = L.chunk(r.a, "hospital").key,
                      assess = L.chunk(r.b, "assessment").key, worker = L.chunk(r.a, "worker comes").key;
    ReviewFile f(r.db, make_review_survey(r.doc));
    f.label = L.label;
    auto reviewer = [&](const std::string& face_a, const std::string& face_b, const Answers& marks_a,
                        const Answers& marks_b) {
        Answers all = seen_page(L, r.a, marks_a);
        all.emplace_back("page-" + std::to_string(r.a), face_a);
        for (const auto& x : seen_page(L, r.b, marks_b)) all.push_back(x);
        all.emplace_back("page-" + std::to_string(r.b), face_b);
        return all;
    };
    // 1: the word and the picture of the reablement chunk, and "assessment".
    f.add("Fernside Voices", "2027-03-01", false,
          reviewer("sad", "happy", {{rea, "word:reablement;picture:people"}}, {{assess, "word:assessment"}}));
    // 2: the same word with a capital as shown at a sentence's start, and "hospital".
    Answers second = reviewer("middle", "happy", {{rea, "word:Reablement"}, {hosp, "word:hospital"}}, {});
    second.emplace_back("comment-" + std::to_string(r.a), "My name is Jo Bloggs, ring 07700 900123. Long words are hard.");
    f.add("Fernside Voices", "2027-03-02", false, second);
    // 3: tapped the picture and untapped it again (the value lost it), and
    // tapped and untapped "assessment" (nothing marked: seen).
    f.add("Fernside Voices", "2027-03-03", false,
          reviewer("sad", "happy", {{rea, "word:reablement"}}, {{assess, "seen"}}));
    // 4: walked away after page a: kept as unfinished, never counted.
    Answers walked = seen_page(L, r.a, {{worker, "word:worker"}, {rea, "word:reablement"}});
    walked.emplace_back("page-" + std::to_string(r.a), "sad");
    walked.emplace_back("comment-" + std::to_string(r.a), "I had to go");
    f.add("Fernside Voices", "2027-03-04", true, walked);
    // Contract check: every chunk answer carries a page and a 16-digit key.
    REQUIRE(rea.size() == 16);
    return r;
}

}  // namespace

TEST_CASE("review results: exact counts from the answers file, hardest first, and notes at their line:column") {
    Review r = make_review("review-results");
    const std::string before = read_file(r.db);
    CommandResult res = report_test::run_ok("review results '" + r.db + "' --document '" + r.doc + "'");
    // Read only: the answers file is as it was, and nothing was made beside it.
    CHECK(read_file(r.db) == before);
    CHECK(run_command("ls '" + r.dir + "'").out == "answers.db\nleaflet-review.md\nleaflet.md\n");
    INFO(res.out << res.err);
    const std::string& out = res.out;
    // Three finished, one walked away (not counted); the last finished day, not the walk-away's.
    CHECK(has_substr(out, "3 people from Fernside Voices reviewed leaflet.md. The last one finished on 3 March 2027. "
                          "1 more stopped part-way; their answers are not counted."));
    const std::string pa = "Page " + std::to_string(r.a) + ": ", pb = "Page " + std::to_string(r.b) + ": ";
    CHECK(has_substr(out, pa + "Is this page easy to understand? 0 happy, 1 in the middle, 2 sad (3 people)."));
    CHECK(has_substr(out, pb + "Is this page easy to understand? 3 happy, 0 in the middle, 0 sad (3 people)."));
    // "Reablement" and "reablement" are one word; the walk-away's tap is not counted.
    CHECK(has_substr(out, "\"reablement\": 3 of 3 people did not understand it; the picture \"people\": 1 of 3 "
                          "people said it does not help."));
    CHECK(has_substr(out, "\"hospital\": 1 of 3 people did not understand it."));
    CHECK(has_substr(out, "\"assessment\": 1 of 3 people did not understand it."));
    CHECK(has_substr(out, "\"A worker comes to your home every day.\" (line 12): 3 people saw it; no one tapped anything."));
    CHECK_FALSE(has_substr(out, "worker\": "));
    // The comment, with the name and phone number masked; the walk-away's is not counted.
    CHECK(has_substr(out, pa + "Is this page easy to understand? 0 happy, 1 in the middle, 2 sad (3 people).\n"
                          "  Someone wrote: \"My name is [name], ring [phone number]. Long words are hard.\"\n"));
    CHECK_FALSE(has_substr(out, "Jo Bloggs"));
    CHECK_FALSE(has_substr(out, "I had to go"));
    // Hardest first: 3 of 3 before 1 of 3, words before pictures at the same count.
    const std::string hard = out.substr(out.find("Hardest first:"), out.find("\nPage ") - out.find("Hardest first:"));
    CHECK(hard.find("\"reablement\"") < hard.find("\"hospital\""));
    CHECK(hard.find("\"hospital\"") < hard.find("picture \"people\""));
    CHECK(count_of(hard, "\n  ") == 4);

    // The notes, at the word's own line and column in the source.
    const std::string text = leaflet_text();
    const std::string doc = r.doc;
    CHECK(has_substr(res.err, doc + ":" + line_column(text, "reablement. {") +
                                  ": note[reviewers-hard-word]: 3 of 3 reviewers did not understand \"reablement\""));
    CHECK(has_substr(res.err, doc + ":" + line_column(text, "hospital") +
                                  ": note[reviewers-hard-word]: 1 of 3 reviewers did not understand \"hospital\""));
    CHECK(has_substr(res.err, doc + ":" + line_column(text, "assessment") +
                                  ": note[reviewers-hard-word]: 1 of 3 reviewers did not understand \"assessment\""));
    CHECK(has_substr(res.err, doc + ":" + line_column(text, "picture=people") +
                                  ": note[reviewers-picture]: 1 of 3 reviewers said the picture \"people\" does not help"));
    // The page's note at its first chunk (its heading), the whole line.
    const std::string heading = line_column(text, "# Help at home");
    CHECK(has_substr(res.err, doc + ":" + heading.substr(0, heading.find(':')) +
                                  ": note[reviewers-sad-page]: 2 of 3 reviewers chose the sad face for page " +
                                  std::to_string(r.a)));
    CHECK(count_of(res.err, "note[reviewers-") == 5);
    CHECK_FALSE(has_substr(res.err, "warning"));
    // Counted, never named: no respondent or device reaches the output.
    CHECK_FALSE(has_substr(res.out + res.err, "test-kiosk"));

    // JSON: the same numbers.
    CommandResult js = report_test::run_ok("review results '" + r.db + "' --document '" + r.doc + "' --json");
    CHECK(has_substr(js.out, "\"people\": 3,"));
    CHECK(has_substr(js.out, "\"unfinished\": 1,"));
    CHECK(has_substr(js.out, "\"faces\": {\"happy\": 0, \"middle\": 1, \"sad\": 2}"));
    CHECK(has_substr(js.out, "\"seen_by\": 3, \"tapped\": [{\"word\": \"reablement\", \"people\": 3}, "
                             "{\"picture\": \"people\", \"people\": 1}]"));
}

TEST_CASE("review results: the report PDF shows each page's picture and the tapped words, read back with pdftotext") {
    Review r = make_review("review-report");
    const std::string pdf = r.dir + "/review.pdf", html = r.dir + "/review.html";
    report_test::run_ok("review results '" + r.db + "' --document '" + r.doc + "' --report '" + pdf + "' --report '" +
                        html + "'");
    const std::string text = flat_pdf_text(pdf);
    INFO(text);
    CHECK(has_substr(text, "Review of leaflet.md"));
    CHECK(has_substr(text, "Hardest first"));
    CHECK(has_substr(text, "\"reablement\": 3 of 3 people did not understand it (page " + std::to_string(r.a)));
    CHECK(has_substr(text, "Page " + std::to_string(r.b) +
                               " Is this page easy to understand? 3 happy, 0 in the middle, 0 sad (3 people)."));
    // A picture of every page with the document's own chunks.
    const std::string figures = run_command("pdfimages -list '" + pdf + "'").out;
    CHECK(count_of(figures, "\n") >= 2 + 2);
    const std::string page = read_file(html);
    CHECK(count_of(page, "<img src=\"data:image/png;base64,") == 2);
    CHECK(has_substr(page, "&quot;reablement&quot;: 3 of 3 people did not understand it"));
    CHECK(has_substr(page, "alt=\"Page " + std::to_string(r.a) +
                               " of leaflet.md, with the 3 things reviewers tapped framed and numbered 1 to 3\""));
}

TEST_CASE("review sign-off: the contact page says who checked it, from the answers; an edit removes that page's claim") {
    Review r = make_review("review-sign-off");
    const std::string pdf = r.dir + "/leaflet.pdf";
    CommandResult res = report_test::run_ok("review results '" + r.db + "' --document '" + r.doc + "' --sign-off");
    const std::string sign_off = r.dir + "/leaflet.sign-off";
    REQUIRE(has_substr(res.out, "Sign-off written to " + sign_off));
    const std::string file = read_file(sign_off);
    CHECK(has_substr(file, "answers: answers.db\n"));
    CHECK(has_substr(file, "people: 3\n"));

    const std::string pa = std::to_string(r.a), pb = std::to_string(r.b);
    report_test::run_ok("build '" + r.doc + "' -o '" + pdf + "'");
    std::string text = flat_pdf_text(pdf);
    INFO(text);
    // Page a: 2 sad, 1 middle (not easy); page b: 3 happy (easy).
    CHECK(has_substr(text, "Checked by 3 people from the Fernside Voices group on 3 March 2027. "
                           "They found page " + pb + " easy to understand."));
    CHECK_FALSE(has_substr(text, "changed since"));

    // A number typed into the sign-off is not believed: the answers' own count is printed, with a warning.
    std::string edited = file;
    edited.replace(edited.find("people: 3"), 9, "people: 30");
    write_file(sign_off, edited);
    CommandResult built = report_test::run_ok("build '" + r.doc + "' -o '" + pdf + "'");
    CHECK(has_substr(built.err, "warning[sign-off-edited]: this sign-off says people: \"30\", but its answers say \"3\""));
    text = flat_pdf_text(pdf);
    CHECK(has_substr(text, "Checked by 3 people"));
    CHECK_FALSE(has_substr(text, "30 people"));

    // One chunk of page b changes: the claim goes for page b only.
    write_file(r.doc, leaflet_text());
    std::string changed = read_file(r.doc);
    changed.replace(changed.find("You can ask about an assessment."), 32, "You can ask us to check what you need.");
    write_file(r.doc, changed);
    REQUIRE(lay_out(r.doc).page_of("check what you need") == r.b);
    report_test::run_ok("build '" + r.doc + "' -o '" + pdf + "'");
    text = flat_pdf_text(pdf);
    CHECK(has_substr(text, "Checked by 3 people from the Fernside Voices group on 3 March 2027. They checked page " + pa +
                           ". Page " + pb + " has changed since, so it is not checked yet."));
    CHECK_FALSE(has_substr(text, "easy to understand."));
    // The results agree: page b's changed chunk has no results, its others keep theirs.
    CommandResult after = report_test::run_ok("review results '" + r.db + "' --document '" + r.doc + "'");
    CHECK(has_substr(after.out, "\"You can ask us to check what you need.\" (line 25): changed since the review."));
    CHECK(has_substr(after.out, "Page " + pb + ": Part of this page changed since the review"));
    CHECK(has_substr(after.err, "warning[review-changed-since]: 1 of the document's 11 chunks changed"));
    CHECK_FALSE(has_substr(after.err, "\"assessment\""));

    // Changed back: checked again by the same answers, the claim returns.
    write_file(r.doc, leaflet_text());
    report_test::run_ok("build '" + r.doc + "' -o '" + pdf + "'");
    CHECK(has_substr(flat_pdf_text(pdf), "They found page " + pb + " easy to understand."));

    // One group's answers: a name no one typed is refused with the names there are; the group's own sign-off keeps its filter.
    CommandResult nobody = run_easyread("review results '" + r.db + "' --document '" + r.doc + "' --event 'Oak Club'");
    CHECK(nobody.exit_code == 3);
    CHECK(has_substr(nobody.err, "error[no-such-event]: no answers are from a group called \"Oak Club\". Use one of the "
                                 "names exactly as typed at the kiosk: \"Fernside Voices\"."));
    report_test::run_ok("review results '" + r.db + "' --document '" + r.doc + "' --event 'Fernside Voices' --sign-off");
    CHECK(has_substr(read_file(sign_off), "event: Fernside Voices\n"));
    CommandResult clean = report_test::run_ok("build '" + r.doc + "' -o '" + pdf + "'");
    CHECK_FALSE(has_substr(clean.err, "[sign-off"));
    CHECK(has_substr(flat_pdf_text(pdf), "Checked by 3 people from the Fernside Voices group on 3 March 2027."));
}

TEST_CASE("review results: answers from another document's review are warned about and given to nothing") {
    Review r = make_review("review-other");
    const std::string other = r.dir + "/other.md", db = r.dir + "/other.db";
    write_file(other, "---\ntitle: Bins\n---\n\n# Bins\n\nPut your bin out on Monday. {picture=house}\n");
    LaidOut laid = lay_out(other);
    ReviewFile f(db, make_review_survey(other));
    f.label = laid.label;
    Answers a = seen_page(laid, 2, {{laid.chunk(2, "Monday").key, "word:Monday"}});
    a.emplace_back("page-2", "sad");
    f.add("Oak Club", "2027-04-01", false, a);
    CommandResult res = run_easyread("review results '" + db + "' --document '" + r.doc + "'");
    INFO(res.out << res.err);
    CHECK(res.exit_code == 0);
    CHECK(has_substr(res.err, "warning[review-other-document]: these answers are from a review of \"" + laid.label +
                                  "\", not of this document"));
    CHECK_FALSE(has_substr(res.err, "note[reviewers-"));
    CHECK(has_substr(res.out, "there are no results"));
    // A sign-off from them is refused: nothing of this document was reviewed.
    CommandResult signing = run_easyread("review results '" + db + "' --document '" + r.doc + "' --sign-off");
    CHECK(signing.exit_code == 3);
    CHECK(has_substr(signing.err, "error[sign-off-nothing-reviewed]"));
    // Both reviews at once: the other document's file is left out, with a warning naming it.
    CommandResult both = report_test::run_ok("review results '" + r.db + "' '" + db + "' --document '" + r.doc + "'");
    CHECK(has_substr(both.err, db + ": warning[review-other-document]: this file holds answers to \"review-other\", "
                               "not to the review of leaflet.md (\"review-leaflet\"): it is left out"));
    CHECK(has_substr(both.out, "3 people from Fernside Voices reviewed leaflet.md."));
    CHECK_FALSE(has_substr(both.out, "Monday"));
}

TEST_CASE("easyread check --review adds the reviewers' notes to the normal check output, in line order") {
    Review r = make_review("review-check");
    CommandResult res = run_easyread("check '" + r.doc + "' --review '" + r.db + "'");
    INFO(res.out << res.err);
    CHECK(res.exit_code == 0);
    const std::string text = leaflet_text();
    CHECK(has_substr(res.out, r.doc + ":" + line_column(text, "reablement. {") +
                                  ": note[reviewers-hard-word]: 3 of 3 reviewers did not understand \"reablement\""));
    // The checker's own warning about "assessment" and the reviewers' note sit together at its line.
    const std::size_t own = res.out.find(r.doc + ":" + line_column(text, "assessment") + ": warning[unexplained-term]");
    const std::size_t theirs = res.out.find(r.doc + ":" + line_column(text, "assessment") + ": note[reviewers-hard-word]");
    CHECK(own != std::string::npos);
    CHECK(theirs != std::string::npos);
    CHECK(res.out.find(r.doc + ":" + line_column(text, "reablement. {")) < theirs);
}

TEST_CASE("review results: every sentence is made from the counts (all splits of up to 6 reviewers)") {
    const std::string dir = fresh_dir("review-numbers"), doc = dir + "/leaflet.md";
    write_file(doc, leaflet_text());
    const LaidOut laid = lay_out(doc);
    const int a = laid.page_of("reablement");
    const easyread::PageChunk& rea = laid.chunk(a, "reablement");
    const std::string text = leaflet_text();
    for (int people = 1; people <= 6; ++people)
        for (int tapped = 0; tapped <= people; ++tapped)
            for (int happy = 0; happy <= people; happy += std::max(1, people / 2)) {
                easyread::report::ReviewAnswers answers;
                for (int i = 0; i < people; ++i) {
                    easyread::report::ReviewResponse resp;
                    resp.document = laid.label;
                    resp.event = "Fernside Voices";
                    resp.local_date = "2027-03-0" + std::to_string(1 + i % 3);
                    const Answers marks = i < tapped ? Answers{{rea.key, "word:reablement"}} : Answers{};
                    for (const auto& x : seen_page(laid, a, marks)) resp.answers.push_back(x);
                    resp.answers.emplace_back("page-" + std::to_string(a), i < happy ? "happy" : "sad");
                    answers.responses.push_back(resp);
                }
                const auto results = easyread::report::review_results(answers, laid.pages, doc, laid.label);
                const std::string out = easyread::report::review_text(results);
                easyread::Diagnostics notes;
                easyread::report::add_review_notes(results, text, notes);
                INFO(people << " people, " << tapped << " tapped, " << happy << " happy\n" << out << notes.format_all());
                const std::string n = std::to_string(people);
                CHECK(has_substr(out, n + (people == 1 ? " person" : " people") + " from Fernside Voices reviewed leaflet.md."));
                CHECK(has_substr(out, "The last one finished on " + std::to_string(std::min(people, 3)) + " March 2027."));
                CHECK(has_substr(out, "Is this page easy to understand? " + std::to_string(happy) + " happy, 0 in the middle, " +
                                          std::to_string(people - happy) + " sad (" + n +
                                          (people == 1 ? " person" : " people") + ")."));
                CHECK(has_substr(out, "\"reablement\": " + std::to_string(tapped) + " of " + n + " people") == (tapped > 0));
                CHECK(has_substr(notes.format_all(), ": note[reviewers-hard-word]: " + std::to_string(tapped) + " of " + n +
                                                         " reviewers did not understand \"reablement\"") == (tapped > 0));
                CHECK(has_substr(notes.format_all(), "note[reviewers-sad-page]: " + std::to_string(people - happy) + " of " +
                                                         n + " reviewers chose the sad face") == (happy < people));
                CHECK(count_of(notes.format_all(), "note[") == (tapped > 0 ? 1 : 0) + (happy < people ? 1 : 0));
            }
}

TEST_CASE("review report: each tapped word and picture is framed and numbered on the page's picture, where it stands") {
    Review r = make_review("review-marks");
    easyread::symbols::Bank bank;
    easyread::Diagnostics diags;
    REQUIRE(bank.load_bundled(diags));
    easyread::report::ReviewedDocuments docs;
    const std::string label = docs.add_current(r.doc, bank, diags);
    REQUIRE(label == r.laid.label);
    easyread::report::ReviewAnswers answers;
    REQUIRE(easyread::report::read_review_answers({r.db}, r.doc, {}, answers, diags));
    const auto results = easyread::report::review_results(answers, r.laid.pages, r.doc, label);
    auto at = std::find_if(results.pages.begin(), results.pages.end(), [&](const auto& p) { return p.page == r.a; });
    REQUIRE(at != results.pages.end());
    const easyread::report::PageReview& page = *at;
    const auto marks = easyread::report::page_marks(docs.pages(label)->laid_out(), page);
    // hospital, reablement, the picture "people": numbered in reading order, as the report's words number them.
    REQUIRE(marks.size() == 3);
    const std::string words = flat_pdf_text([&] {
        const std::string pdf = r.dir + "/review.pdf";
        report_test::run_ok("review results '" + r.db + "' --document '" + r.doc + "' --report '" + pdf + "'");
        return pdf;
    }());
    CHECK(has_substr(words, "[1] \"hospital\": 1 of 3"));
    CHECK(has_substr(words, "[2] \"reablement\": 3 of 3"));
    CHECK(has_substr(words, "[3] the picture \"people\": 1 of 3"));
    for (int i = 0; i < 3; ++i) CHECK(marks[static_cast<std::size_t>(i)].number == i + 1);
    // The word's frame: one word wide, one line high, on the chunk's line; the picture's: the picture.
    const auto& word = marks[1];
    const auto& laid = docs.pages(label)->laid_out();
    CHECK(word.width > 20);
    CHECK(word.width < 150);
    CHECK(word.height > 10);
    CHECK(word.height < 40);
    bool on_its_text = false, on_its_picture = false;
    for (const auto& item : laid.pages.at(static_cast<std::size_t>(r.a - 1)).items) {
        if (item.chunk != r.laid.chunk(r.a, "reablement").chunk) continue;
        if (item.kind == easyread::ItemKind::Text)
            on_its_text = word.x > item.x && word.x + word.width <= item.x + item.width + 1 && word.y >= item.y - 1 &&
                          word.y + word.height <= item.y + item.height + 1;
        if (item.kind == easyread::ItemKind::Picture)
            on_its_picture = marks[2].x == item.x && marks[2].y == item.y && marks[2].width == item.width;
    }
    CHECK(on_its_text);
    CHECK(on_its_picture);
    // Drawn: the frame's left edge is dark on the picture with marks, white without them (one pixel a point).
    // The darkest pixel just above the word's middle, across where the frame's top is drawn.
    auto darkest = [&] {
        const std::string file = r.dir + "/page.png";
        write_file(file, docs.png(label, r.a, static_cast<int>(laid.geometry.width)));
        cairo_surface_t* s = cairo_image_surface_create_from_png(file.c_str());
        REQUIRE(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS);
        cairo_surface_flush(s);
        const unsigned char* data = cairo_image_surface_get_data(s);
        const int x = static_cast<int>(word.x + word.width / 2);
        int least = 255;
        for (int y = static_cast<int>(word.y) - 7; y < static_cast<int>(word.y); ++y) {
            const std::uint32_t v = *reinterpret_cast<const std::uint32_t*>(data + y * cairo_image_surface_get_stride(s) + x * 4);
            least = std::min(least, static_cast<int>(v & 0xff));  // blue: 255 on white paper
        }
        cairo_surface_destroy(s);
        return least;
    };
    docs.mark(label, r.a, marks);
    CHECK(darkest() < 80);
    docs.mark(label, r.a, {});
    CHECK(darkest() > 200);
}
