// Merging kiosks' files and importing paper answers, on real files.
#include <catch2/catch.hpp>
#include <dirent.h>

#include <fstream>
#include <set>

#include "survey/response.hpp"
#include "tests/report/report_fixture.hpp"

using namespace report_test;

namespace {

std::set<std::string> files_in(const std::string& dir) {
    std::set<std::string> names;
    if (DIR* d = opendir(dir.c_str())) {
        while (dirent* e = readdir(d)) names.insert(e->d_name);
        closedir(d);
    }
    return names;
}

const char* const kGoodCsv =
    "response_id,respondent,day,hear,next,ideas\r\n"
    "1,self,happy,yes,music;food,\r\n"
    "2,carer,sad,no,,\"Too hot, open a window\"\r\n"
    "3,,middle,,games,\r\n";

}  // namespace

TEST_CASE("merge keeps each response once and never changes its inputs") {
    std::string dir = fresh_dir("merge");
    std::string a = dir + "/kiosk-a.db", b = dir + "/kiosk-b.db", all = dir + "/all.db";
    std::vector<std::string> shared;
    {
        AnswersFile fa(a, survey_text(1));
        for (int i = 0; i < 10; ++i) shared.push_back(fa.add("May meeting", "self", when(5, 9, i), {{"day", "happy"}}));
        AnswersFile fb(b, survey_text(1));
        for (int i = 0; i < 4; ++i) fb.add("May meeting", "self", when(5, 9, i), {{"day", "happy"}}, shared[static_cast<std::size_t>(i)]);
        fb.add_many(2, "May meeting", "carer", 5, 9, {{"day", "sad"}, {"ideas", "More music"}});
        // Staff set a PIN on each kiosk: its hash must never travel in a merged file.
        REQUIRE(fa.store().set_setting("pin_hash", "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA"));
        REQUIRE(fb.store().set_setting("pin_hash", "$argon2id$v=19$m=65536,t=2,p=1$c2FsdQ$aGFzaQ"));
    }
    const std::string a_bytes = read_file(a), b_bytes = read_file(b);
    const auto before = files_in(dir);

    CommandResult r = run_ok("merge '" + a + "' '" + b + "' -o '" + all + "'");
    CHECK(sql_value(all, "SELECT COUNT(*) FROM responses") == "12");
    CHECK(sql_value(all, "SELECT COUNT(*) FROM answers") == "14");
    CHECK(sql_value(all, "SELECT COUNT(*) FROM surveys") == "1");
    CHECK(sql_value(all, "PRAGMA journal_mode") == "delete");  // one file for a memory stick
    CHECK(sql_value(all, "SELECT COUNT(*) FROM settings WHERE key = 'pin_hash'") == "0");
    CHECK(read_file(all).find("argon2id") == std::string::npos);
    CHECK(has_substr(r.err, "4 found in more than one file"));
    // The inputs are byte for byte as they were, and nothing new sits beside them.
    CHECK(read_file(a) == a_bytes);
    CHECK(read_file(b) == b_bytes);
    auto after = files_in(dir);
    after.erase("all.db");
    CHECK(after == before);

    // A report over both files counts the same 12 people.
    std::string csv = dir + "/both.csv";
    REQUIRE(run_easyread("report '" + a + "' '" + b + "' -o '" + csv + "'").exit_code == 0);
    std::set<std::string> people;
    for (const auto& row : csv_rows(csv)) people.insert(row[0]);
    CHECK(people.size() == 1 + 12);

    // Merge never writes over a file.
    const std::string all_bytes = read_file(all);
    r = run_easyread("merge '" + a + "' -o '" + all + "'");
    CHECK(r.exit_code == 4);
    CHECK(has_substr(r.err, "already exists"));
    CHECK(read_file(all) == all_bytes);
}

