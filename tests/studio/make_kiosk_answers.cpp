// Makes a kiosk answers file as a kiosk at one event would, through the
// answers store the kiosk writes with (survey/store.hpp), for the board's
// browser journey: every answer is chosen in turn from the question's own
// answers, so each count is known from the arguments alone.
// usage: make_kiosk_answers SURVEY.md OUT.db EVENT YYYY-MM-DD PEOPLE [WORDS]
// (WORDS: what the first person typed on the kiosk's "Anything else?" screen)
#include <cstdio>
#include <cstdlib>
#include <string>

#include "survey/response.hpp"
#include "survey/store.hpp"
#include "survey/survey_parser.hpp"

using namespace easyread;

int main(int argc, char** argv) {
    if (argc < 6) {
        std::fprintf(stderr, "usage: make_kiosk_answers SURVEY.md OUT.db EVENT YYYY-MM-DD PEOPLE [COMMENT]\n");
        return 2;
    }
    Diagnostics diags;
    auto survey = survey::load_survey(argv[1], diags);
    survey::Store store(argv[2]);
    if (!survey || !store.ok() || !store.check_survey(*survey, diags)) {
        std::fprintf(stderr, "%s\n", diags.format_all().c_str());
        return 3;
    }
    const std::string day = argv[4];
    const int people = std::atoi(argv[5]);
    const char* respondents[] = {"self", "self", "carer", "helper", "staff"};
    for (int n = 0; n < people; ++n) {
        survey::Response r;
        r.uuid = survey::new_uuid();
        r.survey_id = survey->id;
        r.survey_version = survey->version;
        r.survey_hash = survey->hash;
        r.event = argv[3];
        r.device_id = "journey-kiosk";
        r.respondent = respondents[n % 5];
        char at[32];
        std::snprintf(at, sizeof at, "%sT%02d:%02d:00.000Z", day.c_str(), 10 + n / 60, n % 60);
        r.started_at = r.finished_at = at;
        r.local_date = day;
        r.zone = "Europe/London";
        for (const auto& q : survey->questions) {
            if (q.is_comment()) continue;
            // The n-th person chooses the (n mod answers)-th answer that is not "I don't know".
            std::vector<std::string> ids;
            for (const auto& o : q.options)
                if (o.id != "dont-know") ids.push_back(o.id);
            if (!ids.empty()) r.answers.push_back({q.id, ids[static_cast<std::size_t>(n) % ids.size()]});
        }
        // The first person also types on the kiosk's own "Anything else?" screen.
        if (n == 0 && argc > 6) r.answers.push_back({survey::kAnythingElseId, argv[6]});
        if (store.save(r) != survey::SaveResult::Stored) {
            std::fprintf(stderr, "make_kiosk_answers: response %d not stored\n", n);
            return 4;
        }
    }
    return 0;
}
