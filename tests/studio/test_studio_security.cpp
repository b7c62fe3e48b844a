// The studio's safety on one machine, attacked over real HTTP: loopback
// only, Host and Origin checked on every request, paths confined to the
// folder, upload limits, a strict Content-Security-Policy, bounded live
// streams, and saves that never overwrite a version they did not see.
#include <catch2/catch.hpp>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <regex>
#include <thread>

#include "generator/pipeline.hpp"
#include "studio/doc_store.hpp"
#include "studio/http_guard.hpp"
#include "tests/studio/app_calls.hpp"
#include "tests/studio/studio_fixture.hpp"

using namespace easyread::studio;

namespace {

const std::string kDoc = "---\ntitle: Test\n---\n\n# Hello\n\nWe want you to have a good home.\n";

}  // namespace

TEST_CASE("the studio refuses to listen beyond this computer without team mode") {
    for (const char* host : {"0.0.0.0", "192.168.1.20", "::", "example.org"}) {
        ServerOptions s;
        s.host = host;
        s.port = 0;
        StudioServer server(s, StudioOptions{});
        std::string error;
        CHECK_FALSE(server.bind(error));
        CHECK(error.find("team mode") != std::string::npos);
    }
    TempDir dir;
    auto r = run_easyread("studio '" + dir.path() + "' --listen 0.0.0.0 --no-open");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("127.0.0.1") != std::string::npos);
}

TEST_CASE("the studio answers on 127.0.0.1 only") {
    LiveStudio s;
    // The same port on this machine's other addresses is not served.
    httplib::Client other("127.0.0.2", s.port());
    other.set_connection_timeout(1, 0);
    // 127.0.0.2 is loopback too but not the bound address: the connection is refused.
    CHECK_FALSE(other.Get("/"));
    CHECK(s.bare_client()->Get("/"));
}