TEST_CASE("import adds typed-up paper answers once, however often it runs") {
    std::string dir = fresh_dir("import");
    std::string survey = dir + "/club-day.md", csv = dir + "/answers.csv", db = dir + "/answers.db";
    write_file(survey, survey_text(1));
    write_file(csv, kGoodCsv);
    std::string args = "import '" + csv + "' --survey '" + survey + "' --db '" + db + "' --event 'Paper forms' --date 2024-05-09";
    CommandResult r = run_ok(args);
    CHECK(has_substr(r.err, "3 responses added"));
    CHECK(sql_value(db, "SELECT COUNT(*) FROM responses WHERE source = 'paper' AND event = 'Paper forms'") == "3");
    CHECK(sql_value(db, "SELECT uuid FROM responses WHERE respondent = 'carer'") ==
          easyread::survey::uuid_from_name("club-day:event:Paper forms@2024-05-09:2"));
    CHECK(sql_value(db, "SELECT respondent FROM responses WHERE uuid = '" + easyread::survey::uuid_from_name("club-day:event:Paper forms@2024-05-09:3") + "'") == "not-said");
    CHECK(sql_value(db, "SELECT value FROM answers WHERE question_id = 'ideas'") == "Too hot, open a window");
    CHECK(sql_value(db, "SELECT COUNT(*) FROM answers") == "8");  // empty cells are not answers
    CHECK(sql_value(db, "SELECT substr(finished_at, 1, 10) FROM responses LIMIT 1") == "2024-05-09");

    r = run_easyread(args);
    REQUIRE(r.exit_code == 0);
    CHECK(has_substr(r.err, "0 responses added"));
    CHECK(has_substr(r.err, "3 were already there"));
    CHECK(sql_value(db, "SELECT COUNT(*) FROM responses") == "3");

    // The report reads them like kiosk answers.
    std::string pdf = dir + "/paper.pdf";
    REQUIRE(run_easyread("report '" + db + "' -o '" + pdf + "'").exit_code == 0);
    CHECK(has_substr(pdf_text(pdf), "1 out of 3 people were happy."));
}

TEST_CASE("a bad row is reported with file, line and column, and nothing from the file goes in") {
    std::string dir = fresh_dir("import-bad");
    std::string survey = dir + "/club-day.md", db = dir + "/answers.db";
    write_file(survey, survey_text(1));
    std::string good = dir + "/good.csv";
    write_file(good, "response_id,respondent,day\n1,self,happy\n");
    REQUIRE(run_easyread("import '" + good + "' --survey '" + survey + "' --db '" + db + "'").exit_code == 0);

    std::string bad = dir + "/bad.csv";
    write_file(bad, "response_id,respondent,day,next\n"
                    "2,self,sad,music\n"
                    "3,self,hapy,music;jobs\n"
                    "4,friend,happy,\n"
                    "2,self,happy,\n");
    CommandResult r = run_easyread("import '" + bad + "' --survey '" + survey + "' --db '" + db + "'");
    CHECK(r.exit_code == 3);
    CHECK(has_substr(r.err, bad + ":3:8: error[bad-answer]: \"hapy\" is not an answer to question \"day\""));
    CHECK(has_substr(r.err, bad + ":3:13: error[bad-answer]: \"music;jobs\" is not an answer to question \"next\""));
    CHECK(has_substr(r.err, bad + ":4:3: error[bad-respondent]"));
    CHECK(has_substr(r.err, bad + ":5:1: error[response-id-twice]"));
    CHECK(has_substr(r.err, "nothing from " + bad + " was imported"));
    CHECK(sql_value(db, "SELECT COUNT(*) FROM responses") == "1");  // line 2 was good, but not imported either

    std::string unknown = dir + "/unknown.csv";
    write_file(unknown, "response_id,respondent,day,wheels\n5,self,happy,yes\n");
    r = run_easyread("import '" + unknown + "' --survey '" + survey + "' --db '" + db + "'");
    CHECK(r.exit_code == 3);
    CHECK(has_substr(r.err, unknown + ":1:28: error[unknown-question]: there is no question \"wheels\""));
    CHECK(has_substr(r.err, "day, hear, next, ideas"));
    CHECK(sql_value(db, "SELECT COUNT(*) FROM responses") == "1");
}

