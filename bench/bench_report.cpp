// Makes an answers file of 1,000,000 answers over 50 events (the bundled
// board-event survey, 125,000 responses, a comment in 1 of every 100) and
// prints how long each report output takes and its peak memory. Targets:
// board report PDF under 2 s, CSV under 1 s.
//
// usage: bench_report [DB]   (default /tmp/easyread-bench-report.db; an
// existing file with the full million answers is reused)
// Each output runs in a child process, so its peak memory is its own.
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "survey/timestamps.hpp"
#include "survey/response.hpp"
#include "survey/sqlite_statement.hpp"
#include "survey/store.hpp"
#include "survey/survey_parser.hpp"
#include "base/data_paths.hpp"
#include "symbols/bank.hpp"
#include "report/outputs/board_report.hpp"
#include "report/outputs/csv_json_exports.hpp"
#include "report/outputs/render_board_pdf.hpp"
#include "report/report_job.hpp"
#include "report/reading/result_set.hpp"
#include "report/counting/tally.hpp"

#include "bench/bench_support.hpp"

namespace {

using Clock = std::chrono::steady_clock;
constexpr int kEvents = 50, kResponses = 125000;

long answers_in(const std::string& path) {
    sqlite3* db = nullptr;
    long n = -1;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        easyread::survey::Statement st(db, "SELECT COUNT(*) FROM answers");
        if (st.step() == SQLITE_ROW) n = static_cast<long>(st.integer(0));
    }
    sqlite3_close(db);
    return n;
}

bool make_database(const std::string& path) {
    std::remove(path.c_str());
    easyread::Diagnostics diags;
    auto survey = easyread::survey::load_survey(easyread::data_path("templates/surveys/board-event.md"), diags);
    if (!survey) {
        std::fprintf(stderr, "%s", diags.format_all().c_str());
        return false;
    }
    easyread::survey::Store store(path);
    if (!store.ok() || !store.check_survey(*survey, diags)) {
        std::fprintf(stderr, "%s\n", store.status().words.c_str());
        return false;
    }
    const char* who[] = {"self", "self", "self", "carer", "helper", "staff", "not-said"};
    std::mt19937 rng(7);
    std::vector<easyread::survey::Response> batch;
    const std::int64_t first_event_ms = 1704067200000;  // 1 January 2024
    for (int i = 0; i < kResponses; ++i) {
        int event = i / (kResponses / kEvents);
        easyread::survey::Response r;
        r.uuid = easyread::survey::new_uuid();
        r.survey_id = survey->id;
        r.survey_version = survey->version;
        r.survey_hash = survey->hash;
        r.event = "Partnership Board event " + std::to_string(event + 1);
        r.device_id = "kiosk-" + std::to_string(i % 3);
        r.respondent = who[rng() % 7];
        std::int64_t at = first_event_ms + event * 7LL * 24 * 3600 * 1000 + (i % 2500) * 4000LL;
        r.started_at = easyread::survey::iso_utc(at - 60000);
        r.finished_at = easyread::survey::iso_utc(at);
        for (const auto& q : survey->questions) {
            if (q.is_multi() && i % 100 == 0) {
                // One person in a hundred leaves a comment instead: still 8 answers each.
                r.answers.push_back({easyread::survey::kAnythingElseId,
                                     "Comment " + std::to_string(i) + ": more breaks please, ring 07700 900" +
                                         std::to_string(100 + i % 800)});
                continue;
            }
            std::string value = q.options[rng() % (q.options.size() - 1)].id;
            if (q.is_multi() && rng() % 2) value += ";" + q.options.back().id;
            if (q.is_multi() && !q.allows_value(value)) value = q.options.front().id;
            r.answers.push_back({q.id, value});
        }
        batch.push_back(std::move(r));
        if (batch.size() == 5000 || i + 1 == kResponses) {
            std::string error;
            if (!store.save_all(batch, error)) {
                std::fprintf(stderr, "%s\n", error.c_str());
                return false;
            }
            batch.clear();
        }
    }
    return true;
}

using Run = bench::ChildRun;

Run measure(const std::string& db, easyread::report::OutputKind kind, const std::string& out) {
    return bench::measure_child([&] {
        easyread::report::ReportRequest req;
        req.inputs = {db};
        req.outputs = {{kind, out}};
        easyread::Diagnostics diags;
        std::string summary;
        return easyread::report::run_report(req, diags, summary);
    });
}

