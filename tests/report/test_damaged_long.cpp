// Comments and names as damaged or third-party files hold them, comments of
// any length, events that share a name, and files a kiosk left behind when it
// stopped: each as a person running the report meets it.
#include <sqlite3.h>
#include <dirent.h>

#include <catch2/catch.hpp>
#include <map>

#include "tests/report/report_fixture.hpp"

using namespace report_test;

namespace {

void exec(const std::string& db_path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(db_path.c_str(), &db) == SQLITE_OK);
    char* error = nullptr;
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    INFO((error ? error : ""));
    sqlite3_free(error);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
}

// Every file in `dir` with its size and bytes.
std::map<std::string, std::string> listing(const std::string& dir) {
    std::map<std::string, std::string> files;
    if (DIR* d = opendir(dir.c_str())) {
        while (dirent* e = readdir(d)) {
            std::string name = e->d_name;
            if (name != "." && name != "..") files[name] = read_file(dir + "/" + name);
        }
        closedir(d);
    }
    return files;
}

std::string names_of(const std::map<std::string, std::string>& files) {
    std::string s;
    for (const auto& [name, bytes] : files) s += name + " (" + std::to_string(bytes.size()) + " bytes)\n";
    return s;
}

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
    return n;
}

}  // namespace

TEST_CASE("damaged text in an answers file is made valid once, and every output stays readable") {
    std::string dir = fresh_dir("damaged-text");
    std::string db = dir + "/answers.db";
    {
        AnswersFile file(db, survey_text(1));
        file.add("May meeting", "self", when(5, 9), {{"day", "happy"}, {"ideas", "bad-bytes"}});
        file.add("May meeting", "self", when(5, 9, 1), {{"day", "happy"}, {"ideas", "has-nul"}});
        file.add("May meeting", "self", when(5, 9, 2), {{"day", "sad"}, {"ideas", "has-rlo"}});
    }
    // As a damaged or third-party file holds them: invalid UTF-8, a NUL, a right-to-left override.
    exec(db, "UPDATE answers SET value = CAST(X'48656C6C6F20FF20776F726C64' AS TEXT) WHERE value = 'bad-bytes';"
             "UPDATE answers SET value = CAST(X'6265666F7265006166746572207468652074656120627265616B' AS TEXT) WHERE value = 'has-nul';"
             "UPDATE answers SET value = CAST(X'7475726E20E280AE7468697320617267756D656E74' AS TEXT) WHERE value = 'has-rlo';"
             "UPDATE responses SET event = CAST(X'4D6179C3206D656574696E67' AS TEXT);");
    std::string out = dir + "/out";
    REQUIRE(run_command("mkdir '" + out + "'").exit_code == 0);
    run_ok("report '" + db + "' -o '" + out + "'");
    const std::string fffd = "\xEF\xBF\xBD";
    const std::string pdf = flat_pdf_text(out + "/board-report.pdf");
    CHECK(has_substr(pdf, "Hello " + fffd + " world"));
    CHECK(has_substr(pdf, "beforeafter the tea break"));
    CHECK(has_substr(pdf, "turn this argument"));
    CHECK(has_substr(pdf, "May" + fffd + " meeting"));  // the event name is not blank
    for (const char* name : {"board-report.html", "answers.csv", "answers.json"}) {
        INFO(name);
        const std::string text = read_file(out + "/" + name);
        CHECK(has_substr(text, "Hello " + fffd + " world"));
        CHECK(has_substr(text, "beforeafter the tea break"));
        CHECK(has_substr(text, "turn this argument"));
        CHECK_FALSE(has_substr(text, "\xE2\x80\xAE"));
        CHECK_FALSE(has_substr(text, std::string("\xFF", 1)));
        CHECK(has_substr(text, "May" + fffd + " meeting"));
    }
    // The JSON is valid JSON.
    CommandResult json = run_command("python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d[\"responses\"]))' '" +
                                     out + "/answers.json'");
    CHECK(json.exit_code == 0);
    CHECK(has_substr(json.out, "3"));
}

