// Reports made by the real command from answers files with known answers;
// the numbers are read back from the PDF text, the CSV and the JSON.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <regex>
#include <set>

#include "survey/recovery.hpp"
#include "survey/response.hpp"
#include "tests/report/report_fixture.hpp"

using namespace report_test;

namespace {

struct MarchAndMay {
    std::string dir, db;
    MarchAndMay() : dir(fresh_dir("march-may")), db(march_and_may_db(dir)) {}
};

bool has(const std::string& text, const std::string& words) { return text.find(words) != std::string::npos; }

std::string json_number(const std::string& json_path, const std::string& expr) {
    sqlite3* db = nullptr;
    sqlite3_open(":memory:", &db);
    sqlite3_stmt* st = nullptr;
    std::string sql = "SELECT json_valid(?1), json_extract(?1, ?2)";
    sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr);
    std::string text = read_file(json_path);
    sqlite3_bind_text(st, 1, text.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, expr.c_str(), -1, SQLITE_TRANSIENT);
    std::string out = "invalid";
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 1)
        out = sqlite3_column_text(st, 1) ? reinterpret_cast<const char*>(sqlite3_column_text(st, 1)) : "null";
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

}  // namespace

TEST_CASE("the board report PDF gives the counts and plain-word shares of one event") {
    MarchAndMay m;
    std::string pdf = m.dir + "/may.pdf";
    CommandResult r = run_ok("report '" + m.db + "' --event 'May meeting' -o '" + pdf + "'");
    std::string text = flat_pdf_text(pdf);
    CHECK(has(text, "10 people answered at 1 event."));
    CHECK(has(text, "7 out of 10 people were happy."));
    CHECK(has(text, "2 out of 10 people felt in the middle."));
    CHECK(has(text, "1 out of 10 people were sad."));
    CHECK(has(text, "8 out of 10 people said yes."));
    CHECK(has(text, "4 out of 7 people chose music."));  // 7 people answered "next"
    // The change since March, the event before.
    CHECK(has(text, "Since the event before: at May meeting (9 May 2024), 7 out of 10 people were happy. "
                    "At March meeting (14 March 2024), 5 out of 10 people were happy."));
    // The summary page at the front: what people liked most and least, said the same way.
    CHECK(has(text, "Summary"));
    CHECK(has(text, "What people liked most:"));
    CHECK(has(text, "What people liked least:"));
    {
        const std::string summary = text.substr(0, text.find("Who answered"));
        CHECK(has(summary, "Did you like the day? 7 out of 10 people were happy."));
        CHECK(has(summary, "Could you hear everyone? 8 out of 10 people said yes."));
        CHECK(summary.find("Could you hear everyone?") == summary.rfind("Could you hear everyone?"));  // once
    }
    CHECK(has(text, "A bigger share of people were happy than at the event before: 7 out of 10 now, 5 out of 10 before."));
    // Bars carry their numbers; who answered is counted by group.
    std::string layout = pdf_text(pdf, true);
    CHECK(std::regex_search(layout, std::regex("Happy\\s+7\\b")));
    CHECK(std::regex_search(layout, std::regex("In the middle\\s+2\\b")));
    CHECK(std::regex_search(layout, std::regex("Family carers\\s+2\\b")));
    CHECK(std::regex_search(layout, std::regex("People answering for themselves\\s+6\\b")));
    // Comments are all there, grouped under their question, with contact details hidden.
    CHECK(has(text, "Anything you want to tell us?"));
    CHECK(has(text, "3 people wrote something."));
    CHECK(has(text, "Ring me on [phone number] please"));
    CHECK(has(text, "Email me at [email address], I live in [postcode]"));
    CHECK_FALSE(has(text, "07700"));
    CHECK_FALSE(has(text, "example.org"));
    CHECK_FALSE(has(text, "CV1 2AB"));
    CHECK_FALSE(has(text, "not complete"));
}

TEST_CASE("the report of every event adds the events up") {
    MarchAndMay m;
    std::string pdf = m.dir + "/all.pdf", html = m.dir + "/all.html";
    CommandResult r = run_ok("report '" + m.db + "' -o '" + pdf + "' -o '" + html + "'");
    std::string text = flat_pdf_text(pdf);
    CHECK(has(text, "20 people answered at 2 events."));
    CHECK(has(text, "6 out of 10 people were happy."));  // 12 of 20
    CHECK(has(text, "7 out of 10 people said yes."));    // 14 of 20
    std::string layout = pdf_text(pdf, true);
    CHECK(std::regex_search(layout, std::regex("Happy\\s+12\\b")));
    CHECK(std::regex_search(layout, std::regex("March meeting\\s+14 March 2024\\s+10\\s+0\\s+0\\s+0\\s+0\\s+10")));
    // The HTML says the same, with each chart as a table of numbers.
    std::string h = read_file(html);
    CHECK(has(h, "<html lang=\"en-GB\">"));
    CHECK(has(h, "6 out of 10 people were happy."));
    CHECK(std::regex_search(h, std::regex("<th scope=\"row\">Happy</th><td class=\"bar\">.*?<span class=\"count\">12</span>")));
    CHECK(pdf_pages(pdf) >= 3);
}

