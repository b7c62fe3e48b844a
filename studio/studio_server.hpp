// The HTTP side: cpp-httplib on a loopback address (or, in team mode, any
// address over TLS) with a bounded thread pool, explicit size and time
// limits, and every request handed to StudioApp::dispatch.
#pragma once
#include <memory>
#include <string>
#include <thread>

#include "studio/studio_app.hpp"

namespace easyread::studio {

// Team mode: every open page keeps a live-update stream (a thread each)
// beside its requests, so the pool is sized for a team, not one officer.
constexpr std::size_t kTeamThreads = 96;
constexpr std::size_t kTeamListeners = 64;

struct ServerOptions {
    std::string host = "127.0.0.1";
    int port = 8040;       // 0 takes any free port (the tests)
    bool team_mode = false;  // without it only loopback is served
    // TLS (cpp-httplib's SSLServer over Debian's OpenSSL): PEM certificate
    // chain and key. Team mode needs them on any address but loopback.
    std::string cert, key;
    std::size_t threads = 12;
    int read_timeout_seconds = 10;  // a request slower than this is dropped
};

class StudioServer {
public:
    StudioServer(const ServerOptions& server, StudioOptions studio);
    ~StudioServer();

    // Binds the address; false with the reason (a busy port, an address
    // other than loopback without team mode).
    bool bind(std::string& error);
    int port() const { return port_; }
    std::string address() const;
    // Serves until stop(); call after bind().
    void run();
    // Serves on a thread of its own (the tests).
    void start();
    void stop();
    StudioApp& app() { return *app_; }

private:
    ServerOptions options_;
    StudioOptions studio_;
    std::unique_ptr<httplib::Server> http_;
    std::unique_ptr<StudioApp> app_;
    int port_ = 0;
    std::thread thread_;
};

}  // namespace easyread::studio