TEST_CASE("import refuses a changed survey that keeps its version number") {
    std::string dir = fresh_dir("import-version");
    std::string survey = dir + "/club-day.md", csv = dir + "/a.csv", db = dir + "/answers.db";
    write_file(csv, "response_id,respondent,day\n1,self,happy\n");
    write_file(survey, survey_text(1));
    REQUIRE(run_easyread("import '" + csv + "' --survey '" + survey + "' --db '" + db + "'").exit_code == 0);
    write_file(survey, survey_text(1, "Was the day good?"));
    write_file(csv, "response_id,respondent,day\n2,self,happy\n");
    CommandResult r = run_easyread("import '" + csv + "' --survey '" + survey + "' --db '" + db + "'");
    CHECK(r.exit_code == 3);
    CHECK(has_substr(r.err, "error[survey-changed]"));
    CHECK(sql_value(db, "SELECT COUNT(*) FROM responses") == "1");
}

TEST_CASE("paper forms from a later event are kept, though they are numbered from 1 again") {
    std::string dir = fresh_dir("import-events");
    std::string survey = dir + "/club-day.md", july = dir + "/july.csv", sept = dir + "/september.csv",
                db = dir + "/answers.db";
    write_file(survey, survey_text(1));
    write_file(july, "response_id,respondent,day\n1,self,happy\n2,carer,sad\n3,self,happy\n");
    write_file(sept, "response_id,respondent,day\n1,self,middle\n2,self,middle\n");
    const std::string common = " --survey '" + survey + "' --db '" + db + "'";
    CommandResult r = run_ok("import '" + july + "'" + common + " --event 'Club day' --date 2024-07-09");
    CHECK(has_substr(r.err, "3 responses added"));
    r = run_ok("import '" + sept + "'" + common + " --event 'Club day' --date 2024-09-10");
    CHECK(has_substr(r.err, "(event \"Club day\", 2024-09-10): 2 responses added"));
    CHECK(sql_value(db, "SELECT COUNT(*) FROM responses") == "5");
    CHECK(sql_value(db, "SELECT COUNT(*) FROM answers WHERE value = 'middle'") == "2");
    // The same file for the same event again adds nothing.
    r = run_ok("import '" + sept + "'" + common + " --event 'Club day' --date 2024-09-10");
    CHECK(has_substr(r.err, "0 responses added"));
    CHECK(has_substr(r.err, "2 were already there"));
    CHECK(sql_value(db, "SELECT COUNT(*) FROM responses") == "5");
    // Forms with no event: each batch (file name and day) is its own.
    std::string loose = dir + "/loose.csv";
    write_file(loose, "response_id,respondent,day\n1,staff,sad\n");
    r = run_ok("import '" + loose + "'" + common + " --date 2024-10-01");
    CHECK(has_substr(r.err, "(no event, 2024-10-01): 1 response added"));
    r = run_ok("import '" + loose + "'" + common + " --date 2024-10-01");
    CHECK(has_substr(r.err, "0 responses added"));
    CHECK(has_substr(r.err, "1 was already there"));
    CHECK(sql_value(db, "SELECT COUNT(*) FROM responses") == "6");

    // The report counts every one of them.
    std::string csv = dir + "/all.csv";
    run_ok("report '" + db + "' -o '" + csv + "'");
    std::set<std::string> people;
    for (const auto& row : csv_rows(csv)) people.insert(row[0]);
    CHECK(people.size() == 1 + 6);
}

