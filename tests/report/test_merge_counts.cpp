// Merge adds each input's counts in bulk, not answer by answer (see
// report/merge_answers.cpp): the merged file's kept counts must still equal
// a plain GROUP BY of its rows, whatever the inputs share, and the file must
// go on counting whatever is written to it afterwards.
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <random>

#include "report/merge_answers.hpp"
#include "survey/migrations.hpp"
#include "survey/recovery.hpp"
#include "survey/response.hpp"
#include "tests/kiosk/kept_counts_check.hpp"
#include "tests/report/report_fixture.hpp"

using namespace report_test;

namespace {

struct Made {
    std::string uuid, event, respondent, finished_at;
    Answers answers;
};

void exec(const std::string& db, const std::string& sql) {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
    char* err = nullptr;
    int rc = sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, &err);
    INFO(sql << ": " << (err ? err : ""));
    sqlite3_free(err);
    sqlite3_close(raw);
    REQUIRE(rc == SQLITE_OK);
}

easyread::survey::Response response_of(const Made& m, const std::string& hash) {
    easyread::survey::Response r;
    r.uuid = m.uuid;
    r.survey_id = "club-day";
    r.survey_version = 1;
    r.survey_hash = hash;
    r.event = m.event;
    r.device_id = "kiosk";
    r.respondent = m.respondent;
    r.started_at = r.finished_at = m.finished_at;
    for (const auto& [question, value] : m.answers) r.answers.push_back({question, value});
    return r;
}

// Stored in one transaction (one save each would wait for the disk each time).
void store_all(AnswersFile& file, const std::vector<easyread::survey::Response>& batch) {
    std::string error;
    INFO(error);
    REQUIRE(file.store().save_all(batch, error));
}

std::string q(const std::string& s) { return "'" + s + "'"; }

// An answers file of schema 5 (no kept counts), written by hand.
void old_file(const std::string& path, const std::vector<Made>& responses) {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
    std::string error;
    REQUIRE(easyread::survey::migrate(raw, 5, error));
    sqlite3_close(raw);
    std::string sql = "BEGIN;";
    for (const Made& m : responses) {
        sql += "INSERT INTO responses (uuid, survey_id, survey_version, event, device_id, respondent, started_at, "
               "finished_at, local_date) VALUES (" + q(m.uuid) + ", 'club-day', 1, " + q(m.event) + ", 'old', " +
               q(m.respondent) + ", " + q(m.finished_at) + ", " + q(m.finished_at) + ", '2024-05-09');";
        for (const auto& [question, value] : m.answers)
            sql += "INSERT INTO answers (response_uuid, question_id, value) VALUES (" + q(m.uuid) + ", " + q(question) +
                   ", " + q(value) + ");";
    }
    exec(path, sql + "COMMIT;");
}

}  // namespace

