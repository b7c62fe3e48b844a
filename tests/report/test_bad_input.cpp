// Files that cannot be used: a clear message naming the file and what to do,
// and no output that could pass for a complete report.
#include <algorithm>
#include <filesystem>
#include <random>
#include <sqlite3.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "survey/response.hpp"
#include "tests/report/report_fixture.hpp"

using namespace report_test;

namespace {

bool exists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

void set_user_version(const std::string& db_path, int version) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(db_path.c_str(), &db) == SQLITE_OK);
    std::string sql = "PRAGMA user_version = " + std::to_string(version);
    REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
}

std::string one_survey_file(const std::string& dir, const std::string& name, const std::string& survey_id) {
    std::string db = dir + "/" + name;
    AnswersFile f(db, survey_text(1, "Did you like the day?", survey_id));
    f.add_many(3, "May meeting", "self", 5, 9, {{"day", "happy"}});
    return db;
}

}  // namespace

TEST_CASE("an answers file from a newer easyread is refused with what to do") {
    std::string dir = fresh_dir("too-new");
    std::string db = one_survey_file(dir, "answers.db", "club-day");
    set_user_version(db, 99);
    const std::string bytes = read_file(db);
    std::string pdf = dir + "/r.pdf";
    CommandResult r = run_easyread("report '" + db + "' -o '" + pdf + "'");
    CHECK(r.exit_code == 3);
    CHECK(has_substr(r.err, db + ": error[db-too-new]: this answers file was made by a newer easyread (file version 99"));
    CHECK(has_substr(r.err, "Update easyread"));
    CHECK(has_substr(r.err, "nothing was made"));
    CHECK_FALSE(exists(pdf));
    CHECK(read_file(db) == bytes);
    CHECK(run_easyread("merge '" + db + "' -o '" + dir + "/all.db'").exit_code == 3);
    CHECK_FALSE(exists(dir + "/all.db"));
}

TEST_CASE("a damaged or wrong file is refused, naming the file") {
    std::string dir = fresh_dir("damaged");
    std::string junk = dir + "/junk.db";
    std::string text;
    for (int i = 0; i < 200; ++i) text += "this is not a database at all. ";
    write_file(junk, text);
    CommandResult r = run_easyread("report '" + junk + "' -o '" + dir + "/r.csv'");
    CHECK(r.exit_code == 3);
    CHECK(has_substr(r.err, junk + ": error[db-damaged]"));
    CHECK(has_substr(r.err, "Do not delete it"));
    CHECK_FALSE(exists(dir + "/r.csv"));

    // A real answers file cut short, as a pulled memory stick might leave it.
    std::string good = one_survey_file(dir, "good.db", "club-day");
    std::string cut = dir + "/cut.db";
    std::string bytes = read_file(good);
    write_file(cut, bytes.substr(0, bytes.size() / 2));
    r = run_easyread("merge '" + cut + "' -o '" + dir + "/all.db'");
    CHECK(r.exit_code == 3);
    CHECK(has_substr(r.err, cut + ": error[db-damaged]"));
    // One clear line and the "nothing was written" line, never SQLite's page-by-page list.
    INFO(r.err);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') <= 2);
    CHECK_FALSE(has_substr(r.err, "Page "));
    CHECK_FALSE(exists(dir + "/all.db"));

    std::string empty = dir + "/empty.db";
    write_file(empty, "");
    r = run_easyread("report '" + empty + "' -o '" + dir + "/r.csv'");
    CHECK(r.exit_code == 3);
    CHECK(has_substr(r.err, empty + ": error[db-not-answers]: this is not a kiosk answers file"));

    r = run_easyread("report '" + dir + "/missing.db' -o '" + dir + "/r.csv'");
    CHECK(r.exit_code == 3);
    CHECK(has_substr(r.err, "missing.db: error[db-missing]"));
}

// The lines a command printed about `file` (errors and warnings), without the command's own last line.
std::string lines_about(const std::string& err, const std::string& file) {
    std::string out;
    for (std::size_t at = 0; at < err.size();) {
        std::size_t end = err.find('\n', at);
        if (end == std::string::npos) end = err.size();
        std::string line = err.substr(at, end - at);
        if (line.rfind(file + ": ", 0) == 0) out += line + "\n";
        at = end + 1;
    }
    return out;
}

