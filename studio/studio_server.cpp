#include "studio/studio_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "studio/http_guard.hpp"

namespace easyread::studio {

StudioServer::StudioServer(const ServerOptions& server, StudioOptions studio)
    : options_(server), studio_(std::move(studio)) {
    if (!options_.cert.empty() || !options_.key.empty())
        http_ = std::make_unique<httplib::SSLServer>(options_.cert.c_str(), options_.key.c_str());
    else
        http_ = std::make_unique<httplib::Server>();
}

StudioServer::~StudioServer() { stop(); }

namespace {

// Debian's cpp-httplib (built as a library) listens with a backlog of 5: a
// team signing in at once overflows it and connections are dropped. Linux
// takes a second listen() on the same socket as a new backlog.
void widen_backlog(int port) {
    for (int fd = 3; fd < 1024; ++fd) {
        int listening = 0;
        socklen_t len = sizeof listening;
        if (::getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) != 0 || !listening) continue;
        sockaddr_storage addr{};
        socklen_t alen = sizeof addr;
        if (::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &alen) != 0) continue;
        const int bound = addr.ss_family == AF_INET ? ntohs(reinterpret_cast<sockaddr_in*>(&addr)->sin_port)
                          : addr.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port)
                                                       : -1;
        if (bound == port) ::listen(fd, SOMAXCONN);
    }
}

}  // namespace

bool StudioServer::bind(std::string& error) {
    const bool tls = !options_.cert.empty() || !options_.key.empty();
    if (!is_loopback_address(options_.host) && !options_.team_mode) {
        error = "without team mode the studio listens only on this computer (127.0.0.1); '" + options_.host +
                "' would let other computers open your documents. Use --team FOLDER with --cert and --key";
        return false;
    }
    if (!is_loopback_address(options_.host) && !tls) {
        error = "team mode on " + options_.host +
                " needs TLS, or passwords and answers would cross the network readable by anyone: give --cert FILE "
                "--key FILE, or listen on 127.0.0.1 behind a reverse proxy that has them";
        return false;
    }
    if (tls && !http_->is_valid()) {
        error = "the certificate " + options_.cert + " and key " + options_.key +
                " cannot be used (missing, unreadable, or not a pair in PEM form)";
        return false;
    }
    const std::string host = options_.host == "localhost" ? "127.0.0.1" : options_.host;
    port_ = options_.port == 0 ? http_->bind_to_any_port(host) : (http_->bind_to_port(host, options_.port) ? options_.port : -1);
    if (port_ <= 0) {
        error = "cannot listen on " + host + ":" + std::to_string(options_.port) +
                " (is another studio running? try --port)";
        return false;
    }
    widen_backlog(port_);
    studio_.port = port_;
    studio_.tls = tls;
    // Behind a proxy on this computer, its X-Forwarded-* headers tell the client's address and scheme.
    studio_.trust_proxy = options_.team_mode && !tls && is_loopback_address(options_.host);
    app_ = std::make_unique<StudioApp>(studio_);
    const std::size_t threads = options_.threads;
    http_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    http_->set_payload_max_length(studio_.max_upload_bytes + (1u << 20));
    http_->set_read_timeout(options_.read_timeout_seconds, 0);
    http_->set_write_timeout(10, 0);
    http_->set_keep_alive_max_count(100);
    http_->set_tcp_nodelay(true);
    StudioApp* app = app_.get();
    auto handler = [app](const httplib::Request& req, httplib::Response& res) { app->dispatch(req, res); };
    for (const char* any : {".*"}) {
        http_->Get(any, handler);
        http_->Post(any, handler);
        http_->Put(any, handler);
        http_->Delete(any, handler);
        http_->Patch(any, handler);
        http_->Options(any, handler);
    }
    http_->set_error_handler([](const httplib::Request&, httplib::Response& res) {
        // httplib's own refusals (413 for a body over the limit, 400 for a bad request line).
        res.set_header("Content-Security-Policy", kContentSecurityPolicy);
        if (res.body.empty())
            res.set_content("{\"error\":\"the request was refused (" + std::to_string(res.status) + ")\"}",
                            "application/json");
    });
    return true;
}

std::string StudioServer::address() const {
    const bool tls = !options_.cert.empty();
    std::string host = options_.host == "localhost" || options_.host.empty() ? "127.0.0.1" : options_.host;
    if (host.find(':') != std::string::npos) host = "[" + host + "]";
    return std::string(tls ? "https://" : "http://") + host + ":" + std::to_string(port_) + "/";
}

void StudioServer::run() { http_->listen_after_bind(); }

void StudioServer::start() {
    thread_ = std::thread([this] { run(); });
    while (!http_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
}

void StudioServer::stop() {
    if (app_) app_->stop();
    if (http_->is_running()) http_->stop();
    if (thread_.joinable()) thread_.join();
}

}  // namespace easyread::studio
