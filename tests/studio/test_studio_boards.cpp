// Boards and kiosk surveys in the studio, through StudioApp::dispatch as
// the page calls it: answers files uploaded (and refused), the board report
// on screen against `easyread report`'s own CSV for the same files, the
// actions form written and read back by the report, personal details
// masked on screen, and a survey saved from the page with its version
// raised when what the kiosk asks changed.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <sstream>
#include <regex>

#include "report/outputs/actions_file.hpp"
#include "studio/board_store.hpp"
#include "studio/studio_app.hpp"
#include "survey/survey_parser.hpp"
#include "tests/report/report_fixture.hpp"
#include "tests/studio/app_calls.hpp"
#include "tests/studio/studio_fixture.hpp"
#include "tests/studio/team_fixture.hpp"

using namespace easyread::studio;
using report_test::has_substr;

namespace {

// The studio's page uploading to the board.
struct Studio : AppCalls {
    explicit Studio(std::size_t max_bytes = 20u << 20) : AppCalls(max_bytes) {}
    httplib::Response upload(const std::string& filename, const std::string& bytes,
                             const std::map<std::string, std::string>& fields = {}) {
        return AppCalls::upload("/api/board/upload", filename, bytes, fields);
    }
    std::string boards() const { return dir.path() + "/" + BoardStore::kFolder; }
};

// Files anywhere under `dir` (names relative to it).
std::vector<std::string> files_under(const std::string& dir) {
    auto r = run_command("find '" + dir + "' -type f | sort");
    std::vector<std::string> out;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) out.push_back("." + line.substr(dir.size()));
    return out;
}

}  // namespace

TEST_CASE("a kiosk answers file is kept read-only in the boards folder, and anything else is refused") {
    Studio s(256u << 10);
    TempDir src;
    const std::string db = report_test::march_and_may_db(src.path());
    const std::string bytes = read_file(db);

    auto r = s.upload("March and May kiosk.db", bytes);
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(has_substr(r.body, "\"name\":\"march-and-may-kiosk.db\""));
    const std::string kept = s.boards() + "/kiosk/march-and-may-kiosk.db";
    struct stat st;
    REQUIRE(::stat(kept.c_str(), &st) == 0);
    CHECK((st.st_mode & 0222) == 0);  // no one may write to it
    CHECK(read_file(kept) == bytes);

    // Not SQLite, too big, not a kiosk file, damaged, the wrong ending.
    CHECK(s.upload("notes.db", std::string(2000, 'x')).status == 415);
    std::string big = bytes;
    big.resize((256u << 10) + 1, '\0');
    CHECK(s.upload("big.db", big).status == 413);
    CHECK(s.upload("answers.xlsx", bytes).status == 415);
    {
        TempDir other;
        run_command("sqlite3 '" + other.file("other.db") + "' 'CREATE TABLE t(x); INSERT INTO t VALUES (1);'");
        auto bad = s.upload("other.db", read_file(other.file("other.db")));
        INFO(bad.body);
        CHECK(bad.status == 422);
        CHECK(has_substr(bad.body, "not kept"));
    }
    std::string damaged = bytes;
    for (std::size_t i = 4096; i < damaged.size() && i < 4096 * 4; ++i) damaged[i] = static_cast<char>(i * 7);
    auto d = s.upload("damaged.db", damaged);
    INFO(d.body);
    CHECK(d.status == 422);
    CHECK_FALSE(has_substr(d.body, "/incoming/"));  // the waiting file's name is not shown

    // Names that try to leave the folder are kept inside it, under a plain name.
    for (const std::string name : {"../../escape.db", "..\\..\\escape.db", "/etc/escape.db", "kiosk/../../x.db", ".hidden.db"}) {
        INFO(name);
        auto t = s.upload(name, bytes);
        CHECK(t.status == 200);
        CHECK_FALSE(has_substr(t.body, ".."));
        CHECK_FALSE(has_substr(t.body, "/"));
    }
    CHECK(::access((s.dir.path() + "/../escape.db").c_str(), F_OK) != 0);
    CHECK(::access("/etc/escape.db", F_OK) != 0);
    for (const auto& f : files_under(s.dir.path())) {
        INFO(f);
        CHECK(f.rfind("./.easyread-boards/kiosk/", 0) == 0);  // nothing beside the documents, nothing waiting
    }
    // The files a board keeps are counted: past the most, each is refused in words.
    {
        BoardStore few(s.dir.path() + "/few", 20u << 20, 2);
        std::string name;
        StoreError err;
        CHECK(few.add_kiosk_file("a.db", bytes, name, err));
        CHECK(few.add_kiosk_file("b.db", bytes, name, err));
        CHECK_FALSE(few.add_kiosk_file("c.db", bytes, name, err));
        CHECK(err.status == 413);
        CHECK(has_substr(err.message, "2 answers files"));
        CHECK(few.list().size() == 2);
        run_command("rm -rf '" + s.dir.path() + "/few'");
    }
    // Document routes cannot reach the boards folder.
    CHECK(s.call("GET", "/api/doc?name=.easyread-boards/kiosk/march-and-may-kiosk.db").status >= 400);
    CHECK(s.call("GET", "/api/files").body.find("march") == std::string::npos);
}