TEST_CASE("a corrected paper form is refused with its line and difference, and replaced with --replace") {
    std::string dir = fresh_dir("import-correct");
    std::string survey = dir + "/club-day.md", csv = dir + "/forms.csv", db = dir + "/answers.db";
    write_file(survey, survey_text(1));
    write_file(csv, kGoodCsv);
    const std::string args = "import '" + csv + "' --survey '" + survey + "' --db '" + db + "' --event 'May' --date 2024-05-09";
    run_ok(args);
    const std::string before = sql_value(db, "SELECT group_concat(value, '|') FROM (SELECT value FROM answers ORDER BY response_uuid, position)");
    // Form 2 was typed wrong: the carer was happy, and had no comment.
    write_file(csv, "response_id,respondent,day,hear,next,ideas\r\n"
                    "1,self,happy,yes,music;food,\r\n"
                    "2,carer,happy,no,,\r\n"
                    "3,,middle,,games,\r\n"
                    "4,self,sad,,,\r\n");
    CommandResult r = run_easyread(args);
    CHECK(r.exit_code == 3);
    CHECK(has_substr(r.err, csv + ":3:1: error[paper-conflict]: form 2 was imported before with other answers: "
                                  "day was \"sad\", now \"happy\"; ideas was \"Too hot, open a window\", now empty"));
    CHECK(has_substr(r.err, "--replace"));
    CHECK(has_substr(r.err, "nothing from " + csv + " was imported"));
    CHECK(sql_value(db, "SELECT COUNT(*) FROM responses") == "3");  // form 4 is not added either
    CHECK(sql_value(db, "SELECT group_concat(value, '|') FROM (SELECT value FROM answers ORDER BY response_uuid, position)") == before);

    r = run_ok(args + " --replace");
    CHECK(has_substr(r.err, "1 response added"));
    CHECK(has_substr(r.err, "2 were already there"));
    CHECK(has_substr(r.err, "1 response replaced with the corrected answers (--replace): form 2"));
    CHECK(sql_value(db, "SELECT COUNT(*) FROM responses") == "4");
    CHECK(sql_value(db, "SELECT value FROM answers WHERE question_id = 'day' AND response_uuid = (SELECT uuid FROM responses WHERE respondent = 'carer')") == "happy");
    CHECK(sql_value(db, "SELECT COUNT(*) FROM answers WHERE question_id = 'ideas'") == "0");
    // A respondent typed wrong is a difference too.
    write_file(csv, "response_id,respondent,day,hear,next,ideas\r\n1,staff,happy,yes,music;food,\r\n");
    r = run_easyread(args);
    CHECK(r.exit_code == 3);
    CHECK(has_substr(r.err, ":2:1: error[paper-conflict]: form 1 was imported before with other answers: respondent was self, now staff"));
}

TEST_CASE("forms imported before the event was part of their identity are still known") {
    std::string dir = fresh_dir("import-earlier");
    std::string survey = dir + "/club-day.md", csv = dir + "/forms.csv", db = dir + "/answers.db";
    write_file(survey, survey_text(1));
    {
        AnswersFile file(db, survey_text(1));
        easyread::survey::Response r;
        r.uuid = easyread::survey::uuid_from_name("club-day:7");
        r.survey_id = "club-day";
        r.survey_version = 1;
        r.survey_hash = file.survey().hash;
        r.event = "May";
        r.device_id = "paper";
        r.source = "paper";
        r.respondent = "self";
        r.started_at = r.finished_at = "2024-05-09T11:00:00.000Z";
        r.answers = {{"day", "happy"}};
        std::string error;
        REQUIRE(file.store().save_all({r}, error));
    }
    write_file(csv, "response_id,respondent,day\n7,self,happy\n");
    CommandResult r = run_ok("import '" + csv + "' --survey '" + survey + "' --db '" + db + "' --event May --date 2024-05-09");
    CHECK(has_substr(r.err, "0 responses added"));
    CHECK(sql_value(db, "SELECT COUNT(*) FROM responses") == "1");
}

TEST_CASE("small things: dates with no answers, the summary of one event, 'dont-know' with other choices") {
    std::string dir = fresh_dir("small-things");
    std::string db = march_and_may_db(dir);
    CommandResult r = run_easyread("report '" + db + "' --from 2025-01-01 --to 2025-01-31 -o '" + dir + "/none.pdf'");
    CHECK(r.exit_code == 3);
    CHECK(has_substr(r.err, "error[no-answers-in-dates]: there are no answers from 1 January 2025 to 31 January 2025"));
    r = run_easyread("report '" + db + "' --from 2025-01-01 --to 2025-01-31 -o '" + dir + "/none.csv'");
    CHECK(r.exit_code == 3);
    CHECK(has_substr(r.err, "error[no-answers-in-dates]: there are no answers from 1 January 2025 to 31 January 2025"));
    CHECK_FALSE(std::ifstream(dir + "/none.csv").good());
    r = run_ok("report '" + db + "' --event 'May meeting' -o '" + dir + "/may.pdf'");
    CHECK(has_substr(r.err, "10 people, 1 event, "));
    std::string survey = dir + "/club-day.md", csv = dir + "/mixed.csv";
    write_file(survey, survey_text(1));
    write_file(csv, "response_id,respondent,next\n1,self,dont-know;music\n");
    r = run_easyread("import '" + csv + "' --survey '" + survey + "' --db '" + dir + "/paper.db'");
    CHECK(r.exit_code == 3);
    CHECK(has_substr(r.err, csv + ":2:8: error[bad-answer]"));
}

