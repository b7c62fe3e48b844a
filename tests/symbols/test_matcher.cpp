// What the matcher chooses, and why, on the bundled bank.
#include <chrono>
#include <cstdint>

#include <catch2/catch.hpp>

#include "symbols/matcher.hpp"
#include "tests/symbols/test_support.hpp"

using namespace easyread;
using namespace symbols_test;

namespace {

const symbols::Matcher& matcher() {
    static const symbols::Matcher m(bundled_bank());
    return m;
}

std::string best_id(const std::string& text) {
    auto m = matcher().best(text);
    return m.picture ? m.picture->id : std::string("(none)");
}

}  // namespace

TEST_CASE("a phrase from the concept list wins over its single words") {
    auto m = matcher().best("Your care plan says what help you get.");
    REQUIRE(m.picture);
    CHECK(m.picture->id == "patient-clipboard");
    CHECK(m.reason == "matched phrase 'care plan'");
    CHECK(best_id("Everyone should have an annual health check.") == "stethoscope");
    CHECK(best_id("The partnership board meets in May.") == "board");
    CHECK(best_id("An assessment and treatment unit is a hospital.") == "hospital");
}

TEST_CASE("case, plurals and verb endings are normalised, and the reason says so") {
    auto m = matcher().best("DOCTORS and nurses");
    REQUIRE(m.picture);
    CHECK(m.picture->id == "doctor");
    CHECK(m.reason == "matched word 'doctors' as 'doctor'");
    CHECK(best_id("Care plans are reviewed.") == "patient-clipboard");
    CHECK(best_id("We planned it.") == "plan");
    CHECK(best_id("Families matter.") == "family");
    CHECK(best_id("Our carers") == "carer");
    CHECK(best_id("She is nursing") == "nurse");
}

TEST_CASE("grammar words and vague verbs never choose a picture") {
    for (const char* text : {"the", "if", "ensure", "We will ensure this happens.", "If this is the case, then it will be.",
                             "", "   ", "...", "and the of to"}) {
        INFO(text);
        CHECK(matcher().candidates(text).empty());
        CHECK(matcher().best(text).picture == nullptr);
    }
}

TEST_CASE("a bold hard word and the start of the block count for more") {
    // Without bold the first thing named wins; bold moves the choice.
    CHECK(best_id("The doctor will give you medicine.") == "doctor");
    auto m = matcher().best("The doctor will give you **medicine**.");
    REQUIRE(m.picture);
    CHECK(m.picture->id == "medicine");
    CHECK(m.reason.find("bold hard word") != std::string::npos);
    // Later sentences count for less than the first.
    CHECK(best_id("You can see a dentist. Bring your bus pass.") == "tooth");
    // A verb is a weaker picture than the thing it acts on.
    CHECK(best_id("Some people were sent to hospitals far away.") == "hospital");
}

TEST_CASE("a short answer label matches as a whole") {
    auto m = matcher().best("I don't know");
    REQUIRE(m.picture);
    CHECK(m.picture->id == "dont-know");
    CHECK(m.score == Approx(1.0));
    CHECK(m.reason == "matched the whole text 'i dont know'");
    CHECK(best_id("Yes") == "yes");
    CHECK(best_id("No") == "no");
    CHECK(best_id("Not sure") == "not-sure");
    CHECK(best_id("Very happy") == "very-happy");
    CHECK(best_id("Back") == "back");
    // Inside a sentence the same small words choose nothing.
    CHECK(best_id("There is no reason to go back.") == "(none)");
}

TEST_CASE("candidates come best first, within 0..1, at most as many as asked") {
    auto c = matcher().candidates("Talk to your doctor or nurse about your medicine and your care plan.", 3);
    REQUIRE(c.size() == 3);
    for (std::size_t i = 0; i < c.size(); ++i) {
        CHECK(c[i].score >= symbols::Matcher::kMinScore);
        CHECK(c[i].score <= 1.0);
        CHECK_FALSE(c[i].reason.empty());
        if (i > 0) CHECK(c[i - 1].score >= c[i].score);
    }
    CHECK(matcher().candidates("doctor", 0).empty());
}

TEST_CASE("the same picture is not used on neighbouring blocks when a good alternative exists") {
    auto plain = matcher().best("Your doctor and your nurse will help.");
    REQUIRE(plain.picture);
    CHECK(plain.picture->id == "doctor");
    auto other = matcher().best("Your doctor and your nurse will help.", "doctor");
    REQUIRE(other.picture);
    CHECK(other.picture->id == "nurse");
    CHECK(other.reason.find("the block before") != std::string::npos);
    // Without a good alternative the picture stays.
    auto same = matcher().best("See your doctor.", "doctor");
    REQUIRE(same.picture);
    CHECK(same.picture->id == "doctor");

    auto blocks = matcher().best_for_blocks({"Go to your doctor.", "Your doctor and nurse will help.", "We will ensure it."});
    REQUIRE(blocks.size() == 3);
    CHECK(blocks[0].picture->id == "doctor");
    CHECK(blocks[1].picture->id == "nurse");
    CHECK(blocks[2].picture == nullptr);
}

