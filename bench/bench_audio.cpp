// Benchmark: the audio version. The bundled examples and the 20,000-word
// benchmark document (the one bench_build makes) built to MP3 by
// `easyread build -o X.mp3`; prints seconds of audio made per second of
// processor time (the workers' time included) and per second of wall time,
// beside the same document built to PDF in the same run. Then the peak memory
// (the program and its speech workers together) of `--audio` (PDF, HTML with Listen buttons and their clips, MP3) on a
// 31,000-word document (174 pages), beside the PDF alone: the speech is kept
// on disk and encoded as it is read, so the peak stays under 300 MB.
// usage: bench_audio [RUNS]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "bench/bench_support.hpp"

namespace {

using Run = bench::ChildRun;

double mp3_seconds(const std::string& path) {
    std::string cmd = "ffprobe -v error -show_entries format=duration -of csv=p=0 '" + path + "' 2>/dev/null";
    std::FILE* p = popen(cmd.c_str(), "r");
    double d = 0;
    if (p) {
        if (std::fscanf(p, "%lf", &d) != 1) d = 0;
        pclose(p);
    }
    return d;
}

}  // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 1;
    if (std::system("command -v ffprobe >/dev/null") != 0) {
        std::printf("ffprobe is not installed (apt-get install ffmpeg): it reads the MP3's length\n");
        return 1;
    }
    const std::string dir = "/tmp/easyread-bench-audio-" + std::to_string(getpid());
    std::system(("mkdir -p " + dir).c_str());
    std::ofstream(dir + "/long.md") << bench::long_document(20000, false);
    std::vector<std::pair<std::string, std::string>> docs = {
        {"stocktake", std::string(EASYREAD_SOURCE_DIR) + "/templates/examples/stocktake.md"},
        {"strategy", std::string(EASYREAD_SOURCE_DIR) + "/templates/examples/strategy.md"},
        {"actions", std::string(EASYREAD_SOURCE_DIR) + "/templates/examples/actions.md"},
        {"20000 words", dir + "/long.md"},
    };
    std::printf("%-12s %9s %9s %9s %12s %12s %10s\n", "document", "audio s", "cpu s", "wall s", "audio/cpu s",
                "audio/wall s", "PDF cpu s");
    int n = 0;
    for (const auto& [name, input] : docs) {
        const std::string out = dir + "/doc" + std::to_string(n++);
        Run a = bench::median_of("'" EASYREAD_EXE "' build '" + input + "' -o " + out + ".mp3 2>/dev/null", runs);
        Run pdf = bench::median_of("'" EASYREAD_EXE "' build '" + input + "' -o " + out + ".pdf 2>/dev/null", runs);
        const double audio = mp3_seconds(out + ".mp3");
        std::printf("%-12s %9.1f %9.2f %9.2f %12.1f %12.1f %10.2f%s\n", name.c_str(), audio, a.cpu_seconds, a.seconds,
                    a.cpu_seconds > 0 ? audio / a.cpu_seconds : 0, a.seconds > 0 ? audio / a.seconds : 0,
                    pdf.cpu_seconds, a.status == 0 ? "" : "  (failed)");
    }

    std::ofstream(dir + "/w31000.md") << bench::long_document(31000, true);
    const std::string in = dir + "/w31000.md", out = dir + "/audio";
    std::system(("mkdir -p " + out).c_str());
    // The speech workers run beside the program: the memory that counts is
    // theirs and its together (proportional set size, sampled), not the
    // largest one process's peak alone.
    Run all = bench::run_shell_tree("'" EASYREAD_EXE "' build '" + in + "' --audio -o " + out + "/ 2>/dev/null");
    Run pdf = bench::run_shell_tree("'" EASYREAD_EXE "' build '" + in + "' -o " + out + "/only.pdf 2>/dev/null");
    std::printf("\n%-28s %12s %14s %10s %12s\n", "31,000 words (174 pages)", "all, PSS MB", "largest, RSS MB", "wall s",
                "audio min");
    std::printf("%-28s %12.0f %14.0f %10.1f %12.1f%s\n", "--audio (PDF, HTML, MP3)", all.tree_peak_kb / 1024.0,
                all.peak_kb / 1024.0, all.seconds, mp3_seconds(out + "/w31000.mp3") / 60,
                all.status == 0 ? "" : "  (failed)");
    std::printf("%-28s %12.0f %14.0f %10.1f\n", "PDF only", pdf.tree_peak_kb / 1024.0, pdf.peak_kb / 1024.0,
                pdf.seconds);
    std::printf("goal: --audio under 300 MB, all processes together\n");
    std::system(("rm -rf " + dir).c_str());
    return 0;
}
