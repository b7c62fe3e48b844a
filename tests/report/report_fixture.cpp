#include "tests/report/report_fixture.hpp"

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <regex>

#include "survey/response.hpp"
#include "survey/survey_parser.hpp"
#include "report/paper/csv_table.hpp"

namespace report_test {

std::string survey_text(int version, const std::string& day_words, const std::string& id) {
    return "---\nid: " + id + "\nversion: " + std::to_string(version) +
           "\ntitle: Tell us about the club day\nlang: en-GB\n---\n\n"
           "## " + day_words + " {#day picture=happy}\n\n"
           "## Could you hear everyone? {#hear type=yes-no picture=ear}\n\n"
           "## What should we do next time? {#next type=choose-many picture=idea}\n\n"
           "- Music {#music picture=music}\n- Games {#games picture=game}\n- Food {#food picture=meal}\n\n"
           "## Anything you want to tell us? {#ideas type=comment picture=comment}\n";
}

std::string when(int month, int day, int minute) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "2024-%02d-%02dT%02d:%02d:00.000Z", month, day, 10 + minute / 60, minute % 60);
    return buf;
}

easyread::survey::Survey parse(const std::string& text, const std::string& path) {
    easyread::SourceText src{path, text};
    easyread::Diagnostics diags;
    auto s = easyread::survey::parse_survey(src, diags);
    INFO(diags.format_all());
    REQUIRE(s);
    return *s;
}

AnswersFile::AnswersFile(const std::string& path, const std::string& text)
    : store_(path), survey_(parse(text, path + ".survey.md")) {
    REQUIRE(store_.ok());
    easyread::Diagnostics diags;
    REQUIRE(store_.check_survey(survey_, diags));
}

std::string AnswersFile::add(const std::string& event, const std::string& respondent,
                             const std::string& finished_at, const Answers& answers, const std::string& uuid) {
    easyread::survey::Response r;
    r.uuid = uuid.empty() ? easyread::survey::new_uuid() : uuid;
    r.survey_id = survey_.id;
    r.survey_version = survey_.version;
    r.survey_hash = survey_.hash;
    r.event = event;
    r.device_id = "test-kiosk";
    r.respondent = respondent;
    r.started_at = finished_at;
    r.finished_at = finished_at;
    for (const auto& [q, v] : answers) r.answers.push_back({q, v});
    REQUIRE(store_.save(r) == easyread::survey::SaveResult::Stored);
    return r.uuid;
}

void AnswersFile::add_many(int count, const std::string& event, const std::string& respondent, int month, int day,
                           const Answers& answers) {
    for (int i = 0; i < count; ++i) add(event, respondent, when(month, day, minute_++), answers);
}

void fill_march_and_may(AnswersFile& f) {
    // March: 10 people answering for themselves; day 5 happy + 5 sad; hear 6 yes + 4 no.
    f.add_many(3, "March meeting", "self", 3, 14, {{"day", "happy"}, {"hear", "yes"}, {"next", "music"}});
    f.add_many(2, "March meeting", "self", 3, 14, {{"day", "happy"}, {"hear", "no"}});
    f.add_many(3, "March meeting", "self", 3, 14, {{"day", "sad"}, {"hear", "yes"}});
    f.add_many(2, "March meeting", "self", 3, 14, {{"day", "sad"}, {"hear", "no"}});
    // May: 6 self, 2 carers, 1 helper, 1 staff; day 7 happy, 2 middle, 1 sad; hear 8 yes + 2 no;
    // next: 4 music;food, 3 games; three comments with contact details and a formula.
    f.add_many(4, "May meeting", "self", 5, 9, {{"day", "happy"}, {"hear", "yes"}, {"next", "music;food"}});
    f.add_many(2, "May meeting", "self", 5, 9, {{"day", "happy"}, {"hear", "yes"}, {"next", "games"}});
    f.add("May meeting", "carer", when(5, 9, 30),
          {{"day", "happy"}, {"hear", "yes"}, {"next", "games"}, {"ideas", "Ring me on 07700 900123 please"}});
    f.add("May meeting", "carer", when(5, 9, 31),
          {{"day", "middle"}, {"hear", "yes"}, {"ideas", "=HYPERLINK(\"http://example.com\",\"click\")"}});
    f.add("May meeting", "helper", when(5, 9, 32),
          {{"day", "middle"}, {"hear", "no"}, {"ideas", "Email me at a.person@example.org, I live in CV1 2AB"}});
    f.add("May meeting", "staff", when(5, 9, 33), {{"day", "sad"}, {"hear", "no"}});
}

std::string march_and_may_db(const std::string& dir) {
    std::string db = dir + "/answers.db";
    AnswersFile f(db, survey_text(1));
    fill_march_and_may(f);
    return db;
}

CommandResult run_ok(const std::string& args) {
    CommandResult r = run_easyread(args);
    INFO("easyread " << args << "\n" << r.err);
    REQUIRE(r.exit_code == 0);
    return r;
}

std::string flat_pdf_text(const std::string& pdf) { return std::regex_replace(pdf_text(pdf), std::regex("\\s+"), " "); }

std::string pdf_text(const std::string& pdf, bool layout) {
    CommandResult r = run_command(std::string("pdftotext ") + (layout ? "-layout " : "") + "'" + pdf + "' -");
    INFO("pdftotext (poppler-utils) must be installed to read the PDFs back: " << r.err);
    REQUIRE(r.exit_code == 0);
    return r.out;
}

int pdf_pages(const std::string& pdf) {
    CommandResult r = run_command("pdfinfo '" + pdf + "'");
    INFO("pdfinfo (poppler-utils) must be installed: " << r.err);
    REQUIRE(r.exit_code == 0);
    auto at = r.out.find("Pages:");
    REQUIRE(at != std::string::npos);
    return std::stoi(r.out.substr(at + 6));
}

std::vector<std::vector<std::string>> csv_rows(const std::string& path) {
    std::vector<easyread::report::CsvRow> rows;
    easyread::Diagnostics diags;
    REQUIRE(easyread::report::read_csv(path, rows, diags));
    std::vector<std::vector<std::string>> out;
    for (const auto& row : rows) {
        out.emplace_back();
        for (const auto& c : row.cells) out.back().push_back(c.text);
    }
    return out;
}

std::string sql_value(const std::string& db_path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    std::string value;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
        sqlite3_column_text(st, 0))
        value = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return value;
}

}  // namespace report_test
