// Export to a memory stick: the drives listed from a fake /proc/mounts and
// /sys/block (as a kiosk's kernel writes them), and a real export onto the
// chosen one while the answers folder cannot be written.
#include <catch2/catch.hpp>

#include <sys/mount.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/backend.hpp"
#include "kiosk/core/export_places.hpp"
#include "kiosk/core/script_driver.hpp"
#include "kiosk/core/session.hpp"
#include "kiosk/core/settings.hpp"
#include "survey/recovery.hpp"
#include "survey/timestamps.hpp"
#include "tests/kiosk/store_support.hpp"
#include "tests/kiosk/test_support.hpp"

using namespace easyread::kiosk;
using kiosk_test::TempDir;

namespace fs = std::filesystem;

namespace {

// A fake machine: <root>/proc/mounts and <root>/sys/block/<disk>/removable,
// with a disk's sysfs entry a link into the device tree as the kernel makes it.
struct FakeMachine {
    TempDir root;
    std::string mounts;
    void disk(const std::string& name, const std::string& removable, const std::string& bus = "pci0000:00/ata1") {
        const std::string device = root.file("sys/devices/" + bus + "/block/" + name);
        fs::create_directories(device);
        kiosk_test::write_file(device + "/removable", removable + "\n");
        fs::create_directories(root.file("sys/block"));
        fs::create_symlink(device, root.file("sys/block/" + name));
    }
    // A mounted folder the test can write to; `line` fields as /proc/mounts has them.
    std::string mount(const std::string& device, const std::string& folder, const std::string& options = "rw,nosuid") {
        const std::string dir = root.file("media/" + folder);
        fs::create_directories(dir);
        std::string escaped;
        for (char c : dir) escaped += c == ' ' ? std::string("\\040") : std::string(1, c);
        mounts += device + " " + escaped + " vfat " + options + " 0 0\n";
        fs::create_directories(root.file("proc"));
        kiosk_test::write_file(root.file("proc/mounts"), mounts);
        return dir;
    }
    // One memory stick, SANDISK, in the machine; its folder.
    std::string sandisk() {
        disk("sdb", "1");
        return mount("/dev/sdb1", "SANDISK");
    }
};

}  // namespace

TEST_CASE("memory sticks are the removable drives mounted for writing", "[export][store-backend]") {
    FakeMachine m;
    m.disk("sda", "0");                                          // the kiosk's own disk
    m.disk("sdb", "1");                                          // a memory stick
    m.disk("sdc", "0", "pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host3/target3:0:0/3:0:0:0");  // a USB drive that says 0
    m.disk("mmcblk0", "1");                                      // an SD card
    m.disk("sdd", "1");                                          // a locked stick
    m.mounts = "proc /proc proc rw 0 0\n/dev/sda2 / ext4 rw,relatime 0 0\n";
    m.mount("/dev/sda1", "data");
    const std::string sandisk = m.mount("/dev/sdb1", "SANDISK");
    const std::string kingston = m.mount("/dev/sdc1", "KINGSTON DATA");
    const std::string card = m.mount("/dev/mmcblk0p1", "CARD");
    m.mount("/dev/sdd1", "LOCKED", "ro,nosuid");
    m.mount("/dev/sdb1", "SANDISK");  // the same stick mounted twice: listed once
    m.mount("tmpfs", "ram");

    std::vector<ExportPlace> places = removable_drives(m.root.path());
    REQUIRE(places.size() == 3);
    CHECK(places[0].label == "Memory stick SANDISK");
    CHECK(places[0].dir == sandisk);
    CHECK(places[1].label == "Memory stick KINGSTON DATA");  // \040 in /proc/mounts is a space
    CHECK(places[1].dir == kingston);
    CHECK(places[2].dir == card);
    for (const ExportPlace& p : places) CHECK(fs::is_directory(p.dir));

    TempDir empty;
    CHECK(removable_drives(empty.path()).empty());  // no /proc/mounts: nothing, no crash
}

