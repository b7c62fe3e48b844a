// A team-mode studio driven through StudioApp::dispatch, as a browser on
// another computer would reach it: its own clock (the tests move time),
// people made with their setup links, and requests signed in or not.
#pragma once
#include <map>
#include <memory>
#include <string>

#include <httplib.h>

#include "studio/studio_app.hpp"
#include "tests/studio/json_field.hpp"
#include "tests/support/command.hpp"

struct TeamStudio {
    TempDir dir;
    double now = 1.8e9;  // seconds since 1970; tests move it on
    std::unique_ptr<easyread::studio::StudioApp> app;
    explicit TeamStudio(bool tls = false);
    std::string team() const { return dir.path(); }
    std::string documents() const { return dir.path() + "/documents"; }

    struct Who {
        std::string cookie;  // the session cookie's value
        std::string csrf;
    };
    // Adds a person with `role` and a password through the setup link.
    void add_person(const std::string& name, const std::string& role, const std::string& password);
    // Adds and signs in; REQUIREs it works.
    Who person(const std::string& name, const std::string& role);

    // A request as the studio's page sends it (Host, Origin, its header);
    // `who` signed in (its cookie and, on changes, its CSRF token) unless empty.
    httplib::Response call(const std::string& method, const std::string& target, const Who& who = {},
                           const std::string& body = {}, const std::map<std::string, std::string>& headers = {});
    httplib::Response login(const std::string& name, const std::string& password, const std::string& cookie = {},
                            const std::string& address = "192.0.2.10");
};

// The session cookie a Set-Cookie header gives, or empty.
std::string session_of(const httplib::Response& res);
extern const std::string kTeamPassword;  // a password every check accepts