TEST_CASE("a merged file's kept counts equal a plain GROUP BY, whatever its inputs share") {
    std::mt19937 rng(2025);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    const char* const days[] = {"happy", "middle", "sad"};
    const char* const nexts[] = {"music", "games", "food", "music;food"};
    for (int round = 0; round < 3; ++round) {
        INFO("round " << round);
        const std::string dir = fresh_dir("merge-counts-" + std::to_string(round));
        auto made = [&](int i) {
            Made m;
            m.uuid = easyread::survey::uuid_from_name("merge-counts:" + std::to_string(round) + ":" + std::to_string(i));
            m.event = pick(2) ? "May" : "June";
            m.respondent = pick(3) ? "self" : "carer";
            m.finished_at = when(5 + pick(2), 1 + pick(3), pick(60));
            m.answers = {{"day", days[pick(3)]}, {"next", nexts[pick(4)]}};
            if (pick(2)) m.answers.push_back({"hear", pick(2) ? "yes" : "no"});
            if (pick(5) == 0) m.answers.push_back({"ideas", "More music " + std::to_string(pick(3))});
            return m;
        };
        std::vector<Made> shared, own, old;
        for (int i = 0; i < 60; ++i) shared.push_back(made(i));
        for (int i = 60; i < 100; ++i) own.push_back(made(i));
        for (int i = 100; i < 130; ++i) old.push_back(made(i));

        // a: part of the shared pool; b: more of it, overlapping a (counted row by row);
        // c: responses no other file holds (its own counts added whole); d: schema 5, some of the pool too.
        const std::string a = dir + "/a.db", b = dir + "/b.db", c = dir + "/c.db", d = dir + "/d.db",
                          out = dir + "/all.db";
        {
            AnswersFile fa(a, survey_text(1)), fb(b, survey_text(1)), fc(c, survey_text(1));
            const std::string hash = fa.survey().hash;
            std::vector<easyread::survey::Response> in_a, in_b, in_c;
            for (std::size_t i = 0; i < shared.size(); ++i) {
                if (i % 3 != 2) in_a.push_back(response_of(shared[i], hash));
                if (i % 3 != 0) in_b.push_back(response_of(shared[i], hash));
            }
            for (const Made& m : own) in_c.push_back(response_of(m, hash));
            store_all(fa, in_a);
            store_all(fb, in_b);
            store_all(fc, in_c);
        }
        // Unfinished answers and local days, the same in every file that holds them.
        for (const std::string& f : {a, b, c})
            exec(f, "UPDATE responses SET unfinished = 1 WHERE substr(uuid, -1) = '7';"
                    "UPDATE responses SET local_date = '2024-05-0' || substr(uuid, -1) WHERE substr(uuid, -1) IN ('1', '2');");
        // A form corrected in b: b's version is kept, a's and d's set aside.
        const std::string fixed = shared[4].uuid;
        exec(b, "UPDATE answers SET value = CASE value WHEN 'sad' THEN 'happy' ELSE 'sad' END WHERE response_uuid = " +
                    q(fixed) + " AND question_id = 'day';"
                    "UPDATE responses SET corrected_at = '2024-07-01T10:00:00.000Z' WHERE uuid = " + q(fixed));
        std::vector<Made> old_rows = old;
        old_rows.insert(old_rows.end(), shared.begin(), shared.begin() + 10);
        old_file(d, old_rows);
        // Answers waiting in c's recovery file: one c holds already, one new.
        for (const Made& m : {own[0], made(200)}) {
            std::string error;
            REQUIRE(easyread::survey::append_recovery(c + ".recovery.jsonl", response_of(m, ""), error));
        }
        for (const std::string& f : {a, b, c}) REQUIRE(sql_value(f, kept_counts_check::differences_sql()) == "0");

        easyread::report::MergeSummary summary;
        easyread::Diagnostics diags;
        const std::vector<std::string> inputs = round == 1 ? std::vector<std::string>{c, d, b, a}
                                                           : std::vector<std::string>{a, b, c, d};
        REQUIRE(easyread::report::merge_answers(inputs, out, summary, diags));
        CHECK(summary.from_recovery == 1);
        CHECK(summary.responses == 60 + 40 + 30 + 1);
        CHECK(summary.corrected == 2);  // a's version and d's, whichever comes first
        CHECK(sql_value(out, "SELECT COUNT(*) FROM responses") == "131");
        CHECK(sql_value(out, kept_counts_check::differences_sql()) == "0");
        CHECK(sql_value(out, "SELECT count(*) FROM response_counts WHERE count <= 0") == "0");
        CHECK(sql_value(out, "SELECT count(*) FROM answer_counts WHERE count <= 0") == "0");
        CHECK(sql_value(out, "SELECT total(count) FROM answer_counts") == sql_value(out, "SELECT count(*) || '.0' FROM answers"));
        CHECK(sql_value(out, "SELECT value FROM answers WHERE response_uuid = " + q(fixed) + " AND question_id = 'day'") ==
              sql_value(b, "SELECT value FROM answers WHERE response_uuid = " + q(fixed) + " AND question_id = 'day'"));

        // The counting triggers are back: later writes to the merged file are counted too.
        CHECK(sql_value(out, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'") == "6");
        exec(out, "INSERT INTO responses (uuid, survey_id, survey_version, event, device_id, respondent, started_at, "
                  "finished_at) VALUES ('later', 'club-day', 1, 'May', 'k', 'self', '2024-05-01T10:00:00.000Z', "
                  "'2024-05-01T10:00:00.000Z');"
                  "INSERT INTO answers (response_uuid, question_id, value) VALUES ('later', 'day', 'happy');"
                  "DELETE FROM answers WHERE response_uuid = " + q(shared[1].uuid) + ";"
                  "UPDATE responses SET event = 'July' WHERE uuid = " + q(own[3].uuid));
        CHECK(sql_value(out, kept_counts_check::differences_sql()) == "0");
    }
}