TEST_CASE("with the answers folder read-only, staff export onto the memory stick they choose",
          "[export][store-backend][bad-file]") {
    FakeMachine m;
    const std::string stick = m.sandisk();
    TempDir dir;
    const std::string db = dir.file("answers.db");
    Survey survey = kiosk_test::survey_from_text(kiosk_test::kSmallSurvey);
    FakeClock clock;
    Response first = kiosk_test::sample_response(1, "carer");
    {
        Store make(db);
        REQUIRE(make.save(first) == SaveResult::Stored);
    }
    std::optional<kiosk_test::ReadOnlyFile> lock_db(std::in_place, db);
    std::optional<kiosk_test::ReadOnlyFile> lock_dir(std::in_place, dir.path());
    Store store(db);
    REQUIRE_FALSE(store.ok());
    KioskSettings settings = load_settings(store);
    StoreBackend backend(store, clock, "", m.root.path());
    Session session(survey, settings, clock, backend);
    // The PIN cannot be read or kept: staff choose one for this run. A response
    // given now cannot reach any disk on the kiosk: it is held in memory.
    const std::string pin = "type 2\ntype 7\ntype 1\ntype 8\ntype 4\ntype 5\nnext\n";
    std::string answer_all = script_answer_all(survey, "self");
    answer_all.replace(answer_all.find("expect thank-you"), std::string::npos, "expect ask-staff\n");
    auto result = run_script(session, &clock,
                             "expect staff-set-pin\n" + pin + pin + "expect staff-menu\ntap close\n" + answer_all + "staff\n" +
                                 pin + "expect staff-menu\ntap export\nexpect staff-export\n");
    INFO(result.message);
    REQUIRE(result.ok);
    const SessionView& v = session.view();
    REQUIRE(v.choices.size() == 3);  // the kiosk's folder, the stick, Look again
    CHECK(v.choices[1].label == "Memory stick SANDISK");
    CHECK(v.body.find(stick) != std::string::npos);

    // The kiosk's own export folder is inside the read-only folder: it says so and copies nothing.
    result = run_script(session, &clock, "tap place:0\nexpect staff-menu\n");
    REQUIRE(result.ok);
    CHECK(session.view().staff.message.find("Could not make the folder " + dir.path() + "/export") == 0);
    CHECK_FALSE(fs::exists(dir.file("export")));

    result = run_script(session, &clock, "tap export\nexpect staff-export\ntap place:1\nexpect staff-menu\n");
    INFO(result.message);
    REQUIRE(result.ok);
    INFO(session.view().staff.message);
    // Every answer is on the stick, in the copy of the answers file or in a file
    // beside it for those waiting, whichever SQLite could make; none on the kiosk.
    const std::string said = session.view().staff.message;
    CHECK(said.find(stick + "/easyread-answers-") != std::string::npos);
    CHECK(said.find("The 1 answers waiting outside the answers file are in " + stick) != std::string::npos);
    CHECK(said.find("damaged") == std::string::npos);
    std::string respondents;
    int answers = 0;
    for (const auto& e : fs::directory_iterator(stick)) {
        if (e.path().extension() != ".db") continue;
        const std::string got =
            kiosk_test::query_one(e.path().string(), "SELECT group_concat(respondent) FROM responses");
        respondents += (respondents.empty() || got.empty() ? "" : ",") + got;
        answers += std::stoi(kiosk_test::query_one(
            e.path().string(), "SELECT COUNT(*) FROM answers a JOIN responses r ON r.uuid = a.response_uuid "
                               "WHERE r.respondent = 'self'"));
    }
    // Read back by other connections: the answer stored before, and the one held in memory.
    CHECK((respondents == "carer,self" || respondents == "self,carer"));
    CHECK(answers == static_cast<int>(survey.questions.size()));
    CHECK_FALSE(fs::exists(dir.file("export")));
}

namespace {

// A real small stick: a tmpfs of `size` ("size=64k") mounted on the fake stick's folder, where
// the machine lets the test mount (as root); unmounted at the end.
class SmallStick {
public:
    SmallStick(std::string dir, const std::string& size) : dir_(std::move(dir)) {
        mounted_ = ::mount("tmpfs", dir_.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, size.c_str()) == 0;
    }
    ~SmallStick() {
        if (mounted_) ::umount2(dir_.c_str(), MNT_DETACH);
    }
    SmallStick(const SmallStick&) = delete;
    SmallStick& operator=(const SmallStick&) = delete;
    bool mounted() const { return mounted_; }

private:
    std::string dir_;
    bool mounted_ = false;
};

// Names in a folder that an export began: "easyread-answers-...".
std::vector<std::string> export_files(const std::string& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().rfind("easyread-answers-", 0) == 0) out.push_back(e.path().filename().string());
    return out;
}

}  // namespace