TEST_CASE("the same paper forms imported on two days without --date add nothing the second time") {
    std::string dir = fresh_dir("import-two-days");
    std::string survey = dir + "/club-day.md", csv = dir + "/forms.csv", db = dir + "/answers.db";
    write_file(survey, survey_text(1));
    write_file(csv, kGoodCsv);
    // Two time zones 25 hours apart: the import's "today" is a different day in each.
    for (const std::string event : {" --event 'May meeting'", ""}) {
        std::remove(db.c_str());
        const std::string args = "import '" + csv + "' --survey '" + survey + "' --db '" + db + "'" + event;
        CommandResult first = run_command("TZ=Pacific/Kiritimati '" EASYREAD_EXE "' " + args);
        INFO(first.err);
        REQUIRE(first.exit_code == 0);
        CHECK(has_substr(first.err, "3 responses added"));
        CommandResult second = run_command("TZ=Pacific/Pago_Pago '" EASYREAD_EXE "' " + args);
        INFO(second.err);
        REQUIRE(second.exit_code == 0);
        CHECK(has_substr(second.err, "0 responses added"));
        CHECK(sql_value(db, "SELECT COUNT(*) FROM responses") == "3");
    }
}

TEST_CASE("merging one response held with different answers in two files is a conflict shown with both versions, in any order") {
    std::string dir = fresh_dir("merge-conflict");
    std::string old_db = dir + "/old.db", fixed_db = dir + "/fixed.db";
    const std::string uuid = easyread::survey::uuid_from_name("club-day:event:May@2024-05-09:2");
    {
        AnswersFile a(old_db, survey_text(1));
        a.add("May", "carer", when(5, 9), {{"day", "sad"}}, uuid);
        a.add("May", "self", when(5, 9, 1), {{"day", "happy"}});
        AnswersFile b(fixed_db, survey_text(1));
        b.add("May", "carer", when(5, 9), {{"day", "happy"}}, uuid);  // the corrected form
    }
    for (int order = 0; order < 2; ++order) {
        std::string out = dir + "/all-" + std::to_string(order) + ".db";
        std::string files = order == 0 ? "'" + old_db + "' '" + fixed_db + "'" : "'" + fixed_db + "' '" + old_db + "'";
        CommandResult r = run_easyread("merge " + files + " -o '" + out + "'");
        INFO(r.err);
        CHECK(r.exit_code == 3);
        CHECK(has_substr(r.err, "error[merge-conflict]"));
        CHECK(has_substr(r.err, uuid));
        CHECK(has_substr(r.err, "day=sad"));
        CHECK(has_substr(r.err, "day=happy"));
        CHECK(has_substr(r.err, old_db));
        CHECK(has_substr(r.err, fixed_db));
        CHECK_FALSE(std::ifstream(out).good());  // nothing written, whichever file came first
        // A report decides as merge does: neither version is marked as the correction, so it counts neither.
        const std::string json = dir + "/report-" + std::to_string(order) + ".json";
        r = run_easyread("report " + files + " -o '" + json + "'");
        INFO(r.err);
        CHECK(r.exit_code == 3);
        CHECK(has_substr(r.err, "error[report-conflict]: response " + uuid + " is also in "));
        CHECK(has_substr(r.err, "day=sad"));
        CHECK(has_substr(r.err, "day=happy"));
        CHECK(has_substr(r.err, old_db));
        CHECK(has_substr(r.err, fixed_db));
        CHECK_FALSE(std::ifstream(json).good());
        // The same for a CSV alone, which is counted as it is written: it is not kept.
        const std::string csv = dir + "/report-" + std::to_string(order) + ".csv";
        r = run_easyread("report " + files + " -o '" + csv + "'");
        CHECK(r.exit_code == 3);
        CHECK(has_substr(r.err, "error[report-conflict]: response " + uuid));
        CHECK_FALSE(std::ifstream(csv).good());
    }
}