TEST_CASE("report and merge say the same about the same damaged file, and make nothing") {
    std::string dir = fresh_dir("damaged-same");
    const std::string good = one_survey_file(dir, "good.db", "club-day");
    const std::string bytes = read_file(good);
    REQUIRE(bytes.size() >= 4 * 4096);
    std::mt19937 random(25);
    std::string noise(16384, '\0');
    for (auto& c : noise) c = static_cast<char>(random() & 0xff);
    std::string text;
    for (int i = 0; i < 300; ++i) text += "Name,Answer\nSam,happy\n";
    std::string flipped = bytes;  // the last page (the answers' index) overwritten, the header intact
    for (std::size_t i = bytes.size() - 4096 + 8; i < bytes.size(); ++i) flipped[i] = static_cast<char>(random() & 0xff);
    const std::vector<std::pair<std::string, std::string>> files = {
        {"truncated.db", bytes.substr(0, bytes.size() / 2)},
        {"random.db", noise},
        {"notes.db", text},
        {"flipped.db", flipped},
    };
    std::vector<std::string> paths;
    for (const auto& [name, content] : files) {
        paths.push_back(dir + "/" + name);
        write_file(paths.back(), content);
    }
    {  // a real SQLite file, but not an answers file
        paths.push_back(dir + "/contacts.db");
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(paths.back().c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, "CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('Sam');", nullptr,
                             nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    for (const auto& path : paths) {
        INFO(path);
        const std::string before = read_file(path);
        CommandResult report = run_easyread("report '" + path + "' -o '" + dir + "/r.csv'");
        CommandResult merge = run_easyread("merge '" + path + "' -o '" + dir + "/all.db'");
        INFO("report said:\n" << report.err << "merge said:\n" << merge.err);
        CHECK(report.exit_code == 3);
        CHECK(merge.exit_code == 3);
        const std::string said = lines_about(report.err, path);
        CHECK(said == lines_about(merge.err, path));
        CHECK(std::count(said.begin(), said.end(), '\n') == 1);  // one line, never SQLite's page-by-page list
        const bool wrong_file = path == dir + "/contacts.db";
        CHECK(has_substr(said, wrong_file ? "error[db-not-answers]" : "error[db-damaged]"));
        if (!wrong_file) CHECK(has_substr(said, "Do not delete it"));
        CHECK_FALSE(exists(dir + "/r.csv"));
        CHECK_FALSE(exists(dir + "/all.db"));
        CHECK(read_file(path) == before);
    }
    // A CSV alone is written while the pages are checked: a file whose
    // answers read well but whose comments index page is damaged (which only
    // the check reads) leaves the CSV made before untouched, and no
    // part-written file beside it.
    int index_page = 0;
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(good.c_str(), &db) == SQLITE_OK);
        sqlite3_stmt* q = nullptr;
        REQUIRE(sqlite3_prepare_v2(db, "SELECT rootpage FROM sqlite_master WHERE name = 'answers_free_text'", -1, &q,
                                   nullptr) == SQLITE_OK);
        if (sqlite3_step(q) == SQLITE_ROW) index_page = sqlite3_column_int(q, 0);
        sqlite3_finalize(q);
        sqlite3_close(db);
    }
    REQUIRE(index_page > 1);
    std::string index_damaged = bytes;
    index_damaged[static_cast<std::size_t>(index_page - 1) * 4096] = '\0';  // no such kind of page
    write_file(dir + "/index.db", index_damaged);
    write_file(dir + "/r.csv", "the CSV made last week\n");
    CommandResult again = run_easyread("report '" + dir + "/index.db' -o '" + dir + "/r.csv'");
    CHECK(again.exit_code == 3);
    CHECK(has_substr(again.err, "error[db-damaged]"));
    CHECK(read_file(dir + "/r.csv") == "the CSV made last week\n");
    int beside = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        beside += entry.path().filename().string().find("r.csv") != std::string::npos ? 1 : 0;
    CHECK(beside == 1);
}

TEST_CASE("answers to another survey are never mixed in") {
    std::string dir = fresh_dir("other-survey");
    std::string club = one_survey_file(dir, "club.db", "club-day");
    std::string other = one_survey_file(dir, "other.db", "coffee-morning");
    CommandResult r = run_easyread("report '" + club + "' '" + other + "' -o '" + dir + "/r.pdf'");
    CHECK(r.exit_code == 3);
    CHECK(has_substr(r.err, "error[many-surveys]: these answers are to 2 different surveys: club-day (3 answered), "
                            "coffee-morning (3 answered)"));
    CHECK(has_substr(r.err, "--survey"));
    r = run_easyread("report '" + club + "' '" + other + "' --survey club-day -o '" + dir + "/r.pdf'");
    CHECK(r.exit_code == 3);
    CHECK(has_substr(r.err, other + ": error[other-survey]: this file holds answers to another survey: coffee-morning"));
    CHECK(has_substr(r.err, "Leave this file out"));
    CHECK_FALSE(exists(dir + "/r.pdf"));
    r = run_easyread("report '" + club + "' --event 'June meeting' -o '" + dir + "/r.pdf'");
    CHECK(r.exit_code == 3);
    CHECK(has_substr(r.err, "error[no-such-event]"));
    CHECK(has_substr(r.err, "\"May meeting\""));
    // A CSV alone is counted as it is written, and says the same; nothing is kept.
    r = run_easyread("report '" + club + "' --event 'June meeting' -o '" + dir + "/r.csv'");
    CHECK(r.exit_code == 3);
    CHECK(has_substr(r.err, "error[no-such-event]"));
    CHECK(has_substr(r.err, "\"May meeting\""));
    CHECK_FALSE(exists(dir + "/r.csv"));
}

