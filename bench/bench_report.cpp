// Makes an answers file of 1,000,000 answers (or --answers N: 10,000,000 is
// a national year) over 50 events (the bundled board-event survey, 8 answers
// a response, a comment in 1 of every 100) and prints how long merge and each
// report output take and their peak memory, beside the sqlite3 command doing
// the same count, CSV export and copy, as a ratio. Targets: at a million,
// board report PDF under 2 s and CSV under 1 s; beyond, PDF under 5 s, CSV
// under 10 s; memory under 200 MB. It checks the report's totals equal a
// plain SQL count.
//
// usage: bench_report [--answers N] [DB]   (default /tmp/easyread-bench-report-N.db;
// an existing file with the N answers is reused)
// Each output runs in a child process, so its peak memory is its own.
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "survey/migrations.hpp"
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
#include "report/merge_answers.hpp"

#include "bench/bench_support.hpp"
#include "tests/kiosk/kept_counts_check.hpp"

namespace {

using Clock = std::chrono::steady_clock;
constexpr int kEvents = 50;
int kResponses = 125000;  // answers / 8

// Answers in the file; -1 when it cannot be read or is of an older schema
// (then it is made again, so every run times files as the kiosk writes them now).
long answers_in(const std::string& path) {
    sqlite3* db = nullptr;
    long n = -1;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK &&
        easyread::survey::read_user_version(db) == easyread::survey::kSchemaVersion) {
        easyread::survey::Statement st(db, "SELECT COUNT(*) FROM answers");
        if (st.step() == SQLITE_ROW) n = static_cast<long>(st.integer(0));
    }
    sqlite3_close(db);
    return n;
}

// The machine's load average over the last minute (others may be building).
std::string load_average() {
    char buf[64] = "";
    if (FILE* f = std::fopen("/proc/loadavg", "r")) {
        if (!std::fgets(buf, sizeof buf, f)) buf[0] = 0;
        std::fclose(f);
    }
    std::string s = buf;
    return s.substr(0, s.find(' '));
}

