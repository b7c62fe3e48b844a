// Tap-to-stored latency: from the "Send my answers" tap to the committed
// SQLite transaction (WAL, synchronous=FULL), over whole kiosk journeys.
// Target: p99 under 20 ms. Usage: bench_kiosk_store [journeys] [folder for the database]
#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "kiosk/core/backend.hpp"
#include "kiosk/core/script_driver.hpp"
#include "kiosk/core/session.hpp"
#include "kiosk/core/settings.hpp"
#include "survey/survey_parser.hpp"
#include "base/data_paths.hpp"

using namespace easyread;
using namespace easyread::kiosk;
using namespace easyread::survey;
using Timer = std::chrono::steady_clock;

namespace {

double ms_since(Timer::time_point t0) {
    return std::chrono::duration<double, std::milli>(Timer::now() - t0).count();
}

void print_percentiles(const char* what, std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    auto at = [&](double p) { return ms[static_cast<std::size_t>(p * static_cast<double>(ms.size() - 1))]; };
    std::printf("%-34s n=%zu  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms\n", what, ms.size(), at(0.50),
                at(0.90), at(0.99), ms.back());
}

}  // namespace

int main(int argc, char** argv) {
    int journeys = argc > 1 ? std::atoi(argv[1]) : 1000;
    std::string folder = argc > 2 ? argv[2] : (std::filesystem::temp_directory_path() / "easyread-bench-XXXXXX").string();
    if (argc <= 2 && !mkdtemp(folder.data())) {
        std::perror("mkdtemp");
        return 1;
    }
    std::string db = folder + "/answers.db";

    Diagnostics diags;
    auto survey = load_survey(data_path("templates/surveys/board-event.md"), diags);
    if (!survey) {
        std::fprintf(stderr, "%s", diags.format_all().c_str());
        return 1;
    }
    FakeClock fake;  // drives the session's timers; latency is measured on the real clock
    Store store(db);
    if (!store.ok()) {
        std::fprintf(stderr, "%s\n", store.status().words.c_str());
        return 1;
    }
    KioskSettings settings = load_settings(store);
    settings.event = "Benchmark";
    StoreBackend backend(store, fake, folder);
    backend.set_pin("1234");
    Session session(*survey, settings, fake, backend);

    // Everything up to Review, then the timed tap.
    std::string script = script_answer_all(*survey, "self");
    script = script.substr(0, script.find("tap send"));
    std::vector<double> tap_to_stored;
    tap_to_stored.reserve(static_cast<std::size_t>(journeys));
    for (int i = 0; i < journeys; ++i) {
        ScriptResult r = run_script(session, &fake, script);
        if (!r.ok) {
            std::fprintf(stderr, "journey %d: %s\n", i, r.message.c_str());
            return 1;
        }
        fake.advance(500);
        auto t0 = Timer::now();
        bool taken = session.tap_option("send");
        tap_to_stored.push_back(ms_since(t0));
        if (!taken || session.last_save() != SaveResult::Stored) {
            std::fprintf(stderr, "journey %d was not stored: %s\n", i, store.status().words.c_str());
            return 1;
        }
        fake.advance(500);
        session.tap_option("done");
    }

    // The store alone, for comparison: one response per transaction.
    std::vector<double> bare;
    for (int i = 0; i < journeys; ++i) {
        Response r;
        r.uuid = new_uuid();
        r.survey_id = survey->id;
        r.survey_version = survey->version;
        r.respondent = "self";
        r.started_at = r.finished_at = iso_utc(fake.wall_ms());
        r.answers = {{"meeting", "happy"}, {"hear", "yes"}, {"next-topics", "homes;jobs"}};
        auto t0 = Timer::now();
        store.save(r);
        bare.push_back(ms_since(t0));
    }

    std::printf("easyread kiosk store benchmark: %s (WAL, synchronous=FULL)\n", db.c_str());
    std::printf("survey %s v%d, %zu questions, %d journeys\n", survey->id.c_str(), survey->version,
                survey->questions.size(), journeys);
    print_percentiles("tap \"Send\" -> committed response", tap_to_stored);
    print_percentiles("Store::save alone", bare);
    std::printf("target: tap-to-stored p99 under 20 ms\n");
    if (argc <= 2) std::filesystem::remove_all(folder);
    return 0;
}