TEST_CASE("an actions file naming a question the survey lacks is refused at its line") {
    std::string dir = fresh_dir("bad-actions");
    std::string db = one_survey_file(dir, "club.db", "club-day");
    std::string actions = dir + "/actions.md";
    write_file(actions, "---\norganisation: Test board\n---\n\n## day\n\nWe will play music.\n\n"
                        "## Did you like the lunch? {#lunch}\n\nWe will cook.\n");
    CommandResult r = run_easyread("report '" + db + "' --actions '" + actions + "' -o '" + dir + "/r.pdf'");
    CHECK(r.exit_code == 3);
    CHECK(has_substr(r.err, actions + ":9:1: error[unknown-question]: there is no question \"lunch\" in this survey"));
    CHECK(has_substr(r.err, "day, hear, next, ideas"));
    CHECK_FALSE(exists(dir + "/r.pdf"));
}

TEST_CASE("two different surveys under one version cannot be merged") {
    std::string dir = fresh_dir("clash");
    std::string a = dir + "/a.db", b = dir + "/b.db";
    {
        AnswersFile fa(a, survey_text(1, "Did you like the day?"));
        fa.add_many(1, "May", "self", 5, 9, {{"day", "happy"}});
        AnswersFile fb(b, survey_text(1, "Was the day good?"));
        fb.add_many(1, "May", "self", 5, 9, {{"day", "happy"}});
    }
    CommandResult r = run_easyread("merge '" + a + "' '" + b + "' -o '" + dir + "/all.db'");
    CHECK(r.exit_code == 3);
    CHECK(has_substr(r.err, b + ": error[survey-clash]"));
    CHECK_FALSE(exists(dir + "/all.db"));
    // A report keeps them apart: each file's answers under its own words.
    std::string pdf = dir + "/r.pdf";
    run_ok("report '" + a + "' '" + b + "' -o '" + pdf + "'");
    std::string text = pdf_text(pdf);
    CHECK(has_substr(text, "Did you like the day?"));
    CHECK(has_substr(text, "Was the day good?"));
}

