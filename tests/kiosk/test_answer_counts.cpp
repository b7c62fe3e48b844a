// The counts tables (schema 6) always equal a plain GROUP BY of the responses
// and answers, whoever writes: the Store, or SQL by hand that inserts,
// deletes and changes rows in any order; and an older file gets its counts
// when it is migrated.
#include <catch2/catch.hpp>

#include <random>

#include "survey/migrations.hpp"
#include "survey/store.hpp"
#include "tests/kiosk/kept_counts_check.hpp"
#include "tests/kiosk/store_support.hpp"
#include "tests/kiosk/test_support.hpp"

using namespace easyread::survey;
using kiosk_test::query_one;
using kiosk_test::sample_response;
using kiosk_test::TempDir;

namespace {

// Rows in one and not the other, both ways, of both tables: "0" when equal.
std::string differences(const std::string& db) { return query_one(db, kept_counts_check::differences_sql()); }

void exec(sqlite3* db, const std::string& sql) {
    char* err = nullptr;
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    INFO(sql << ": " << (err ? err : ""));
    sqlite3_free(err);
    REQUIRE(rc == SQLITE_OK);
}

}  // namespace

TEST_CASE("the counts tables equal a GROUP BY of the answers after any writes", "[store][counts]") {
    TempDir dir;
    std::mt19937 rng(25);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    for (int round = 0; round < 6; ++round) {
        const std::string db = dir.file("counts" + std::to_string(round) + ".db");
        std::vector<std::string> uuids;
        {
            Store store(db);
            REQUIRE(store.ok());
            std::vector<Response> batch;
            for (int i = 0; i < 40 + pick(80); ++i) {
                Response r = sample_response(pick(5), pick(2) ? "self" : "carer");
                r.event = pick(2) ? "May board" : "June board";
                r.unfinished = pick(6) == 0;
                if (pick(4) == 0) r.local_date = "2024-05-0" + std::to_string(1 + pick(3)), r.zone = "Europe/London";
                uuids.push_back(r.uuid);
                batch.push_back(r);
            }
            std::string error;
            REQUIRE(store.save_all(batch, error));
        }
        REQUIRE(differences(db) == "0");
        // By hand, as another program could: every kind of change, in any order.
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
        for (int step = 0; step < 60; ++step) {
            const std::string u = "'" + uuids[static_cast<std::size_t>(pick(static_cast<int>(uuids.size())))] + "'";
            switch (pick(9)) {
            case 0: exec(raw, "UPDATE responses SET event = 'July board' WHERE uuid = " + u); break;
            case 1: exec(raw, "UPDATE responses SET unfinished = 1 - unfinished WHERE uuid = " + u); break;
            case 2: exec(raw, "UPDATE responses SET local_date = '', finished_at = '2024-06-0" + std::to_string(1 + pick(9)) +
                                  "T1" + std::to_string(pick(10)) + ":00:00.000Z' WHERE uuid = " + u); break;
            case 3: exec(raw, "UPDATE answers SET value = 'sad' WHERE response_uuid = " + u); break;
            case 4: exec(raw, "DELETE FROM answers WHERE response_uuid = " + u + " AND question_id = 'topics'"); break;
            case 5: exec(raw, "DELETE FROM answers WHERE response_uuid = " + u + "; DELETE FROM responses WHERE uuid = " + u); break;
            case 6: exec(raw, "DELETE FROM responses WHERE uuid = " + u); break;  // its answers left without it
            case 7: {  // answers first, then their response
                const std::string n = "'hand-" + std::to_string(round) + "-" + std::to_string(step) + "'";
                exec(raw, "INSERT INTO answers (response_uuid, question_id, value) VALUES (" + n + ", 'meeting', 'happy');"
                          "INSERT INTO responses (uuid, survey_id, survey_version, event, device_id, respondent, started_at, "
                          "finished_at, local_date) VALUES (" + n + ", 'small', 3, 'May board', 'd', 'self', "
                          "'2024-05-01T10:00:00.000Z', '2024-05-01T10:0" + std::to_string(pick(10)) + ":00.000Z', '2024-05-01')");
                uuids.push_back(n.substr(1, n.size() - 2));
                break;
            }
            default: exec(raw, "UPDATE responses SET respondent = 'helper', finished_at = '2024-05-0" + std::to_string(1 + pick(9)) +
                                   "T09:00:00.000Z' WHERE uuid = " + u); break;
            }
            INFO("round " << round << " step " << step);
            REQUIRE(differences(db) == "0");
        }
        sqlite3_close(raw);
        CHECK(query_one(db, "SELECT count(*) FROM response_counts WHERE count <= 0") == "0");
        CHECK(query_one(db, "SELECT count(*) FROM answer_counts WHERE count <= 0") == "0");
    }
}

TEST_CASE("an older file is counted when it is migrated", "[store][counts][migration]") {
    TempDir dir;
    const std::string db = dir.file("old.db");
    {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
        std::string error;
        REQUIRE(migrate(raw, 5, error));
        exec(raw, "INSERT INTO responses (uuid, survey_id, survey_version, event, device_id, respondent, started_at, "
                  "finished_at, local_date) VALUES ('a', 'small', 3, 'May board', 'd', 'self', '2024-05-01T10:00:00.000Z', "
                  "'2024-05-01T10:05:00.000Z', ''), ('b', 'small', 3, 'May board', 'd', 'self', '2024-05-01T10:00:00.000Z', "
                  "'2024-05-01T10:09:00.000Z', '2024-05-01');"
                  "INSERT INTO answers (response_uuid, question_id, value) VALUES ('a', 'meeting', 'sad'), ('b', 'meeting', "
                  "'sad'), ('c', 'meeting', 'happy')");
        sqlite3_close(raw);
    }
    Store store(db);
    REQUIRE(store.ok());
    CHECK(differences(db) == "0");
    CHECK(query_one(db, "SELECT group_concat(day || '=' || count, ' ') FROM (SELECT day, count FROM answer_counts ORDER BY day)") ==
          "2024-05-01=1 2024-05-01T10=1");  // the answer without a response is not counted
}

TEST_CASE("a read-only Store reads the responses of a schema 5 file it does not migrate", "[store][migration]") {
    TempDir dir;
    const std::string db = dir.file("five.db");
    {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
        std::string error;
        REQUIRE(migrate(raw, 5, error));
        exec(raw, "INSERT INTO responses (uuid, survey_id, survey_version, event, device_id, respondent, started_at, "
                  "finished_at) VALUES ('a', 'small', 3, 'May board', 'd', 'self', '2024-05-01T10:00:00.000Z', "
                  "'2024-05-01T10:05:00.000Z'); INSERT INTO answers (response_uuid, question_id, value) VALUES "
                  "('a', 'meeting', 'sad')");
        sqlite3_close(raw);
    }
    StoreOptions options;
    options.read_only = true;
    Store store(db, options);
    REQUIRE(store.ok());
    CHECK(store.schema_version() == 5);
    const auto all = store.load_responses();
    REQUIRE(all.size() == 1);
    CHECK(all[0].answers.at(0).value == "sad");
    CHECK(query_one(db, "PRAGMA user_version") == "5");  // read, never migrated
}
