// The most common easy read sentences each get a fitting picture
// (common_sentences.tsv), and a sentence that says "not" never gets the
// picture of the act it denies.
#include <algorithm>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "symbols/matcher.hpp"
#include "tests/symbols/test_support.hpp"

using namespace easyread;
using namespace symbols_test;

namespace {

std::string beside_labelled_set(const std::string& name) {
    std::string path = EASYREAD_LABELLED_SET;
    return path.substr(0, path.rfind('/') + 1) + name;
}

std::string best_id(const symbols::Matcher& m, const std::string& text) {
    auto best = m.best(text);
    return best.picture ? best.picture->id : std::string("none");
}

}  // namespace

TEST_CASE("every common easy read sentence gets one of its fitting pictures") {
    const auto& bank = bundled_bank();
    symbols::Matcher matcher(bank);
    std::ifstream in(beside_labelled_set("common_sentences.tsv"));
    REQUIRE(in.good());
    std::string line;
    int line_no = 0, sentences = 0, right = 0;
    while (std::getline(in, line)) {
        ++line_no;
        if (line.empty() || line[0] == '#') continue;
        auto tab = line.find('\t');
        REQUIRE(tab != std::string::npos);
        const std::string text = line.substr(0, tab);
        std::vector<std::string> accepted;
        std::stringstream ids(line.substr(tab + 1));
        for (std::string id; std::getline(ids, id, ',');) {
            INFO("common_sentences.tsv:" << line_no << " names an unknown picture " << id);
            CHECK((id == "none" || bank.find(id) != nullptr));
            accepted.push_back(id);
        }
        const std::string got = best_id(matcher, text);
        ++sentences;
        const bool ok = std::find(accepted.begin(), accepted.end(), got) != accepted.end();
        right += ok;
        INFO("common_sentences.tsv:" << line_no << ": \"" << text << "\" got " << got);
        CHECK(ok);
    }
    CHECK(sentences >= 200);
    CHECK(right == sentences);
}

TEST_CASE("a sentence that says not never gets the picture of the act it denies") {
    symbols::Matcher matcher(bundled_bank());
    CHECK(best_id(matcher, "We will share your information.") == "share");
    CHECK(best_id(matcher, "We will not share your information.") != "share");
    CHECK(best_id(matcher, "We will never share your information.") != "share");
    CHECK(best_id(matcher, "We won't share your information.") != "share");
    CHECK(best_id(matcher, "We will help you.") == "help");
    CHECK(best_id(matcher, "We will not help you with money.") != "help");
    CHECK(best_id(matcher, "We will support you.") == "helper");
    CHECK(best_id(matcher, "We cannot support you with this.") != "helper");
    CHECK(best_id(matcher, "Smoking is bad for you.") == "smoking");
    CHECK(best_id(matcher, "Do not smoke.") == "no-smoking");
    // The topic after "not ... the" keeps its picture: it is what the sentence is about.
    CHECK(best_id(matcher, "Some people do not get the support they need.") == "helper");
    CHECK(best_id(matcher, "Tell us if you cannot pay your bills.") == "receipt");
}
