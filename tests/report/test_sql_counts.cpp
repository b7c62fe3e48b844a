// Every number of a report equals a plain SQL count over the same answers
// files, whatever the answers: a property over generated answer sets (one to
// three files, responses held by more than one file, unfinished responses,
// files without the local day, answers no option matches, questions the
// survey never asked), with and without the event and date filters.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "report/counting/tally.hpp"
#include "report/outputs/csv_json_exports.hpp"
#include "report/reading/count_tables.hpp"
#include "report/reading/read_answers_file.hpp"
#include "report/reading/result_set.hpp"
#include "survey/response.hpp"
#include "tests/report/report_fixture.hpp"

using namespace report_test;

namespace {

struct Sql {
    sqlite3* db = nullptr;
    Sql() { sqlite3_open(":memory:", &db); }
    ~Sql() { sqlite3_close(db); }
    void exec(const std::string& sql) {
        char* err = nullptr;
        int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
        INFO(sql << "\n" << (err ? err : ""));
        sqlite3_free(err);
        REQUIRE(rc == SQLITE_OK);
    }
    void insert_text(const std::string& sql, const std::string& text) {
        sqlite3_stmt* st = nullptr;
        REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
        sqlite3_bind_text(st, 1, text.c_str(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
        CHECK(sqlite3_step(st) == SQLITE_DONE);
        sqlite3_finalize(st);
    }
    // One value as text ("null" when NULL).
    std::string value(const std::string& sql) {
        sqlite3_stmt* st = nullptr;
        int rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr);
        INFO(sql << "\n" << sqlite3_errmsg(db));
        REQUIRE(rc == SQLITE_OK);
        std::string out = "none";
        if (sqlite3_step(st) == SQLITE_ROW)
            out = sqlite3_column_text(st, 0) ? reinterpret_cast<const char*>(sqlite3_column_text(st, 0)) : "null";
        sqlite3_finalize(st);
        return out;
    }
};

std::string quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

const std::vector<std::string> kEvents = {"March meeting", "May meeting", "Paper"};
const std::vector<std::string> kRespondents = {"self", "carer", "helper", "staff", "not-said", "someone"};
const std::vector<std::string> kDay = {"happy", "middle", "sad", "bogus"};
const std::vector<std::string> kComments = {"", "Good day", "Ring me on 07700 900123", "Too hot, open a window",
                                            "=SUM(A1)", "my name is sarah jones"};

// Writes `count` random responses into the files (some into two of them, the same row in each).
// One response in `old_share` (none when 0) is as a file from before the day and zone were kept.
void fill(std::mt19937& rng, const std::vector<std::string>& files, const std::string& hash, int count, int old_share = 5) {
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    std::vector<sqlite3*> dbs;
    for (const auto& f : files) {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(f.c_str(), &db) == SQLITE_OK);
        sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
        dbs.push_back(db);
    }
    for (int i = 0; i < count; ++i) {
        const std::string uuid = easyread::survey::new_uuid();
        char finished[40];
        std::snprintf(finished, sizeof finished, "2024-05-%02dT%02d:%02d:00.000Z", 1 + pick(20), pick(24), pick(60));
        const bool old_style = old_share > 0 && pick(old_share) == 0;
        const std::string local_date = old_style ? "" : std::string(finished, 10);
        std::vector<std::pair<std::string, std::string>> answers;
        if (pick(8)) answers.push_back({"day", kDay[static_cast<std::size_t>(pick(pick(10) ? 3 : 4))]});
        if (pick(8)) answers.push_back({"hear", pick(2) ? "yes" : "no"});
        if (pick(2)) {
            std::string next;
            for (const char* o : {"music", "games", "food"})
                if (pick(2)) next += (next.empty() ? "" : ";") + std::string(o);
            if (!next.empty()) answers.push_back({"next", next});
        }
        if (pick(3) == 0) answers.push_back({"ideas", kComments[static_cast<std::size_t>(pick(6))]});
        if (pick(20) == 0) answers.push_back({"gone", "yes"});  // a question this survey never asked
        std::string sql =
            "INSERT INTO responses (uuid, survey_id, survey_version, survey_hash, event, device_id, respondent, "
            "started_at, finished_at, source, unfinished, local_date, zone) VALUES (" +
            quoted(uuid) + ", 'club-day', 1, " + quoted(hash) + ", " + quoted(kEvents[static_cast<std::size_t>(pick(3))]) +
            ", 'k', " + quoted(kRespondents[static_cast<std::size_t>(pick(6))]) + ", " + quoted(finished) + ", " +
            quoted(finished) + ", 'kiosk', " + (pick(10) == 0 ? "1" : "0") + ", " + quoted(local_date) + ", " +
            quoted(old_style ? "" : "UTC") + ");";
        for (std::size_t k = 0; k < answers.size(); ++k)
            sql += "INSERT INTO answers (response_uuid, question_id, position, value) VALUES (" + quoted(uuid) + ", " +
                   quoted(answers[k].first) + ", " + std::to_string(k) + ", " + quoted(answers[k].second) + ");";
        std::vector<std::size_t> into = {static_cast<std::size_t>(pick(static_cast<int>(files.size())))};
        if (files.size() > 1 && pick(4) == 0) into.push_back((into[0] + 1) % files.size());  // held by two files
        for (std::size_t f : into) REQUIRE(sqlite3_exec(dbs[f], sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    }
    for (sqlite3* db : dbs) {
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        sqlite3_close(db);
    }
}

// Makes the JSON and CSV of `files` with the filters given, and checks every
// number in them against a plain SQL query of the same files.
void check_against_sql(const std::string& dir, const std::string& name, const std::vector<std::string>& files,
                       const std::string& event, const std::string& from, const std::string& to) {
    std::string filter;
    if (!event.empty()) filter += " --event " + quoted(event);
    if (!from.empty()) filter += " --from " + from;
    if (!to.empty()) filter += " --to " + to;
    std::string inputs;
    for (const auto& f : files) inputs += " '" + f + "'";
    const std::string json = dir + "/" + name + ".json", csv = dir + "/" + name + ".csv";
    CommandResult r = run_command("TZ=UTC '" + std::string(EASYREAD_EXE) + "' report" + inputs + filter + " -o '" +
                                  json + "' -o '" + csv + "'");
    INFO(name << ": " << files.size() << " files," << filter << "\n" << r.err);
    REQUIRE(r.exit_code == 0);

    // The plain SQL: every file's rows together (a row held by two files once), the same filters.
    Sql sql;
    std::string all_responses, all_answers;
    for (std::size_t f = 0; f < files.size(); ++f) {
        sql.exec("ATTACH " + quoted(files[f]) + " AS f" + std::to_string(f));
        all_responses += std::string(f ? " UNION " : "") + "SELECT * FROM f" + std::to_string(f) + ".responses";
        all_answers += std::string(f ? " UNION " : "") + "SELECT * FROM f" + std::to_string(f) + ".answers";
    }
    const std::string day = "CASE WHEN local_date <> '' THEN local_date ELSE date(finished_at) END";
    std::string where = "survey_id = 'club-day'";
    if (!from.empty()) where += " AND " + day + " >= " + quoted(from);
    if (!to.empty()) where += " AND " + day + " <= " + quoted(to);
    sql.exec("CREATE TEMP VIEW r AS SELECT *, " + day + " AS day, " +
             (event.empty() ? std::string("1") : "event = " + quoted(event)) + " AS chosen FROM (" + all_responses +
             ") WHERE " + where);
    sql.exec("CREATE TEMP VIEW a AS SELECT a.*, r.chosen, r.unfinished FROM (" + all_answers +
             ") a JOIN r ON r.uuid = a.response_uuid");
    sql.exec("CREATE TEMP TABLE j (t TEXT)");
    sql.insert_text("INSERT INTO j VALUES (?)", read_file(json));
    auto from_json = [&](const std::string& path) {
        return sql.value("SELECT json_extract(t, " + quoted(path) + ") FROM j");
    };
    REQUIRE(sql.value("SELECT json_valid(t) FROM j") == "1");

    CHECK(from_json("$.responses_total") == sql.value("SELECT COUNT(*) FROM r WHERE chosen AND NOT unfinished"));
    CHECK(from_json("$.unfinished_total") == sql.value("SELECT COUNT(*) FROM r WHERE chosen AND unfinished"));
    for (const char* g : {"self", "carer", "helper", "staff"})
        CHECK(from_json(std::string("$.by_group.") + g) ==
              sql.value(std::string("SELECT COUNT(*) FROM r WHERE chosen AND NOT unfinished AND respondent = '") + g + "'"));
    CHECK(from_json("$.by_group.not-said") ==
          sql.value("SELECT COUNT(*) FROM r WHERE chosen AND NOT unfinished AND respondent NOT IN "
                    "('self', 'carer', 'helper', 'staff')"));
    // Each event (a name on a day): every finished response there, chosen or not.
    CHECK(sql.value("SELECT COUNT(*) FROM json_each((SELECT json_extract(t, '$.events') FROM j))") ==
          sql.value("SELECT COUNT(*) FROM (SELECT DISTINCT event, day FROM r)"));
    CHECK(sql.value("SELECT COUNT(*) FROM json_each((SELECT json_extract(t, '$.events') FROM j)) e WHERE "
                    "json_extract(e.value, '$.responses') <> (SELECT COUNT(*) FROM r WHERE NOT unfinished AND "
                    "r.event = json_extract(e.value, '$.name') AND r.day = json_extract(e.value, '$.day'))") == "0");
    // Each question: every option's count, how many answered, how many answers match no option.
    const std::string q = "(SELECT value FROM json_each((SELECT json_extract(t, '$.questions') FROM j)) WHERE "
                          "json_extract(value, '$.id') = ";
    auto question = [&](const std::string& id, const std::string& path) {
        return sql.value("SELECT json_extract(" + q + quoted(id) + "), '$.groups[0]." + path + "')");
    };
    const std::string finished = "FROM a WHERE chosen AND NOT unfinished AND question_id = ";
    for (const std::string o : {"happy", "middle", "sad"})
        CHECK(question("day", "counts." + o) == sql.value("SELECT COUNT(*) " + finished + "'day' AND value = " + quoted(o)));
    CHECK(question("day", "unmatched") == sql.value("SELECT COUNT(*) " + finished + "'day' AND value = 'bogus'"));
    for (const std::string id : {"day", "hear", "next"})
        CHECK(question(id, "answered") == sql.value("SELECT COUNT(*) " + finished + quoted(id)));
    for (const std::string o : {"yes", "no"})
        CHECK(question("hear", "counts." + o) == sql.value("SELECT COUNT(*) " + finished + "'hear' AND value = " + quoted(o)));
    for (const std::string o : {"music", "games", "food"})
        CHECK(question("next", "counts." + o) ==
              sql.value("SELECT COUNT(*) " + finished + "'next' AND instr(';' || value || ';', " + quoted(";" + o + ";") + ")"));
    CHECK(question("ideas", "answered") == sql.value("SELECT COUNT(*) " + finished + "'ideas' AND value <> ''"));
    // Every chosen response in the JSON, every answer of them a row of the CSV.
    CHECK(sql.value("SELECT json_array_length(t, '$.responses') FROM j") == sql.value("SELECT COUNT(*) FROM r WHERE chosen"));
    CHECK(std::to_string(csv_rows(csv).size() - 1) == sql.value("SELECT COUNT(*) FROM a WHERE chosen"));
    // A CSV made alone is counted as it is written (one pass): the same bytes.
    const std::string alone = dir + "/" + name + "-alone.csv";
    r = run_command("TZ=UTC '" + std::string(EASYREAD_EXE) + "' report" + inputs + filter + " -o '" + alone + "'");
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(alone) == read_file(csv));
}

}  // namespace

TEST_CASE("every number in the JSON and CSV equals a plain SQL count of the same files") {
    const std::string dir = fresh_dir("sql-counts");
    std::mt19937 rng(20240509);
    for (int set = 0; set < 12; ++set) {
        const std::size_t file_count = 1 + set % 3;
        std::vector<std::string> files;
        std::string hash;
        for (std::size_t f = 0; f < file_count; ++f) {
            files.push_back(dir + "/set" + std::to_string(set) + "-" + std::to_string(f) + ".db");
            AnswersFile made(files.back(), survey_text(1));
            hash = made.survey().hash;
        }
        const int count = set == 0 ? 1 : 30 + static_cast<int>(rng() % 600);
        fill(rng, files, hash, count);
        std::string event, from, to;
        if (set % 4 == 1) event = kEvents[rng() % 3];
        if (set % 4 == 2) from = "2024-05-" + std::string(rng() % 2 ? "05" : "10");
        if (set % 4 == 3) to = "2024-05-15";
        INFO("set " << set << ": " << count << " responses");
        check_against_sql(dir, "set" + std::to_string(set), files, event, from, to);
    }
}

TEST_CASE("a file's kept counts give the report reading every answer gives, and a plain SQL count") {
    const std::string dir = fresh_dir("kept-counts");
    std::mt19937 rng(25008);
    long answers = 0;
    for (int set = 0; set < 6; ++set) {
        const std::string file = dir + "/kept" + std::to_string(set) + ".db";
        std::string hash;
        {
            AnswersFile made(file, survey_text(1));
            hash = made.survey().hash;
        }
        // Odd sets: every response keeps its day, so --from and --to can be counted from the tables too.
        const int old_share = set % 2 ? 0 : 5;
        fill(rng, {file}, hash, 1000 + static_cast<int>(rng() % 600), old_share);
        // Sets 3 and 5: a one-word comment, which the index of surely-comments (schema 7) does not hold.
        const bool one_word = set == 3 || set == 5;
        if (one_word) {
            Sql sql;
            sql.exec("ATTACH " + quoted(file) + " AS f");
            sql.exec("UPDATE f.answers SET value = 'thanks' WHERE question_id = 'ideas' AND response_uuid = (SELECT "
                     "a.response_uuid FROM f.answers a JOIN f.responses r ON r.uuid = a.response_uuid WHERE "
                     "a.question_id = 'ideas' AND a.value <> '' AND r.unfinished = 0 AND r.local_date <> '' LIMIT 1)");
            REQUIRE(sql.value("SELECT count(*) FROM f.answers WHERE value = 'thanks'") == "1");
        }
        easyread::report::ReportFilter filter;
        if (set % 3 == 1) filter.event = kEvents[rng() % 3], filter.from_date = "2024-05-04";
        if (set % 3 == 2) filter.from_date = "2024-05-06", filter.to_date = "2024-05-16";
        std::string error;
        REQUIRE(easyread::report::resolve_dates(filter, error));
        INFO("set " << set << " event '" << filter.event << "' from " << filter.from_date << " to " << filter.to_date);
        {
            Sql sql;
            sql.exec("ATTACH " + quoted(file) + " AS f");
            answers += std::stol(sql.value("SELECT count(*) FROM f.answers"));
        }
        check_against_sql(dir, "kept" + std::to_string(set), {file}, filter.event, filter.from_date, filter.to_date);

        // The same report counted both ways, in process: from the kept counts, and answer by answer.
        easyread::Diagnostics diags;
        easyread::report::LoadOptions none;
        none.filter = filter;
        none.count = false;
        none.count_tables = false;
        easyread::report::ResultSet kept;
        REQUIRE(easyread::report::load_results({file}, none, kept, diags));
        bool counted = false;
        REQUIRE(easyread::report::count_from_tables(kept, diags, counted));
        const bool dated = !filter.from_date.empty() || !filter.to_date.empty();
        CHECK(counted == (old_share == 0 || !dated));  // an old row has no day to compare with the dates
        if (!counted) continue;
        REQUIRE(easyread::report::finish_counting(kept, diags));
        easyread::report::LoadOptions every = none;
        every.count = true;
        easyread::report::ResultSet read;
        REQUIRE(easyread::report::load_results({file}, every, read, diags));
        const std::string a = dir + "/kept" + std::to_string(set) + "-tables.json",
                          b = dir + "/kept" + std::to_string(set) + "-every.json";
        REQUIRE(easyread::report::write_json(kept, easyread::report::tally_results(kept), a, diags));
        REQUIRE(easyread::report::write_json(read, easyread::report::tally_results(read), b, diags));
        CHECK(read_file(a) == read_file(b));
        CHECK(kept.comments.size() == read.comments.size());
        // Found by the index unless one is a single word (then every answer is read, and the result is the same).
        CHECK(kept.comments_indexed == !one_word);
    }
    CHECK(answers > 15000);  // about 20,000 answers in all
}