TEST_CASE("a full memory stick is said to staff in plain words, and no half-copied file is left on it",
          "[export][store-backend][bad-file]") {
    FakeMachine m;
    const std::string stick = m.sandisk();
    TempDir dir;
    const std::string db = dir.file("answers.db");
    Store store(db);
    // More answers than a 64 KB stick holds: 40 responses with long comments (about 200 KB).
    for (int i = 0; i < 40; ++i) {
        Response r = kiosk_test::sample_response(i);
        r.answers.push_back({"best", std::string(4000, 'a' + static_cast<char>(i % 26))});
        REQUIRE(store.save(r) == SaveResult::Stored);
    }
    std::string error;
    REQUIRE(append_recovery(store.recovery_path(), kiosk_test::sample_response(99, "carer"), error));
    KioskSettings settings = load_settings(store);
    FakeClock clock;
    StoreBackend backend(store, clock, dir.file("export"), m.root.path());
    const Survey survey = kiosk_test::survey_from_text(kiosk_test::kSmallSurvey);  // the session keeps a reference
    Session session(survey, settings, clock, backend);
    const std::string pin = "type 2\ntype 7\ntype 1\ntype 8\ntype 4\ntype 5\nnext\n";
    auto result = run_script(session, &clock, "expect staff-set-pin\n" + pin + pin + "expect staff-menu\ntap export\nexpect staff-export\n");
    INFO(result.message);
    REQUIRE(result.ok);
    REQUIRE(session.view().choices.size() == 3);  // the kiosk's folder, the stick, Look again
    clock.advance(2000);
    session.tick();
    // The export's file names: they carry the kiosk's id and the time.
    std::string stamp = iso_utc(clock.wall_ms());
    for (char& c : stamp)
        if (c == ':' || c == '.') c = '-';
    const std::string base = "easyread-answers-" + settings.device_id.substr(0, 8) + "-" + stamp;
    auto export_to = [&](const std::string& place) {
        REQUIRE(session.tap_option(place));
        REQUIRE(session.screen() == Screen::StaffMenu);
        return session.view().staff.message;
    };
    auto plain = [](const std::string& said) {
        INFO(said);
        CHECK(said.find("database or disk is full") == std::string::npos);  // SQLite's words
        CHECK(said.find("No space left") == std::string::npos);             // the system's
        CHECK(said.find("disk I/O") == std::string::npos);
    };

    SECTION("a stick with no room at all: every file written there fails with ENOSPC") {
        fs::create_symlink("/dev/full", stick + "/" + base + ".db");
        const std::string said = export_to("place:1");
        INFO(said);
        CHECK(said.rfind("The memory stick is full: the answers are NOT copied. Delete files you no longer need "
                         "from the memory stick, or use another one, then export again.", 0) == 0);
        plain(said);
        CHECK(export_files(stick).empty());
    }

    SECTION("the kiosk's own export folder on a full disk: staff are told to use a memory stick") {
        fs::create_directories(dir.file("export"));
        fs::create_symlink("/dev/full", dir.file("export/" + base + ".db"));
        const std::string said = export_to("place:0");
        INFO(said);
        CHECK(said.rfind("The disk is full: the answers are NOT copied. Export to a memory stick instead", 0) == 0);
        plain(said);
        CHECK(export_files(dir.file("export")).empty());
    }

    SECTION("a real 64 KB stick (a tmpfs), where the test may mount one") {
        SmallStick small(stick, "size=64k");
        if (!small.mounted()) {
            WARN("cannot mount a tmpfs here (not root, or no CAP_SYS_ADMIN): the /dev/full sections stand for it");
            return;
        }
        const std::string said = export_to("place:1");
        INFO(said);
        CHECK(said.rfind("The memory stick is full: the answers are NOT copied.", 0) == 0);
        plain(said);
        CHECK(export_files(stick).empty());  // the part SQLite wrote before the stick filled is gone
        // The stick has room again for what fits: a small file is written whole.
        kiosk_test::write_file(stick + "/note.txt", "room");
        CHECK(kiosk_test::read_file(stick + "/note.txt") == "room");
    }
    SECTION("a real stick with room for the answers file but not for the answers waiting beside it") {
        // An answer with a 300 KB comment waits in the recovery file; the stick
        // holds the answers file's pages and 48 KB more.
        Response big = kiosk_test::sample_response(100, "carer");
        big.answers.push_back({"best", std::string(300000, 'w')});
        REQUIRE(append_recovery(store.recovery_path(), big, error));
        const long long bytes = std::stoll(kiosk_test::query_one(db, "PRAGMA page_count")) *
                                std::stoll(kiosk_test::query_one(db, "PRAGMA page_size"));
        SmallStick small(stick, "size=" + std::to_string((bytes + 48 * 1024) / 4096 * 4096));
        if (!small.mounted()) {
            WARN("cannot mount a tmpfs here (not root, or no CAP_SYS_ADMIN): this case is not tried");
            return;
        }
        const std::string said = export_to("place:1");
        INFO(said);
        CHECK(said.rfind("The memory stick is full: the answers are NOT all copied. " + stick + "/" + base +
                             ".db holds the answers file, but not the 2 answers waiting outside it.",
                         0) == 0);
        plain(said);
        // What is on the stick is a whole answers file that any SQLite reads: the 40 stored answers.
        CHECK(export_files(stick) == std::vector<std::string>{base + ".db"});
        CHECK(kiosk_test::query_one(stick + "/" + base + ".db", "PRAGMA integrity_check") == "ok");
        CHECK(kiosk_test::query_one(stick + "/" + base + ".db", "SELECT COUNT(*) FROM responses") == "40");
    }
    // The kiosk's own answers are untouched whatever the stick did.
    CHECK(kiosk_test::query_one(db, "SELECT COUNT(*) FROM responses") == "40");
    CHECK(fs::exists(store.recovery_path()));
}