TEST_CASE("the board report on screen counts as the report command's CSV for the same files, event by event") {
    Studio s;
    TempDir src;
    // Two kiosks: one at the March meeting, one in May, and a paper CSV typed up after May.
    {  // closed before they are uploaded, as a kiosk's export is
        report_test::AnswersFile march(src.file("march.db"), report_test::survey_text(1));
        march.add_many(4, "March meeting", "self", 3, 14, {{"day", "happy"}, {"hear", "yes"}, {"next", "music"}});
        march.add_many(3, "March meeting", "carer", 3, 14, {{"day", "sad"}, {"hear", "no"}});
        report_test::AnswersFile may(src.file("may.db"), report_test::survey_text(1));
        report_test::fill_march_and_may(may);
    }
    REQUIRE(s.upload("march.db", read_file(src.file("march.db"))).status == 200);
    REQUIRE(s.upload("may.db", read_file(src.file("may.db"))).status == 200);
    write_file(src.file("paper.csv"), "response_id,respondent,day,hear,next,ideas\n1,self,happy,yes,food,\n2,carer,middle,,,Call me on 01632 960123\n");
    auto p = s.upload("paper.csv", read_file(src.file("paper.csv")), {{"event", "May meeting"}, {"date", "2024-05-09"}});
    INFO(p.body);
    REQUIRE(p.status == 200);
    // The same CSV again adds nothing, and a wrong one names its line.
    write_file(src.file("bad.csv"), "response_id,respondent,day\n1,self,cheerful\n");
    auto bad = s.upload("bad.csv", read_file(src.file("bad.csv")), {{"event", "May meeting"}, {"date", "2024-05-09"}});
    CHECK(bad.status == 422);
    CHECK(has_substr(bad.body, "line 2"));
    CHECK(has_substr(bad.body, "cheerful"));

    std::vector<std::string> kept;
    for (const auto& f : files_under(s.boards()))
        if (f.size() > 3 && f.substr(f.size() - 3) == ".db") kept.push_back(s.boards() + "/" + f.substr(2));
    REQUIRE(kept.size() == 3);

    for (const std::string event : {"", "May meeting", "March meeting"}) {
        INFO(event);
        TempDir out;
        std::string args;
        for (const auto& k : kept) args += "'" + k + "' ";
        if (!event.empty()) args += "--event '" + event + "' ";
        report_test::run_ok(args.insert(0, "report ") + "-o '" + out.file("answers.csv") + "'");
        // Count the CSV's rows for the first question: one per person who answered it.
        std::map<std::string, int> day;
        for (const auto& row : report_test::csv_rows(out.file("answers.csv")))
            if (row.size() > 12 && row[10] == "day") ++day[row[11]];
        REQUIRE(day["happy"] > 0);

        const std::string q = event.empty() ? "" : "?event=" + url_encode(event);
        auto r = s.call("GET", "/api/board/report" + q);
        INFO(r.body);
        REQUIRE(r.status == 200);
        // The chart of "Did you like the day?": each bar's count as the CSV has it.
        const auto chart = r.body.find("\"kind\":\"chart\"");
        REQUIRE(chart != std::string::npos);
        const std::string bars = r.body.substr(chart, r.body.find("]", r.body.find("\"bars\"", chart)) - chart);
        for (const auto& [label, value] : std::vector<std::pair<std::string, std::string>>{{"Happy", "happy"}, {"Sad", "sad"}}) {
            std::smatch m;
            REQUIRE(std::regex_search(bars, m, std::regex("\"label\":\"" + label + "\",\"picture\":\"[^\"]*\",\"count\":(\\d+)")));
            CHECK(std::stoi(m[1]) == day[value]);
        }
        // The download is the command's own file, byte for byte.
        auto csv = s.call("GET", "/api/board/download?format=csv" + (q.empty() ? "" : "&" + q.substr(1)));
        CHECK(csv.status == 200);
        CHECK(csv.body == read_file(out.file("answers.csv")));
    }
    // Masked on screen as in the reports; the unmasked view has the words as typed.
    auto r = s.call("GET", "/api/board/report");
    CHECK_FALSE(has_substr(r.body, "07700 900123"));
    CHECK_FALSE(has_substr(r.body, "01632 960123"));
    CHECK(has_substr(r.body, "[phone number]"));
    auto raw = s.call("GET", "/api/board/unmasked");
    CHECK(has_substr(raw.body, "07700 900123"));
    // A filter that names no event, and dates the wrong way round, are said, not shown empty.
    auto june = s.call("GET", "/api/board/report?event=June");
    CHECK(june.status == 422);
    CHECK(has_substr(june.body, "June"));
    CHECK(s.call("GET", "/api/board/report?from=2024-06-01&to=2024-05-01").status == 400);
    auto html = s.call("GET", "/api/board/download?format=html&from=2024-05-01");
    CHECK(html.status == 200);
    CHECK(has_substr(html.body, "May meeting"));
    CHECK_FALSE(has_substr(html.body, "March meeting"));
    CHECK_FALSE(has_substr(html.body, s.boards()));  // files named as the board knows them
    CHECK(has_substr(html.body, "march.db"));
}

