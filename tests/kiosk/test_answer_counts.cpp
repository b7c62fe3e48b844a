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

TEST_CASE("a schema 6 file is made again in id order (schema 7): the same rows, counts and triggers", "[store][counts][migration]") {
    TempDir dir;
    const std::string db = dir.file("six.db");
    std::vector<std::string> uuids;
    {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
        std::string error;
        REQUIRE(migrate(raw, 6, error));
        exec(raw, "PRAGMA foreign_keys = ON");  // as a Store has it
        std::mt19937 rng(7);
        std::string sql = "BEGIN;";
        for (int i = 0; i < 300; ++i) {
            const std::string u = "id-" + std::to_string(rng() % 100000) + "-" + std::to_string(i);
            uuids.push_back(u);
            sql += "INSERT INTO responses (uuid, survey_id, survey_version, event, device_id, respondent, started_at, "
                   "finished_at, unfinished, local_date, zone) VALUES ('" + u + "', 'small', 3, 'May board', 'd', '" +
                   (i % 3 ? "self" : "carer") + "', '2024-05-01T10:00:00.000Z', '2024-05-0" + std::to_string(1 + i % 9) +
                   "T10:00:00.000Z', " + std::to_string(i % 7 == 0) + ", '" + (i % 2 ? "2024-05-01" : "") + "', 'Z');"
                   "INSERT INTO answers (response_uuid, question_id, position, value) VALUES ('" + u + "', 'meeting', 0, '" +
                   (i % 4 ? "happy" : "sad") + "'), ('" + u + "', 'anything-else', 1, '" + (i % 5 ? "" : "Good day") + "');";
        }
        // By hand, into a rowid table: a response without an id.
        exec(raw, sql + "INSERT INTO responses (uuid, survey_id, survey_version, device_id, respondent, started_at, "
                        "finished_at) VALUES (NULL, 'small', 3, 'd', 'self', '2024-05-01T10:00:00.000Z', "
                        "'2024-05-01T10:00:00.000Z'); COMMIT;");
        exec(raw, "CREATE TABLE before AS SELECT * FROM responses");
        sqlite3_close(raw);
    }
    REQUIRE(differences(db) == "0");
    {
        Store store(db);
        REQUIRE(store.ok());
        CHECK(store.schema_version() == 7);
        // A later save is counted, and so is a delete by hand.
        Response r = sample_response(1, "self");
        REQUIRE(store.save(r) == SaveResult::Stored);
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
        exec(raw, "DELETE FROM answers WHERE response_uuid = '" + r.uuid + "'; DELETE FROM responses WHERE uuid = '" +
                      r.uuid + "'");
        sqlite3_close(raw);
    }
    CHECK(query_one(db, "PRAGMA user_version") == "7");
    CHECK(query_one(db, "SELECT sql LIKE '%WITHOUT ROWID' FROM sqlite_schema WHERE name = 'responses'") == "1");
    // Every row as it was (the one without an id given one), now read in id order.
    CHECK(query_one(db, "SELECT count(*) FROM (SELECT * FROM before WHERE uuid IS NOT NULL EXCEPT SELECT * FROM responses)") == "0");
    CHECK(query_one(db, "SELECT count(*) FROM responses") == "301");
    CHECK(query_one(db, "SELECT count(*) FROM responses WHERE uuid LIKE 'no-id-%' AND respondent = 'self'") == "1");
    std::sort(uuids.begin(), uuids.end());
    std::string in_order;
    for (const auto& u : uuids) in_order += (in_order.empty() ? "" : ",") + u;
    // The table itself (zone is in no index, so no index is read instead): its rows lie in id order.
    CHECK(query_one(db, "SELECT group_concat(uuid) FROM responses WHERE uuid NOT LIKE 'no-id-%' AND zone <> 'none'") == in_order);
    CHECK(query_one(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'") == "6");
    CHECK(query_one(db, "SELECT count(*) FROM sqlite_schema WHERE name IN ('responses_by_survey', 'answers_free_text')") == "2");
    CHECK(differences(db) == "0");  // the counts as they were, and the save and the delete after counted
    CHECK(query_one(db, "SELECT count(*) FROM pragma_foreign_key_check") == "0");
}
