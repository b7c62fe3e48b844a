// The syllable counter against word lists with counts written by hand.
#include <catch2/catch.hpp>

#include <sstream>

#include "generator/lang/syllables.hpp"
#include "tests/check/check_test_support.hpp"

using namespace easyread::lang;

namespace {

struct Score {
    int right = 0, total = 0;
    std::string wrong;
};

Score score_list(const std::string& file) {
    Score s;
    std::istringstream in(easyread::check::test::read_file(std::string(CHECK_TEST_DIR) + "/" + file));
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        std::string word;
        int want = 0;
        fields >> word >> want;
        int got = count_syllables(word);
        ++s.total;
        if (got == want) ++s.right;
        else s.wrong += word + " (want " + std::to_string(want) + ", got " + std::to_string(got) + ") ";
    }
    return s;
}

}  // namespace

TEST_CASE("syllable counter gets every word of the main list right", "[syllables]") {
    Score s = score_list("syllable_words.txt");
    INFO(s.wrong);
    REQUIRE(s.total >= 180);
    CHECK(s.right == s.total);
}

TEST_CASE("syllable counter gets at least 85% of unseen words right", "[syllables]") {
    Score s = score_list("syllable_words_unseen.txt");
    INFO(s.wrong);
    REQUIRE(s.total >= 80);
    CHECK(s.right * 100 >= s.total * 85);
}

TEST_CASE("syllable counter handles case, numbers and empty words", "[syllables]") {
    CHECK(count_syllables("HOSPITAL") == 3);
    CHECK(count_syllables("Hospital") == 3);
    CHECK(count_syllables("") == 0);
    CHECK(count_syllables("--") == 0);
    CHECK(count_syllables("10") == 2);
    CHECK(count_syllables("2024") == 4);
    CHECK(count_syllables("self-advocate") == 4);
}
