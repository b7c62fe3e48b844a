// A document's kept versions (team mode keeps every save): list them, read
// one, and restore one as a new save (so the restore itself can be undone);
// and sharing a document with the team, or taking it back.
#include "base/source_text.hpp"
#include "base/text_util.hpp"
#include "studio/json_writer.hpp"
#include "studio/studio_app.hpp"
#include "studio/team.hpp"

namespace easyread::studio {

void StudioApp::add_history_routes() {
    add("GET", "/api/history", [this](const httplib::Request& req, httplib::Response& res) {
        const std::string name = param(req, "name");
        if (!store_.keeps_history()) return send_error(res, 404, "versions are kept in team mode only");
        if (!store_.exists(name)) return send_error(res, 404, "there is no file called " + name);
        Json j;
        j.begin_object().field("name", name).key("versions").begin_array();
        for (const auto& v : store_.history(name))
            j.begin_object().field("version", v.version).field("saved", v.time_ms / 1000).field("size", v.size).end_object();
        j.end_array();
        if (team_) {
            DocOwners::Entry e;
            const bool owned = team_->owners.find(name, e);
            j.field("owner", owned ? e.owner : std::string()).field("shared", !owned || e.shared);
        }
        send_json(res, j.end_object().str());
    });

    add("GET", "/api/history/version", [this](const httplib::Request& req, httplib::Response& res) {
        StoredFile f;
        StoreError err;
        if (!store_.read_version(param(req, "name"), param(req, "version"), f, err))
            return send_error(res, err.status, err.message);
        send_json(res, Json().begin_object().field("name", f.name).field("version", f.version).field("text", f.bytes)
                           .end_object().str());
    });

    // Restores a kept version over the version the page has (If-Match), as a new save.
    add("POST", "/api/history/restore", [this](const httplib::Request& req, httplib::Response& res) {
        const std::string name = param(req, "name");
        const std::string base = req.get_header_value("If-Match");
        if (base.empty()) return send_error(res, 428, "a restore must name the version it replaces (If-Match)");
        StoredFile old;
        StoreError err;
        if (!store_.read_version(name, param(req, "version"), old, err)) return send_error(res, err.status, err.message);
        std::string version;
        StoredFile current;
        if (!store_.write(name, old.bytes, base, version, &current, err)) {
            return err.status == 409 ? send_conflict(res, err.message, current) : send_error(res, err.status, err.message);
        }
        preview_->request(name, store_.folder() + "/" + name, old.bytes, version);
        hub_.publish(name, "saved", Json().begin_object().field("version", version).end_object().str());
        send_json(res, Json().begin_object().field("version", version).field("text", old.bytes).end_object().str());
    });

    // shared=yes|no; only the owner (or an admin) may change it.
    add("POST", "/api/share", [this](const httplib::Request& req, httplib::Response& res) {
        if (!team_) return send_error(res, 404, "sharing is for team mode");
        const std::string name = param(req, "name");
        if (!store_.exists(name)) return send_error(res, 404, "there is no file called " + name);
        const Caller& c = caller(req);
        DocOwners::Entry e;
        if (!team_->owners.find(name, e)) {
            if (c.role != Role::Admin)
                return send_error(res, 403, "this document belongs to the whole team: an admin can change who sees it");
            e.owner = c.user;
        }
        if (e.owner != c.user && c.role != Role::Admin)
            return send_error(res, 403, "only " + e.owner + " (its owner) or an admin can change who sees it");
        e.shared = param(req, "shared") == "yes";
        std::string error;
        if (!team_->owners.set(name, e, error)) return send_error(res, 500, error);
        send_json(res, Json().begin_object().field("name", name).field("owner", e.owner).field("shared", e.shared)
                           .end_object().str());
    });
}

}  // namespace easyread::studio