// CPU time of this process: on a shared machine it says what the code costs
// even when other work slows the wall clock.
double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

double seconds_since(double cpu_start) { return cpu_seconds() - cpu_start; }

// The stages one after another in this process, each the best of three
// runs, to show where the time goes.
void print_stages(const std::string& db) {
    easyread::Diagnostics diags;
    easyread::symbols::Bank bank;
    bank.load_bundled(diags);
    easyread::report::LoadOptions load;
    load.bank = &bank;
    double read_s = 1e9, count_s = 1e9, pdf_s = 1e9, csv_s = 1e9;
    std::size_t responses = 0;
    for (int run = 0; run < 3; ++run) {
        easyread::report::ResultSet results;
        double t = cpu_seconds();
        if (!easyread::report::load_results({db}, load, results, diags)) return;
        read_s = std::min(read_s, seconds_since(t));
        responses = results.responses.size();
        t = cpu_seconds();
        easyread::report::Tally tally = easyread::report::tally_results(results);
        count_s = std::min(count_s, seconds_since(t));
        t = cpu_seconds();
        auto board = easyread::report::build_board_report(results, tally, nullptr);
        easyread::report::render_board_pdf(board, bank, "/tmp/easyread-bench-stages.pdf", diags);
        pdf_s = std::min(pdf_s, seconds_since(t));
        t = cpu_seconds();
        easyread::report::write_csv(results, "/tmp/easyread-bench-stages.csv", diags);
        csv_s = std::min(csv_s, seconds_since(t));
    }
    std::printf("stages (best CPU seconds): read %zu responses %.3f, count %.3f, draw PDF %.3f, write CSV %.3f\n",
                responses, read_s, count_s, pdf_s, csv_s);
}

}  // namespace

int main(int argc, char** argv) {
    std::string db = argc > 1 ? argv[1] : "/tmp/easyread-bench-report.db";
    if (answers_in(db) != 1000000) {
        auto start = Clock::now();
        if (!make_database(db)) return 1;
        std::printf("made %s: %ld answers, %d events in %.1f s\n", db.c_str(), answers_in(db), kEvents,
                    std::chrono::duration<double>(Clock::now() - start).count());
    } else {
        std::printf("using %s: %ld answers\n", db.c_str(), answers_in(db));
    }
    using easyread::report::OutputKind;
    struct Target {
        const char* name;
        OutputKind kind;
        const char* file;
        double goal;  // seconds; 0 = no target
    };
    const Target targets[] = {
        {"board report PDF", OutputKind::BoardPdf, "/tmp/easyread-bench-report.pdf", 2.0},
        {"CSV", OutputKind::Csv, "/tmp/easyread-bench-report.csv", 1.0},
        {"board report HTML", OutputKind::BoardHtml, "/tmp/easyread-bench-report.html", 0},
        {"JSON", OutputKind::Json, "/tmp/easyread-bench-report.json", 0},
        {"easy read PDF", OutputKind::EasyReadPdf, "/tmp/easyread-bench-you-said.pdf", 0},
    };
    std::printf("%-20s %8s %10s %8s %14s  %s\n", "output", "best s", "median s", "CPU s", "peak memory",
                "target (median)");
    bool all_met = true;
    for (const auto& t : targets) {
        std::vector<Run> runs;
        for (int i = 0; i < 3; ++i) runs.push_back(measure(db, t.kind, t.file));
        std::sort(runs.begin(), runs.end(), [](const Run& a, const Run& b) { return a.seconds < b.seconds; });
        if (runs[1].status != 0) {
            std::printf("%-20s failed (exit %d)\n", t.name, runs[1].status);
            all_met = false;
            continue;
        }
        bool met = t.goal <= 0 || runs[1].seconds < t.goal;
        all_met = all_met && met;
        char goal[32] = "";
        if (t.goal > 0) std::snprintf(goal, sizeof goal, "< %.0f s %s", t.goal, met ? "met" : "MISSED");
        std::printf("%-20s %8.3f %10.3f %8.3f %11.1f MB  %s\n", t.name, runs[0].seconds, runs[1].seconds,
                    runs[1].cpu_seconds, runs[1].peak_kb / 1024.0, goal);
    }
    print_stages(db);
    return all_met ? 0 : 1;
}
