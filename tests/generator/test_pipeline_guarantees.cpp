// What compile() promises every caller, not only `easyread build`: the
// diagnostics of all stages in the order of the lines they name, and pages
// only when every word is on one. The You-said document, the page pictures
// and the studio call compile() directly, as these tests do.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "generator/layout/verify_layout.hpp"
#include "generator/pipeline.hpp"
#include "generator/render/page_pictures.hpp"

using namespace easyread;

const symbols::Bank& shared_bank();  // test_layout_matrix.cpp

namespace {

// Front matter with a key set twice (found reading, line 3), a wordy phrase
// (found by the checks, line 9) and struck-out words (found building the
// model, line 11): each stage finds one, and not in line order.
const char* kThreeStages =
    "---\n"
    "title: Our plan\n"
    "title: Our plan again\n"
    "contact: Call 01234 567890\n"
    "---\n"
    "\n"
    "# Our plan\n"
    "\n"
    "Prior to the meeting we met.\n"
    "\n"
    "We will ~~close~~ stay open.\n"
    "\n"
    "We want you to come to the meeting.\n";

int line_of(const Diagnostics& d, const std::string& id) {
    for (const auto& x : d.items())
        if (x.id == id) return x.line;
    return -1;
}

// Lines named (not the whole-file ones, which come last) never go back.
void check_in_line_order(const Diagnostics& d) {
    int last = 0;
    bool whole_file = false;
    for (const auto& x : d.items()) {
        INFO(format_diagnostic(x));
        if (x.line == 0) {
            whole_file = true;
            continue;
        }
        CHECK_FALSE(whole_file);
        CHECK(x.line >= last);
        last = x.line;
    }
}

}  // namespace

TEST_CASE("compile() gives a caller other than the command line its diagnostics in line order") {
    PipelineOptions o;
    o.bank = &shared_bank();
    o.checks = true;
    auto c = compile(SourceText{"plan.md", kThreeStages}, o);
    REQUIRE(c->laid_out);
    c->finish_checks();
    // Each stage found its own, so one after the other they are out of order.
    REQUIRE(line_of(c->read_diags, "front-matter") == 3);
    REQUIRE(line_of(c->build_diags, "struck-text") == 11);
    REQUIRE(line_of(c->check_diags, "wordy-phrase") == 9);

    Diagnostics all;
    c->add_diagnostics_to(all);
    REQUIRE(all.items().size() == c->read_diags.items().size() + c->build_diags.items().size() +
                                      c->check_diags.items().size());
    check_in_line_order(all);
    CHECK(line_of(all, "wordy-phrase") == 9);

    // An output's problems (drawn before the checks ended) join in line order too.
    Diagnostics outputs;
    outputs.warning("plan.md", 4, 1, "output-test", "a problem an output found at line 4");
    Diagnostics with_outputs;
    c->add_diagnostics_to(with_outputs, outputs);
    check_in_line_order(with_outputs);
    REQUIRE(with_outputs.items().size() == all.items().size() + 1);
    CHECK(with_outputs.items()[1].id == "output-test");
}

TEST_CASE("the page pictures get the same ordered diagnostics and only verified pages") {
    const auto dir = std::filesystem::temp_directory_path() / "easyread-pipeline-guarantees";
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "plan.md").string();
    std::ofstream(path) << kThreeStages;
    PagePictures pictures;
    Diagnostics d;
    REQUIRE(pictures.load(path, shared_bank(), d));
    CHECK(line_of(d, "front-matter") == 3);
    CHECK(line_of(d, "struck-text") == 11);
    check_in_line_order(d);
    REQUIRE(pictures.count() > 0);
    // compile() checked every word is on a page before the pictures were drawn.
    PipelineOptions o;
    o.bank = &shared_bank();
    auto c = compile_file(path, o, d);
    REQUIRE(c);
    CHECK(c->laid_out);
    CHECK_FALSE(c->words_lost);
    Diagnostics again;
    CHECK(verify_layout(c->doc, c->pages, again));
    CHECK(pictures.count() == static_cast<int>(c->pages.pages.size()));
    std::filesystem::remove_all(dir);
}

TEST_CASE("page chunks: every body word of a page is in one of its chunks, and a chunk's key follows its words only") {
    const auto dir = std::filesystem::temp_directory_path() / "easyread-page-chunks";
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "plan.md").string();
    const std::string text =
        "---\ntitle: Our plan\ncontact: Call 01234 567890\n---\n\n# Our plan\n\n"
        "We want your ideas about homes.\n\nThe council will meet in May.\n\nWe will write to you.\n";
    std::ofstream(path) << text;
    PagePictures first;
    Diagnostics d;
    REQUIRE(first.load(path, shared_bank(), d));
    std::vector<PageChunk> all;
    for (int p = 1; p <= first.count(); ++p)
        for (auto& c : first.chunks(p)) all.push_back(c);
    std::string joined;
    for (const auto& c : all) {
        CHECK(c.key.size() == 16);
        CHECK(c.key == chunk_key(c.words, c.picture_name));
        CHECK(c.source_line > 0);
        joined += c.words + "\n";
    }
    CHECK(joined.find("We want your ideas about homes.") != std::string::npos);
    CHECK(joined.find("The council will meet in May.") != std::string::npos);
    CHECK(joined.find("We will write to you.") != std::string::npos);
    // The cover and contact page the layout made are not chunks to review.
    CHECK(joined.find("01234 567890") == std::string::npos);
    auto line_of_words = [&](const std::string& w) {
        for (const auto& c : all)
            if (c.words.find(w) != std::string::npos) return c.source_line;
        return 0;
    };
    CHECK(line_of_words("The council will meet in May.") == 10);

    // One chunk's words change: that key changes, the others stay.
    std::string edited = text;
    edited.replace(edited.find("in May"), 6, "in June");
    std::ofstream(path) << edited;
    PagePictures second;
    REQUIRE(second.load(path, shared_bank(), d));
    std::vector<std::string> before, after;
    for (const auto& c : all) before.push_back(c.key);
    for (int p = 1; p <= second.count(); ++p)
        for (auto& c : second.chunks(p)) after.push_back(c.key);
    REQUIRE(before.size() == after.size());
    int changed = 0;
    for (std::size_t i = 0; i < before.size(); ++i) changed += before[i] != after[i];
    CHECK(changed == 1);
    CHECK(chunk_key("a  b\nc", "x") == chunk_key("a b c", "x"));
    CHECK(chunk_key("a b c", "x") != chunk_key("a b c", "y"));
    CHECK(first.chunks(0).empty());
    CHECK(first.chunks(first.count() + 1).empty());
    std::filesystem::remove_all(dir);
}
