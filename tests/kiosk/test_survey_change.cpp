// The survey change check: the same questions saved on Windows (CRLF) or
// with blank lines at the end are the same survey; a changed question is not.
#include <catch2/catch.hpp>

#include "survey/store.hpp"
#include "survey/survey_parser.hpp"
#include "tests/kiosk/store_support.hpp"
#include "tests/kiosk/test_support.hpp"

using namespace easyread;
using namespace easyread::kiosk;
using namespace easyread::survey;
using kiosk_test::TempDir;

namespace {
std::string with_crlf(const std::string& text) {
    std::string out;
    for (char c : text) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
    return out;
}
bool check(const std::string& db, const std::string& path, const std::string& text, std::string& said) {
    kiosk_test::write_file(path, text);
    Diagnostics d;
    std::optional<Survey> s = load_survey(path, d);
    REQUIRE(s);
    Store store(db);
    bool ok = store.check_survey(*s, d);
    said = d.format_all();
    return ok;
}
}  // namespace

TEST_CASE("line endings and blank lines at the end do not make a survey 'changed'", "[survey][store]") {
    TempDir dir;
    const std::string db = dir.file("answers.db");
    const std::string text = kiosk_test::kSmallSurvey;
    REQUIRE(text.back() == '\n');
    std::string said;
    REQUIRE(check(db, dir.file("s.md"), text, said));
    CHECK(check(db, dir.file("s.md"), with_crlf(text), said));               // saved on Windows
    CHECK(check(db, dir.file("s.md"), text + "\n\n  \n", said));            // blank lines at the end
    CHECK(check(db, dir.file("s.md"), with_crlf(text) + "\r\n\r\n", said));
    CHECK(survey_text_hash(text) == content_hash(text));  // a plain LF file hashes as before
    std::string changed = text;
    changed.replace(changed.find("Touch a face."), 13, "Touch a picture.");
    CHECK_FALSE(check(db, dir.file("s.md"), changed, said));
    CHECK(said.find("survey-changed") != std::string::npos);
}

TEST_CASE("a survey recorded with the hash of its raw bytes still matches", "[survey][store]") {
    TempDir dir;
    const std::string db = dir.file("answers.db");
    const std::string text = kiosk_test::kSmallSurvey + std::string("\n\n");
    {
        Store store(db);
        REQUIRE(store.ok());
        sqlite3_exec(store.handle(),
                     ("INSERT INTO surveys (survey_id, version, hash, first_used_at) VALUES ('small', 3, '" +
                      content_hash(text) + "', '2024-01-01T00:00:00.000Z')").c_str(),
                     nullptr, nullptr, nullptr);
    }
    std::string said;
    CHECK(check(db, dir.file("s.md"), text, said));
    INFO(said);
}