TEST_CASE("the CSV has one row per answer, a byte order mark, and no formulas") {
    MarchAndMay m;
    std::string csv = m.dir + "/may.csv";
    CommandResult r = run_ok("report '" + m.db + "' --event 'May meeting' -o '" + csv + "'");
    std::string bytes = read_file(csv);
    CHECK(bytes.compare(0, 3, "\xEF\xBB\xBF") == 0);
    auto rows = csv_rows(csv);
    REQUIRE(!rows.empty());
    CHECK(rows[0] == std::vector<std::string>{"response_id", "survey_id", "survey_version", "event", "respondent",
                                              "source", "started_at", "finished_at", "local_date", "zone",
                                              "question_id", "answer", "answer_words", "finished"});
    // May: 10 day + 10 hear + 7 next + 3 ideas answers.
    CHECK(rows.size() == 1 + 30);
    int happy = 0, music = 0;
    std::set<std::string> people;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        REQUIRE(rows[i].size() == 14);
        CHECK(rows[i][13] == "yes");
        CHECK(rows[i][1] == "club-day");
        CHECK(rows[i][2] == "1");
        CHECK(rows[i][3] == "May meeting");
        // The day and zone where it was given, beside the UTC time (10:00 UTC on 9 May is 9 May in any zone the tests run in).
        CHECK(rows[i][7].compare(0, 11, "2024-05-09T") == 0);
        CHECK(rows[i][8] == "2024-05-09");
        CHECK_FALSE(rows[i][9].empty());
        people.insert(rows[i][0]);
        if (rows[i][10] == "day" && rows[i][11] == "happy") ++happy;
        if (rows[i][10] == "next" && rows[i][11].find("music") != std::string::npos) ++music;
        if (rows[i][10] == "next" && rows[i][11] == "music;food") CHECK(rows[i][12] == "Music; Food");
        for (const auto& cell : rows[i]) CHECK(std::string("=+-@\t\r").find(cell.empty() ? 'x' : cell[0]) == std::string::npos);
    }
    CHECK(happy == 7);
    CHECK(music == 4);
    CHECK(people.size() == 10);
    CHECK(has(bytes, "'=HYPERLINK("));
    CHECK(has(bytes, "Ring me on [phone number] please"));
}

TEST_CASE("the JSON holds the totals and every response") {
    MarchAndMay m;
    std::string json = m.dir + "/all.json";
    CommandResult r = run_ok("report '" + m.db + "' -o '" + json + "'");
    CHECK(json_number(json, "$.responses_total") == "20");
    CHECK(json_number(json, "$.complete") == "1");
    CHECK(json_number(json, "$.by_group.carer") == "2");
    CHECK(json_number(json, "$.questions[0].id") == "day");
    CHECK(json_number(json, "$.questions[0].groups[0].counts.happy") == "12");
    CHECK(json_number(json, "$.questions[1].groups[0].counts.no") == "6");
    CHECK(json_number(json, "$.events[1].name") == "May meeting");
    CHECK(json_number(json, "$.responses[19].response_id").size() == 36);
    CHECK(json_number(json, "$.responses[20]") == "null");
    // Every response with its answers: 5 + 1 of the 20 said sad (March and May).
    CHECK(json_number(json, "$.questions[0].groups[0].counts.sad") == "6");
    const std::string text = read_file(json);
    std::size_t sad = 0;
    for (std::size_t at = text.find("\"answers\":{\"day\":\"sad\""); at != std::string::npos;
         at = text.find("\"answers\":{\"day\":\"sad\"", at + 1))
        ++sad;
    CHECK(sad == 6);
}

TEST_CASE("dates limit the report to whole days") {
    MarchAndMay m;
    std::string csv = m.dir + "/march.csv";
    CommandResult r = run_ok("report '" + m.db + "' --from 2024-03-01 --to 2024-03-31 -o '" + csv + "'");
    auto rows = csv_rows(csv);
    for (std::size_t i = 1; i < rows.size(); ++i) CHECK(rows[i][3] == "March meeting");
    CHECK(rows.size() == 1 + 10 + 10 + 3);
    CHECK(run_easyread("report '" + m.db + "' --from 2024-31-03 -o x.csv").exit_code == 2);
}

