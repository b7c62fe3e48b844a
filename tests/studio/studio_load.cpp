// The studio's own bounded load tool: USERS people signed in to one team
// studio on loopback, each editing a document of their own: EDITS saves,
// PAUSE ms apart (a person typing, then pausing), with the document's live
// stream open as its page keeps it (/api/events). Measures each save's
// round trip, the time until the "pages" message naming that version
// reaches the person, and until the pages it redrew are fetched as the page
// does (/api/page); fails on any error or a p99 of 1 s or more until the
// pages message arrives.
//   studio_load USERS EDITS PAUSE_MS [P99_LIMIT_S, default 1]
// With --kill: the studio runs in a child process, is killed with SIGKILL
// in the middle of the saves, and every document on disk must be the last
// save the studio answered 200 for (or the one still in flight), with every
// answered version in its history.
//   studio_load USERS EDITS PAUSE_MS --kill
// LOAD_TRACE=1 prints each save (seconds from the start, person, its pages
// message and its save in ms) to stderr: slow ones at one moment point to
// the machine, slow ones spread out to the studio.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>

#include "studio/accounts.hpp"
#include "studio/studio_server.hpp"
#include "studio/team.hpp"
#include "tests/studio/json_field.hpp"

using namespace easyread::studio;
using Steady = std::chrono::steady_clock;

namespace {

const std::string kPassword = "Orchard lanterns 42";

double seconds_since(Steady::time_point t) { return std::chrono::duration<double>(Steady::now() - t).count(); }

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

struct Person {
    std::string name, doc, cookie, csrf;
    std::vector<std::pair<std::string, std::string>> acked;  // (version, text) answered 200
    std::string in_flight;                                   // the text of a save not answered yet
};

// A document's live stream as its page reads it: each "pages" message, when it arrived.
struct LiveStream {
    std::mutex lock;
    std::condition_variable arrived;
    std::map<std::string, std::pair<Steady::time_point, std::string>> pages;  // version -> (first arrival, message)
    std::string partial;
    bool ended = false;

