// What every request must pass before any handler runs, and the headers
// every answer carries. Pure functions of the request's headers, so the
// tests and the fuzz target reach them without a socket.
#pragma once
#include <string>

namespace easyread::studio {

// The address the studio answers to: loopback only until team mode.
struct Listen {
    std::string host = "127.0.0.1";
    int port = 8040;
};

// True for 127.0.0.1, ::1 and localhost: the only addresses served without team mode.
bool is_loopback_address(const std::string& host);

// A Host header naming the studio itself: 127.0.0.1:PORT, localhost:PORT or
// [::1]:PORT. Anything else is a DNS rebinding attempt (evil.example
// resolving to 127.0.0.1) and is refused.
bool host_allowed(const std::string& host_header, int port);
// An Origin header of the studio's own page (http://127.0.0.1:PORT, ...).
bool origin_allowed(const std::string& origin, int port);

struct RequestFacts {
    std::string method;
    std::string host;            // Host header
    std::string origin;          // Origin header, empty when absent
    bool has_origin = false;
    std::string fetch_site;      // Sec-Fetch-Site, empty when absent
    bool has_studio_header = false;  // X-Easyread-Studio: 1 (a cross-site form cannot set it)
};

// Empty when the request may go on; else why it is refused (answered 403).
std::string refuse_reason(const RequestFacts& r, int port);
// The same in team mode, where people open the studio by the server's own
// name: a Host that is a plain name (or address) and port; an Origin, when
// sent, of that same host; changes from the page itself (Origin and the
// studio's header; the CSRF token is checked with the session).
std::string team_refuse_reason(const RequestFacts& r);

// The Content-Security-Policy of every answer: the page's own script and
// style files only, no inline script, no framing, no other site.
extern const char* const kContentSecurityPolicy;
// For pictures and downloads: nothing in them may run, even opened on their own.
extern const char* const kSandboxPolicy;

}  // namespace easyread::studio
