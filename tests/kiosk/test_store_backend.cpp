#include <catch2/catch.hpp>

#include <filesystem>
#include <optional>

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
    std::string said = backend.export_answers(dir.file("usb/easyread"));
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

namespace {

// A kiosk on a real answers file in a new folder, its PIN 1234, on a fake clock.
struct RealKiosk {
    TempDir dir;
    std::string db = dir.file("answers.db");
    Survey survey = kiosk_test::survey_from_text(kiosk_test::kSmallSurvey);
    FakeClock clock;
    Store store{db};
    KioskSettings settings = load_settings(store);
    StoreBackend backend{store, clock, ""};
    RealKiosk() { REQUIRE(backend.set_pin("1234")); }
};

// Staff choose the PIN 271845 (typed twice) on the first-run screen.
const char* const kChoosePin = "type 2\ntype 7\ntype 1\ntype 8\ntype 4\ntype 5\nnext\n"
                               "type 2\ntype 7\ntype 1\ntype 8\ntype 4\ntype 5\nnext\n";

}  // namespace

TEST_CASE("a whole journey lands as one exact row in a real database", "[store-backend][journey]") {
    RealKiosk k;
    auto& [dir, db, survey, clock, store, settings, backend] = k;
    Diagnostics diags;
    REQUIRE(store.check_survey(survey, diags));
    settings.event = "May board";
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
                                                                     "next\nexpect staff-menu\ntap export\nexpect staff-export\ntap place:0\n"
                                                                     "expect staff-menu\ntap quit\n");
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

TEST_CASE("a response sent with every question skipped is not counted as an answer", "[store-backend][counts]") {
    RealKiosk k;
    auto& [dir, db, survey, clock, store, settings, backend] = k;
    Session session(survey, settings, clock, backend);
    // Next on every question, "Nothing else", Send: a row with no answers.
    std::string skip_all = "tap start\ntap agree\ntap carer\n";
    for (std::size_t i = 0; i < survey.questions.size(); ++i) skip_all += "next\n";
    skip_all += "tap skip\nexpect review\ntap send\nexpect thank-you\ntap done\n";
    auto result = run_script(session, &clock, skip_all + script_answer_all(survey, "self") + "tap done\n" + skip_all);
    INFO(result.message);
    REQUIRE(result.ok);
    // Both skipped responses are on disk (nothing is thrown away), read back by another connection.
    CHECK(query_one(db, "SELECT COUNT(*) FROM responses") == "3");
    CHECK(query_one(db, "SELECT COUNT(*) FROM responses WHERE uuid NOT IN (SELECT response_uuid FROM answers)") == "2");
    TodayCounts c = backend.counts_today("small");
    CHECK(c.total == 1);
    CHECK(c.by_respondent.size() == 1);
    CHECK(c.by_respondent["self"] == 1);
    CHECK(c.no_answers == 2);
    CHECK(c.unfinished == 0);

    // The same rule for responses waiting in the recovery file.
    Response empty = kiosk_test::sample_response(7, "staff");
    empty.answers.clear();
    empty.finished_at = iso_utc(clock.wall_ms());
    std::string error;
    REQUIRE(append_recovery(store.recovery_path(), empty, error));
    TodayCounts waiting = backend.counts_today("small");
    CHECK(waiting.total == 1);
    CHECK(waiting.no_answers == 3);
    CHECK(waiting.in_recovery == 1);
    CHECK(waiting.by_respondent.count("staff") == 0);
}

