// The studio behind the socket: one handler table that every request goes
// through (after the guard), over one document store. The HTTP server
// (studio_server.hpp) only moves bytes to and from dispatch(), so the tests
// and the fuzz target call dispatch() directly too. Team mode will add its
// accounts check in dispatch(), before the table, and nothing else.
#pragma once
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <httplib.h>

#include "studio/board_store.hpp"
#include "studio/doc_store.hpp"
#include "studio/event_hub.hpp"
#include "studio/pictures_library.hpp"
#include "studio/preview.hpp"

namespace easyread::studio {

// Who may use a route in team mode: editors write documents, the board
// reads answers files and makes reports, admins manage users and settings.
// Without team mode (one officer on loopback) the one user may do all.
// Anyone: every signed-in user (the page, who am I, sign out); Public: no
// sign-in at all (the sign-in page and its style, the password setup).
enum class Role { Editor, Board, Admin, Anyone, Public };

// Who sent a request, for handlers that record or filter by person. Without
// team mode: user "local", role Admin, team false.
struct Caller {
    std::string user = "local";
    Role role = Role::Admin;
    bool team = false;
    std::string address;  // the client's address, for the audit log
};

struct StudioOptions {
    std::string folder = ".";
    int port = 8040;                  // the port the Host and Origin headers must name
    double preview_dpi = 56;          // the live pages: small and quick
    std::size_t max_upload_bytes = 20u << 20;
    std::size_t max_upload_files = 1;  // files in one upload
    std::size_t max_listeners = 6;     // open pages receiving live updates
    // Team mode (team.hpp): the team's folder; its documents/ replaces `folder`.
    std::string team;
    bool tls = false;          // served over TLS: the session cookie is Secure
    bool trust_proxy = false;  // behind a reverse proxy on this computer: X-Forwarded-For/-Proto are its
    std::function<double()> clock;  // team mode's clock in seconds since 1970 (the tests give their own)
};

struct Team;

class StudioApp {
public:
    explicit StudioApp(const StudioOptions& options);
    ~StudioApp();

    // Checks the request (Host, Origin, the studio's own header on changes),
    // finds its handler and runs it; every answer gets the security headers.
    void dispatch(const httplib::Request& req, httplib::Response& res);
    // Ends the live-update streams (the server is stopping).
    void stop();

    const StudioOptions& options() const { return options_; }
    DocStore& store() { return store_; }
    PreviewService& preview() { return *preview_; }
    PictureLibrary& pictures() { return pictures_; }
    EventHub& events() { return hub_; }
    // Team mode's accounts, sessions, owners and audit log; null without team mode.
    Team* team() { return team_.get(); }

    // The caller of the request being handled (valid inside a handler).
    const Caller& caller(const httplib::Request& req) const;
    // Records a change or an export in team mode's audit log: one JSON line
    // (time, user, address, `what`, `target`). Nothing without team mode.
    void audit(const httplib::Request& req, const std::string& what, const std::string& target);
    // Team mode: the caller owns the file `name` they just made (not shared yet).
    void claim(const httplib::Request& req, const std::string& name);
    // Team mode: may the caller open `name` (theirs, shared, or nobody's)?
    bool may_open(const httplib::Request& req, const std::string& name) const;

    using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;
    struct Route {
        std::string method;
        std::string path;
        Handler run;
        Role need = Role::Editor;
    };

    // Every route (the tests try each one).
    const std::vector<Route>& routes() const { return routes_; }

private:
    void add(const std::string& method, const std::string& path, Handler run, Role need = Role::Editor);
    // The route groups, one file each.
    void add_page_routes();      // routes_page.cpp: the web page itself
    void add_document_routes();  // routes_documents.cpp: list, open, save, new, upload
    void add_preview_routes();   // routes_preview.cpp: events, pages, listen, export
    void add_picture_routes();   // routes_pictures.cpp: suggestions, search, images, upload
    void add_draft_routes();     // routes_draft.cpp: first draft, the source beside it
    void add_account_routes();   // routes_account.cpp: sign in and out, password setup, users
    void add_history_routes();   // routes_history.cpp: kept versions, restore, sharing
    void add_board_routes();     // routes_boards.cpp: answers files, the board report, actions
    void add_survey_routes();    // routes_surveys.cpp: kiosk surveys, their screens, paper forms
    void add_review_routes();    // routes_review.cpp: a co-production review's survey and results

    // Team mode: the session, CSRF token, role and document owner checks
    // before a route runs; false when the request was answered (refused).
    bool authorize(const httplib::Request& req, httplib::Response& res, const Route& route, Caller& caller);
    std::string client_address(const httplib::Request& req) const;
    bool secure_cookies(const httplib::Request& req) const;

    // Listen and Export: the saved text compiled once per version (its speech,
    // once made, serves every later MP3 and zip); under heavy_, because
    // speech and exports use every core for a while: one at a time.
    const Build* saved_build(const httplib::Request& req, httplib::Response& res);
    std::mutex heavy_;
    std::string last_build_key_;
    Build last_build_;

    StudioOptions options_;
    DocStore store_;
    PictureLibrary pictures_;
    EventHub hub_;
    std::unique_ptr<PreviewService> preview_;
    std::unique_ptr<Team> team_;
    std::unique_ptr<BoardStore> boards_;
    std::vector<Route> routes_;
};

// Answers with a JSON error {"error": message} and the status.
void send_error(httplib::Response& res, int status, const std::string& message);
void send_json(httplib::Response& res, const std::string& json);
// 409: the file changed since the page opened it; the answer carries the
// text on disk and its version, so the page can show the difference.
void send_conflict(httplib::Response& res, const std::string& message, const StoredFile& current);
// A query parameter, or empty.
std::string param(const httplib::Request& req, const char* name);
// A field of a form sent in the body (application/x-www-form-urlencoded), or empty.
std::string form_field(const httplib::Request& req, const char* name);
// A cookie sent with the request, or empty.
std::string cookie(const httplib::Request& req, const std::string& name);
// The session cookie's name.
extern const char* const kSessionCookie;
// For pictures and downloads: replaces the page's policy with one under
// which nothing in the file can run, even opened on its own.
void set_sandboxed(httplib::Response& res);

}  // namespace easyread::studio