TEST_CASE("answers waiting in a recovery file are counted, and a damaged line makes the report say it is not complete") {
    std::string dir = fresh_dir("recovery");
    std::string db = dir + "/answers.db";
    {
        AnswersFile f(db, survey_text(1));
        f.add_many(4, "June meeting", "self", 6, 1, {{"day", "happy"}});
        easyread::survey::Response waiting;
        waiting.uuid = easyread::survey::new_uuid();
        waiting.survey_id = "club-day";
        waiting.survey_version = 1;
        waiting.survey_hash = f.survey().hash;
        waiting.event = "June meeting";
        waiting.device_id = "k";
        waiting.respondent = "carer";
        waiting.started_at = waiting.finished_at = when(6, 1, 50);
        waiting.answers = {{"day", "sad"}};
        std::string error;
        REQUIRE(easyread::survey::append_recovery(db + ".recovery.jsonl", waiting, error));
    }
    std::string pdf = dir + "/r.pdf";
    CommandResult r = run_ok("report '" + db + "' -o '" + pdf + "'");
    std::string text = flat_pdf_text(pdf);
    CHECK(has(text, "5 people answered at 1 event."));
    CHECK(has(text, "1 out of 5 people were sad."));
    CHECK_FALSE(has(text, "not complete"));

    write_file(db + ".recovery.jsonl", read_file(db + ".recovery.jsonl") + "{\"uuid\":\"half a line\n");
    r = run_easyread("report '" + db + "' -o '" + pdf + "'");
    REQUIRE(r.exit_code == 0);
    text = flat_pdf_text(pdf);
    CHECK(has(text, "This report is not complete"));
    CHECK(has(text, "1 saved answers in"));
    CHECK(has(text, "not complete: see page 1"));  // on every page's foot
    CHECK(has(r.err, "not complete"));
}

TEST_CASE("survey versions: the same question is counted together, a changed one apart") {
    std::string dir = fresh_dir("versions");
    std::string db = dir + "/answers.db";
    {
        AnswersFile v1(db, survey_text(1, "Did you like it?"));
        v1.add_many(4, "March meeting", "self", 3, 14, {{"day", "happy"}, {"hear", "yes"}});
    }
    {
        AnswersFile v2(db, survey_text(2, "Did you like the club day?"));
        v2.add_many(6, "May meeting", "self", 5, 9, {{"day", "sad"}, {"hear", "no"}});
    }
    std::string pdf = dir + "/v.pdf", json = dir + "/v.json";
    CommandResult r = run_ok("report '" + db + "' -o '" + pdf + "' -o '" + json + "'");
    std::string text = flat_pdf_text(pdf);
    CHECK(has(text, "The answers come from 2 versions of the survey: version 2 (6 people) and version 1 (4 people)."));
    CHECK(has(text, "Did you like the club day?"));
    CHECK(has(text, "Did you like it?"));
    CHECK(has(text, "Other versions asked this in other words or with other answers"));
    CHECK(has(text, "All 6 people were sad."));
    CHECK(has(text, "All 4 people were happy."));
    CHECK(has(text, "10 of 10 people answered it. Asked in versions 1 and 2 of the survey."));
    CHECK_FALSE(has(text, "Question \"hear\""));  // no internal ids in what people read
    CHECK_FALSE(has(text, "club-day"));
    CHECK(json_number(json, "$.questions[0].groups[1].versions[0]") == "1");
    CHECK(json_number(json, "$.questions[1].groups[0].counts.no") == "6");
    CHECK(json_number(json, "$.questions[1].groups[0].counts.yes") == "4");
}

TEST_CASE("the HTML board report passes axe-core's accessibility checks in Chromium") {
    MarchAndMay m;
    std::string html = m.dir + "/board.html";
    run_ok("report '" + m.db + "' -o '" + html + "'");
    // The same checker as the generator's HTML (tests/html: node, playwright-core, axe-core, Debian's chromium).
    CommandResult axe = run_command("node '" + source_path("tests/html/axe-check.mjs") + "' '" + html + "'");
    INFO("needs node and chromium, and 'npm ci' in tests/html (scripts/run-tests does it)\n" << axe.out << axe.err);
    CHECK(axe.exit_code == 0);
    CHECK(has(axe.out + axe.err, " 0 failed"));
}

