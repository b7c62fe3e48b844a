// Number, date, percentage and Roman numeral helpers.
#include <catch2/catch.hpp>

#include "generator/lang/numbers.hpp"

using namespace easyread::lang;

TEST_CASE("number words have values, 'one' is left alone", "[numbers]") {
    CHECK(number_word_value("seven") == 7);
    CHECK(number_word_value("twenty-five") == 25);
    CHECK(number_word_value("ninety") == 90);
    CHECK(number_word_value("thousand") == 1000);
    CHECK(number_word_value("one") == -1);
    CHECK(number_word_value("someone") == -1);
    CHECK(number_word_value("twenty-ten") == -1);
}

TEST_CASE("a number in words is read whole, a scale word alone is not a number", "[numbers]") {
    auto run = [](std::vector<std::string> words, std::size_t* last_out = nullptr) {
        std::size_t last = 0;
        long v = number_words_run(words, 0, last);
        if (last_out) *last_out = last;
        return v;
    };
    std::size_t last = 0;
    CHECK(run({"one", "thousand", "people"}, &last) == 1000);
    CHECK(last == 1);
    CHECK(run({"a", "hundred", "people"}) == 100);
    CHECK(run({"two", "hundred", "and", "fifty", "carers"}, &last) == 250);
    CHECK(last == 3);
    CHECK(run({"three", "thousand", "two", "hundred"}, &last) == 3200);
    CHECK(last == 3);
    CHECK(run({"twenty-five"}) == 25);
    CHECK(run({"thousand"}) == -1);
    CHECK(run({"hundreds", "of", "people"}) == -1);
    CHECK(run({"two", "million"}) == 2);  // "million" stays a word: "2 million"
    CHECK(run({"one", "of", "us"}) == -1);
    CHECK(run({"a", "plan"}) == -1);
}

TEST_CASE("numeric dates become day, month name and year", "[numbers]") {
    CHECK(numeric_date_in_words("05/07/2024") == "5 July 2024");
    CHECK(numeric_date_in_words("5.7.24") == "5 July 2024");
    CHECK(numeric_date_in_words("2024-03-01") == "1 March 2024");
    CHECK(numeric_date_in_words("31/12/1999") == "31 December 1999");
    CHECK(numeric_date_in_words("2023/24").empty());   // a financial year, not a date
    CHECK(numeric_date_in_words("32/01/2024").empty());
    CHECK(numeric_date_in_words("3,200").empty());
}

TEST_CASE("Roman numerals from I to XXXIX, well formed only", "[numbers]") {
    CHECK(roman_value("IV") == 4);
    CHECK(roman_value("XIV") == 14);
    CHECK(roman_value("XXXIX") == 39);
    CHECK(roman_value("IIII") == -1);
    CHECK(roman_value("VX") == -1);
    CHECK(roman_value("LD") == -1);
}

TEST_CASE("percentages become simple fractions, tenths or hundredths", "[numbers]") {
    bool exact = false;
    CHECK(percentage_in_words(25, &exact) == "1 out of 4");
    CHECK(exact);
    CHECK(percentage_in_words(50) == "1 out of 2");
    CHECK(percentage_in_words(33) == "1 out of 3");
    CHECK(percentage_in_words(30, &exact) == "3 out of 10");
    CHECK(exact);
    CHECK(percentage_in_words(72, &exact) == "7 out of 10");
    CHECK_FALSE(exact);
    CHECK(percentage_in_words(5) == "5 out of 100");
    CHECK(percentage_in_words(0.2) == "fewer than 1 out of 100");
}
