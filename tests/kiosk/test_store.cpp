#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <set>

#include "survey/migrations.hpp"
#include "survey/recovery.hpp"
#include "survey/response_columns.hpp"
#include "survey/store.hpp"
#include "tests/kiosk/store_support.hpp"
#include "tests/kiosk/test_support.hpp"

using namespace easyread;
using namespace easyread::kiosk;
using namespace easyread::survey;
using kiosk_test::query_one;
using kiosk_test::sample_response;
using kiosk_test::TempDir;

namespace fs = std::filesystem;

TEST_CASE("a saved response is still there after closing and reopening", "[store]") {
    TempDir dir;
    std::string db = dir.file("answers.db");
    Response r = sample_response(1, "carer");
    r.document = "leaflet.pdf 3f9a";
    {
        Store store(db);
        INFO(store.status().words << " " << store.status().detail);
        REQUIRE(store.ok());
        CHECK(store.schema_version() == kSchemaVersion);
        CHECK(store.save(r) == SaveResult::Stored);
    }
    CHECK_FALSE(fs::exists(db + "-wal"));  // the last close checkpoints: one file to carry away
    Store again(db);
    REQUIRE(again.ok());
    auto all = again.load_responses();
    REQUIRE(all.size() == 1);
    const Response& back = all[0];
    CHECK(back.uuid == r.uuid);
    CHECK(back.survey_id == "small");
    CHECK(back.survey_version == 3);
    CHECK(back.survey_hash == "abc123");
    CHECK(back.document == "leaflet.pdf 3f9a");
    CHECK(back.event == "May board");
    CHECK(back.device_id == "device-1");
    CHECK(back.respondent == "carer");
    CHECK(back.started_at == r.started_at);
    CHECK(back.finished_at == r.finished_at);
    CHECK(back.source == "kiosk");
    REQUIRE(back.answers.size() == 3);
    CHECK(back.answers[1].question_id == "topics");
    CHECK(back.answers[1].value == "homes;jobs");
    CHECK(back.answers[2].value == r.answers[2].value);
}