TEST_CASE("PIN saved only when it is on disk: a read-only folder says not saved until it can be", "[store-backend][pin][bad-file]") {
    TempDir dir;
    const std::string db = dir.file("answers.db");
    { Store make(db); }  // a kiosk that ran before, with no PIN yet
    Survey survey = kiosk_test::survey_from_text(kiosk_test::kSmallSurvey);
    FakeClock clock;
    std::optional<kiosk_test::ReadOnlyFile> lock_db(std::in_place, db);
    std::optional<kiosk_test::ReadOnlyFile> lock_dir(std::in_place, dir.path());
    Store store(db);
    REQUIRE_FALSE(store.ok());
    KioskSettings settings = load_settings(store);
    StoreBackend backend(store, clock, dir.file("export"));
    Session session(survey, settings, clock, backend);
    REQUIRE(session.screen() == Screen::StaffSetPin);
    auto result = run_script(session, &clock,
                             std::string(kChoosePin) + "expect staff-menu\n");
    INFO(result.message);
    REQUIRE(result.ok);
    const std::string not_saved = kiosk_words().staff_pin_not_saved;
    CHECK(session.view().staff.message.find("PIN saved") == std::string::npos);
    CHECK(session.view().staff.message.rfind(not_saved, 0) == 0);
    CHECK(session.view().staff.message.find("cannot") != std::string::npos);  // the store's own reason follows
    CHECK(session.view().staff.pin_not_saved == not_saved);
    // The kiosk runs; the PIN works for this run; the warning stays on the staff
    // menu each time it opens, never on a screen the public sees.
    result = run_script(session, &clock, "tap close\nexpect welcome\n");
    REQUIRE(result.ok);
    CHECK(session.view().staff.pin_not_saved.empty());
    CHECK(session.view().title.find("PIN") == std::string::npos);
    result = run_script(session, &clock, "staff\ntype 2\ntype 7\ntype 1\ntype 8\ntype 4\ntype 5\nnext\nexpect staff-menu\n");
    INFO(result.message);
    REQUIRE(result.ok);
    CHECK(session.view().staff.pin_not_saved == not_saved);

    // Write permission comes back: the next staff menu puts the PIN on disk and stops warning.
    lock_dir.reset();
    lock_db.reset();
    CHECK(query_one(db, "SELECT COUNT(*) FROM settings WHERE key = 'pin_hash'") == "0");
    result = run_script(session, &clock, "tap close\nstaff\ntype 2\ntype 7\ntype 1\ntype 8\ntype 4\ntype 5\nnext\nexpect staff-menu\n");
    INFO(result.message);
    REQUIRE(result.ok);
    CHECK(session.view().staff.pin_not_saved.empty());
    CHECK(query_one(db, "SELECT value FROM settings WHERE key = 'pin_hash'").rfind("$argon2id$", 0) == 0);
}

TEST_CASE("PIN saved when it is on disk, and a full disk is named", "[store-backend][pin][bad-file]") {
    TempDir dir;
    const std::string db = dir.file("answers.db");
    Survey survey = kiosk_test::survey_from_text(kiosk_test::kSmallSurvey);
    FakeClock clock;
    const std::string choose = std::string(kChoosePin) + "expect staff-menu\n";
    {
        Store store(db);
        StoreBackend backend(store, clock, "");
        KioskSettings settings = load_settings(store);
        Session session(survey, settings, clock, backend);
        REQUIRE(run_script(session, &clock, choose).ok);
        CHECK(session.view().staff.message == "PIN saved.");
        CHECK(session.view().staff.pin_not_saved.empty());
        CHECK(query_one(db, "SELECT value FROM settings WHERE key = 'pin_hash'").rfind("$argon2id$", 0) == 0);
    }
    // A database that cannot grow (SQLite's max_page_count: the disk is full).
    const std::string full_db = dir.file("full.db");
    { Store make(full_db); }
    StoreOptions tight;
    tight.max_page_count = std::stoi(query_one(full_db, "PRAGMA page_count"));
    Store store(full_db, tight);
    {
        // Fill the last free bytes of its pages.
        std::string filler(2000, 'x');
        for (int i = 0; i < 200 && store.set_setting("filler" + std::to_string(i), filler); ++i) {
        }
    }
    StoreBackend backend(store, clock, "");
    KioskSettings settings = load_settings(store);
    Session session(survey, settings, clock, backend);
    auto result = run_script(session, &clock, choose);
    INFO(result.message);
    REQUIRE(result.ok);
    INFO(session.view().staff.message);
    CHECK(session.view().staff.message.rfind(kiosk_words().staff_pin_not_saved, 0) == 0);
    CHECK(session.view().staff.message.find("The disk is full") != std::string::npos);
    CHECK_FALSE(session.view().staff.pin_not_saved.empty());
}
