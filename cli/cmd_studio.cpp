// easyread studio [FOLDER] [--port N]: the browser studio on this computer;
// easyread studio --team DIR [--listen ADDR:PORT] [--cert F --key F]: for a
// team, with accounts; easyread studio --team DIR --add-user NAME --role R.
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "base/file_names.hpp"
#include "cli/cli_output.hpp"
#include "cli/commands.hpp"
#include "studio/http_guard.hpp"
#include "studio/studio_server.hpp"
#include "studio/team.hpp"

extern char** environ;

namespace easyread::cli {

namespace {

const char* kStudioHelp = R"(usage: easyread studio [FOLDER] [options]

Opens the easy read studio in your web browser: make and check easy read
documents by pointing and typing. Every document is a .md file in FOLDER
(default: this folder), so the command line works on the same files.

  --port N         the port on this computer (default 8040; 0 takes any free port)
  --listen ADDR[:PORT]  the address to answer on; without team mode only
                   127.0.0.1 (this computer)
  --no-open        do not open the browser; just print the address
  -h, --help       this help

Team mode, for a council team on one server (everyone signs in):
  --team DIR       the team's folder: users/, documents/, history/, audit.log
                   (made if missing, readable by this user only)
  --cert FILE --key FILE   TLS certificate chain and key (PEM); needed on
                   any address but 127.0.0.1 (there, put a reverse proxy
                   with TLS in front)
  --add-user NAME --role editor|board|admin   add a person (or give one a
                   new password) and print their one-time setup link (48 hours)
  --url URL        the address people open, for the setup link
                   (default: from --listen)

Without team mode the studio answers only this computer. Stop it with Ctrl+C.
)";

// --add-user: writes the account and prints the link; the running studio reads it at once.
int add_user(const std::string& dir, const std::string& name, const std::string& role_word, const std::string& url) {
    studio::Role role;
    if (!studio::parse_role(role_word, role))
        return usage_error("studio", "--add-user needs --role editor, --role board or --role admin");
    if (!studio::is_user_name(name))
        return usage_error("studio", "a user name has lower-case letters, digits, '.', '_' and '-' (at most 32), "
                                     "starting with a letter or digit");
    std::string error;
    studio::Accounts accounts(dir + "/users");
    const std::string token = accounts.invite(name, role, studio::system_clock_seconds(), error);
    if (token.empty()) {
        std::fprintf(stderr, "easyread studio: error: %s\n", error.c_str());
        return 1;
    }
    // Run as root for a service whose folder belongs to its own user: the account is that user's too.
    struct stat folder;
    if (::geteuid() == 0 && ::stat(dir.c_str(), &folder) == 0 && folder.st_uid != 0) {
        const std::string file = dir + "/users/" + name;
        if (::chown(file.c_str(), folder.st_uid, folder.st_gid) != 0 ||
            ::chown((dir + "/users").c_str(), folder.st_uid, folder.st_gid) != 0)
            std::fprintf(stderr, "easyread studio: warning: cannot give %s to the studio's user\n", file.c_str());
    }
    std::string base = url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    std::printf("%s (%s) can choose a password at this link, once, within 48 hours:\n%s/setup.html#user=%s&token=%s\n",
                name.c_str(), role_word.c_str(), base.c_str(), name.c_str(), token.c_str());
    return 0;
}

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
    std::string team, add, role, url;
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
            // ADDR:PORT (an IPv6 address in brackets: [::1]:8443).
            const auto colon = server.host.rfind(':');
            const auto bracket = server.host.rfind(']');
            if (colon != std::string::npos && (bracket == std::string::npos || colon > bracket) &&
                server.host.find(':') == colon) {
                const std::string p = server.host.substr(colon + 1);
                char* end = nullptr;
                long n = std::strtol(p.c_str(), &end, 10);
                if (p.empty() || *end || n < 0 || n > 65535) return usage_error("studio", "--listen ADDR:PORT needs a port from 1 to 65535");
                server.port = static_cast<int>(n);
                server.host = server.host.substr(0, colon);
            }
            if (server.host.size() > 2 && server.host.front() == '[' && server.host.back() == ']')
                server.host = server.host.substr(1, server.host.size() - 2);
        } else if (a == "--team") {
            team = value();
            if (team.empty()) return usage_error("studio", "--team needs the team's folder");
        } else if (a == "--cert") {
            server.cert = value();
        } else if (a == "--key") {
            server.key = value();
        } else if (a == "--add-user") {
            add = value();
        } else if (a == "--role") {
            role = value();
        } else if (a == "--url") {
            url = value();
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
    if (!add.empty() && team.empty()) return usage_error("studio", "--add-user needs --team DIR (the team's folder)");
    if (server.cert.empty() != server.key.empty()) return usage_error("studio", "give both --cert FILE and --key FILE");
    if (!team.empty()) {
        if (have_folder) return usage_error("studio", "in team mode the documents are in DIR/documents: give no other folder");
        std::string error;
        ::umask(077);
        if (!studio::prepare_team_folder(team, error)) {
            std::fprintf(stderr, "easyread studio: error: %s\n", error.c_str());
            return 2;
        }
        if (!add.empty()) {
            if (url.empty())
                url = std::string(server.cert.empty() && studio::is_loopback_address(server.host) ? "http://" : "https://") +
                      (server.host == "0.0.0.0" || server.host == "::" ? "YOUR-SERVER" : server.host) + ":" +
                      std::to_string(server.port);
            return add_user(team, add, role, url);
        }
        server.team_mode = true;
        server.threads = studio::kTeamThreads;
        options.max_listeners = studio::kTeamListeners;
        options.team = team;
        options.folder = team + "/documents";
        open = false;
    } else if (!server.cert.empty()) {
        return usage_error("studio", "--cert and --key are for team mode (--team DIR)");
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
    if (!team.empty() && studio::Accounts(team + "/users").list().empty())
        std::printf("easyread studio: nobody can sign in yet: add an admin with\n  easyread studio --team %s --add-user NAME --role admin\n",
                    team.c_str());
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
