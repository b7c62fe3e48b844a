// The small pieces the outputs are made of, each on its own.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "survey/survey.hpp"
#include "report/paper/csv_table.hpp"
#include "report/outputs/csv_json_exports.hpp"
#include "report/counting/mask_personal_details.hpp"
#include "report/counting/share_words.hpp"
#include "report/reading/report_filter.hpp"

using namespace easyread::report;
namespace survey = easyread::survey;

TEST_CASE("shares are said in plain words, never as percentages") {
    CHECK(share_words(7, 10) == "7 out of 10 people");
    CHECK(share_words(3, 4) == "3 out of 4 people");
    CHECK(share_words(12, 20) == "6 out of 10 people");          // exact: no "About"
    CHECK(share_words(68, 100) == "About 7 out of 10 people");   // rounded
    // One scale (out of 10) for every share, with the real count where it rounds to 0 or 10.
    CHECK(share_words(2, 100) == "Fewer than 1 out of 10 people (2 people)");
    CHECK(share_words(1, 1000) == "Fewer than 1 out of 10 people (1 person)");
    CHECK(share_words(999, 1000) == "Almost all (999 out of 1,000 people)");
    CHECK(share_words(4, 7) == "4 out of 7 people");  // fewer than 10 answered: the real count
    CHECK(number_words(125000) == "125,000");
    CHECK(number_words(1000000) == "1,000,000");
    CHECK(number_words(999) == "999");
    CHECK(share_words(12, 12) == "All 12 people");
    CHECK(share_words(0, 12) == "No one");
    CHECK(share_words(1, 1) == "The 1 person who answered");
}

TEST_CASE("each answer type has its own plain words") {
    survey::Question faces;
    faces.type = survey::QuestionType::Faces3;
    faces.options = survey::builtin_options(faces.type);
    CHECK(share_sentence(faces, *faces.find_option("happy"), 7, 10) == "7 out of 10 people were happy.");
    CHECK(share_sentence(faces, *faces.find_option("middle"), 2, 10) == "2 out of 10 people felt in the middle.");
    CHECK(share_sentence(faces, *faces.find_option("sad"), 0, 10) == "No one was sad.");
    survey::Question yes_no;
    yes_no.type = survey::QuestionType::YesNo;
    yes_no.options = survey::builtin_options(yes_no.type);
    CHECK(share_sentence(yes_no, *yes_no.find_option("yes"), 8, 10) == "8 out of 10 people said yes.");
    survey::Question many;
    many.type = survey::QuestionType::ChooseMany;
    many.options.push_back({"music", "Music", "music", false, 0});
    CHECK(share_sentence(many, many.options[0], 4, 10) == "4 out of 10 people chose music.");
}

TEST_CASE("change since the event before compares shares within the stated threshold, with both events' numbers") {
    survey::Question faces;
    faces.type = survey::QuestionType::Faces3;
    faces.options = survey::builtin_options(faces.type);
    const survey::Option& happy = *faces.find_option("happy");
    CHECK(change_sentence(faces, happy, 7, 10, 5, 10) ==
          "A bigger share of people were happy than at the event before: 7 out of 10 now, 5 out of 10 before.");
    CHECK(change_sentence(faces, happy, 51, 100, 5, 10) ==
          "About the same share of people were happy as at the event before: 51 out of 100 now, 5 out of 10 "
          "before.");
    // More people, but a smaller share: the share is what is compared.
    CHECK(change_sentence(faces, happy, 12, 30, 6, 10) ==
          "A smaller share of people were happy than at the event before: 12 out of 30 now, 6 out of 10 before.");
    // 4.9 then 4.2 in 10 is under 1 in 10 apart: about the same, though the two round apart.
    CHECK(change_sentence(faces, happy, 42, 100, 49, 100).rfind("About the same share", 0) == 0);
    // Exactly 1 in 10 apart is a change.
    CHECK(change_sentence(faces, happy, 6, 10, 5, 10).rfind("A bigger share", 0) == 0);
    // Property: "about the same" exactly when the shares are under 1 in 10 apart.
    for (int bt = 1; bt <= 40; bt += 3)
        for (int bc = 0; bc <= bt; ++bc)
            for (int nt = 1; nt <= 40; nt += 7)
                for (int nc = 0; nc <= nt; ++nc) {
                    std::string s = change_sentence(faces, happy, nc, nt, bc, bt);
                    double diff = double(nc) / nt - double(bc) / bt;
                    INFO(s);
                    CHECK((s.rfind("About the same", 0) == 0) == (std::abs(diff) < 0.1 - 1e-12));
                    CHECK((s.rfind("A bigger", 0) == 0) == (diff >= 0.1 - 1e-12));
                    CHECK(s.find(std::to_string(nc) + " out of " + std::to_string(nt) + " now, " +
                                 std::to_string(bc) + " out of " + std::to_string(bt) + " before.") != std::string::npos);
                }
}

