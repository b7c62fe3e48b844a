// How long `easyread check` takes on a 20,000-word document (target: under
// 100 ms). The document is built from the seed texts when they are beside
// the repository, else from a built-in paragraph, repeated to 20,000 words.
// Prints the median of several runs for parsing, checking, and both together
// with the word lists and picture bank loaded once beforehand.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <dirent.h>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "symbols/bank.hpp"
#include "symbols/matcher.hpp"
#include "generator/check/check.hpp"
#include "generator/lang/lexicon.hpp"
#include "base/sentences.hpp"
#include "generator/parse/markdown_front.hpp"

#include "bench/bench_support.hpp"

using namespace easyread;
using Clock = std::chrono::steady_clock;

namespace {

std::string seed_text() {
    std::string dir = std::string(EASYREAD_SOURCE_DIR) + "/../shared/seeds";
    std::string all;
    if (DIR* d = opendir(dir.c_str())) {
        while (dirent* e = readdir(d)) {
            std::string n = e->d_name;
            if (n.size() < 5 || n.compare(n.size() - 4, 4, ".txt") != 0) continue;
            std::ifstream in(dir + "/" + n);
            std::ostringstream s;
            s << in.rdbuf();
            all += s.str() + "\n\n";
        }
        closedir(d);
    }
    if (all.empty())
        all = "The Winterbourne View Joint Improvement Programme is asking local areas to complete a stocktake "
              "of progress against the commitments made nationally; the CCG will commission 30% more support "
              "by 05/07/2024 in order to help people with learning disabilities live in their own homes.\n\n"
              "We help you find a home. You can choose who you live with.\n\n";
    return all;
}

// Adds the seed paragraphs one at a time until the document holds the target.
std::string document_of(int target_words, int& words) {
    std::string base = seed_text();
    std::string doc = "---\ntitle: Benchmark\n---\n\n# A long document\n\n";
    words = 3;
    std::size_t pos = 0;
    while (words < target_words) {
        std::size_t end = base.find("\n\n", pos);
        std::string para = base.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
        pos = end == std::string::npos ? 0 : end + 2;
        if (count_words(para) == 0) continue;
        doc += para + "\n\n";
        words += count_words(para);
    }
    return doc;
}

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

}  // namespace

int main() {
    int words = 0;
    std::string text = document_of(20000, words);
    Diagnostics setup;
    lang::RuleSet rules;
    lang::Lexicon lexicon;
    symbols::Bank bank;
    auto t0 = Clock::now();
    if (!lang::load_rule_set(lang::kDefaultRuleSet, rules, setup) || !lang::load_lexicon(rules, lexicon, setup) ||
        !bank.load_bundled(setup)) {
        std::fprintf(stderr, "%s", setup.format_all().c_str());
        return 1;
    }
    symbols::Matcher matcher(bank);
    double load_ms = ms(Clock::now() - t0);

    SourceText src{"bench.md", text};
    std::vector<double> parse_times, check_times, total_times, cpu_times;
    std::size_t diagnostics = 0;
    check::CheckReport report;
    const int runs = 15;
    for (int run = 0; run < runs; ++run) {
        Diagnostics diags;
        std::clock_t cpu = std::clock();
        auto a = Clock::now();
        ParsedMarkdown md = parse_markdown(src, diags);
        auto b = Clock::now();
        check::CheckOptions options;
        options.lexicon = &lexicon;
        options.bank = &bank;
        options.matcher = &matcher;
        report = check::check_markdown(src, md, rules, options, diags);
        auto c = Clock::now();
        parse_times.push_back(ms(b - a));
        check_times.push_back(ms(c - b));
        total_times.push_back(ms(c - a));
        cpu_times.push_back(1000.0 * static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC);
        diagnostics = diags.items().size();
    }
    double total = bench::median(total_times);
    double fastest = *std::min_element(total_times.begin(), total_times.end());
    double cpu = bench::median(cpu_times);
    std::printf("bench_check: %d words (%zu bytes), %d sentences, %zu diagnostics\n", report.words, text.size(),
                report.sentences, diagnostics);
    std::printf("  load rules, word lists, picture bank, matcher (once): %.1f ms\n", load_ms);
    std::printf("  parse (median of %d):                        %.1f ms\n", runs, bench::median(parse_times));
    std::printf("  check (median of %d):                        %.1f ms\n", runs, bench::median(check_times));
    std::printf("  parse + check, wall clock: median %.1f ms, fastest %.1f ms; CPU time median %.1f ms\n", total,
                fastest, cpu);
    // On a shared, busy machine the wall clock includes waiting for a core;
    // CPU time is what the checker itself costs.
    std::printf("  target < 100 ms for 20,000 words: wall clock median %s, CPU time %s\n", total < 100 ? "met" : "NOT met",
                cpu < 100 ? "met" : "NOT met");
    return 0;
}
