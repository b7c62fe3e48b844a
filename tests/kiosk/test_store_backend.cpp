#include <catch2/catch.hpp>

#include <filesystem>

#include <algorithm>

#include "kiosk/core/backend.hpp"
#include "survey/recovery.hpp"
#include "kiosk/core/script_driver.hpp"
#include "kiosk/core/session.hpp"
#include "kiosk/core/settings.hpp"
#include "tests/kiosk/store_support.hpp"
#include "tests/kiosk/test_support.hpp"

using namespace easyread;
using namespace easyread::kiosk;
using namespace easyread::survey;
using kiosk_test::query_one;
using kiosk_test::TempDir;

namespace fs = std::filesystem;

TEST_CASE("settings come from the database, bad values keep the defaults", "[settings]") {
    TempDir dir;
    Store store(dir.file("a.db"));
    KioskSettings first = load_settings(store);
    CHECK(first.idle_ms == 60000);
    CHECK(first.still_there_ms == 20000);
    CHECK(first.cooldown_ms == 400);
    CHECK_FALSE(first.confirm_negative);
    CHECK(looks_like_uuid(first.device_id));
    CHECK(load_settings(store).device_id == first.device_id);  // made once, then kept

    store.set_setting("idle_seconds", "90");
    store.set_setting("still_there_seconds", "5");  // under the 20 s minimum: ignored
    store.set_setting("cooldown_ms", "250");
    store.set_setting("thank_you_seconds", "soon");  // not a number: ignored
    store.set_setting("confirm_negative", "yes");
    store.set_setting("auto_advance", "no");
    CHECK(save_event_name(store, "Partnership Board"));
    KioskSettings s = load_settings(store);
    CHECK(s.idle_ms == 90000);
    CHECK(s.still_there_ms == 20000);
    CHECK(s.cooldown_ms == 250);
    CHECK(s.thank_you_ms == 10000);
    CHECK(s.confirm_negative);
    CHECK_FALSE(s.auto_advance);
    CHECK(s.event == "Partnership Board");
}

TEST_CASE("the PIN is kept only as a hash in the database", "[store-backend][pin]") {
    TempDir dir;
    FakeClock clock;
    Store store(dir.file("a.db"));
    StoreBackend backend(store, clock, dir.file("export"));
    CHECK_FALSE(backend.pin_is_set());
    CHECK_FALSE(backend.check_pin("1234"));
    REQUIRE(backend.set_pin("2468"));
    CHECK(backend.pin_is_set());
    CHECK(backend.check_pin("2468"));
    CHECK_FALSE(backend.check_pin("2469"));
    std::string stored = query_one(dir.file("a.db"), "SELECT value FROM settings WHERE key = 'pin_hash'");
    CHECK(stored.rfind("$argon2id$", 0) == 0);
    CHECK(stored.find("2468") == std::string::npos);
}

TEST_CASE("export copies the answers, with those in the recovery file, and the recovery file itself", "[store-backend]") {
    TempDir dir;
    FakeClock clock;
    Store store(dir.file("a.db"));
    REQUIRE(store.save(kiosk_test::sample_response(1)) == SaveResult::Stored);
    std::string error;
    REQUIRE(append_recovery(store.recovery_path(), kiosk_test::sample_response(2), error));
    StoreBackend backend(store, clock, dir.file("usb/easyread"));
    std::string said = backend.export_answers();
    INFO(said);
    std::vector<std::string> made;
    for (auto& e : fs::directory_iterator(dir.file("usb/easyread"))) made.push_back(e.path().string());
    REQUIRE(made.size() == 2);
    std::sort(made.begin(), made.end());
    CHECK(made[0].find("easyread-answers-") != std::string::npos);
    CHECK(made[0].substr(made[0].size() - 3) == ".db");
    // One file holds every answer: the database's and the recovery file's.
    CHECK(query_one(made[0], "SELECT COUNT(*) FROM responses") == "2");
    CHECK(query_one(made[0], "SELECT COUNT(*) FROM responses WHERE source = 'recovery'") == "1");
    CHECK(query_one(made[0], "PRAGMA journal_mode") == "delete");
    CHECK(kiosk_test::read_file(made[1]) == kiosk_test::read_file(store.recovery_path()));
    CHECK(said.find("Answers copied to") == 0);
}