TEST_CASE("the board's actions written in the form are read back by the report as written") {
    Studio s;
    TempDir src;
    REQUIRE(s.upload("answers.db", read_file(report_test::march_and_may_db(src.path()))).status == 200);
    auto empty = s.call("GET", "/api/board/actions");
    REQUIRE(empty.status == 200);
    CHECK(has_substr(empty.body, "\"version\":\"\""));
    CHECK(has_substr(empty.body, "\"id\":\"day\""));

    const std::string what = "We will book a bigger room.\n\n# This is not a heading\nWho: is not a field here";
    const std::string form = "organisation=Millbrook%20Board&contact=Phone%2001632%20960%20000&what%3Aday=" +
                             url_encode(what) + "&who%3Aday=Sam%20Patel&when%3Aday=September%202024&what%3Ahear=" +
                             url_encode("We will buy microphones.") + "&who%3Ahear=&when%3Ahear=";
    CHECK(s.call("PUT", "/api/board/actions", form).status == 428);  // no version named
    auto put = s.call("PUT", "/api/board/actions", form, {{"If-Match", "new"}});
    INFO(put.body);
    REQUIRE(put.status == 200);
    CHECK(has_substr(put.body, "\"question\":\"hear\""));  // no who or by when: a warning at its question

    // The file on disk, read by the report's own reader.
    easyread::report::ActionsFile actions;
    easyread::Diagnostics diags;
    REQUIRE(easyread::report::load_actions(s.boards() + "/actions.md", {"day", "hear", "next", "ideas"}, actions, diags));
    REQUIRE(actions.actions.size() == 2);
    CHECK(actions.meta.get("organisation") == "Millbrook Board");
    CHECK(actions.actions[0].question_id == "day");
    CHECK(actions.actions[0].who == "Sam Patel");
    CHECK(actions.actions[0].by_when == "September 2024");
    REQUIRE(actions.actions[0].what.size() == 2);
    CHECK(actions.actions[0].what[0] == "We will book a bigger room.");
    CHECK(has_substr(actions.actions[0].what[1], "# This is not a heading"));
    CHECK(has_substr(actions.actions[0].what[1], "Who: is not a field here"));

    // The form shows what was written; a second save from the old version is refused.
    auto back = s.call("GET", "/api/board/actions");
    CHECK(has_substr(back.body, "\"who\":\"Sam Patel\""));
    CHECK(has_substr(back.body, "We will buy microphones."));
    CHECK(s.call("PUT", "/api/board/actions", form, {{"If-Match", "new"}}).status == 409);

    // The easy read "You said, we did" has the board's words.
    auto md = s.call("GET", "/api/board/download?format=easy-md");
    REQUIRE(md.status == 200);
    CHECK(has_substr(md.get_header_value("Content-Disposition"), "you-said-we-did.md"));
    CHECK(has_substr(md.body, "We will book a bigger room."));
    CHECK(has_substr(md.body, "Sam Patel"));
}