TEST_CASE("long comments flow across pages and wrap at any width, longer than 10,000 characters they are shortened in the PDF only") {
    std::string dir = fresh_dir("long-comments");
    std::string db = dir + "/answers.db";
    std::string numbered;  // "w0001 w0002 ... w1600": 9,600 characters, some pages long
    for (int i = 1; i <= 1600; ++i) {
        char w[16];  // room for any int, so no optimisation level warns
        std::snprintf(w, sizeof w, "w%04d ", i);
        numbered += w;
    }
    numbered += "END-OF-NUMBERED";
    const std::string unspaced(3000, 'y');  // one word wider than any page
    std::string too_long;
    while (too_long.size() < 12000) too_long += "lorem ipsum ";
    too_long += "END-OF-TOO-LONG";
    const std::string huge = std::string(1000000, 'z') + "END-OF-HUGE";
    {
        AnswersFile file(db, survey_text(1));
        file.add("May meeting", "self", when(5, 9), {{"day", "happy"}, {"ideas", numbered}});
        file.add("May meeting", "self", when(5, 9, 1), {{"day", "happy"}, {"ideas", unspaced}});
        file.add("May meeting", "self", when(5, 9, 2), {{"day", "happy"}, {"ideas", too_long}});
        file.add("May meeting", "self", when(5, 9, 3), {{"day", "happy"}, {"ideas", huge}});
        file.add("May meeting", "self", when(5, 9, 4), {{"day", "happy"}, {"ideas", "Short and sweet"}});
    }
    std::string pdf = dir + "/report.pdf", csv = dir + "/answers.csv";
    run_ok("report '" + db + "' -o '" + pdf + "' -o '" + csv + "'");
    const std::string text = flat_pdf_text(pdf);
    // Every word of the 9,600-character comment, in order, and nothing after it lost.
    std::size_t at = 0;
    int found = 0;
    for (int i = 1; i <= 1600; ++i) {
        char w[16];  // room for any int, so no optimisation level warns
        std::snprintf(w, sizeof w, "w%04d", i);
        std::size_t next = text.find(w, at);
        if (next == std::string::npos) break;
        at = next;
        ++found;
    }
    CHECK(found == 1600);
    CHECK(has_substr(text, "END-OF-NUMBERED"));
    CHECK(has_substr(text, "Short and sweet"));
    // The word with no spaces is printed whole, broken across lines.
    CHECK(count_of(text, "y") >= 3000);
    const std::string lines = pdf_text(pdf);
    std::size_t longest = 0, start = 0;
    for (std::size_t nl = lines.find('\n'); nl != std::string::npos; start = nl + 1, nl = lines.find('\n', start))
        longest = std::max(longest, nl - start);
    CHECK(longest < 200);  // a line a page wide, not 3,000 letters overprinted
    // Longer than 10,000 characters: shortened, saying where the rest is.
    CHECK(count_of(text, "(the whole comment is in the CSV)") == 2);
    CHECK_FALSE(has_substr(text, "END-OF-TOO-LONG"));
    CHECK_FALSE(has_substr(text, "END-OF-HUGE"));
    CHECK(count_of(text, "z") >= 10000 - 5);
    CHECK(count_of(text, "z") <= 10000);
    const std::string csv_text = read_file(csv);
    CHECK(has_substr(csv_text, "END-OF-TOO-LONG"));
    CHECK(has_substr(csv_text, "END-OF-HUGE"));
    CHECK(pdf_pages(pdf) >= 5);
}

TEST_CASE("an event is its name and day: the same name on two days is two events, compared one with the other") {
    std::string dir = fresh_dir("same-name");
    std::string db = dir + "/answers.db";
    {
        AnswersFile file(db, survey_text(1));
        file.add_many(4, "Club day", "self", 3, 14, {{"day", "sad"}});
        file.add_many(6, "Club day", "self", 5, 9, {{"day", "happy"}});
    }
    std::string pdf = dir + "/report.pdf", json = dir + "/report.json";
    run_ok("report '" + db + "' -o '" + pdf + "' -o '" + json + "'");
    const std::string text = flat_pdf_text(pdf);
    CHECK(has_substr(text, "Club day 14 March 2024"));
    CHECK(has_substr(text, "Club day 9 May 2024"));
    CHECK(has_substr(text, "Since the event before"));
    CHECK_FALSE(has_substr(text, "There was only one event"));
    const std::string j = read_file(json);
    CHECK(has_substr(j, "\"day\":\"2024-03-14\""));
    CHECK(has_substr(j, "\"day\":\"2024-05-09\""));
}