TEST_CASE("a whole journey lands as one exact row in a real database", "[store-backend][journey]") {
    TempDir dir;
    std::string db = dir.file("answers.db");
    Survey survey = kiosk_test::survey_from_text(kiosk_test::kSmallSurvey);
    FakeClock clock;
    Store store(db);
    Diagnostics diags;
    REQUIRE(store.check_survey(survey, diags));
    KioskSettings settings = load_settings(store);
    settings.event = "May board";
    StoreBackend backend(store, clock, "");
    REQUIRE(backend.set_pin("1234"));
    Session session(survey, settings, clock, backend);
    auto result = run_script(session, &clock,
                             "tap start\ntap agree\ntap helper\ntap middle\ntap no\ntap big\ntap homes\ntap jobs\nnext\n"
                             "type Lunch\nnext\ntype More pictures\nnext\nexpect review\ntap send\nexpect thank-you\n");
    INFO(result.message);
    REQUIRE(result.ok);
    CHECK(session.last_save() == SaveResult::Stored);
    // Read back by another connection, as the report tool will.
    CHECK(query_one(db, "SELECT survey_id || ' v' || survey_version || ' ' || event || ' ' || respondent FROM responses") ==
          "small v3 May board helper");
    CHECK(query_one(db, "SELECT group_concat(question_id || '=' || value, ' | ') FROM "
                        "(SELECT * FROM answers ORDER BY position)") ==
          "meeting=middle | hear=no | room=big | topics=homes;jobs | best=Lunch | anything-else=More pictures");
    CHECK(query_one(db, "SELECT device_id FROM responses") == settings.device_id);
    CHECK(query_one(db, "SELECT started_at < finished_at FROM responses") == "1");
    CHECK(query_one(db, "SELECT survey_hash FROM responses") == survey.hash);
    CHECK(backend.counts_today("small").total == 1);
}

TEST_CASE("on a damaged database staff can still choose a PIN, export and quit", "[store-backend][bad-file]") {
    TempDir dir;
    std::string db = dir.file("answers.db");
    kiosk_test::write_file(db, std::string(4096, 'x'));
    Survey survey = kiosk_test::survey_from_text(kiosk_test::kSmallSurvey);
    FakeClock clock;
    Store store(db);
    REQUIRE(store.status().state == StoreState::Corrupt);
    KioskSettings settings = load_settings(store);
    StoreBackend backend(store, clock, dir.file("export"));
    Session session(survey, settings, clock, backend);
    REQUIRE(session.screen() == Screen::StaffSetPin);
    auto result = run_script(session, &clock,
                             "type 2\ntype 7\ntype 1\ntype 8\ntype 4\ntype 5\nnext\n"
                             "type 2\ntype 7\ntype 1\ntype 8\ntype 4\ntype 5\nnext\n"
                             "expect staff-menu\ntap close\n" +
                                 script_answer_all(survey, "self") + "tap done\nstaff\ntype 2\ntype 7\ntype 1\ntype 8\ntype 4\ntype 5\n"
                                                                     "next\nexpect staff-menu\ntap export\ntap quit\n");
    INFO(result.message);
    REQUIRE(result.ok);
    CHECK(session.last_save() == SaveResult::KeptInRecovery);
    CHECK_FALSE(session.view().staff.store_ok);
    CHECK(session.view().staff.store_words.find("damaged") != std::string::npos);
    CHECK(session.view().staff.today.in_recovery == 1);
    CHECK(session.view().staff.message.find("recovery") != std::string::npos);
    CHECK(session.quit_requested());
    CHECK(kiosk_test::read_file(db) == std::string(4096, 'x'));
}
