// Prints how long the picture bank takes to load and how long the matcher
// takes over a 20,000-word document (targets: under 20 ms and under 50 ms).
//
// usage: bench_pictures [TEXT_FILE]
// Without a file the document is made of the labelled test sentences,
// repeated; with one, its lines (one block each) are repeated instead.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "base/data_paths.hpp"
#include "symbols/bank.hpp"
#include "symbols/matcher.hpp"

#include "bench/bench_support.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::size_t count_words(const std::string& s) {
    std::size_t n = 0;
    bool in_word = false;
    for (char c : s) {
        bool space = c == ' ' || c == '\t' || c == '\n';
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}

// Blocks of text: the first column of each line that is not blank or a comment.
std::vector<std::string> read_blocks(const std::string& path) {
    std::vector<std::string> out;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        line = line.substr(0, line.find('\t'));
        if (!line.empty() && line[0] != '#' && count_words(line) > 0) out.push_back(line);
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string source = argc > 1 ? argv[1] : easyread::data_path("tests/symbols/labelled.tsv");
    const std::vector<std::string> sample = read_blocks(source);
    if (sample.empty()) {
        std::fprintf(stderr, "bench_pictures: error: no text in %s\n", source.c_str());
        return 2;
    }

    std::vector<double> loads;
    std::size_t pictures = 0, concepts = 0;
    for (int i = 0; i < 20; ++i) {
        auto start = Clock::now();
        easyread::Diagnostics diags;
        easyread::symbols::Bank bank;
        bank.load_bundled(diags);
        loads.push_back(ms_since(start));
        pictures = bank.pictures().size();
        concepts = bank.concepts().size();
    }

    easyread::Diagnostics diags;
    easyread::symbols::Bank bank;
    bank.load_bundled(diags);
    std::vector<double> builds;
    for (int i = 0; i < 10; ++i) {
        auto start = Clock::now();
        easyread::symbols::Matcher m(bank);
        builds.push_back(ms_since(start));
    }

    std::vector<std::string> blocks;
    std::size_t words = 0;
    for (std::size_t i = 0; words < 20000; ++i) {
        blocks.push_back(sample[i % sample.size()]);
        words += count_words(blocks.back());
    }
    easyread::symbols::Matcher matcher(bank);
    std::vector<double> runs;
    std::size_t with_picture = 0;
    for (int i = 0; i < 7; ++i) {
        auto start = Clock::now();
        auto matches = matcher.best_for_blocks(blocks);
        runs.push_back(ms_since(start));
        with_picture = static_cast<std::size_t>(
            std::count_if(matches.begin(), matches.end(), [](const auto& m) { return m.picture != nullptr; }));
    }

    std::printf("picture index load: %.2f ms (median of 20; %zu pictures, %zu concepts; target < 20 ms)\n",
                bench::median(loads), pictures, concepts);
    std::printf("matcher build: %.2f ms (median of 10)\n", bench::median(builds));
    std::printf("matching %zu words in %zu blocks: %.2f ms (median of 7; target < 50 ms); %.0f%% of blocks got a picture\n",
                words, blocks.size(), bench::median(runs), 100.0 * static_cast<double>(with_picture) / static_cast<double>(blocks.size()));
    return 0;
}
