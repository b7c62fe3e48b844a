#include "studio/http_guard.hpp"

#include <cctype>

#include "base/text_util.hpp"

namespace easyread::studio {

const char* const kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; media-src 'self' blob:; "
    "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
const char* const kSandboxPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

bool is_loopback_address(const std::string& host) {
    return host == "127.0.0.1" || host == "::1" || host == "[::1]" || host == "localhost";
}

bool host_allowed(const std::string& host_header, int port) {
    const std::string h = lower(host_header);
    const std::string p = ":" + std::to_string(port);
    return h == "127.0.0.1" + p || h == "localhost" + p || h == "[::1]" + p;
}

bool origin_allowed(const std::string& origin, int port) {
    const std::string o = lower(origin);
    const std::string prefix = "http://";
    return o.rfind(prefix, 0) == 0 && host_allowed(o.substr(prefix.size()), port);
}

std::string refuse_reason(const RequestFacts& r, int port) {
    if (!host_allowed(r.host, port)) return "this address is not the studio's own (Host)";
    if (r.has_origin && !origin_allowed(r.origin, port)) return "requests from other web sites are refused (Origin)";
    if (r.fetch_site == "cross-site" || r.fetch_site == "same-site")
        return "requests from other web sites are refused (Sec-Fetch-Site)";
    const bool reads = r.method == "GET" || r.method == "HEAD";
    if (!reads) {
        // A change must come from the studio's page: its Origin and its own header.
        if (!r.has_origin) return "a change must come from the studio's page (no Origin)";
        if (!r.has_studio_header) return "a change must come from the studio's page (no X-Easyread-Studio header)";
    }
    return {};
}

std::string team_refuse_reason(const RequestFacts& r) {
    const std::string host = lower(r.host);
    bool plain = !host.empty() && host.size() <= 255;
    for (unsigned char c : host) plain = plain && (std::isalnum(c) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']');
    if (!plain) return "the request does not name the studio's address (Host)";
    if (r.has_origin) {
        const std::string o = lower(r.origin);
        if (o != "https://" + host && o != "http://" + host) return "requests from other web sites are refused (Origin)";
    }
    if (r.fetch_site == "cross-site" || r.fetch_site == "same-site")
        return "requests from other web sites are refused (Sec-Fetch-Site)";
    if (r.method != "GET" && r.method != "HEAD") {
        if (!r.has_origin) return "a change must come from the studio's page (no Origin)";
        if (!r.has_studio_header) return "a change must come from the studio's page (no X-Easyread-Studio header)";
    }
    return {};
}

}  // namespace easyread::studio
