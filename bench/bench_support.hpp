// What every benchmark shares: timing a child process as the operating
// system accounts for it (wall, processor time, peak memory) and medians.
#pragma once
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <dirent.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace bench {

struct ChildRun {
    double seconds = 0;
    double cpu_seconds = 0;  // user + system time of the child
    long peak_kb = 0;
    long tree_peak_kb = 0;  // the child and its workers together (run_shell_tree only)
    int status = -1;
};

// What the system accounted for a child that has ended.
inline void account(ChildRun& run, std::chrono::steady_clock::time_point start, int status, const rusage& usage) {
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    run.peak_kb = usage.ru_maxrss;
    run.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                      static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

// Runs `body` in a forked child (its return value is the exit status) and measures it.
template <class Body>
ChildRun measure_child(Body body) {
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = fork();
    if (pid == 0) _exit(body());
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    ChildRun run;
    account(run, start, status, usage);
    return run;
}

// Runs a shell command line in a child and measures it.
inline ChildRun run_shell(const std::string& command) {
    return measure_child([&] {
        execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        return 127;
    });
}

// The proportional set size of `pid` and every process below it, in kB:
// a program whose workers run at the same time uses their memory together.
inline long tree_pss_kb(pid_t pid) {
    std::map<pid_t, std::vector<pid_t>> children;
    if (DIR* d = opendir("/proc")) {
        while (dirent* e = readdir(d)) {
            const pid_t p = std::atoi(e->d_name);
            if (p <= 0) continue;
            std::ifstream stat("/proc/" + std::string(e->d_name) + "/stat");
            std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
            const std::size_t close = text.rfind(')');  // the name may hold spaces
            if (close == std::string::npos) continue;
            std::istringstream rest(text.substr(close + 1));
            std::string state;
            pid_t parent = 0;
            rest >> state >> parent;
            children[parent].push_back(p);
        }
        closedir(d);
    }
    long total = 0;
    std::vector<pid_t> todo{pid};
    while (!todo.empty()) {
        const pid_t p = todo.back();
        todo.pop_back();
        for (pid_t c : children[p]) todo.push_back(c);
        std::ifstream rollup("/proc/" + std::to_string(p) + "/smaps_rollup");
        for (std::string line; std::getline(rollup, line);)
            if (line.rfind("Pss:", 0) == 0) total += std::atol(line.c_str() + 4);
    }
    return total;
}

// A shell command measured as run_shell does, and the peak of its whole
// process tree's memory, sampled every 20 ms.
inline ChildRun run_shell_tree(const std::string& command) {
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = fork();
    if (pid == 0) {
        execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    ChildRun run;
    int status = 0;
    rusage usage{};
    while (wait4(pid, &status, WNOHANG, &usage) == 0) {
        run.tree_peak_kb = std::max(run.tree_peak_kb, tree_pss_kb(pid));
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    account(run, start, status, usage);
    return run;
}

inline double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// The run with the median wall time.
inline ChildRun median_run(std::vector<ChildRun> runs) {
    std::sort(runs.begin(), runs.end(), [](const ChildRun& a, const ChildRun& b) { return a.seconds < b.seconds; });
    return runs.empty() ? ChildRun{} : runs[runs.size() / 2];
}

// A shell command run `runs` times; the run with the median wall time.
inline ChildRun median_of(const std::string& command, int runs) {
    std::vector<ChildRun> all;
    for (int i = 0; i < runs; ++i) all.push_back(run_shell(command));
    return median_run(all);
}

// The long strategy-like Markdown the build, Word and audio benchmarks time:
// about `target_words` words, a heading every 12 chunks, each paragraph
// different (its number) so no layout is reused, with or without a picture
// named on each chunk.
inline std::string long_document(int target_words, bool pictures = true) {
    const char* names[] = {"house", "money", "doctor", "family", "work", "meeting", "phone", "calendar",
                           "travel", "learning", "safe", "plan", "talk", "people", "hospital", "medicine"};
    const char* sentences[] = {"We will help you find a good home near the people you love.",
                               "Your care plan says what support you get each week.",
                               "You can ask an advocate to help you speak up at meetings.",
                               "The council will check that the money is spent well.",
                               "Doctors and nurses will make changes so it is easier for you.",
                               "Tell us what you think about the plan at the next event."};
    std::string md = "---\ntitle: Benchmark plan\norganisation: Millbrook Council\ndate: November 2026\n"
                     "summary_of: A long strategy\n---\n\n";
    int words = 0, chunk = 0;
    while (words < target_words) {
        if (chunk % 12 == 0) md += "# Part " + std::to_string(chunk / 12 + 1) + "\n\n";
        std::string para = std::string(sentences[chunk % 6]) + " " + sentences[(chunk + 1) % 6] + " " +
                           sentences[(chunk + 3) % 6] + " This is point " + std::to_string(chunk + 1) + ".";
        md += para + (pictures ? std::string(" {picture=") + names[chunk % 16] + "}" : std::string()) + "\n\n";
        words += static_cast<int>(std::count(para.begin(), para.end(), ' ')) + 1;
        ++chunk;
    }
    return md;
}

}  // namespace bench