// Every number the report is made of (responses, each question's answers
// and option counts, comments) against a plain SQL count of the answers
// table, read without the counts the file keeps. Prints each difference;
// returns how many numbers were compared, or -1 when one differs.
long compare_with_sql(const std::string& path) {
    using namespace easyread;
    Diagnostics diags;
    report::ResultSet results;
    if (!report::load_results({path}, report::LoadOptions{}, results, diags)) {
        std::fprintf(stderr, "%s", diags.format_all().c_str());
        return -1;
    }
    const report::Tally tally = report::tally_results(results);
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    long compared = 0, differ = 0;
    auto check = [&](const std::string& what, long report_n, long sql_n) {
        ++compared;
        if (report_n == sql_n) return;
        ++differ;
        std::printf("  DIFFERENT: %s: report %ld, SQL %ld\n", what.c_str(), report_n, sql_n);
    };
    {
        survey::Statement st(db, "SELECT COUNT(*) FROM responses WHERE unfinished = 0");
        st.step();
        check("responses", tally.responses, static_cast<long>(st.integer(0)));
    }
    // question -> value -> answers (every response of the bench file is finished, of one survey).
    std::map<std::string, std::map<std::string, long>> sql;
    {
        survey::Statement st(db, "SELECT question_id, value, COUNT(*) FROM answers GROUP BY question_id, value");
        while (st.step() == SQLITE_ROW) sql[st.text(0)][st.text(1)] = static_cast<long>(st.integer(2));
    }
    sqlite3_close(db);
    for (const auto& q : tally.questions)
        for (const auto& g : q.groups) {
            const auto& values = sql[q.id];
            long answered = 0;
            std::vector<long> options(g.question.options.size(), 0);
            for (const auto& [value, n] : values) {
                if (g.question.is_comment() && value.empty()) continue;
                answered += n;
                std::size_t start = 0;
                while (!g.question.is_comment()) {  // "a;b": one count for each option chosen
                    std::size_t end = g.question.is_multi() ? value.find(';', start) : std::string::npos;
                    const std::string part = value.substr(start, end == std::string::npos ? end : end - start);
                    for (std::size_t o = 0; o < options.size(); ++o)
                        if (g.question.options[o].id == part) options[o] += n;
                    if (end == std::string::npos) break;
                    start = end + 1;
                }
            }
            check(q.id + " answered", g.answered, answered);
            if (g.question.is_comment()) check(q.id + " comments", static_cast<long>(g.comments.size()), answered);
            for (std::size_t o = 0; o < options.size(); ++o)
                check(q.id + " " + g.question.options[o].id, g.counts[o], options[o]);
        }
    return differ ? -1 : compared;
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
        int event = std::min(kEvents - 1, i / (kResponses / kEvents));
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
        responses = static_cast<std::size_t>(results.responses);
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

// One value a query gives, by the sqlite3 command (the peer), read-only.
std::string peer_value(const std::string& db, const std::string& sql) {
    std::string cmd = "sqlite3 -readonly '" + db + "' \"" + sql + "\"";
    std::string out;
    if (FILE* p = popen(cmd.c_str(), "r")) {
        char buf[256];
        while (fgets(buf, sizeof buf, p)) out += buf;
        pclose(p);
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
}

long lines_in(const std::string& path) {
    long n = 0;
    if (FILE* f = std::fopen(path.c_str(), "rb")) {
        char buf[1 << 16];
        std::size_t got;
        while ((got = std::fread(buf, 1, sizeof buf, f)) > 0) n += std::count(buf, buf + got, '\n');
        std::fclose(f);
    }
    return n;
}

// The number after "key": in a JSON file's text ("responses_total":125000), found by grep.
long json_number(const std::string& path, const std::string& key) {
    std::string out;
    if (FILE* p = popen(("grep -o -m1 '\"" + key + "\":[0-9]*' '" + path + "'").c_str(), "r")) {
        char buf[256];
        while (fgets(buf, sizeof buf, p)) out += buf;
        pclose(p);
    }
    std::size_t colon = out.find(':');
    return colon == std::string::npos ? -1 : std::atol(out.c_str() + colon + 1);
}

}  // namespace

int main(int argc, char** argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each line as it comes: a national run takes many minutes
    long want = 1000000;
    std::string db;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--answers" && i + 1 < argc) want = std::atol(argv[++i]);
        else db = a;
    }
    if (want < 8 * kEvents) want = 8 * kEvents;
    kResponses = static_cast<int>(want / 8);
    want = 8L * kResponses;
    if (db.empty()) db = "/tmp/easyread-bench-report-" + std::to_string(want) + ".db";
    const bool national = want > 1000000;
    const int runs = national ? 1 : 3;  // a national file takes minutes a round
    if (answers_in(db) != want) {
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
        {"board report PDF", OutputKind::BoardPdf, "/tmp/easyread-bench-report.pdf", national ? 5.0 : 2.0},
        {"CSV", OutputKind::Csv, "/tmp/easyread-bench-report.csv", national ? 10.0 : 1.0},
        {"board report HTML", OutputKind::BoardHtml, "/tmp/easyread-bench-report.html", 0},
        {"JSON", OutputKind::Json, "/tmp/easyread-bench-report.json", 0},
        {"easy read PDF", OutputKind::EasyReadPdf, "/tmp/easyread-bench-you-said.pdf", 0},
    };
    constexpr double kMemoryGoalMb = 200;
    // The peer: the sqlite3 command counting, exporting the same rows as CSV, and copying the file.
    const Run peer_count = bench::median_of("sqlite3 -readonly '" + db + "' 'SELECT COUNT(*) FROM answers' >/dev/null", runs);
    const Run peer_csv = bench::median_of(
        "sqlite3 -readonly -csv -header '" + db + "' 'SELECT r.uuid, r.survey_id, r.survey_version, r.event, "
        "r.respondent, r.source, r.started_at, r.finished_at, a.question_id, a.value FROM responses r JOIN answers a "
        "ON a.response_uuid = r.uuid' >/tmp/easyread-bench-peer.csv", runs);
    const Run peer_copy = bench::median_of("rm -f /tmp/easyread-bench-peer.db && sqlite3 -readonly '" + db +
                                               "' \"VACUUM INTO '/tmp/easyread-bench-peer.db'\"", runs);
    std::printf("peer sqlite3: count %.3f s, CSV export %.3f s (%.1f MB), copy (VACUUM INTO) %.3f s\n",
                peer_count.seconds, peer_csv.seconds, peer_csv.peak_kb / 1024.0, peer_copy.seconds);
    std::printf("%-20s %8s %10s %8s %14s  %-16s %-9s %s\n", "output", "best s", "median s", "CPU s", "peak memory",
                "target (median)", "x sqlite3", "load");
    bool all_met = true, merged_counts_agree = false;
    auto report_line = [&](const char* name, std::vector<Run> all, double goal, const Run* peer) {
        std::sort(all.begin(), all.end(), [](const Run& a, const Run& b) { return a.seconds < b.seconds; });
        const Run& mid = all[all.size() / 2];
        if (mid.status != 0) {
            std::printf("%-20s failed (exit %d)\n", name, mid.status);
            all_met = false;
            return;
        }
        const double mb = mid.peak_kb / 1024.0;
        bool met = (goal <= 0 || mid.seconds < goal) && mb < kMemoryGoalMb;
        all_met = all_met && met;
        char target[48] = "";
        std::snprintf(target, sizeof target, "%s%.0f s, < %.0f MB %s", goal > 0 ? "< " : "", goal > 0 ? goal : 0.0,
                      kMemoryGoalMb, met ? "met" : "MISSED");
        if (goal <= 0) std::snprintf(target, sizeof target, "< %.0f MB %s", kMemoryGoalMb, met ? "met" : "MISSED");
        char ratio[24] = "";
        if (peer && peer->seconds > 0) std::snprintf(ratio, sizeof ratio, "%.1f", mid.seconds / peer->seconds);
        std::printf("%-20s %8.3f %10.3f %8.3f %11.1f MB  %-16s %-9s %s\n", name, all[0].seconds, mid.seconds,
                    mid.cpu_seconds, mb, target, ratio, load_average().c_str());
    };
    {
        std::vector<Run> all;
        const std::string merged = "/tmp/easyread-bench-merged.db";
        for (int i = 0; i < runs; ++i) {
            std::remove(merged.c_str());
            all.push_back(bench::measure_child([&] {
                easyread::report::MergeSummary summary;
                easyread::Diagnostics diags;
                return easyread::report::merge_answers({db}, merged, summary, diags) ? 0 : 1;
            }));
        }
        report_line("merge", all, 0, &peer_copy);
        // Merge adds the counts in bulk: the merged file's kept counts against a plain GROUP BY of its rows.
        const std::string differ = peer_value(merged, kept_counts_check::differences_sql());
        merged_counts_agree = differ == "0";
        std::printf("merged file's kept counts against GROUP BY of its rows: %s\n",
                    merged_counts_agree ? "equal" : ("DIFFERENT (" + differ + " rows)").c_str());
        std::remove(merged.c_str());
    }
    for (const auto& t : targets) {
        std::vector<Run> all;
        for (int i = 0; i < runs; ++i) all.push_back(measure(db, t.kind, t.file));
        const bool csv = t.kind == OutputKind::Csv;
        report_line(t.name, all, t.goal, csv ? &peer_csv : t.kind == OutputKind::Json ? &peer_count : nullptr);
    }
    // The report's numbers against a plain SQL count.
    const long sql_responses = std::atol(peer_value(db, "SELECT COUNT(*) FROM responses WHERE unfinished = 0").c_str());
    const long sql_answers = std::atol(peer_value(db, "SELECT COUNT(*) FROM answers").c_str());
    const long json_responses = json_number("/tmp/easyread-bench-report.json", "responses_total");
    const long csv_rows = lines_in("/tmp/easyread-bench-report.csv") - 1;
    const long compared = compare_with_sql(db);
    const bool counts_agree = sql_responses == json_responses && sql_answers == csv_rows && compared > 0;
    std::printf("counts: JSON responses_total %ld, SQL %ld; CSV rows %ld, SQL answers %ld; the report's %ld numbers "
                "against SQL GROUP BY of the answers: %s\n", json_responses, sql_responses, csv_rows, sql_answers,
                compared, counts_agree ? "equal" : "DIFFERENT");
    if (!national) print_stages(db);
    return all_met && counts_agree && merged_counts_agree ? 0 : 1;
}
