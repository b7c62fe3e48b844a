#include <catch2/catch.hpp>

#include <fstream>
#include <initializer_list>
#include <sstream>
#include <vector>

#include "kiosk/app/command_line.hpp"

using namespace easyread::kiosk::ui;

namespace {

ParseOutcome parse(std::initializer_list<const char*> args, KioskOptions& out, std::string& error) {
    std::vector<char*> argv{const_cast<char*>("easyread-kiosk")};
    for (const char* a : args) argv.push_back(const_cast<char*>(a));
    return parse_command_line(static_cast<int>(argv.size()), argv.data(), out, error);
}

}  // namespace

TEST_CASE("the kiosk command line takes a survey and its options") {
    KioskOptions o;
    std::string error;
    REQUIRE(parse({"board.md", "--db", "a.sqlite", "--event", "May board", "--dpi", "141", "--windowed"}, o, error) ==
            ParseOutcome::Run);
    CHECK(o.survey_path == "board.md");
    CHECK(o.db_path == "a.sqlite");
    CHECK(o.event == "May board");
    CHECK(o.event_given);
    CHECK(o.dpi == Approx(141));
    CHECK(o.windowed);
    CHECK(o.window_w == 1280);

    KioskOptions sized;
    REQUIRE(parse({"board.md", "--windowed", "--size", "1024x600"}, sized, error) == ParseOutcome::Run);
    CHECK(sized.window_w == 1024);
    CHECK(sized.window_h == 600);
    CHECK_FALSE(sized.db_path.empty());  // a default place
    CHECK_FALSE(sized.event_given);
}

TEST_CASE("help and version need no survey") {
    KioskOptions o;
    std::string error;
    CHECK(parse({"--help"}, o, error) == ParseOutcome::ShowHelp);
    CHECK(parse({"--version"}, o, error) == ParseOutcome::ShowVersion);
    CHECK(usage_text().find("--dpi N") != std::string::npos);
    CHECK(usage_text().find("--script") == std::string::npos);  // the test hook stays out of --help
}

TEST_CASE("a wrong command line says what is wrong and how to fix it") {
    std::string error;
    auto wrong = [&](std::initializer_list<const char*> args) {
        KioskOptions fresh;
        return parse(args, fresh, error) == ParseOutcome::Error;
    };
    CHECK(wrong({}));
    CHECK(error.find("no survey given") != std::string::npos);
    CHECK(wrong({"a.md", "--dpi", "lots"}));
    CHECK(error.find("--dpi 141") != std::string::npos);
    CHECK(wrong({"a.md", "--dpi", "5"}));
    CHECK(wrong({"a.md", "--db"}));
    CHECK(error.find("--db needs a value") != std::string::npos);
    CHECK(wrong({"a.md", "--size", "big"}));
    CHECK(error.find("WIDTHxHEIGHT") != std::string::npos);
    CHECK(wrong({"a.md", "--fullscreen"}));
    CHECK(error.find("unknown option '--fullscreen'") != std::string::npos);
    CHECK(wrong({"a.md", "b.md"}));
    CHECK(error.find("one survey at a time") != std::string::npos);
}

TEST_CASE("--help and the README name the same staff corner, the one the screens draw") {
    std::ifstream in(std::string(EASYREAD_SOURCE_DIR) + "/README.md");
    std::stringstream readme;
    readme << in.rdbuf();
    auto flat = [](std::string t) {  // line breaks are spaces
        for (char& c : t)
            if (c == '\n') c = ' ';
        std::string out;
        for (char c : t)
            if (!(c == ' ' && !out.empty() && out.back() == ' ')) out += c;
        return out;
    };
    const std::string help = flat(usage_text());
    CHECK(help.find("holding the bottom-left corner of the screen for 3 seconds") != std::string::npos);
    CHECK(flat(readme.str()).find("hold the bottom-left corner of the screen for 3 seconds") != std::string::npos);
    CHECK(help.find("top middle") == std::string::npos);
}
