// Benchmark: the 20,000-word document of bench_build (a picture on every
// chunk, ~100 pages) compiled once, then written as PDF, Word (.docx) and
// OpenDocument (.odt) from the same laid-out pages, each timed in the same
// run. Prints the median seconds of each and the output sizes.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench/bench_support.hpp"
#include "generator/pipeline.hpp"

namespace {

long file_size(const std::string& path) {
    struct stat st {};
    return stat(path.c_str(), &st) == 0 ? static_cast<long>(st.st_size) : -1;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace easyread;
    using clock = std::chrono::steady_clock;
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    const std::string dir = "/tmp/easyread-bench-docx-" + std::to_string(getpid());
    std::system(("mkdir -p " + dir).c_str());

    SourceText src;
    src.path = "long.md";
    src.text = bench::long_document(20000);
    auto start = clock::now();
    auto compiled = compile(src, PipelineOptions{});
    const double compile_s = std::chrono::duration<double>(clock::now() - start).count();
    if (!compiled->laid_out) {
        std::fputs(compiled->build_diags.format_all().c_str(), stderr);
        return 1;
    }
    std::printf("20000 words, %zu pages: parse, pictures and layout %.3f s (once)\n", compiled->pages.pages.size(),
                compile_s);
    double pdf = 0;
    for (const char* ext : {"pdf", "docx", "odt"}) {
        const std::string out = dir + "/long." + ext;
        std::vector<double> times;
        for (int i = 0; i < runs; ++i) {
            Diagnostics diags;
            std::vector<std::string> written;
            auto t0 = clock::now();
            if (!render_output(*compiled, out, 0, written, diags)) {
                std::fputs(diags.format_all().c_str(), stderr);
                return 1;
            }
            times.push_back(std::chrono::duration<double>(clock::now() - t0).count());
        }
        const double m = bench::median(times);
        if (std::string(ext) == "pdf") pdf = m;
        std::printf("write .%-4s median %.3f s of %d, %.1f MB", ext, m, runs, file_size(out) / 1048576.0);
        if (std::string(ext) != "pdf") std::printf("  (%.2f times the PDF's time)", m / pdf);
        std::printf("\n");
    }
    std::system(("rm -rf " + dir).c_str());
    return 0;
}