TEST_CASE("answers whose survey text no file holds ask for the survey file, and then report") {
    std::string dir = fresh_dir("no-survey-text");
    std::string db = one_survey_file(dir, "club.db", "club-day");
    sqlite3* h = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
    REQUIRE(sqlite3_exec(h, "DELETE FROM surveys", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(h);
    CommandResult r = run_easyread("report '" + db + "' -o '" + dir + "/r.csv'");
    CHECK(r.exit_code == 3);
    CHECK(has_substr(r.err, "error[survey-text-missing]: the answers of 3 people are to version 1 of survey \"club-day\""));
    CHECK(has_substr(r.err, "--survey-file"));
    std::string survey = dir + "/club-day.md";
    write_file(survey, survey_text(1));
    run_ok("report '" + db + "' --survey-file '" + survey + "' -o '" + dir + "/r.pdf'");
    CHECK(has_substr(flat_pdf_text(dir + "/r.pdf"), "All 3 people were happy."));
}

TEST_CASE("a paper answers CSV that cannot be read is refused in words about CSV files") {
    using namespace report_test;
    std::string dir = fresh_dir("csv-words");
    std::string survey = dir + "/club-day.md", db = dir + "/answers.db";
    write_file(survey, survey_text(1));
    auto import = [&](const std::string& name, const std::string& bytes) {
        write_file(dir + "/" + name, bytes);
        return run_easyread("import '" + dir + "/" + name + "' --survey '" + survey + "' --db '" + db + "' --event May");
    };
    struct Case {
        const char* name;
        std::string bytes;
        const char* says;
    };
    const Case cases[] = {
        {"latin1.csv", "response_id,respondent,day,ideas\n1,self,happy,caf\xE9\n", "Save it as CSV UTF-8"},
        {"forms.xlsx.csv", std::string("PK\x03\x04\0\0binary", 12), "not a CSV file"},
        {"semicolons.csv", "response_id;respondent;day\n1;self;happy\n", "separated by semicolons"},
        {"huge.csv", "response_id,respondent,day\n" + std::string(5u * 1024u * 1024u, 'x') + "\n", "CSV files"},
    };
    for (const auto& c : cases) {
        CommandResult r = import(c.name, c.bytes);
        INFO(c.name << ": " << r.err);
        CHECK(r.exit_code == 3);
        CHECK(has_substr(r.err, c.says));
        CHECK_FALSE(has_substr(r.err, "Markdown"));
        CHECK_FALSE(has_substr(r.err, "easy read document"));
        CHECK_FALSE(has_substr(r.err, "pages"));
    }
}

TEST_CASE("report: several outputs are all made or none") {
    std::string dir = fresh_dir("report-all-or-none");
    std::string db = march_and_may_db(dir);
    // A folder that does not exist: nothing is made, not even the outputs before it.
    CommandResult r = run_easyread("report '" + db + "' -o '" + dir + "/good.pdf' -o /nonexistent/x.csv");
    INFO(r.err);
    CHECK(r.exit_code == 4);
    CHECK(has_substr(r.err, "/nonexistent/x.csv: error[cannot-write]"));
    CHECK_FALSE(exists(dir + "/good.pdf"));
    // An output that fails half way (larger than the file size limit) takes
    // the ones already made away and puts back the file one replaced.
    write_file(dir + "/old.csv", "the old one\n");
    r = run_command("bash -c 'ulimit -f 30; trap \"\" XFSZ; exec \"" + std::string(EASYREAD_EXE) + "\" report \"" + db +
                    "\" -o \"" + dir + "/old.csv\" -o \"" + dir + "/new.json\" -o \"" + dir + "/big.pdf\"'");
    INFO(r.err);
    CHECK(r.exit_code == 4);
    CHECK(read_file(dir + "/old.csv") == "the old one\n");
    CHECK_FALSE(exists(dir + "/new.json"));
    CHECK_FALSE(exists(dir + "/big.pdf"));
    const std::string left = run_command("ls -a '" + dir + "'").out;
    CHECK_FALSE(has_substr(left, ".kept-"));
    CHECK_FALSE(has_substr(left, ".tmp-"));
    // Without the limit all three are made.
    CHECK(run_easyread("report '" + db + "' -o '" + dir + "/old.csv' -o '" + dir + "/new.json' -o '" + dir +
                       "/big.pdf'").exit_code == 0);
    CHECK(exists(dir + "/new.json"));
    CHECK(exists(dir + "/big.pdf"));
    CHECK(read_file(dir + "/old.csv") != "the old one\n");
}

TEST_CASE("report: a CSV of many buffers that the disk stops taking half way is not left, and says why") {
    std::string dir = fresh_dir("report-csv-cut");
    const std::string db = dir + "/answers.db", csv = dir + "/all.csv";
    {
        AnswersFile f(db, survey_text(1));
        std::vector<easyread::survey::Response> batch;
        for (int i = 0; i < 4000; ++i) {
            easyread::survey::Response r;
            r.uuid = easyread::survey::uuid_from_name("csv-cut:" + std::to_string(i));
            r.survey_id = f.survey().id;
            r.survey_version = f.survey().version;
            r.survey_hash = f.survey().hash;
            r.event = "May meeting";
            r.device_id = "kiosk";
            r.respondent = "self";
            r.started_at = r.finished_at = when(5, 9, i % 60);
            r.answers = {{"day", "happy"}, {"hear", "yes"}, {"next", "music;food"}};
            batch.push_back(r);
        }
        std::string error;
        REQUIRE(f.store().save_all(batch, error));
    }
    // 12,000 rows: about 2 MB, written a buffer (1 MB) at a time by the writing thread; the limit stops the second.
    CommandResult r = run_command("bash -c 'ulimit -f 1500; trap \"\" XFSZ; exec \"" + std::string(EASYREAD_EXE) +
                                  "\" report \"" + db + "\" -o \"" + csv + "\"'");
    INFO(r.err);
    CHECK(r.exit_code == 4);
    CHECK(has_substr(r.err, csv + ": error[cannot-write]: cannot write the output: File too large"));
    CHECK_FALSE(exists(csv));
    CHECK_FALSE(has_substr(run_command("ls -a '" + dir + "'").out, ".tmp-"));
    // Without the limit: every row, in full.
    run_ok("report '" + db + "' -o '" + csv + "'");
    CHECK(csv_rows(csv).size() == 1 + 12000);
    CHECK(read_file(csv).size() > 1500u * 1024u);
}
