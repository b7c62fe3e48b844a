// The same answers files give the same report whatever the time zone of the
// computer making it: each answer keeps the day and zone where it was given.
#include <stdlib.h>
#include <time.h>

#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <vector>

#include "tests/report/report_fixture.hpp"

using namespace report_test;

namespace {

// Sets this process's time zone for one scope (the Store stamps answers with it), as a kiosk's clock would be.
class ZoneFor {
public:
    explicit ZoneFor(const char* zone) {
        const char* old = ::getenv("TZ");
        had_ = old != nullptr;
        if (had_) old_ = old;
        ::setenv("TZ", zone, 1);
        ::tzset();
    }
    ~ZoneFor() {
        if (had_) ::setenv("TZ", old_.c_str(), 1);
        else ::unsetenv("TZ");
        ::tzset();
    }

private:
    bool had_ = false;
    std::string old_;
};

CommandResult easyread_in(const std::string& zone, const std::string& args) {
    return run_command("TZ=" + zone + " '" + std::string(EASYREAD_EXE) + "' " + args);
}

}  // namespace

TEST_CASE("the same files give the same report under any TZ: each answer keeps its day and zone") {
    std::string dir = fresh_dir("time-zones");
    const std::string kiosk = dir + "/kiosk.db", paper = dir + "/paper.db", survey = dir + "/club-day.md";
    {
        ZoneFor london("Europe/London");  // British Summer Time: UTC+1 in May
        AnswersFile f(kiosk, survey_text(1));
        f.add("Late club", "self", "2024-05-09T22:30:00.000Z", {{"day", "happy"}});  // 23:30 on 9 May in London
        f.add("Late club", "self", "2024-05-09T23:30:00.000Z", {{"day", "sad"}});    // 00:30 on 10 May in London
        f.add("Late club", "carer", "2024-05-10T00:10:00.000Z", {{"day", "happy"}});  // 01:10 on 10 May
    }
    CHECK(sql_value(kiosk, "SELECT group_concat(local_date || ' ' || zone, ', ') FROM (SELECT * FROM responses "
                          "ORDER BY finished_at)") ==
          "2024-05-09 Europe/London, 2024-05-10 Europe/London, 2024-05-10 Europe/London");
    write_file(survey, survey_text(1));
    write_file(dir + "/forms.csv", "response_id,respondent,day\n1,self,middle\n2,helper,happy\n");
    // Paper forms typed up in Auckland (UTC+12 in May): the forms' day is theirs.
    CommandResult r = easyread_in("Pacific/Auckland", "import '" + dir + "/forms.csv' --survey '" + survey +
                                                          "' --db '" + paper + "' --event 'Paper' --date 2024-05-09");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(sql_value(paper, "SELECT group_concat(DISTINCT local_date || ' ' || zone) FROM responses") ==
          "2024-05-09 Pacific/Auckland");

    const std::vector<std::string> zones = {"UTC", "Pacific/Auckland", "America/Los_Angeles"};
    const std::vector<std::string> filters = {"", " --from 2024-05-10", " --to 2024-05-09"};
    const std::vector<std::size_t> rows_in_csv = {1 + 5, 1 + 2, 1 + 1 + 2};  // header + one row per answer
    for (std::size_t f = 0; f < filters.size(); ++f) {
        std::map<std::string, std::string> first;  // output -> bytes, made under the first zone
        for (std::size_t z = 0; z < zones.size(); ++z) {
            const std::string out = dir + "/" + std::to_string(f) + "-" + std::to_string(z);
            r = easyread_in(zones[z], "report '" + kiosk + "' '" + paper + "'" + filters[f] + " -o '" + out +
                                          ".csv' -o '" + out + ".json' -o '" + out + ".html' -o '" + out + ".pdf'");
            INFO(zones[z] << filters[f] << "\n" << r.err);
            REQUIRE(r.exit_code == 0);
            std::map<std::string, std::string> made = {{"csv", read_file(out + ".csv")},
                                                       {"json", read_file(out + ".json")},
                                                       {"html", read_file(out + ".html")},
                                                       {"pdf text", pdf_text(out + ".pdf")}};
            if (z == 0) first = made;
            for (const auto& [kind, bytes] : made) {
                INFO(kind);
                CHECK(bytes == first[kind]);
            }
            CHECK(csv_rows(out + ".csv").size() == rows_in_csv[f]);
            if (f == 0) {  // Late club on the two days it was held on in London, the paper forms on theirs
                CHECK(has_substr(made["html"], "<td class=\"date\">9 May 2024</td>"));
                CHECK(has_substr(made["html"], "<td class=\"date\">10 May 2024</td>"));
                CHECK(has_substr(made["json"], "\"day\":\"2024-05-10\""));
                // The CSV gives the day and zone where each was given beside its UTC time.
                const auto rows = csv_rows(out + ".csv");
                REQUIRE(rows.size() == 6);
                CHECK(rows[0][7] == "finished_at");
                CHECK(rows[0][8] == "local_date");
                CHECK(rows[0][9] == "zone");
                std::map<std::string, std::string> where;  // finished_at -> "local_date zone"
                std::multiset<std::string> days;
                for (std::size_t i = 1; i < rows.size(); ++i) {
                    where[rows[i][7]] = rows[i][8] + " " + rows[i][9];
                    days.insert(rows[i][8] + " " + rows[i][9]);
                }
                CHECK(where["2024-05-09T22:30:00.000Z"] == "2024-05-09 Europe/London");
                CHECK(where["2024-05-09T23:30:00.000Z"] == "2024-05-10 Europe/London");
                CHECK(where["2024-05-10T00:10:00.000Z"] == "2024-05-10 Europe/London");
                CHECK(days.count("2024-05-09 Pacific/Auckland") == 2);
            }
        }
    }
}