TEST_CASE("the database runs in WAL mode with synchronous FULL", "[store]") {
    TempDir dir;
    Store store(dir.file("a.db"));
    REQUIRE(store.ok());
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(store.handle(), "PRAGMA synchronous", -1, &st, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    CHECK(sqlite3_column_int(st, 0) == 2);  // FULL
    sqlite3_finalize(st);
    CHECK(query_one(dir.file("a.db"), "PRAGMA journal_mode") == "wal");
    CHECK(query_one(dir.file("a.db"), "PRAGMA user_version") == std::to_string(kSchemaVersion));
}

TEST_CASE("a second write of the same UUID changes nothing", "[store]") {
    TempDir dir;
    Store store(dir.file("a.db"));
    Response r = sample_response();
    CHECK(store.save(r) == SaveResult::Stored);
    Response changed = r;
    changed.respondent = "staff";
    changed.answers = {{"meeting", "sad"}};
    CHECK(store.save(changed) == SaveResult::AlreadyStored);
    std::string error;
    CHECK(store.save_all({r, sample_response(2)}, error));
    CHECK(query_one(dir.file("a.db"), "SELECT COUNT(*) FROM responses") == "2");
    CHECK(query_one(dir.file("a.db"), "SELECT COUNT(*) FROM answers") == "6");
    CHECK(query_one(dir.file("a.db"), "SELECT respondent FROM responses WHERE uuid = '" + r.uuid + "'") == "self");
    CHECK(query_one(dir.file("a.db"), "SELECT value FROM answers WHERE question_id = 'meeting' AND response_uuid = '" +
                                          r.uuid + "'") == "happy");
}

TEST_CASE("save_all stores all or nothing", "[store]") {
    TempDir dir;
    Store store(dir.file("a.db"));
    Response bad = sample_response(2);
    bad.answers.push_back(bad.answers[0]);  // the same question twice breaks the primary key
    std::string error;
    CHECK_FALSE(store.save_all({sample_response(1), bad}, error));
    CHECK_FALSE(error.empty());
    CHECK(query_one(dir.file("a.db"), "SELECT COUNT(*) FROM responses") == "0");
    CHECK_FALSE(fs::exists(store.recovery_path()));
}

TEST_CASE("an older database is migrated and keeps its answers", "[store][migration]") {
    TempDir dir;
    std::string db = dir.file("old.db");
    {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
        std::string error;
        REQUIRE(migrate(raw, 1, error));
        REQUIRE(read_user_version(raw) == 1);
        REQUIRE(sqlite3_exec(raw,
                             "INSERT INTO responses VALUES ('0b6f1d9e-55c1-4c4e-9a57-0d1f3c7a2b11', 'small', 2, 'Old "
                             "event', 'dev', 'self', '2023-01-01T10:00:00.000Z', '2023-01-01T10:05:00.000Z');"
                             "INSERT INTO answers VALUES ('0b6f1d9e-55c1-4c4e-9a57-0d1f3c7a2b11', 'meeting', 'sad');"
                             "INSERT INTO settings VALUES ('event', 'Old event');",
                             nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(raw);
    }
    Store store(db);
    INFO(store.status().detail);
    REQUIRE(store.ok());
    CHECK(store.schema_version() == kSchemaVersion);
    CHECK(query_one(db, "PRAGMA user_version") == std::to_string(kSchemaVersion));
    CHECK(query_one(db, "SELECT unfinished FROM responses") == "0");  // step 3: old answers were finished
    auto all = store.load_responses();
    REQUIRE(all.size() == 1);
    CHECK(all[0].event == "Old event");
    CHECK(all[0].source == "kiosk");
    CHECK(all[0].survey_hash.empty());
    CHECK(all[0].answers[0].value == "sad");
    CHECK(store.setting("event").value_or("") == "Old event");
    CHECK(store.save(sample_response()) == SaveResult::Stored);  // the new columns work
    Diagnostics diags;
    CHECK(store.check_survey(kiosk_test::survey_from_text(kiosk_test::kSmallSurvey), diags));  // new table works
}

TEST_CASE("a database from a newer easyread is never written", "[store][bad-file]") {
    TempDir dir;
    std::string db = dir.file("new.db");
    { Store make(db); }
    REQUIRE(sqlite3_threadsafe() != 0);
    {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
        REQUIRE(sqlite3_exec(raw, "PRAGMA user_version = 99", nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(raw);
    }
    std::string before = kiosk_test::read_file(db);
    Store store(db);
    CHECK(store.status().state == StoreState::TooNew);
    CHECK(store.status().words.find("newer easyread") != std::string::npos);
    CHECK(store.save(sample_response()) == SaveResult::KeptInRecovery);
    CHECK(kiosk_test::read_file(db) == before);
}

TEST_CASE("a file that is not a database is kept as it is, answers go to the recovery file", "[store][bad-file]") {
    TempDir dir;
    std::string db = dir.file("answers.db");
    kiosk_test::write_file(db, std::string(8192, 'x'));
    Response r = sample_response();
    {
        Store store(db);
        CHECK(store.status().state == StoreState::Corrupt);
        CHECK(store.status().words.find("is damaged. Do not delete it.") != std::string::npos);
        CHECK(store.save(r) == SaveResult::KeptInRecovery);
        CHECK(store.waiting_count() == 1);
        CHECK(store.counts_since("2024-05-03T00:00:00.000Z", "small").in_recovery == 1);
        Diagnostics diags;
        CHECK(store.check_survey(kiosk_test::survey_from_text(kiosk_test::kSmallSurvey), diags));
    }
    CHECK(kiosk_test::read_file(db) == std::string(8192, 'x'));
    // Staff move the damaged file away; the next start replays what was kept.
    fs::rename(db, dir.file("damaged.db"));
    Store fresh(db);
    REQUIRE(fresh.ok());
    auto all = fresh.load_responses();
    REQUIRE(all.size() == 1);
    CHECK(all[0].uuid == r.uuid);
    CHECK(all[0].source == "recovery");
    CHECK(all[0].answers.size() == 3);
    CHECK_FALSE(fs::exists(fresh.recovery_path()));
}

TEST_CASE("damaged pages are found by the integrity check at open", "[store][bad-file]") {
    TempDir dir;
    std::string db = dir.file("answers.db");
    {
        Store store(db);
        std::vector<Response> many;
        for (int i = 0; i < 300; ++i) many.push_back(sample_response(i));
        std::string error;
        REQUIRE(store.save_all(many, error));
    }
    std::string bytes = kiosk_test::read_file(db);
    REQUIRE(bytes.size() > 20 * 4096);
    // Scribble over the middle of the file: table and index pages, not the header.
    for (std::size_t i = 8 * 4096; i < 12 * 4096; ++i) bytes[i] = static_cast<char>((i * 7) & 0xff);
    kiosk_test::write_file(db, bytes);
    Store store(db);
    CHECK(store.status().state == StoreState::Corrupt);
    CHECK_FALSE(store.status().detail.empty());
    CHECK(store.save(sample_response()) == SaveResult::KeptInRecovery);
    CHECK(kiosk_test::read_file(db) == bytes);
}

TEST_CASE("a read-only database: answers go to the recovery file and come back later", "[store][bad-file]") {
    TempDir dir;
    std::string db = dir.file("answers.db");
    { Store make(db); }
    Response r = sample_response();
    {
        kiosk_test::ReadOnlyFile lock(db);
        Store store(db);
        CHECK(store.status().state == StoreState::ReadOnly);
        CHECK(store.status().words.find("cannot be changed") != std::string::npos);
        CHECK(store.save(r) == SaveResult::KeptInRecovery);
        CHECK_FALSE(store.set_setting("event", "x"));
    }
    Store store(db);
    REQUIRE(store.ok());
    REQUIRE(store.load_responses().size() == 1);
    CHECK(store.load_responses()[0].uuid == r.uuid);
}

TEST_CASE("a locked database: the answer waits in the recovery file, then moves in", "[store][bad-file]") {
    TempDir dir;
    std::string db = dir.file("answers.db");
    StoreOptions quick;
    quick.busy_timeout_ms = 50;
    Store store(db, quick);
    REQUIRE(store.ok());
    sqlite3* other = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &other) == SQLITE_OK);
    REQUIRE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);
    Response first = sample_response(1);
    CHECK(store.save(first) == SaveResult::KeptInRecovery);
    CHECK(store.status().state == StoreState::Locked);
    CHECK(store.status().words.find("Another program is using") != std::string::npos);
    REQUIRE(sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(other);
    Response second = sample_response(2);
    CHECK(store.save(second) == SaveResult::Stored);
    CHECK(store.ok());
    CHECK(query_one(db, "SELECT COUNT(*) FROM responses") == "2");
    CHECK(query_one(db, "SELECT source FROM responses WHERE uuid = '" + first.uuid + "'") == "recovery");
    CHECK_FALSE(fs::exists(store.recovery_path()));
    CHECK(store.waiting_count() == 0);
}

TEST_CASE("a full database: no answer is lost", "[store][bad-file]") {
    TempDir dir;
    std::string db = dir.file("answers.db");
    int page_count = 0;
    { Store make(db); }
    page_count = std::stoi(query_one(db, "PRAGMA page_count"));
    StoreOptions tight;
    tight.max_page_count = page_count + 2;
    std::vector<std::string> uuids;
    int kept = 0;
    {
        Store store(db, tight);
        REQUIRE(store.ok());
        for (int i = 0; i < 40; ++i) {
            Response r = sample_response(i);
            r.answers.push_back({"best", std::string(400, 'a' + i % 26)});
            uuids.push_back(r.uuid);
            SaveResult res = store.save(r);
            REQUIRE(res != SaveResult::Lost);
            if (res == SaveResult::KeptInRecovery) ++kept;
        }
        CHECK(kept > 0);
        CHECK(store.status().state == StoreState::Full);
        CHECK(store.status().words.find("disk is full") != std::string::npos);
        CHECK(store.waiting_count() == kept);
    }
    Store roomy(db);
    REQUIRE(roomy.ok());
    auto all = roomy.load_responses();
    CHECK(all.size() == uuids.size());
    CHECK_FALSE(fs::exists(roomy.recovery_path()));
}

TEST_CASE("the recovery file is replayed at open, unreadable lines are kept", "[store][recovery]") {
    TempDir dir;
    std::string db = dir.file("answers.db");
    Response in_db = sample_response(1);
    { Store make(db); REQUIRE(make.save(in_db) == SaveResult::Stored); }
    Response waiting = sample_response(2, "helper");
    std::string error;
    REQUIRE(append_recovery(db + ".recovery.jsonl", in_db, error));  // already stored: must not double
    REQUIRE(append_recovery(db + ".recovery.jsonl", waiting, error));
    {
        std::FILE* f = std::fopen((db + ".recovery.jsonl").c_str(), "a");
        std::fputs("{\"uuid\":\"not-a-uuid\"}\n{\"uuid\":\"half a li", f);  // a power cut mid-line
        std::fclose(f);
    }
    Response after_cut = sample_response(3);
    REQUIRE(append_recovery(db + ".recovery.jsonl", after_cut, error));

    Store store(db);
    REQUIRE(store.ok());
    CHECK(query_one(db, "SELECT COUNT(*) FROM responses") == "3");
    CHECK(query_one(db, "SELECT respondent FROM responses WHERE uuid = '" + waiting.uuid + "'") == "helper");
    CHECK(query_one(db, "SELECT source FROM responses WHERE uuid = '" + after_cut.uuid + "'") == "recovery");
    std::string left = kiosk_test::read_file(store.recovery_path());
    CHECK(left == "{\"uuid\":\"not-a-uuid\"}\n{\"uuid\":\"half a li\n");
    CHECK(store.waiting_count() == 2);
    CHECK(store.replay_recovery() == 0);  // again: nothing new, nothing doubled
    CHECK(query_one(db, "SELECT COUNT(*) FROM responses") == "3");
}

TEST_CASE("recovery lines round-trip every field, including awkward words", "[store][recovery]") {
    Response r = sample_response(7, "not-said");
    r.document = "a \"b\" \\ c";
    Response back;
    std::string line = response_to_json(r);
    CHECK(line.find('\n') == std::string::npos);
    REQUIRE(response_from_json(line, back));
    CHECK(back.uuid == r.uuid);
    CHECK(back.document == r.document);
    CHECK(back.respondent == "not-said");
    REQUIRE(back.answers.size() == 3);
    CHECK(back.answers[2].value == r.answers[2].value);
    CHECK_FALSE(response_from_json("[1,2]", back));
    CHECK_FALSE(response_from_json("{\"uuid\":\"" + r.uuid + "\"}", back));
    CHECK_FALSE(response_from_json("not json", back));
}

TEST_CASE("other programs can read the database while the kiosk writes", "[store]") {
    TempDir dir;
    std::string db = dir.file("answers.db");
    Store store(db);
    REQUIRE(store.ok());
    REQUIRE(store.save(sample_response(1)) == SaveResult::Stored);

    // A reader in the middle of a long read does not block the kiosk (WAL).
    sqlite3* reader = nullptr;
    REQUIRE(sqlite3_open_v2(db.c_str(), &reader, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_exec(reader, "BEGIN; SELECT COUNT(*) FROM responses;", nullptr, nullptr, nullptr) == SQLITE_OK);
    CHECK(store.save(sample_response(2)) == SaveResult::Stored);
    REQUIRE(sqlite3_exec(reader, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(reader);

    // Another process (the sqlite3 program) sees both committed responses.
    CommandResult r = run_command("sqlite3 -readonly '" + db + "' 'SELECT COUNT(*) FROM responses'");
    INFO("this test needs the sqlite3 program (Debian package sqlite3); it said: " << r.both());
    REQUIRE(r.exit_code == 0);
    CHECK(r.out == "2\n");
}

TEST_CASE("a changed survey with the same version is refused", "[store][survey]") {
    TempDir dir;
    Store store(dir.file("a.db"));
    Survey s = kiosk_test::survey_from_text(kiosk_test::kSmallSurvey, "surveys/small.md");
    Diagnostics diags;
    CHECK(store.check_survey(s, diags));
    CHECK(store.check_survey(s, diags));
    CHECK_FALSE(diags.has_errors());
    CHECK(query_one(dir.file("a.db"), "SELECT title FROM surveys WHERE survey_id = 'small' AND version = 3") ==
          "A small survey");
    CHECK(query_one(dir.file("a.db"), "SELECT length(source) FROM surveys") ==
          std::to_string(std::string(kiosk_test::kSmallSurvey).size()));
    CHECK(query_one(dir.file("a.db"), "SELECT hash FROM surveys") == s.hash);

    Survey changed = kiosk_test::survey_from_text(std::string(kiosk_test::kSmallSurvey) + "\n## New question?\n",
                                                  "surveys/small.md");
    CHECK_FALSE(store.check_survey(changed, diags));
    std::string out = diags.format_all();
    CHECK(out.find("surveys/small.md:3:1: error[survey-changed]") != std::string::npos);
    CHECK(out.find("Write \"version: 4\"") != std::string::npos);

    Diagnostics ok;
    changed.version = 4;
    CHECK(store.check_survey(changed, ok));
    CHECK_FALSE(ok.has_errors());
}

TEST_CASE("counts since midnight by respondent, with waiting answers", "[store]") {
    TempDir dir;
    Store store(dir.file("a.db"));
    Response old = sample_response(1);
    old.finished_at = "2024-05-02T16:00:00.000Z";
    Response other_survey = sample_response(2);
    other_survey.survey_id = "other";
    std::string error;
    REQUIRE(store.save_all({old, other_survey, sample_response(3, "carer"), sample_response(4, "carer"),
                            sample_response(5, "self")},
                           error));
    REQUIRE(append_recovery(store.recovery_path(), sample_response(6, "staff"), error));
    TodayCounts c = store.counts_since("2024-05-03T00:00:00.000Z", "small");
    CHECK(c.total == 4);
    CHECK(c.by_respondent["carer"] == 2);
    CHECK(c.by_respondent["self"] == 1);
    CHECK(c.by_respondent["staff"] == 1);
    CHECK(c.in_recovery == 1);
}

TEST_CASE("a backup is one file other tools can open", "[store]") {
    TempDir dir;
    Store store(dir.file("a.db"));
    REQUIRE(store.save(sample_response(1)) == SaveResult::Stored);
    std::string error;
    REQUIRE(store.backup_to(dir.file("copy.db"), error));
    CHECK(query_one(dir.file("copy.db"), "SELECT COUNT(*) FROM responses") == "1");
    CHECK(query_one(dir.file("copy.db"), "PRAGMA journal_mode") == "delete");
    CHECK_FALSE(fs::exists(dir.file("copy.db-wal")));
}

TEST_CASE("a store that cannot open its folder says so and holds the answer in memory", "[store][bad-file]") {
    TempDir dir;
    Store store(dir.file("missing-folder/answers.db"));
    CHECK(store.status().state == StoreState::CannotOpen);
    CHECK(store.status().words.find("cannot be opened") != std::string::npos);
    CHECK(store.save(sample_response()) == SaveResult::Lost);  // no folder for the recovery file either
    CHECK(store.waiting_count() == 1);                          // held in memory, said to staff
    CHECK(store.status().words.find("Do not turn the kiosk off") != std::string::npos);
}

TEST_CASE("a database locked while opening finishes opening at the next save", "[store][bad-file]") {
    TempDir dir;
    std::string db = dir.file("answers.db");
    sqlite3* other = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &other) == SQLITE_OK);
    REQUIRE(sqlite3_exec(other, "BEGIN EXCLUSIVE; CREATE TABLE other_program (a);", nullptr, nullptr, nullptr) ==
            SQLITE_OK);
    StoreOptions quick;
    quick.busy_timeout_ms = 50;
    Store store(db, quick);
    CHECK(store.status().state == StoreState::Locked);
    Response first = sample_response(1);
    CHECK(store.save(first) == SaveResult::KeptInRecovery);
    REQUIRE(sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(other);
    CHECK(store.save(sample_response(2)) == SaveResult::Stored);
    CHECK(store.ok());
    CHECK(store.schema_version() == kSchemaVersion);
    CHECK(query_one(db, "SELECT COUNT(*) FROM responses") == "2");
    CHECK(query_one(db, "PRAGMA journal_mode") == "wal");
}

TEST_CASE("a read-only Store reads a live database and writes nothing", "[store]") {
    TempDir dir;
    std::string db = dir.file("answers.db");
    Store kiosk(db);
    REQUIRE(kiosk.save(sample_response(1)) == SaveResult::Stored);
    StoreOptions reader_options;
    reader_options.read_only = true;
    Store reader(db, reader_options);
    REQUIRE(reader.ok());
    CHECK(reader.load_responses().size() == 1);
    REQUIRE(kiosk.save(sample_response(2)) == SaveResult::Stored);
    CHECK(reader.load_responses().size() == 2);  // sees new commits
    CHECK(reader.save(sample_response(3)) == SaveResult::Lost);
    CHECK_FALSE(fs::exists(reader.recovery_path()));
    CHECK_FALSE(reader.set_setting("event", "x"));
    CHECK(query_one(db, "SELECT COUNT(*) FROM responses") == "2");

    StoreOptions missing_options;
    missing_options.read_only = true;
    Store missing(dir.file("no-such.db"), missing_options);
    CHECK(missing.status().state == StoreState::CannotOpen);
    CHECK_FALSE(fs::exists(dir.file("no-such.db")));
}

TEST_CASE("the one column list names every column of the responses table, and every writer fills them all",
          "[store]") {
    TempDir dir;
    std::string db = dir.file("answers.db");
    Response r = sample_response(2, "helper");
    r.unfinished = true;
    r.source = "paper";
    r.corrected_at = "2024-05-10T09:00:00.000Z";
    r.local_date = "2024-05-09";
    r.zone = "Europe/London";
    {
        Store store(db);
        REQUIRE(store.ok());
        // The table's own columns are kResponseColumns' (older files added some
        // at the end): a migration that adds a column without adding it there fails here.
        Statement cols(store.handle(), "SELECT name FROM pragma_table_info('responses') ORDER BY name");
        std::string table;
        while (cols.step() == SQLITE_ROW) table += (table.empty() ? "" : ", ") + cols.text(0);
        std::set<std::string> listed;
        std::string list = kResponseColumns;
        for (std::size_t at = 0; at < list.size();) {
            std::size_t comma = list.find(", ", at);
            listed.insert(list.substr(at, comma == std::string::npos ? std::string::npos : comma - at));
            at = comma == std::string::npos ? list.size() : comma + 2;
        }
        std::string sorted;
        for (const auto& c : listed) sorted += (sorted.empty() ? "" : ", ") + c;
        CHECK(table == sorted);
        CHECK(listed.size() == 15);
        ResponseWriter writer(store.handle());
        REQUIRE(writer.prepare_code() == SQLITE_OK);
        bool added = false;
        CHECK(writer.write(r, added) == SQLITE_DONE);
        CHECK(added);
        CHECK(writer.write(r, added) == SQLITE_DONE);  // a resend adds nothing
        CHECK_FALSE(added);
    }
    Store again(db);
    auto all = again.load_responses();
    REQUIRE(all.size() == 1);
    CHECK(all[0].unfinished);
    CHECK(all[0].source == "paper");
    CHECK(all[0].corrected_at == r.corrected_at);
    CHECK(all[0].local_date == r.local_date);
    CHECK(all[0].zone == r.zone);
    CHECK(all[0].respondent == "helper");
    CHECK(all[0].answers.size() == r.answers.size());
    // Every schema version reads as the same fifteen columns.
    for (int schema = 1; schema <= kSchemaVersion; ++schema) {
        Statement st(again.handle(), ("SELECT " + response_select_list(schema) + " FROM responses").c_str());
        REQUIRE(st.step() == SQLITE_ROW);
        Response back = response_from_columns(st);
        CHECK(back.uuid == r.uuid);
        CHECK(back.unfinished == (schema >= 3));
        CHECK(back.corrected_at == (schema >= 4 ? r.corrected_at : ""));
        CHECK(back.local_date == (schema >= 5 ? r.local_date : ""));
        CHECK(back.zone == (schema >= 5 ? r.zone : ""));
    }
}

TEST_CASE("a full disk is named when neither the database nor the recovery file can take an answer",
          "[store][bad-file]") {
    TempDir dir;
    std::string db = dir.file("answers.db");
    { Store make(db); }
    StoreOptions tight;
    tight.max_page_count = std::stoi(query_one(db, "PRAGMA page_count"));
    Store store(db, tight);
    // The recovery file is on the same full disk: /dev/full fails every write with ENOSPC.
    fs::create_symlink("/dev/full", store.recovery_path());
    SaveResult result = SaveResult::Stored;
    for (int i = 0; i < 40 && result == SaveResult::Stored; ++i) {
        Response r = sample_response(i);
        r.answers.push_back({"best", std::string(2000, 'a')});
        result = store.save(r);
    }
    REQUIRE(result == SaveResult::Lost);
    INFO(store.status().words);
    CHECK(store.status().words.rfind("The disk is full. Answers cannot be saved", 0) == 0);
    CHECK(store.status().words.find("Do not turn the kiosk off") != std::string::npos);
    // Still full on the next try. (A folder now stands for the recovery file:
    // it cannot be written either, and unlike /dev/full, reading it ends.)
    fs::remove(store.recovery_path());
    fs::create_directory(store.recovery_path());
    CHECK(store.retry_held() == 1);
    CHECK(store.status().words.rfind("The disk is full.", 0) == 0);
}

TEST_CASE("a recovery file on a full disk is named as a full disk", "[store][bad-file]") {
    TempDir dir;
    std::string db = dir.file("answers.db");
    { Store make(db); }
    fs::create_symlink("/dev/full", db + ".recovery.jsonl");  // every write: ENOSPC
    kiosk_test::ReadOnlyFile lock(db);                       // the database fails for another reason
    Store store(db);
    REQUIRE(store.status().state != StoreState::Full);
    REQUIRE(store.save(sample_response(1)) == SaveResult::Lost);
    INFO(store.status().words);
    CHECK(store.status().words.rfind("The disk is full. Answers cannot be saved", 0) == 0);
}
