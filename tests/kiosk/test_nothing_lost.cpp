// Nothing a person typed or answered is lost: typed words are not dropped
// without asking, the staff gesture keeps the person's place, keys repeat,
// and "We have your answers" is only said when the answers are on disk.
#include <catch2/catch.hpp>

#include <filesystem>
#include <optional>

#include "kiosk/core/backend.hpp"
#include "survey/recovery.hpp"
#include "kiosk/core/settings.hpp"
#include "tests/kiosk/session_rig.hpp"
#include "tests/kiosk/store_support.hpp"

using namespace easyread::kiosk;
using namespace easyread::survey;
using kiosk_test::query_one;
using kiosk_test::SessionRig;
using kiosk_test::TempDir;

namespace fs = std::filesystem;

namespace {

// From Welcome to "Anything else?" with every question answered.
void to_anything_else(SessionRig& r) {
    r.to_first_question();
    REQUIRE(r.tap("happy"));
    REQUIRE(r.tap("yes"));
    REQUIRE(r.tap("big"));
    REQUIRE(r.tap("homes"));
    REQUIRE(r.next());
    REQUIRE(r.type("Lunch"));
    REQUIRE(r.next());
    REQUIRE(r.screen() == "anything-else");
}


bool said(const std::vector<std::string>& speech, const std::string& words) {
    for (const auto& s : speech)
        if (s.find(words) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("keys repeat as pressed: no cooldown on letters and digits", "[session][cooldown]") {
    SessionRig r;
    to_anything_else(r);
    r.clock.advance(1000);  // once the new screen has settled
    // All at the same instant: every key counts, unlike answer taps.
    for (const char* k : {"1", "1", "1", "1", " ", "g", "o", "o", "d"}) CHECK(r.s().type_text(k));
    CHECK(r.s().view().text == "1111 good");
    CHECK(r.s().erase());
    CHECK(r.s().erase());
    CHECK(r.s().view().text == "1111 go");
    // Answer buttons keep their cooldown.
    CHECK(r.next());
    CHECK(r.screen() == "review");
    CHECK_FALSE(r.s().tap_option("send"));
    CHECK(r.screen() == "review");
}

TEST_CASE("Nothing else asks before it throws away typed words, in pictures and speech", "[session][discard]") {
    SessionRig r;
    to_anything_else(r);
    CHECK(r.type("The tea was cold"));
    r.spoken();
    CHECK(r.tap("skip"));
    REQUIRE(r.screen() == "confirm-discard");
    const SessionView& v = r.s().view();
    CHECK(v.body.find("The tea was cold") != std::string::npos);  // the words are shown back
    REQUIRE(v.choices.size() == 2);
    CHECK(v.choices[0].id == "keep-words");
    CHECK_FALSE(v.choices[0].picture.empty());
    CHECK(v.choices[1].id == "discard-words");
    CHECK_FALSE(v.choices[1].picture.empty());
    // Said aloud even with auto-speak off, and the words are read back.
    auto speech = r.spoken();
    CHECK(said(speech, "Throw away your words?"));
    CHECK(said(speech, "The tea was cold"));

    // Keep: back to the keyboard with every word.
    CHECK(r.tap("keep-words"));
    CHECK(r.screen() == "anything-else");
    CHECK(r.s().view().text == "The tea was cold");
    // Back on the question also keeps them.
    CHECK(r.tap("skip"));
    CHECK(r.back());
    CHECK(r.screen() == "anything-else");
    CHECK(r.s().view().text == "The tea was cold");
    // Throw away: only when the person says so.
    CHECK(r.tap("skip"));
    CHECK(r.tap("discard-words"));
    CHECK(r.screen() == "review");
    CHECK(r.s().draft().find("anything-else") == nullptr);

    // With nothing typed (or only spaces) Nothing else goes straight on.
    CHECK(r.back());
    CHECK(r.screen() == "anything-else");
    CHECK(r.type("   "));
    CHECK(r.tap("skip"));
    CHECK(r.screen() == "review");
}

TEST_CASE("a comment changed from Review is not dropped by Nothing else either", "[session][discard]") {
    SessionRig r;
    to_anything_else(r);
    CHECK(r.type("More breaks"));
    CHECK(r.next());
    REQUIRE(r.screen() == "review");
    CHECK(r.tap("change:anything-else"));
    CHECK(r.tap("skip"));
    CHECK(r.screen() == "confirm-discard");
    CHECK(r.tap("keep-words"));
    CHECK(r.next());
    CHECK(r.screen() == "review");
    CHECK(r.s().draft().find("anything-else")->value == "More breaks");
}

TEST_CASE("the staff gesture keeps the person's place: cancelling the PIN returns there", "[session][staff]") {
    SessionRig r;
    r.to_first_question("carer");
    CHECK(r.tap("happy"));
    CHECK(r.tap("yes"));
    CHECK(r.tap("big"));
    CHECK(r.tap("homes"));
    CHECK(r.next());
    CHECK(r.type("Half a sent"));  // on the comment question, words typed
    REQUIRE(r.s().view().question_number == 5);
    const std::string uuid = r.s().draft().uuid;

    CHECK(r.s().open_staff());
    CHECK(r.screen() == "staff-pin");
    CHECK(r.s().view().text.empty());  // the PIN box does not show the person's words
    CHECK(r.type("9"));
    CHECK(r.back());  // cancel
    CHECK(r.screen() == "question");
    CHECK(r.s().view().question_number == 5);
    CHECK(r.s().view().text == "Half a sent");
    CHECK(r.s().draft().uuid == uuid);
    CHECK(r.s().draft().respondent == "carer");
    CHECK(r.s().draft().find("topics")->value == "homes");

    // Left on the PIN screen: back to the person's place, not to Welcome.
    CHECK(r.s().open_staff());
    r.later(60000);
    CHECK(r.screen() == "question");
    CHECK(r.s().view().text == "Half a sent");

    // Staff who open the menu and close it also return the person there.
    CHECK(r.s().open_staff());
    CHECK(r.pin("1234"));
    CHECK(r.screen() == "staff-menu");
    CHECK(r.tap("close"));
    CHECK(r.screen() == "question");
    CHECK(r.s().draft().uuid == uuid);
    CHECK(r.type("ence"));
    CHECK(r.next());
    CHECK(r.next());
    CHECK(r.tap("send"));
    REQUIRE(r.backend.saved.size() == 1);
    CHECK(r.backend.saved[0].find("best")->value == "Half a sentence");
}

TEST_CASE("an answer not on disk: no 'We have your answers', staff asked, Close refused, retried", "[session][save]") {
    SessionRig r;
    r.backend.disk_fails = true;
    to_anything_else(r);
    CHECK(r.next());
    r.spoken();
    CHECK(r.tap("send"));
    CHECK(r.screen() == "ask-staff");
    CHECK(r.s().last_save() == SaveResult::Lost);
    CHECK(r.s().saved_count() == 0);
    CHECK(r.s().view().title == "Please ask a member of staff");
    CHECK_FALSE(r.s().view().back_enabled);
    auto speech = r.spoken();
    CHECK(said(speech, "Please ask a member of staff"));
    CHECK_FALSE(said(speech, "We have your answers"));

    // It stays, and keeps trying, however long it waits.
    r.later(120000);
    CHECK(r.screen() == "ask-staff");

    // Staff see the truth, and cannot close the kiosk while it is only in memory.
    CHECK(r.s().open_staff());
    CHECK(r.pin("1234"));
    CHECK(r.s().view().staff.unsaved == 1);
    CHECK(r.tap("quit"));
    CHECK_FALSE(r.s().quit_requested());
    CHECK(r.s().view().staff.message.find("1 answers are only in this kiosk's memory") == 0);
    CHECK(r.tap("close"));
    CHECK(r.screen() == "ask-staff");  // back where it was

    // The disk works again: the next retry saves, and only then Thank you.
    r.backend.disk_fails = false;
    r.later(Session::kRetryMs);
    CHECK(r.screen() == "thank-you");
    CHECK(r.s().saved_count() == 1);
    REQUIRE(r.backend.saved.size() == 1);
    CHECK(r.backend.saved[0].find("best")->value == "Lunch");
    CHECK(r.s().open_staff());
    CHECK(r.pin("1234"));
    CHECK(r.s().view().staff.unsaved == 0);
    CHECK(r.tap("quit"));
    CHECK(r.s().quit_requested());
}

TEST_CASE("read-only database and folder: the answer is held, counted, exported, and saved once it can be",
          "[store][bad-file]") {
    TempDir dir;
    TempDir out;
    const std::string db = dir.file("answers.db");
    Response first = kiosk_test::sample_response(1);
    {
        Store make(db);
        REQUIRE(make.save(first) == SaveResult::Stored);
        REQUIRE(make.set_setting("pin_hash", kiosk_test::pin_1234_hash()));
        REQUIRE(make.set_setting("export_dir", out.path()));
    }
    Response held = kiosk_test::sample_response(2, "carer");
    held.finished_at = "2024-05-03T11:00:00.000Z";
    {
        std::optional<kiosk_test::ReadOnlyFile> lock_db(std::in_place, db);
        std::optional<kiosk_test::ReadOnlyFile> lock_dir(std::in_place, dir.path());
        Store store(db);
        REQUIRE_FALSE(store.ok());
        CHECK(store.save(held) == SaveResult::Lost);
        CHECK_FALSE(fs::exists(store.recovery_path()));
        CHECK(store.held_count() == 1);
        TodayCounts c = store.counts_since("2024-05-03T00:00:00.000Z", "small");
        CHECK(c.in_memory == 1);
        CHECK(c.in_recovery == 0);  // not claimed to be in a file it is not in
        CHECK(store.retry_held() == 1);

        // Export gives staff one file with every answer, without the PIN hash.
        FakeClock clock;
        StoreBackend backend(store, clock, out.path());
        CHECK(backend.unsaved_count() == 1);
        std::string words = backend.export_answers(backend.export_places().at(0).dir);
        INFO(words);
        std::string exported;
        for (const auto& e : fs::directory_iterator(out.path()))
            if (e.path().extension() == ".db") exported = e.path().string();
        REQUIRE_FALSE(exported.empty());
        CHECK(query_one(exported, "SELECT COUNT(*) FROM responses WHERE uuid = '" + held.uuid + "'") == "1");
        CHECK(query_one(exported, "SELECT respondent FROM responses WHERE uuid = '" + held.uuid + "'") == "carer");
        CHECK(query_one(exported, "SELECT COUNT(*) FROM answers WHERE response_uuid = '" + held.uuid + "'") == "3");
        CHECK(query_one(exported, "SELECT COUNT(*) FROM settings WHERE key = 'pin_hash'") == "0");
        CHECK(words.find("1 answers waiting") != std::string::npos);

        // The folder can be written again: the retry puts it in the recovery file.
        lock_dir.reset();
        CHECK(store.retry_held() == 0);
        CHECK(backend.unsaved_count() == 0);
        CHECK(kiosk_test::read_file(store.recovery_path()).find(held.uuid) != std::string::npos);
        CHECK(store.counts_since("2024-05-03T00:00:00.000Z", "small").in_recovery == 1);
    }
    // The database can be written again: the next start moves it in, once.
    Store again(db);
    REQUIRE(again.ok());
    CHECK(query_one(db, "SELECT COUNT(*) FROM responses") == "2");
    CHECK(query_one(db, "SELECT source FROM responses WHERE uuid = '" + held.uuid + "'") == "recovery");
    CHECK_FALSE(fs::exists(again.recovery_path()));
}

TEST_CASE("a plain backup keeps everything but the PIN hash", "[store]") {
    TempDir dir;
    Store store(dir.file("a.db"));
    REQUIRE(store.save(kiosk_test::sample_response(1)) == SaveResult::Stored);
    REQUIRE(store.set_setting("pin_hash", kiosk_test::pin_1234_hash()));
    REQUIRE(store.set_setting("event", "May board"));
    std::string error;
    REQUIRE(store.backup_to(dir.file("copy.db"), error));
    CHECK(query_one(dir.file("copy.db"), "SELECT COUNT(*) FROM settings WHERE key = 'pin_hash'") == "0");
    CHECK(query_one(dir.file("copy.db"), "SELECT value FROM settings WHERE key = 'event'") == "May board");
    CHECK(store.setting("pin_hash").value_or("") == kiosk_test::pin_1234_hash());  // the kiosk keeps its own
}

TEST_CASE("walking away at Throw away your words? keeps the words with the part answers", "[session][discard]") {
    SessionRig r;
    to_anything_else(r);
    REQUIRE(r.later().type_text("More buses"));
    REQUIRE(r.tap("skip"));
    REQUIRE(r.screen() == "confirm-discard");
    r.later(60000);
    REQUIRE(r.screen() == "still-there");
    r.later(20000);
    REQUIRE(r.screen() == "welcome");
    REQUIRE(r.backend.saved.size() == 1);
    const Response& kept = r.backend.saved[0];
    CHECK(kept.unfinished);
    REQUIRE(kept.find("anything-else"));
    CHECK(kept.find("anything-else")->value == "More buses");
    CHECK(kept.find("best")->value == "Lunch");
}

TEST_CASE("staff closing the kiosk mid-survey keep the part answers, and the menu says so first", "[session][staff]") {
    for (bool keep : {true, false}) {
        INFO("keep part answers " << keep);
        SessionRig r;
        r.settings.keep_unfinished = keep;
        r.to_first_question();
        REQUIRE(r.tap("happy"));
        REQUIRE(r.later().type_text("x") == false);  // a choice screen has no keyboard
        REQUIRE(r.s().open_staff());
        REQUIRE(r.pin("1234"));
        REQUIRE(r.screen() == "staff-menu");
        CHECK(r.s().view().staff.part_way ==
              (keep ? "Someone is part-way through the survey. Close the kiosk keeps their answers so far, "
                      "marked as left part-way."
                    : "Someone is part-way through the survey. Keep part answers is off, so Close the kiosk "
                      "drops their answers."));
        REQUIRE(r.tap("quit"));
        CHECK(r.s().quit_requested());
        if (keep) {
            REQUIRE(r.backend.saved.size() == 1);
            CHECK(r.backend.saved[0].unfinished);
            CHECK(r.backend.saved[0].find("meeting")->value == "happy");
            CHECK(r.s().view().staff.message ==
                  "The answers of the person part-way were kept, marked as left part-way.");
        } else {
            CHECK(r.backend.saved.empty());
        }
    }
    // Nobody part-way (Welcome, or before consent): nothing said, nothing stored.
    SessionRig r;
    REQUIRE(r.tap("start"));
    REQUIRE(r.s().open_staff());
    REQUIRE(r.pin("1234"));
    CHECK(r.s().view().staff.part_way.empty());
    REQUIRE(r.tap("quit"));
    CHECK(r.s().quit_requested());
    CHECK(r.backend.saved.empty());
}

TEST_CASE("staff closing the kiosk mid-survey keeps typed words too", "[session][staff]") {
    SessionRig r;
    to_anything_else(r);
    REQUIRE(r.later().type_text("Half a"));
    REQUIRE(r.s().open_staff());
    REQUIRE(r.pin("1234"));
    CHECK_FALSE(r.s().view().staff.part_way.empty());
    REQUIRE(r.tap("quit"));
    REQUIRE(r.backend.saved.size() == 1);
    CHECK(r.backend.saved[0].find("anything-else")->value == "Half a");
}
