// easyread studio [FOLDER] [--port N]: the browser studio on this computer.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "base/file_names.hpp"
#include "cli/cli_output.hpp"
#include "cli/commands.hpp"
#include "studio/studio_server.hpp"

extern char** environ;

namespace easyread::cli {

namespace {

const char* kStudioHelp = R"(usage: easyread studio [FOLDER] [options]

Opens the easy read studio in your web browser: make and check easy read
documents by pointing and typing. Every document is a .md file in FOLDER
(default: this folder), so the command line works on the same files.

  --port N         the port on this computer (default 8040; 0 takes any free port)
  --listen ADDR    only 127.0.0.1 (this computer) until team mode exists
  --no-open        do not open the browser; just print the address
  -h, --help       this help

The studio answers only this computer. Stop it with Ctrl+C.
)";

void open_browser(const std::string& url) {
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((!display || !*display) && (!wayland || !*wayland)) return;
    pid_t pid;
    char* args[] = {const_cast<char*>("xdg-open"), const_cast<char*>(url.c_str()), nullptr};
    if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, args, environ) == 0) {
        std::thread([pid] { waitpid(pid, nullptr, 0); }).detach();
    }
}

}  // namespace

int cmd_studio(int argc, char** argv) {
    studio::ServerOptions server;
    studio::StudioOptions options;
    bool open = true, have_folder = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : std::string(); };
        if (a == "-h" || a == "--help") {
            std::fputs(kStudioHelp, stdout);
            return 0;
        } else if (a == "--port") {
            std::string v = value();
            char* end = nullptr;
            long p = std::strtol(v.c_str(), &end, 10);
            if (v.empty() || *end || p < 0 || p > 65535) return usage_error("studio", "--port needs a number from 1 to 65535 (0: any free port)");
            server.port = static_cast<int>(p);
        } else if (a == "--listen") {
            server.host = value();
            if (server.host.empty()) return usage_error("studio", "--listen needs an address");
        } else if (a == "--no-open") {
            open = false;
        } else if (!a.empty() && a[0] == '-') {
            return usage_error("studio", "unknown option '" + a + "'");
        } else if (!have_folder) {
            options.folder = a;
            have_folder = true;
        } else {
            return usage_error("studio", "give one folder");
        }
    }
    if (!is_directory(options.folder)) {
        std::fprintf(stderr, "easyread studio: error: %s is not a folder. Give the folder your documents are in.\n",
                     options.folder.c_str());
        return 2;
    }
    // Ctrl+C and SIGTERM are taken by one thread that stops the server cleanly.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    studio::StudioServer studio(server, options);
    std::string error;
    if (!studio.bind(error)) {
        std::fprintf(stderr, "easyread studio: error: %s\n", error.c_str());
        return 2;
    }
    std::printf("easyread studio: open %s in your web browser (Ctrl+C stops it)\n", studio.address().c_str());
    std::fflush(stdout);
    if (open) open_browser(studio.address());
    std::thread waiter([&] {
        int sig = 0;
        sigwait(&stop_signals, &sig);
        studio.stop();
    });
    studio.run();
    // Stopped by a signal; or the server ended by itself: wake the waiter with one.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    return 0;
}

}  // namespace easyread::cli