TEST_CASE("a report reads a file a kiosk is still writing to, and leaves a closed file as it was") {
    std::string dir = fresh_dir("live");
    std::string db = dir + "/answers.db";
    std::string csv = dir + "/live.csv";
    {
        AnswersFile kiosk(db, survey_text(1));  // stays open, as a running kiosk's store does
        kiosk.add_many(3, "June meeting", "self", 6, 1, {{"day", "happy"}});
        run_ok("report '" + db + "' -o '" + csv + "'");
        CHECK(csv_rows(csv).size() == 1 + 3);
        kiosk.add_many(2, "June meeting", "self", 6, 1, {{"day", "sad"}});
        run_ok("report '" + db + "' -o '" + csv + "'");
        CHECK(csv_rows(csv).size() == 1 + 5);
    }
    // Closed: reading it again changes no byte and leaves nothing beside it.
    const std::string bytes = read_file(db);
    run_ok("report '" + db + "' -o '" + csv + "'");
    CHECK(read_file(db) == bytes);
    CHECK(run_command("test -e '" + db + "-wal' || test -e '" + db + "-shm'").exit_code != 0);
}

// Every "Each answer at the two events" table of a report has the words
// introducing it ("Since the event before") above it on its own page.
int check_change_tables(const std::string& pdf) {
    const int pages = pdf_pages(pdf);
    int tables = 0;
    for (int p = 1; p <= pages; ++p) {
        CommandResult page = run_command("pdftotext -f " + std::to_string(p) + " -l " + std::to_string(p) + " '" +
                                         pdf + "' - | tr -s ' \\n' '  '");
        REQUIRE(page.exit_code == 0);
        for (std::size_t at = page.out.find("Each answer at the two events: "); at != std::string::npos;
             at = page.out.find("Each answer at the two events: ", at + 10)) {
            ++tables;
            INFO(pdf << " page " << p << ": " << page.out);
            CHECK(page.out.rfind("Since the event before", at) != std::string::npos);
        }
    }
    return tables;
}

TEST_CASE("the change since the event before stays on one page with its table, which names its question") {
    MarchAndMay m;
    std::string pdf = m.dir + "/board.pdf";
    run_ok("report '" + m.db + "' -o '" + pdf + "'");
    CHECK(check_change_tables(pdf) >= 2);  // every question with answers at both events
    // Surveys of other shapes: questions with up to 9 answers after 0 to 3
    // others, so the tables fall at every place on a page.
    std::string dir = fresh_dir("change-tables");
    for (int before = 0; before <= 3; ++before)
        for (int options : {4, 7, 9}) {
            std::string text = "---\nid: shapes\nversion: 1\ntitle: Shapes\n---\n\n";
            for (int q = 0; q < before; ++q)
                text += "## Did you like part " + std::to_string(q + 1) + "? {#part" + std::to_string(q) + "}\n\n";
            text += "## What should we talk about next time? {#next type=choose-many}\n\n";
            for (int o = 0; o < options; ++o)
                text += "- Topic number " + std::to_string(o + 1) + " {#t" + std::to_string(o) + "}\n";
            const std::string name = dir + "/shape-" + std::to_string(before) + "-" + std::to_string(options);
            {
                AnswersFile file(name + ".db", text);
                for (int month : {3, 5})
                    for (int person = 0; person < 6; ++person) {
                        Answers answers;
                        for (int q = 0; q < before; ++q) answers.push_back({"part" + std::to_string(q), "happy"});
                        answers.push_back({"next", "t" + std::to_string(person % options)});
                        file.add(month == 3 ? "March" : "May", "self", when(month, 9, person), answers);
                    }
            }
            run_ok("report '" + name + ".db' -o '" + name + ".pdf'");
            CHECK(check_change_tables(name + ".pdf") == before + 1);
        }
}

TEST_CASE("numbers in the HTML report's tables stay whole on a phone, in Chromium") {
    std::string dir = fresh_dir("html-numbers");
    std::string db = dir + "/answers.db", html = dir + "/board.html";
    {
        AnswersFile file(db, survey_text(1));
        file.add_many(116, "March meeting", "self", 3, 14, {{"day", "happy"}, {"hear", "yes"}});
        file.add_many(1234, "May meeting", "carer", 5, 9, {{"day", "sad"}, {"hear", "no"}});
    }
    run_ok("report '" + db + "' -o '" + html + "'");
    CommandResult r = run_command("node '" + source_path("tests/html/number-cells-check.mjs") + "' '" + html + "' '" +
                                  dir + "/phone.png'");
    INFO("needs node and chromium, and 'npm ci' in tests/html\n" << r.out << r.err);
    CHECK(r.exit_code == 0);
}