    // Takes the stream's bytes; records each whole "pages" message.
    void take(const char* data, std::size_t size) {
        std::lock_guard<std::mutex> hold(lock);
        partial.append(data, size);
        for (std::size_t end; (end = partial.find("\n\n")) != std::string::npos;) {
            const std::string message = partial.substr(0, end);
            partial.erase(0, end + 2);
            const std::string head = "event: pages\ndata: ";
            if (message.compare(0, head.size(), head) != 0) continue;
            const std::string data_line = message.substr(head.size());
            pages.emplace(json_string(data_line, "version"), std::make_pair(Steady::now(), data_line));
        }
        arrived.notify_all();
    }
    // The "pages" message of `version` (false after `limit` seconds from `since`).
    bool wait(const std::string& version, Steady::time_point since, double limit, Steady::time_point& at,
              std::string& message) {
        std::unique_lock<std::mutex> hold(lock);
        const bool got = arrived.wait_until(hold, since + std::chrono::duration_cast<Steady::duration>(std::chrono::duration<double>(limit)),
                                            [&] { return pages.count(version) > 0 || ended; });
        if (!got || !pages.count(version)) return false;
        at = pages[version].first;
        message = pages[version].second;
        return true;
    }
};

// The pages a "pages" message says were redrawn since `seen` (index -> revision), which the page fetches.
std::vector<int> redrawn_pages(const std::string& message, std::map<int, int>& seen) {
    std::vector<int> out;
    const std::string key = "{\"index\":";
    for (std::size_t at = message.find(key); at != std::string::npos; at = message.find(key, at + 1)) {
        const int index = std::atoi(message.c_str() + at + key.size());
        const auto rev = message.find("\"revision\":", at);
        if (rev == std::string::npos) break;
        const int revision = std::atoi(message.c_str() + rev + 11);
        if (revision > 0 && seen[index] != revision) out.push_back(index);
        seen[index] = revision;
    }
    return out;
}

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: studio_load USERS EDITS PAUSE_MS [--kill]\n");
        return 2;
    }
    const int users = std::atoi(argv[1]), edits = std::atoi(argv[2]), pause_ms = std::atoi(argv[3]);
    const bool kill_mode = argc > 4 && std::string(argv[4]) == "--kill";
    const double p99_limit = argc > 4 && !kill_mode ? std::atof(argv[4]) : 1.0;
    char tmpl[] = "/tmp/easyread-load-XXXXXX";
    if (!::mkdtemp(tmpl)) return 2;
    const std::string team = tmpl;
    std::string error;
    if (!prepare_team_folder(team, error)) return 2;
    Accounts accounts(team + "/users");
    for (int i = 0; i < users; ++i) {
        const std::string name = "person" + std::to_string(i);
        const std::string token = accounts.invite(name, Role::Editor, system_clock_seconds(), error);
        if (!accounts.finish_setup(name, token, kPassword, system_clock_seconds(), error)) {
            std::fprintf(stderr, "cannot add %s: %s\n", name.c_str(), error.c_str());
            return 2;
        }
    }

    ServerOptions so;
    so.port = 0;
    so.team_mode = true;
    so.threads = kTeamThreads;
    StudioOptions o;
    o.team = team;
    o.max_listeners = kTeamListeners;
    std::unique_ptr<StudioServer> server;
    int port = 0;
    pid_t child = -1;
    if (kill_mode) {
        // The studio in a child process of its own, to be killed with SIGKILL.
        int fds[2];
        if (::pipe(fds) != 0) return 2;
        child = ::fork();
        if (child == 0) {
            ::close(fds[0]);
            StudioServer s(so, o);
            if (!s.bind(error)) _exit(3);
            const int p = s.port();
            if (::write(fds[1], &p, sizeof p) != sizeof p) _exit(3);
            ::close(fds[1]);
            s.run();
            _exit(0);
        }
        ::close(fds[1]);
        if (::read(fds[0], &port, sizeof port) != sizeof port) return 2;
        ::close(fds[0]);
    } else {
        server = std::make_unique<StudioServer>(so, o);
        if (!server->bind(error)) {
            std::fprintf(stderr, "%s\n", error.c_str());
            return 2;
        }
        server->start();
        port = server->port();
    }
    const std::string origin = "http://127.0.0.1:" + std::to_string(port);

    std::vector<Person> people(static_cast<std::size_t>(users));
    std::mutex lock;
    std::vector<double> saves, previews, after_answer, images, compile_ms, draw_ms;
    std::atomic<int> errors{0}, done_saves{0}, ready{0};
    const auto start = Steady::now();
    const bool trace = std::getenv("LOAD_TRACE") != nullptr;
    std::atomic<bool> killed{false};
    auto work = [&](int i) {
        Person& p = people[static_cast<std::size_t>(i)];
        std::minstd_rand jitter(static_cast<unsigned>(i + 1));
        // Counted as ready also when it fails early, so nobody waits for it.
        struct Ready {
            std::atomic<int>& n;
            bool counted = false;
            void mark() {
                if (!counted) ++n;
                counted = true;
            }
            ~Ready() { mark(); }
        } me{ready};
        p.name = "person" + std::to_string(i);
        httplib::Client c("127.0.0.1", port);
        c.set_read_timeout(30, 0);
        c.set_keep_alive(true);
        httplib::Headers h = {{"Origin", origin}, {"X-Easyread-Studio", "1"}};
        auto r = c.Post("/api/login", h, "user=" + p.name + "&password=" + httplib::detail::encode_query_param(kPassword),
                        "application/x-www-form-urlencoded");
        // After the SIGKILL every request fails: that is no error of the studio's.
        auto fail = [&](const char* what, const httplib::Result& res) {
            if (killed) return;
            std::fprintf(stderr, "%s: %s: %s\n", p.name.c_str(), what,
                         res ? res->body.c_str() : httplib::to_string(res.error()).c_str());
            ++errors;
        };
        if (!r || r->status != 200) return fail("sign-in", r);
        const std::string set = r->get_header_value("Set-Cookie");
        h.emplace("Cookie", set.substr(0, set.find(';')));
        h.emplace("X-CSRF-Token", json_string(r->body, "csrf"));
        std::string text = "# Notes of " + p.name + "\n\nWe meet on Monday at the library.\n";
        r = c.Post(("/api/new?title=Notes+of+" + p.name).c_str(), h, text, "text/plain");
        if (!r || r->status != 200) return fail("new document", r);
        p.doc = json_string(r->body, "name");
        r = c.Get(("/api/doc?name=" + p.doc).c_str(), h);
        if (!r || r->status != 200) return fail("open", r);
        std::string version = json_string(r->body, "version");
        text = read_all(team + "/documents/" + p.doc);
        // The document's live stream, open as long as its page is.
        LiveStream live;
        std::map<int, int> seen;  // page index -> revision the page holds
        httplib::Client events("127.0.0.1", port);
        events.set_read_timeout(60, 0);
        std::thread listening;
        std::atomic<bool> closing{false};
        if (!kill_mode)
            listening = std::thread([&] {
                events.Get(("/api/events?doc=" + p.doc).c_str(), h, [&](const char* data, std::size_t size) {
                    live.take(data, size);
                    return !closing;
                });
                std::lock_guard<std::mutex> hold(live.lock);
                live.ended = true;
                live.arrived.notify_all();
            });
        struct Close {  // the page closes: its stream ends
            httplib::Client& events;
            std::thread& listening;
            std::atomic<bool>& closing;
            ~Close() {
                closing = true;
                events.stop();
                if (listening.joinable()) listening.join();
            }
        } close{events, listening, closing};
        {
            std::lock_guard<std::mutex> hold(lock);
            p.acked.emplace_back(version, text);  // made by the answered "new document"
        }
        // Everyone is signed in with a document open before the saves begin:
        // the measure is of editing, not of 30 password checks (argon2id,
        // 64 MB each) at the same moment.
        me.mark();
        while (ready < users && seconds_since(start) < 60) std::this_thread::sleep_for(std::chrono::milliseconds(5));
        // Nobody starts at the same millisecond.
        std::this_thread::sleep_for(std::chrono::milliseconds(jitter() % static_cast<unsigned>(pause_ms + 1)));
        for (int e = 0; e < edits && !killed; ++e) {
            text += "\nOn day " + std::to_string(e + 1) + " " + p.name + " wrote one more sentence, and it is saved.\n";
            httplib::Headers put = h;
            put.emplace("If-Match", version);
            {
                std::lock_guard<std::mutex> hold(lock);
                p.in_flight = text;
            }
            const auto t0 = Steady::now();
            r = c.Put(("/api/doc?name=" + p.doc).c_str(), put, text, "text/markdown");
            if (!r || r->status != 200) return fail("save", r);
            const double save = seconds_since(t0);
            version = json_string(r->body, "version");
            {
                std::lock_guard<std::mutex> hold(lock);
                p.acked.emplace_back(version, text);
                p.in_flight.clear();
                saves.push_back(save);
            }
            ++done_saves;
            if (!kill_mode) {
                // The pages message naming this version, as the person's page receives it.
                Steady::time_point at;
                std::string message;
                if (!live.wait(version, t0, 20, at, message)) {
                    std::fprintf(stderr, "%s: its pages message did not come within 20 s\n", p.doc.c_str());
                    ++errors;
                    break;
                }
                // Then the redrawn pages' images, fetched as the page does.
                for (int n : redrawn_pages(message, seen)) {
                    auto img = c.Get(("/api/page?doc=" + p.doc + "&n=" + std::to_string(n)).c_str(), h);
                    if (!img || img->status != 200) {
                        fail("page image", img);
                        break;
                    }
                }
                const double pages_in = std::chrono::duration<double>(at - t0).count();
                std::lock_guard<std::mutex> hold(lock);
                previews.push_back(pages_in);
                if (trace)
                    std::fprintf(stderr, "trace %.2f %s pages %.0f save %.0f\n", std::chrono::duration<double>(t0 - start).count(),
                                 p.name.c_str(), 1000 * pages_in, 1000 * save);
                after_answer.push_back(pages_in - save);
                images.push_back(seconds_since(t0));
                const auto cm = message.find("\"compile_ms\":"), dm = message.find("\"draw_ms\":");
                if (cm != std::string::npos && dm != std::string::npos) {
                    compile_ms.push_back(std::atof(message.c_str() + cm + 13));
                    draw_ms.push_back(std::atof(message.c_str() + dm + 10));
                }
            }
            // People pause at different moments: PAUSE ms give or take a half.
            std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms / 2 + static_cast<int>(jitter() % static_cast<unsigned>(pause_ms + 1))));
        }
    };
    std::vector<std::thread> threads;
    for (int i = 0; i < users; ++i) threads.emplace_back(work, i);
    if (kill_mode) {
        // Kill it once about half the saves are answered, with saves in flight.
        while (done_saves < users * edits / 2 && seconds_since(start) < 120)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        killed = true;
        ::kill(child, SIGKILL);
        ::waitpid(child, nullptr, 0);
    }
    for (auto& t : threads) t.join();
    const double total = seconds_since(start);
    if (server) server->stop();

    int lost = 0;
    if (kill_mode) {
        for (const auto& p : people) {
            if (p.doc.empty()) continue;
            const std::string disk = read_all(team + "/documents/" + p.doc);
            // Killed between making the document and opening it: only the answered "new" to check.
            if (p.acked.empty()) {
                if (disk.empty()) {
                    ++lost;
                    std::fprintf(stderr, "%s: the document made before the SIGKILL is not on disk\n", p.doc.c_str());
                }
                continue;
            }
            const std::string last = p.acked.empty() ? std::string() : p.acked.back().second;
            if (disk != last && disk != p.in_flight) {
                ++lost;
                std::fprintf(stderr, "%s: the file on disk is not the last answered save\n", p.doc.c_str());
            }
            DocStore store(team + "/documents");
            store.keep_history(team + "/history");
            const auto kept = store.history(p.doc);
            for (const auto& [v, t] : p.acked)
                if (std::none_of(kept.begin(), kept.end(), [&](const DocStore::Version& k) { return k.version == v; })) {
                    ++lost;
                    std::fprintf(stderr, "%s: answered version %s is not in its history\n", p.doc.c_str(), v.c_str());
                }
        }
    }
    std::printf("studio_load: %d people, %zu saves answered in %.1f s, %d errors%s\n", users, saves.size(), total,
                errors.load(), kill_mode ? ", then SIGKILL" : "");
    std::printf("  save round trip: p50 %.0f ms, p99 %.0f ms, max %.0f ms\n", 1000 * percentile(saves, 0.5),
                1000 * percentile(saves, 0.99), 1000 * percentile(saves, 1.0));
    if (!kill_mode)
        std::printf("  save to its pages message received: p50 %.0f ms, p99 %.0f ms, max %.0f ms\n", 1000 * percentile(previews, 0.5),
                    1000 * percentile(previews, 0.99), 1000 * percentile(previews, 1.0));
    if (!kill_mode)
        std::printf("  from the save's answer to its pages message: p50 %.0f ms, p99 %.0f ms\n",
                    1000 * percentile(after_answer, 0.5), 1000 * percentile(after_answer, 0.99));
    if (!kill_mode)
        std::printf("  save to its redrawn page images fetched: p50 %.0f ms, p99 %.0f ms, max %.0f ms\n",
                    1000 * percentile(images, 0.5), 1000 * percentile(images, 0.99), 1000 * percentile(images, 1.0));
    if (!kill_mode)
        std::printf("  of which the studio's work per preview: compile p50 %.0f ms, draw p50 %.0f ms\n",
                    percentile(compile_ms, 0.5), percentile(draw_ms, 0.5));
    else
        std::printf("  after SIGKILL: %d saves answered but not on disk or not in the history\n", lost);
    std::system(("rm -rf '" + team + "'").c_str());
    const bool ok = errors == 0 && lost == 0 && (kill_mode || percentile(previews, 0.99) < p99_limit) &&
                    saves.size() >= static_cast<std::size_t>(kill_mode ? users * edits / 2 : users * edits);
    return ok ? 0 : 1;
}
