// Benchmark: a 20,000-word Markdown file with a picture on every chunk,
// built to a ~100-page easy read PDF by `easyread build`, against the same
// text through pandoc (to HTML) then wkhtmltopdf, timed in the same run.
// Prints median seconds, peak memory and the ratio; also the same build to
// HTML, run in turn with the PDF, and the PDF's time over the HTML's.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "bench/bench_support.hpp"

namespace {

using Run = bench::ChildRun;

bool have(const char* tool) { return std::system((std::string("command -v ") + tool + " >/dev/null").c_str()) == 0; }

}  // namespace

int main(int argc, char** argv) {
    int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    std::string dir = "/tmp/easyread-bench-" + std::to_string(getpid());
    std::system(("mkdir -p " + dir).c_str());
    std::string input = dir + "/long.md";
    std::ofstream(input) << bench::long_document(20000);

    std::string ours = std::string("'") + EASYREAD_EXE + "' build " + input + " -o " + dir + "/long.pdf 2>" + dir +
                       "/easyread.log";
    std::string pages_cmd = "pdfinfo " + dir + "/long.pdf 2>/dev/null | awk '/^Pages:/{print $2}'";
    // The same build to HTML: the PDF's own cost (drawing, tagging, artifacts)
    // shows as the ratio. The two are run in turn, so a busy machine slows
    // both alike, and each pair's ratio is kept as well as the medians.
    std::string html_cmd = std::string("'") + EASYREAD_EXE + "' build " + input + " -o " + dir + "/long.html 2>" +
                           dir + "/easyread-html.log";
    std::vector<Run> pdf_runs, html_runs;
    std::vector<double> wall_ratios, cpu_ratios;
    for (int i = 0; i < runs; ++i) {
        pdf_runs.push_back(bench::run_shell(ours));
        html_runs.push_back(bench::run_shell(html_cmd));
        wall_ratios.push_back(pdf_runs.back().seconds / html_runs.back().seconds);
        if (html_runs.back().cpu_seconds > 0)
            cpu_ratios.push_back(pdf_runs.back().cpu_seconds / html_runs.back().cpu_seconds);
    }
    Run a = bench::median_run(pdf_runs);
    std::FILE* p = popen(pages_cmd.c_str(), "r");
    int pages = 0;
    if (p) {
        if (std::fscanf(p, "%d", &pages) != 1) pages = 0;
        pclose(p);
    }
    std::printf("easyread build: 20000 words, %d pages: median %.3f s (%.3f s of processor time), peak %.1f MB "
                "(exit %d)\n",
                pages, a.seconds, a.cpu_seconds, a.peak_kb / 1024.0, a.status);

    Run h = bench::median_run(html_runs);
    std::printf("easyread build to HTML: median %.3f s (%.3f s of processor time), peak %.1f MB (exit %d)\n",
                h.seconds, h.cpu_seconds, h.peak_kb / 1024.0, h.status);
    std::printf("PDF / HTML: %.2f in wall time, %.2f in processor time (goal: within 1.5); median of the %d pairs' "
                "ratios: %.2f wall, %.2f processor\n",
                a.seconds / h.seconds, a.cpu_seconds / h.cpu_seconds, runs, bench::median(wall_ratios),
                bench::median(cpu_ratios));

    if (!have("pandoc") || !have("wkhtmltopdf")) {
        // A peer to measure against, never a build or test dependency.
        std::printf("pandoc -> wkhtmltopdf: peer not installed (apt-get install pandoc wkhtmltopdf); no ratio\n");
        std::system(("rm -rf " + dir).c_str());
        return 0;
    }
    std::string peer = "pandoc -s --metadata title=Benchmark " + input + " -o " + dir +
                       "/peer.html && wkhtmltopdf -q " + dir + "/peer.html " + dir + "/peer.pdf 2>" + dir + "/peer.log";
    Run b = bench::median_of(peer, std::max(1, runs / 2));
    std::printf("pandoc -> wkhtmltopdf: median %.3f s (%.3f s of processor time), peak %.1f MB (exit %d)\n",
                b.seconds, b.cpu_seconds, b.peak_kb / 1024.0, b.status);
    std::printf("ratio: easyread is %.1f times faster in wall time, %.1f times in processor time "
                "(target: under 1 s, 10 times faster, under 200 MB)\n",
                b.seconds / a.seconds, b.cpu_seconds / a.cpu_seconds);
    std::system(("rm -rf " + dir).c_str());
    return 0;
}