TEST_CASE("a crashed kiosk's file (answers and log, no index) is read without a byte changed or a file added beside it") {
    std::string dir = fresh_dir("crashed");
    std::string live = dir + "/live.db";
    std::string stick = dir + "/stick";
    REQUIRE(run_command("mkdir '" + stick + "'").exit_code == 0);
    {
        AnswersFile kiosk(live, survey_text(1));  // open, as when the power went
        kiosk.add_many(7, "June meeting", "self", 6, 1, {{"day", "happy"}});
        // What the memory stick holds after the crash: the file and its log, never the index.
        REQUIRE(run_command("cp '" + live + "' '" + stick + "/answers.db' && cp '" + live + "-wal' '" + stick +
                            "/answers.db-wal'").exit_code == 0);
    }
    const auto before = listing(stick);
    INFO("before:\n" << names_of(before));
    REQUIRE(before.size() == 2);
    REQUIRE(before.at("answers.db-wal").size() > 0);
    const std::string db = stick + "/answers.db";
    std::string csv = dir + "/answers.csv", pdf = dir + "/report.pdf", all = dir + "/all.db";
    run_ok("report '" + db + "' -o '" + csv + "' -o '" + pdf + "'");
    CHECK(csv_rows(csv).size() == 1 + 7);  // the answers only the log held are counted
    run_ok("merge '" + db + "' -o '" + all + "'");
    CHECK(sql_value(all, "SELECT COUNT(*) FROM responses") == "7");
    const auto after = listing(stick);
    INFO("after:\n" << names_of(after));
    CHECK(after == before);
}

TEST_CASE("answers left part-way at a kiosk are counted apart, kept in the CSV and JSON, and kept by merge") {
    std::string dir = fresh_dir("unfinished");
    std::string db = dir + "/answers.db";
    {
        AnswersFile file(db, survey_text(1));
        file.add_many(3, "May meeting", "self", 5, 9, {{"day", "happy"}});
        file.add_many(2, "May meeting", "carer", 5, 9, {{"day", "sad"}});
    }
    exec(db, "UPDATE responses SET unfinished = 1 WHERE respondent = 'carer'");
    std::string pdf = dir + "/r.pdf", json = dir + "/r.json", csv = dir + "/r.csv", all = dir + "/all.db";
    run_ok("report '" + db + "' -o '" + pdf + "' -o '" + json + "' -o '" + csv + "'");
    const std::string text = flat_pdf_text(pdf);
    CHECK(has_substr(text, "3 people answered at 1 event."));
    CHECK(has_substr(text, "2 people more started but left part-way. Their answers are not counted in this report"));
    CHECK(has_substr(text, "All 3 people were happy."));  // the part-way answers are in no share
    CHECK_FALSE(has_substr(text, "were sad."));
    const std::string j = read_file(json);
    CHECK(has_substr(j, "\"responses_total\":3,\"unfinished_total\":2"));
    CHECK(count_of(j, "\"unfinished\":true") == 2);
    int unfinished_rows = 0;
    for (const auto& row : csv_rows(csv)) unfinished_rows += row.size() == 14 && row[13] == "no";
    CHECK(unfinished_rows == 2);
    run_ok("merge '" + db + "' -o '" + all + "'");
    CHECK(sql_value(all, "SELECT COUNT(*) FROM responses WHERE unfinished = 1") == "2");
}

TEST_CASE("a running kiosk's file copied without its -wal is reported and merged with a warning, while Export and a closed file are whole") {
    std::string dir = fresh_dir("copied-live");
    std::string live = dir + "/live.db";
    const std::string copied = dir + "/copied.db", exported = dir + "/exported.db", closed = dir + "/closed.db";
    { AnswersFile(live, survey_text(1)).add_many(30, "June meeting", "self", 6, 1, {{"day", "happy"}}); }
    {
        AnswersFile kiosk(live, survey_text(1));  // opened again, and still running
        kiosk.add_many(1, "June meeting", "self", 6, 2, {{"day", "sad"}});
        REQUIRE(run_command("cp '" + live + "' '" + copied + "'").exit_code == 0);  // the -wal left behind
        std::string error;
        REQUIRE(kiosk.store().backup_to(exported, error));  // the staff menu's Export
    }
    REQUIRE(run_command("cp '" + live + "' '" + closed + "'").exit_code == 0);
    REQUIRE(run_command("test ! -e '" + live + "-wal'").exit_code == 0);  // closing leaves one file

    const std::string warning = "warning[db-wal-missing]: this answers file was copied while a kiosk had it open";
    for (const std::string& db : {copied, exported, closed}) {
        const bool lossy = db == copied;
        INFO(db);
        std::string csv = db + ".csv", all = db + ".all.db";
        CommandResult r = run_easyread("report '" + db + "' -o '" + csv + "'");
        INFO(r.err);
        CHECK(has_substr(r.err, db + ": " + warning) == lossy);
        CHECK(has_substr(r.err, "Use Export in the kiosk's staff menu") == lossy);
        REQUIRE(r.exit_code == 0);
        CHECK(csv_rows(csv).size() == 1 + (lossy ? 30 : 31));  // the copy lost the answer only the -wal held
        r = run_easyread("merge '" + db + "' -o '" + all + "'");
        CHECK(has_substr(r.err, db + ": " + warning) == lossy);
        CHECK(sql_value(all, "SELECT COUNT(*) FROM responses") == (lossy ? "30" : "31"));
    }
}