TEST_CASE("rounded shares of one question add up to 10 out of 10 (largest remainder)") {
    CHECK(tenths_that_add_up({45, 25, 15, 15}, 100) == std::vector<long>{5, 3, 1, 1});
    std::mt19937 rng(7);
    for (int round = 0; round < 2000; ++round) {
        std::vector<int> counts(1 + rng() % 7);
        int total = 0;
        for (auto& c : counts) total += (c = static_cast<int>(rng() % 300));
        if (total == 0) continue;
        std::vector<long> tenths = tenths_that_add_up(counts, total);
        long sum = 0;
        for (std::size_t i = 0; i < counts.size(); ++i) {
            sum += tenths[i];
            // Each is its share rounded down or up, never further.
            CHECK(std::abs(tenths[i] - 10.0 * counts[i] / total) < 1.0);
        }
        CHECK(sum == 10);
    }
}

TEST_CASE("phone numbers, email addresses and postcodes in comments are hidden") {
    CHECK(mask_personal("Ring me on 07700 900123 please") == "Ring me on [phone number] please");
    CHECK(mask_personal("call +44 (0)20 7946 0958") == "call [phone number]");
    CHECK(mask_personal("my number is 0121-496-0000.") == "my number is [phone number].");
    CHECK(mask_personal("Email a.person@example.org now") == "Email [email address] now");
    CHECK(mask_personal("I live in CV1 2AB and SW1A 1AA") == "I live in [postcode] and [postcode]");
    CHECK(mask_personal("we met 12 people in 2024 at 10:30") == "we met 12 people in 2024 at 10:30");
    CHECK(mask_personal("The tea was cold") == "The tea was cold");
}

TEST_CASE("CSV cells that a spreadsheet would run as a formula are made text") {
    auto cell = [](const std::string& s) {
        std::string out;
        append_csv_cell(out, s);
        return out;
    };
    CHECK(cell("=1+1") == "'=1+1");
    CHECK(cell("+44 20") == "'+44 20");
    CHECK(cell("-2") == "'-2");
    CHECK(cell("@SUM(A1)") == "'@SUM(A1)");
    CHECK(cell("\tx") == "'\tx");
    CHECK(cell("a, b") == "\"a, b\"");
    CHECK(cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(cell("happy") == "happy");
}

TEST_CASE("the CSV reader keeps quoted commas and line breaks and knows each cell's place") {
    std::vector<CsvRow> rows;
    easyread::Diagnostics diags;
    REQUIRE(parse_csv("t.csv", "\xEF\xBB\xBFid,words\r\n1,\"a, \"\"b\"\"\nc\"\r\n\r\n2,é,x\r\n", rows, diags));
    REQUIRE(rows.size() == 3);  // the header, then two rows; the blank line is skipped
    CHECK(rows[0].cells[0].text == "id");
    CHECK(rows[1].cells[0].text == "1");
    CHECK(rows[1].cells[1].text == "a, \"b\"\nc");
    CHECK(rows[1].line == 2);
    CHECK(rows[2].line == 5);
    CHECK(rows[2].cells[2].column == 5);  // "é" is one character
    std::vector<CsvRow> bad;
    CHECK_FALSE(parse_csv("t.csv", "id\n\"open", bad, diags));
    CHECK(format_diagnostic(diags.items().back()).rfind("t.csv:2:1: error[csv-quote]", 0) == 0);
}

TEST_CASE("report dates are checked and cover whole days") {
    ReportFilter f;
    f.from_date = "2024-05-01";
    f.to_date = "2024-05-31";
    std::string error;
    REQUIRE(resolve_dates(f, error));
    CHECK(f.from_utc < "2024-05-01T12:00:00.000Z");
    CHECK(f.to_utc > "2024-05-31T12:00:00.000Z");
    ReportFilter wrong;
    wrong.from_date = "31/05/2024";
    CHECK_FALSE(resolve_dates(wrong, error));
    CHECK(error.find("YYYY-MM-DD") != std::string::npos);
    ReportFilter swapped;
    swapped.from_date = "2024-06-01";
    swapped.to_date = "2024-05-01";
    CHECK_FALSE(resolve_dates(swapped, error));
    CHECK(words_date("2024-05-03") == "3 May 2024");
}