TEST_CASE("any bytes give an answer quickly, never a crash or a score out of range") {
    std::uint32_t seed = 12345;
    auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
    for (int round = 0; round < 300; ++round) {
        std::string text;
        const std::size_t length = next() % 400;
        for (std::size_t i = 0; i < length; ++i) {
            // Mix raw bytes with pieces of real words so phrases half-match.
            static const char* pieces[] = {"care ", "plan", "**", "'s ", "\xE2\x80\x99", "hospital", ". ", "-", "&"};
            if (next() % 4 == 0) text += pieces[next() % 9];
            else text += static_cast<char>(next() % 256);
        }
        for (const auto& m : matcher().candidates(text, 5)) {
            REQUIRE(m.picture != nullptr);
            REQUIRE(m.score >= symbols::Matcher::kMinScore);
            REQUIRE(m.score <= 1.0);
        }
    }
}

TEST_CASE("a very long block is matched in well under a second") {
    std::string text;
    while (text.size() < 100000) text += "Your care plan and your annual health check help you stay well with support. ";
    auto start = std::chrono::steady_clock::now();
    auto m = matcher().best(text);
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    REQUIRE(m.picture);
    CHECK(m.picture->id == "patient-clipboard");
    CHECK(ms < 1000);
}

TEST_CASE("the facts of a sentence choose its picture: a call, money, a councillor, a time, a date") {
    const auto id = [](const std::string& text) {
        auto m = matcher().best(text);
        return m.picture ? m.picture->id : std::string("none");
    };
    CHECK(id("Call the Carers Line on 01632 960 555.") == "phone");
    CHECK(id("Text us on 07700 900 123.") == "mobile");
    CHECK(id("The council has to save £12m over the next three years.") == "money");
    // A councillor is a person with a role; councillors together are the council.
    CHECK(id("Cllr Jane Patel is the Cabinet Member for Adult Social Care.") == "office-worker");
    CHECK(id("Councillor Tom Okafor chairs the Health and Wellbeing Board.") == "office-worker");
    CHECK(id("Our Autism Lead, Priya Das, wrote this part of the plan.") == "office-worker");
    // Money named as what pays or is shared out, without a pound sign; "the rest" is no sleep.
    CHECK(id("About 3/4 of our money pays for care at home. Half the rest (1/2) pays for day centres.") == "money");
    CHECK(id("We pay care homes a fair price for the care they give.") == "money");
    CHECK(id("Half of the budget pays for day centres.") == "money");
    // A drop-in's opening times are a time, not a drop.
    CHECK(id("Our drop-in is open from 10:30 to 14:00 on Tuesdays.") == "clock");
    // A named phone line, as the Hard words page gives it ("word. explanation").
    CHECK(id("Carers Line. The Carers Line is a phone number carers can call for help.") == "phone");
    CHECK(id("The 24/7 crisis café is a safe place to go when you feel unwell.") == "clock");
    CHECK(id("**June 2025**") == "calendar");
    CHECK(id("The consultation closes on 14 March 2025.") == "calendar");
    // Not a call: a home, and an ambulance is the thing to call.
    CHECK(id("Everyone should have a place they can call home.") != "phone");
    CHECK(id("Call an ambulance in an emergency.") == "ambulance");
    // A month alone is weaker than the sentence's topic.
    CHECK(id("Councillors agreed the budget in February.") == "council");
}

TEST_CASE("a fact's picture is kept on the next block too: the fact repeats, it is not a lack of variety") {
    // Neighbouring blocks avoid each other's picture when another fits ...
    auto words = matcher().best_for_blocks({"We will help you find a home.", "We will help you find a home."});
    REQUIRE(words.size() == 2);
    REQUIRE(words[0].picture);
    CHECK_FALSE(words[0].fact);
    // ... but two opening times both get the clock, two sums both the money.
    auto times = matcher().best_for_blocks({"The crisis café is open 24/7. It is at 14 High Street.",
                                            "Our drop-in is open from 10:30 to 14:00 on Tuesdays."});
    REQUIRE(times.size() == 2);
    REQUIRE(times[0].picture);
    REQUIRE(times[1].picture);
    CHECK(times[0].picture->id == "clock");
    CHECK(times[1].picture->id == "clock");
    CHECK(times[1].fact);
    auto sums = matcher().best_for_blocks({"We will save between £3m and £4.5m by 2026/27.",
                                           "About 3/4 of our money pays for care at home. Half the rest pays for day centres."});
    REQUIRE(sums.size() == 2);
    REQUIRE(sums[1].picture);
    CHECK(sums[1].picture->id == "money");
}