TEST_CASE("a Host that is not the studio's own is refused (DNS rebinding)") {
    LiveStudio s;
    auto c = s.bare_client();
    const std::string port = std::to_string(s.port());
    for (const std::string& host : std::vector<std::string>{"evil.example:" + port, "evil.example", "127.0.0.1:1" + port,
                                                            "127.0.0.1", "localhost.evil.example:" + port,
                                                            "127.0.0.1:" + port + ".evil.example", ""}) {
        INFO(host);
        auto r = c->Get("/api/files", {{"Host", host}});
        REQUIRE(r);
        CHECK(r->status == 403);
        CHECK(r->body.find("files") == std::string::npos);
    }
    for (const std::string& host : std::vector<std::string>{"127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port}) {
        auto r = c->Get("/api/files", {{"Host", host}});
        REQUIRE(r);
        CHECK(r->status == 200);
    }
}

TEST_CASE("requests from other web sites are refused, and changes need the page's own headers") {
    LiveStudio s;
    write_file(s.dir.file("plan.md"), kDoc);
    auto c = s.bare_client();
    // Reading from another site, by Origin or by the browser's Sec-Fetch-Site.
    for (const char* origin : {"http://evil.example", "null", "http://127.0.0.1:1", "https://127.0.0.1"}) {
        auto r = c->Get("/api/doc?name=plan.md", {{"Origin", origin}});
        REQUIRE(r);
        CHECK(r->status == 403);
        CHECK(r->body.find("good home") == std::string::npos);
    }
    auto cross = c->Get("/api/doc?name=plan.md", {{"Sec-Fetch-Site", "cross-site"}});
    REQUIRE(cross);
    CHECK(cross->status == 403);
    const std::string version = s.version("plan.md");
    // A cross-site form post has an Origin of its own; one without the studio's header is refused too.
    auto form = c->Put("/api/doc?name=plan.md", {{"Origin", "http://evil.example"}, {"If-Match", version}, {"X-Easyread-Studio", "1"}},
                       "changed", "text/plain");
    REQUIRE(form);
    CHECK(form->status == 403);
    auto no_header = c->Put("/api/doc?name=plan.md", {{"Origin", s.origin()}, {"If-Match", version}}, "changed", "text/plain");
    REQUIRE(no_header);
    CHECK(no_header->status == 403);
    auto no_origin = c->Put("/api/doc?name=plan.md", {{"X-Easyread-Studio", "1"}, {"If-Match", version}}, "changed", "text/plain");
    REQUIRE(no_origin);
    CHECK(no_origin->status == 403);
    CHECK(read_file(s.dir.file("plan.md")) == kDoc);
    // The page itself may.
    s.save("plan.md", kDoc + "\nMore.\n", version);
    CHECK(read_file(s.dir.file("plan.md")) == kDoc + "\nMore.\n");
}

TEST_CASE("every path stays inside the documents folder") {
    LiveStudio s;
    TempDir outside;
    write_file(outside.file("secret.md"), "---\ntitle: Secret\n---\n\nThe secret.\n");
    REQUIRE(::symlink(outside.file("secret.md").c_str(), s.dir.file("link.md").c_str()) == 0);
    REQUIRE(::symlink(outside.path().c_str(), s.dir.file("away").c_str()) == 0);
    ::mkdir(s.dir.file("sub").c_str(), 0755);
    write_file(s.dir.file("sub/inner.md"), kDoc);
    auto c = s.page_client();
    const std::string rel = "../" + outside.path().substr(outside.path().rfind('/') + 1) + "/secret.md";
    for (const std::string& name : {rel, outside.file("secret.md"), std::string("link.md"), std::string("away/secret.md"),
                                    std::string("sub/../../x.md"), std::string(".hidden.md"), std::string("sub/./inner.md"),
                                    std::string("..%2fsecret.md"), std::string("a\\..\\b.md"), std::string("line\nbreak.md")}) {
        INFO(name);
        auto r = c->Get(("/api/doc?name=" + url_encode(name)).c_str());
        REQUIRE(r);
        CHECK(r->status >= 400);
        CHECK(r->body.find("secret") == std::string::npos);
        auto w = c->Put(("/api/doc?name=" + url_encode(name)).c_str(), {{"If-Match", "*"}}, "overwritten", "text/plain");
        REQUIRE(w);
        CHECK(w->status >= 400);
    }
    CHECK(read_file(outside.file("secret.md")).find("The secret.") != std::string::npos);
    // A real sub-folder inside is fine.
    auto inner = c->Get("/api/doc?name=sub/inner.md");
    REQUIRE(inner);
    CHECK(inner->status == 200);
    // Nothing the store resolves leaves the folder, whatever the name.
    DocStore store(s.dir.path());
    StoreError err;
    CHECK(store.resolve("link.md", err).empty());
    CHECK(store.resolve("away/secret.md", err).empty());
    CHECK(is_safe_name("plan.md"));
    CHECK(is_safe_name("pictures/day centre.png"));
    CHECK_FALSE(is_safe_name(""));
    CHECK_FALSE(is_safe_name("/etc/passwd"));
    CHECK_FALSE(is_safe_name("a//b.md"));
    CHECK_FALSE(is_safe_name("a/b/c/d.md"));
}

TEST_CASE("a hard word's meaning is only written for the page itself, for a document inside the folder") {
    LiveStudio s;
    const std::string doc = "---\ntitle: Plan\n---\n\nYou can ask for an **advocate** to help you.\n";
    write_file(s.dir.file("plan.md"), doc);
    TempDir outside;
    write_file(outside.file("secret.md"), "---\ntitle: Secret\n---\n\nThe secret **advocate** words.\n");
    REQUIRE(::symlink(outside.file("secret.md").c_str(), s.dir.file("link.md").c_str()) == 0);
    const std::string query = "/api/meaning?doc=plan.md&word=advocate&meaning=" + url_encode("someone who speaks up for you");
    auto bare = s.bare_client();
    // Another site, a page without the studio's header, a program without an Origin.
    const std::vector<httplib::Headers> refused = {
        {{"Origin", "http://evil.example"}, {"X-Easyread-Studio", "1"}},
        {{"Origin", s.origin()}},
        {{"X-Easyread-Studio", "1"}},
        {{"Origin", s.origin()}, {"X-Easyread-Studio", "1"}, {"Sec-Fetch-Site", "cross-site"}},
    };
    for (const auto& headers : refused) {
        auto r = bare->Post(query.c_str(), headers, doc, "text/markdown");
        REQUIRE(r);
        CHECK(r->status == 403);
        CHECK(r->body.find("advocate") == std::string::npos);
    }
    // Names that leave the folder.
    auto c = s.page_client();
    const std::string rel = "../" + outside.path().substr(outside.path().rfind('/') + 1) + "/secret.md";
    for (const std::string& name : {rel, outside.file("secret.md"), std::string("link.md"), std::string("x/../../y.md"),
                                    std::string("plan.txt")}) {
        INFO(name);
        auto r = c->Post(("/api/meaning?doc=" + url_encode(name) + "&word=advocate&meaning=x").c_str(), doc, "text/markdown");
        REQUIRE(r);
        CHECK(r->status >= 400);
        CHECK(r->body.find("secret") == std::string::npos);
    }
    // Too long, not text, no word.
    auto longer = c->Post(("/api/meaning?doc=plan.md&word=advocate&meaning=" + std::string(3000, 'a')).c_str(), doc, "text/markdown");
    REQUIRE(longer);
    CHECK(longer->status == 400);
    auto bytes = c->Post("/api/meaning?doc=plan.md&word=advocate&meaning=x", std::string("\xff\xfe\x00" "bad", 6), "text/markdown");
    REQUIRE(bytes);
    CHECK(bytes->status == 400);
    auto no_word = c->Post("/api/meaning?doc=plan.md&word=&meaning=x", doc, "text/markdown");
    REQUIRE(no_word);
    CHECK(no_word->status == 400);
    // The page's own request gets the text back; nothing is written (the page saves it like any edit).
    auto ok = c->Post(query.c_str(), doc, "text/markdown");
    REQUIRE(ok);
    CHECK(ok->status == 200);
    CHECK(ok->body.find("speaks up for you") != std::string::npos);
    CHECK(read_file(s.dir.file("plan.md")) == doc);
    CHECK(read_file(outside.file("secret.md")).find("The secret") != std::string::npos);
}

TEST_CASE("uploads are limited in size, number and kind") {
    StudioOptions o;
    o.max_upload_bytes = 64 * 1024;
    LiveStudio s(o);
    auto c = s.page_client();
    auto upload = [&](httplib::MultipartFormDataItems items) {
        auto r = c->Post("/api/upload", items);
        REQUIRE(r);
        return *r;
    };
    CHECK(upload({{"file", std::string(200 * 1024, 'a'), "big.md", "text/markdown"}}).status == 413);
    CHECK(upload({{"file", kDoc, "a.md", "text/markdown"}, {"file", kDoc, "b.md", "text/markdown"}}).status == 413);
    CHECK(upload({{"file", "MZ\x90", "virus.exe", "application/octet-stream"}}).status == 415);
    auto fake = upload({{"file", "this is not a zip file", "plan.docx", "application/octet-stream"}});
    CHECK(fake.status == 400);
    CHECK(fake.body.find("zip") != std::string::npos);
    CHECK(upload({{"file", std::string("\xff\xfe\x00" "bad", 6), "bad.md", "text/markdown"}}).status == 400);
    auto ok = upload({{"file", kDoc, "../../escape.md", "text/markdown"}});
    CHECK(ok.status == 200);
    CHECK(ok.body.find("\"escape.md\"") != std::string::npos);
    CHECK(read_file(s.dir.file("escape.md")) == kDoc);
    // The body limit holds before any handler reads it.
    auto huge = c->Put("/api/doc?name=escape.md", {{"If-Match", "*"}}, std::string(2u << 20, 'x'), "text/plain");
    REQUIRE(huge);
    CHECK(huge->status == 413);
}

TEST_CASE("every answer carries a strict Content-Security-Policy and the page has no inline script") {
    LiveStudio s;
    auto c = s.bare_client();
    for (const char* path : {"/", "/app.js", "/api/files", "/nothing", "/api/doc?name=../x.md"}) {
        auto r = c->Get(path);
        REQUIRE(r);
        const std::string csp = r->get_header_value("Content-Security-Policy");
        CHECK(csp.find("script-src 'self'") != std::string::npos);
        CHECK(csp.find("unsafe-inline") == std::string::npos);
        CHECK(csp.find("frame-ancestors 'none'") != std::string::npos);
        CHECK(r->get_header_value("X-Content-Type-Options") == "nosniff");
    }
    auto refused = c->Get("/", {{"Host", "evil.example"}});
    REQUIRE(refused);
    CHECK(refused->get_header_value("Content-Security-Policy") == kContentSecurityPolicy);
    auto page = c->Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    // No inline script, no event handler attributes, no inline style: the policy would block them anyway.
    CHECK_FALSE(std::regex_search(page->body, std::regex("<script(?![^>]*\\bsrc=)[^>]*>", std::regex::icase)));
    CHECK_FALSE(std::regex_search(page->body, std::regex("\\son[a-z]+\\s*=", std::regex::icase)));
    CHECK_FALSE(std::regex_search(page->body, std::regex("\\sstyle\\s*=", std::regex::icase)));
    CHECK(page->body.find("http://") == std::string::npos);
    CHECK(page->body.find("https://") == std::string::npos);
}

TEST_CASE("live streams are bounded, and the server still answers while they are open") {
    StudioOptions o;
    o.max_listeners = 3;
    LiveStudio s(o);
    write_file(s.dir.file("plan.md"), kDoc);
    std::vector<std::unique_ptr<httplib::Client>> clients;
    std::vector<std::thread> streams;
    std::atomic<int> opened{0};
    for (int i = 0; i < 3; ++i) {
        clients.push_back(s.bare_client());
        httplib::Client* c = clients.back().get();
        streams.emplace_back([c, &opened] {
            c->Get("/api/events?doc=plan.md", [&](const char*, size_t) {
                ++opened;
                return false;  // one message is enough: then the stream ends
            });
        });
    }
    for (auto& t : streams) t.join();
    CHECK(opened >= 3);
    // With three held open, a fourth is refused plainly, and other requests still work.
    std::vector<std::thread> held;
    std::atomic<bool> release{false};
    std::vector<std::unique_ptr<httplib::Client>> holders;
    for (int i = 0; i < 3; ++i) {
        holders.push_back(s.bare_client());
        httplib::Client* c = holders.back().get();
        held.emplace_back([c, &release] {
            c->Get("/api/events?doc=plan.md", [&](const char*, size_t) { return !release.load(); });
        });
    }
    for (int i = 0; i < 200 && s.server->app().events().listeners() < 3; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    REQUIRE(s.server->app().events().listeners() == 3);
    auto fourth = s.bare_client()->Get("/api/events?doc=plan.md");
    REQUIRE(fourth);
    CHECK(fourth->status == 503);
    auto files = s.bare_client()->Get("/api/files");
    REQUIRE(files);
    CHECK(files->status == 200);
    release = true;
    s.server->app().events().close_all();
    for (auto& t : held) t.join();
}

TEST_CASE("a save based on an old version is refused with the text on disk, never applied") {
    LiveStudio s;
    write_file(s.dir.file("plan.md"), kDoc);
    const std::string v1 = s.version("plan.md");
    const std::string v2 = s.save("plan.md", kDoc + "\nFrom the first tab.\n", v1);
    CHECK(v2 != v1);
    auto c = s.page_client();
    auto stale = c->Put("/api/doc?name=plan.md", {{"If-Match", v1}}, kDoc + "\nFrom the second tab.\n", "text/plain");
    REQUIRE(stale);
    CHECK(stale->status == 409);
    CHECK(stale->body.find("From the first tab.") != std::string::npos);
    CHECK(stale->body.find(v2) != std::string::npos);
    CHECK(read_file(s.dir.file("plan.md")) == kDoc + "\nFrom the first tab.\n");
    auto none = c->Put("/api/doc?name=plan.md", {}, "x", "text/plain");
    REQUIRE(none);
    CHECK(none->status == 428);
    // A change made by another program is a new version too.
    write_file(s.dir.file("plan.md"), kDoc + "\nFrom the command line.\n");
    auto after = c->Put("/api/doc?name=plan.md", {{"If-Match", v2}}, "y", "text/plain");
    REQUIRE(after);
    CHECK(after->status == 409);
    // No temporary files are left beside the document.
    auto files = run_command("ls -A '" + s.dir.path() + "'");
    CHECK(files.out == "plan.md\n");
}

TEST_CASE("a document cannot draw a file from outside the documents folder into its pages or exports") {
    LiveStudio s;
    TempDir outside;
    const std::string svg =
        "<svg xmlns='http://www.w3.org/2000/svg' width='40' height='40'><rect width='40' height='40'/></svg>\n";
    write_file(outside.file("secret.svg"), svg);
    write_file(s.dir.file("inside.svg"), svg);
    REQUIRE(::symlink(outside.file("secret.svg").c_str(), s.dir.file("linked.svg").c_str()) == 0);
    const std::string away = "../" + outside.path().substr(outside.path().rfind('/') + 1);
    const std::string doc = "---\ntitle: Pictures\norganisation: Pictures\nlogo: " + away + "/secret.svg\n---\n\n"
                            "We meet here. ![Inside picture words](inside.svg)\n\n"
                            "We meet there. ![Outside picture words](" + away + "/secret.svg)\n\n"
                            "We meet again. ![Linked picture words](linked.svg)\n\n"
                            "We meet last. ![Absolute picture words](" + outside.file("secret.svg") + ")\n";
    write_file(s.dir.file("pics.md"), doc);
    auto c = s.page_client();
    auto r = c->Get("/api/export?doc=pics.md&format=html");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    // The picture inside the folder is used (so the test can tell), the others are not.
    CHECK(r->body.find("Inside picture words") != std::string::npos);
    CHECK(r->body.find("Outside picture words") == std::string::npos);
    CHECK(r->body.find("Linked picture words") == std::string::npos);
    CHECK(r->body.find("Absolute picture words") == std::string::npos);
    CHECK(r->body.find("Pictures logo") == std::string::npos);
    // The same file built from the command line, which has no such folder, keeps them all.
    easyread::PipelineOptions po;
    easyread::Diagnostics diags;
    auto compiled = easyread::compile_file(s.dir.file("pics.md"), po, diags);
    REQUIRE(compiled);
    int local = 0;
    for (const auto& b : compiled->doc.blocks)
        if (b.picture_request.rfind("file:", 0) == 0) ++local;
    CHECK(local == 4);
    po.files_root = s.dir.path();
    auto confined = easyread::compile_file(s.dir.file("pics.md"), po, diags);
    REQUIRE(confined);
    easyread::Diagnostics all;
    confined->add_diagnostics_to(all);
    int outside_warnings = 0;
    for (const auto& d : all.items())
        if (d.message.find("outside the documents folder") != std::string::npos) ++outside_warnings;
    CHECK(outside_warnings == 4);  // three pictures and the logo
}

TEST_CASE("a picture that says it is huge is refused from its header, its pixels never set aside") {
    AppCalls s;
    TempDir t;
    auto png = [&](int w, int h) {
        const std::string file = t.path() + "/zeros-" + std::to_string(w) + "x" + std::to_string(h) + ".png";
        const auto made = run_command("python3 '" EASYREAD_SOURCE_DIR "/tests/studio/png_of_zeros.py' '" + file + "' " +
                                      std::to_string(w) + " " + std::to_string(h));
        REQUIRE(made.exit_code == 0);
        return read_file(file);
    };
    // The words and credit go in the query, as the page sends them.
    const std::string route = "/api/pictures/upload?words=black%20square&credit=Made%20for%20this%20test%2C%20CC0";
    // The same maker's small picture is taken, so the large ones are refused for their size alone.
    CHECK(s.upload(route, "small.png", png(300, 200)).status == 200);
    const std::string bomb = png(20000, 20000);
    CHECK(bomb.size() < 1000000);
    const auto r = s.upload(route, "bomb.png", bomb);
    CHECK(r.status == 415);
    CHECK(s.upload(route, "wide.png", png(8001, 1)).status == 415);
    // Decoded, the bomb would take 1.2 GB; refused from its header, the
    // whole test stays far below that.
    struct rusage use {};
    getrusage(RUSAGE_SELF, &use);
    CHECK(use.ru_maxrss < 600 * 1024);  // kilobytes
}