TEST_CASE("team mode: answers files are the board's, their words as typed the admins', surveys the editors', and each look is audited") {
    TeamStudio s;
    const auto admin = s.person("ann", "admin-bootstrap");
    const auto ed = s.person("ed", "editor");
    const auto bo = s.person("bo", "board");
    {  // a kiosk file kept through the board's store, in the team's boards/ beside documents/
        TempDir src;
        BoardStore boards(s.team() + "/boards", 20u << 20);
        std::string name;
        StoreError err;
        REQUIRE(boards.add_kiosk_file("kiosk.db", read_file(report_test::march_and_may_db(src.path())), name, err));
    }
    for (const std::string target : {"/api/board/files", "/api/board/report", "/api/board/actions",
                                     "/api/board/download?format=csv", "/api/board/unmasked"}) {
        INFO(target);
        CHECK(s.call("GET", target).status == 401);      // no one signed in
        CHECK(s.call("GET", target, ed).status == 403);  // an editor never reads answers
    }
    CHECK(s.call("PUT", "/api/board/actions", ed, "what%3Aday=x", {{"If-Match", "new"}}).status == 403);
    auto report = s.call("GET", "/api/board/report", bo);
    INFO(report.body);
    CHECK(report.status == 200);
    CHECK_FALSE(has_substr(report.body, "07700 900123"));
    CHECK(s.call("GET", "/api/board/download?format=csv", bo).status == 200);
    // The words as typed: admins only.
    CHECK(s.call("GET", "/api/board/unmasked", bo).status == 403);
    CHECK(s.call("GET", "/api/board/unmasked.csv", bo).status == 403);
    auto raw = s.call("GET", "/api/board/unmasked", admin);
    CHECK(has_substr(raw.body, "07700 900123"));
    auto csv = s.call("GET", "/api/board/unmasked.csv?event=May%20meeting", admin);
    CHECK(has_substr(csv.body, "07700 900123"));
    // Every look and download is one line of the audit log, naming who and what.
    std::vector<std::string> log;
    std::istringstream in(read_file(s.team() + "/audit.log"));
    for (std::string line; std::getline(in, line);) log.push_back(line);
    auto logged = [&](const std::string& user, const std::string& action, const std::string& target) {
        return std::any_of(log.begin(), log.end(), [&](const std::string& l) {
            return has_substr(l, "\"user\":\"" + user + "\"") && has_substr(l, "\"action\":\"" + action + "\"") &&
                   has_substr(l, "\"target\":\"" + target + "\"");
        });
    };
    CHECK(logged("bo", "board export", "answers.csv"));
    CHECK(logged("ann", "board view UNMASKED comments", "comments"));
    CHECK(logged("ann", "board export UNMASKED", "answers-UNMASKED.csv (event May meeting)"));
    CHECK_FALSE(logged("bo", "board view UNMASKED comments", "comments"));  // refused, so never shown
    // Surveys are the editors' (and admins'): a board member neither writes nor reads them.
    const std::string survey = report_test::survey_text(1);
    CHECK(s.call("PUT", "/api/survey?name=club.md", ed, survey, {{"If-Match", "new"}}).status == 200);
    CHECK(s.call("GET", "/api/survey?name=club.md", bo).status == 403);
    CHECK(s.call("PUT", "/api/survey?name=club.md", bo, survey, {{"If-Match", "new"}}).status == 403);
    CHECK(s.call("GET", "/api/survey/download?name=club.md&format=md", admin).body == survey);
    // Nothing of the board's among the documents.
    CHECK(::access((s.documents() + "/" + BoardStore::kFolder).c_str(), F_OK) != 0);
    CHECK(s.call("GET", "/api/files", ed).body.find("kiosk") == std::string::npos);
}
