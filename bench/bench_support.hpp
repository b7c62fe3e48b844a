// What every benchmark shares: timing a child process as the operating
// system accounts for it (wall, processor time, peak memory) and medians.
#pragma once
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

namespace bench {

struct ChildRun {
    double seconds = 0;
    double cpu_seconds = 0;  // user + system time of the child
    long peak_kb = 0;
    int status = -1;
};

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
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    run.peak_kb = usage.ru_maxrss;
    run.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                      static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
    return run;
}

// Runs a shell command line in a child and measures it.
inline ChildRun run_shell(const std::string& command) {
    return measure_child([&] {
        execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        return 127;
    });
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

}  // namespace bench
