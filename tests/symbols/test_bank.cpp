// The bundled bank: its size, the ids others rely on, its files, its index
// and concept list, and how bad rows in those files are reported.
#include <fstream>
#include <set>

#include <catch2/catch.hpp>

#include "base/data_paths.hpp"
#include "symbols/picture_check.hpp"
#include "tests/symbols/test_support.hpp"

using namespace easyread;
using namespace symbols_test;

TEST_CASE("the bundled bank has at least 400 pictures, all OpenMoji and credited") {
    const auto& bank = bundled_bank();
    CHECK(bank.pictures().size() >= 400);
    const auto* set = bank.set_named("openmoji");
    REQUIRE(set);
    CHECK(set->licence == "CC BY-SA 4.0");
    CHECK(set->credit.find("OpenMoji") != std::string::npos);
    CHECK(set->credit.find("CC BY-SA 4.0") != std::string::npos);
    for (const auto& p : bank.pictures()) {
        INFO(p.id);
        CHECK(p.set == "openmoji");
        CHECK(p.licence == "CC BY-SA 4.0");
        CHECK_FALSE(p.name.empty());
        CHECK_FALSE(p.keywords.empty());
    }
}

TEST_CASE("the ids examples, surveys and the kiosk use are in the bank") {
    const auto& bank = bundled_bank();
    for (const char* id :
         {"house", "hospital", "medicine", "family", "handshake", "money", "talk", "phone", "letter", "calendar",
          "clipboard", "check", "question", "stop", "happy", "middle", "sad", "speak-up", "work", "learning",
          "travel", "nurse", "doctor", "people", "document", "idea", "safe", "police", "search", "meeting", "heart",
          "rights", "plan",
          // answers and controls on the kiosk
          "yes", "no", "not-sure", "dont-know", "very-happy", "very-sad", "start", "back", "next", "listen", "help",
          "keyboard", "me", "carer", "helper", "staff", "rather-not-say", "thank-you", "consent"}) {
        INFO(id);
        CHECK(bank.find(id) != nullptr);
    }
}

TEST_CASE("every bundled picture is a distinct SVG file that librsvg can read") {
    const auto& bank = bundled_bank();
    std::set<std::string> files;
    Diagnostics diags;
    for (const auto& p : bank.pictures()) {
        INFO(p.file);
        CHECK(files.insert(p.file).second);
        CHECK(p.file.size() > 4);
        CHECK(p.file.compare(p.file.size() - 4, 4, ".svg") == 0);
        CHECK(symbols::check_picture_file(p.file, diags));
    }
    INFO(diags.format_all());
    CHECK(diags.items().empty());
}

TEST_CASE("the concept list has at least 200 entries and every one names a picture") {
    const auto& bank = bundled_bank();
    CHECK(bank.concepts().size() >= 200);
    std::set<std::string> phrases;
    int multi_word = 0;
    for (const auto& c : bank.concepts()) {
        INFO(c.file << ":" << c.line << " " << c.phrase);
        CHECK(bank.find(c.picture_id) != nullptr);
        CHECK(phrases.insert(c.phrase).second);  // each phrase once
        CHECK(c.weight > 0);
        CHECK(c.weight <= 1);
        if (c.phrase.find(' ') != std::string::npos) ++multi_word;
    }
    CHECK(multi_word >= 150);
    for (const char* phrase : {"care plan", "annual health check", "partnership board", "short break",
                               "supported living", "direct payment", "advocate", "safeguarding", "commissioner",
                               "assessment and treatment unit", "person-centred", "co-production",
                               "learning disability", "autism", "family carer", "day centre", "respite"}) {
        INFO(phrase);
        CHECK(phrases.count(phrase) == 1);
    }
}

TEST_CASE("searching the bank finds exact words first") {
    const auto& bank = bundled_bank();
    auto all = bank.search("");
    CHECK(all.size() == bank.pictures().size());
    auto doctors = bank.search("doctor");
    REQUIRE_FALSE(doctors.empty());
    CHECK(doctors.front()->id == "doctor");
    CHECK(bank.search("zzzz-no-such-word").empty());
}

TEST_CASE("bad rows in an index are warnings naming the line, good rows still load") {
    const std::string dir = temp_dir();
    const std::string index = dir + "/index.tsv";
    write_file(index,
               "id\tfile\tset\tlicence\tname\tkeywords\n"
               "tree\ttree.svg\tmine\tCC0\ttree\ttree;park\n"
               "broken line without tabs\n"
               "tree\tother.svg\tmine\tCC0\tanother tree\toak\n"
               "\tnofile.svg\tmine\tCC0\tno id\tx\n"
               "sun\tsun.svg\tmine\tCC0\tsun\tsun;summer\tsunny;weather\n");
    Diagnostics diags;
    symbols::Bank bank;
    CHECK(bank.load_index(index, diags));
    CHECK(has_warning(diags, index, 3, "picture-index"));
    CHECK(has_warning(diags, index, 4, "duplicate-picture"));
    CHECK(has_warning(diags, index, 5, "picture-index"));
    CHECK(diags.items().size() == 3);
    REQUIRE(bank.find("tree"));
    CHECK(bank.find("tree")->name == "tree");  // the first row wins
    CHECK(bank.find("tree")->file == dir + "/tree.svg");
    REQUIRE(bank.find("sun"));
    CHECK(bank.find("sun")->tags == std::vector<std::string>{"sunny", "weather"});
}

TEST_CASE("bad rows in a concept list are warnings naming the line") {
    const std::string dir = temp_dir();
    const std::string index = dir + "/index.tsv", concepts = dir + "/concepts.tsv";
    write_file(index, "tree\ttree.svg\tmine\tCC0\ttree\ttree\n");
    write_file(concepts,
               "# comment\n"
               "green space\ttree\n"
               "only a phrase\n"
               "woodland\tforest\n"
               "park\ttree\t2\n"
               "garden\ttree\t0.5\n");
    Diagnostics diags;
    symbols::Bank bank;
    REQUIRE(bank.load_index(index, diags));
    CHECK(bank.load_concepts(concepts, diags));
    CHECK(has_warning(diags, concepts, 3, "concept-list"));
    CHECK(has_warning(diags, concepts, 4, "unknown-picture"));
    CHECK(has_warning(diags, concepts, 5, "concept-list"));
    CHECK(diags.items().size() == 3);
    REQUIRE(bank.concepts().size() == 2);
    CHECK(bank.concepts()[1].phrase == "garden");
    CHECK(bank.concepts()[1].weight == Approx(0.5));
}

TEST_CASE("a missing index is a warning, not a crash") {
    Diagnostics diags;
    symbols::Bank bank;
    CHECK_FALSE(bank.load_index(temp_dir() + "/none.tsv", diags));
    CHECK(diags.count(Severity::Warning) == 1);
    CHECK(bank.pictures().empty());
}