TEST_CASE("a paper form corrected with import --replace wins a merge in either order, and both versions are shown") {
    std::string dir = fresh_dir("merge-correction");
    const std::string survey = dir + "/club-day.md", csv = dir + "/forms.csv", fixed_csv = dir + "/fixed.csv";
    const std::string first_db = dir + "/first.db", fixed_db = dir + "/fixed.db", kiosk_db = dir + "/kiosk.db";
    write_file(survey, survey_text(1));
    write_file(csv, kGoodCsv);
    std::string fixed = kGoodCsv;  // form 2 was typed up wrongly: sad should be happy
    fixed.replace(fixed.find("2,carer,sad"), 11, "2,carer,happy");
    write_file(fixed_csv, fixed);
    const std::string common = " --survey '" + survey + "' --event 'May' --date 2024-05-09";
    run_ok("import '" + csv + "' --db '" + first_db + "'" + common);
    REQUIRE(run_command("cp '" + first_db + "' '" + fixed_db + "'").exit_code == 0);  // a copy went to the office
    CommandResult r = run_ok("import '" + fixed_csv + "' --db '" + fixed_db + "'" + common + " --replace");
    INFO(r.err);
    const std::string uuid = easyread::survey::uuid_from_name("club-day:event:May@2024-05-09:2");
    CHECK(sql_value(fixed_db, "SELECT corrected_at <> '' FROM responses WHERE uuid = '" + uuid + "'") == "1");
    CHECK(sql_value(fixed_db, "SELECT COUNT(*) FROM responses WHERE corrected_at <> ''") == "1");
    { AnswersFile(kiosk_db, survey_text(1)).add_many(2, "May", "self", 5, 9, {{"day", "happy"}}); }

    for (int order = 0; order < 2; ++order) {
        std::string out = dir + "/all-" + std::to_string(order) + ".db";
        std::string files = order == 0 ? "'" + first_db + "' '" + kiosk_db + "' '" + fixed_db + "'"
                                       : "'" + fixed_db + "' '" + kiosk_db + "' '" + first_db + "'";
        r = run_easyread("merge " + files + " -o '" + out + "'");
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        CHECK(has_substr(r.err, "warning[merge-correction]: response " + uuid));
        CHECK(has_substr(r.err, "in " + fixed_db + " is kept (respondent carer; day=happy"));
        CHECK(has_substr(r.err, "not the answers in " + first_db + " (respondent carer; day=sad"));
        CHECK(has_substr(r.err, "5 responses from 3 files"));
        CHECK(has_substr(r.err, "1 kept as corrected"));
        CHECK(sql_value(out, "SELECT value FROM answers WHERE response_uuid = '" + uuid + "' AND question_id = 'day'") ==
              "happy");
        CHECK(sql_value(out, "SELECT COUNT(*) FROM responses") == "5");
        CHECK(sql_value(out, "SELECT COUNT(*) FROM answers WHERE response_uuid = '" + uuid + "'") == "3");

        // A report of the same files counts the version merge keeps, says so, and gives the merged file's numbers.
        const std::string json = dir + "/report-" + std::to_string(order) + ".json";
        const std::string merged_json = dir + "/merged-" + std::to_string(order) + ".json";
        r = run_easyread("report " + files + " -o '" + json + "'");
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        CHECK(has_substr(r.err, "warning[report-correction]: response " + uuid));
        CHECK(has_substr(r.err, "in " + fixed_db + " is counted (respondent carer; day=happy"));
        CHECK(has_substr(r.err, "not the answers in " + first_db + " (respondent carer; day=sad"));
        run_ok("report '" + out + "' -o '" + merged_json + "'");
        auto counts = [](const std::string& text) {  // from the totals to the list of responses
            std::size_t from = text.find("\"responses_total\""), to = text.find("\"responses\":[");
            return from == std::string::npos || to == std::string::npos ? std::string("none") : text.substr(from, to - from);
        };
        const std::string made = read_file(json);
        CHECK(counts(made) == counts(read_file(merged_json)));
        CHECK(has_substr(made, "\"responses_total\":5,"));
        CHECK(has_substr(made, "\"counts\":{\"happy\":4,\"middle\":1,\"sad\":0,"));
        CHECK(has_substr(made, "\"response_id\":\"" + uuid + "\""));
    }
}
