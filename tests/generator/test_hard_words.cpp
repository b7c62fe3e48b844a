// The Hard words page: each bold word with its own, right explanation.
#include <catch2/catch.hpp>

#include "generator/model/build_document.hpp"
#include "tests/generator/markdown_document.hpp"

#include <algorithm>
#include <random>

using namespace easyread;

namespace {

std::string explanation_of(const Document& doc, const std::string& word) {
    for (const auto& hw : doc.hard_words)
        if (hw.word == word) return hw.explanation;
    FAIL("no hard word " << word);
    return {};
}

int warnings_with(const Diagnostics& d, const std::string& id) {
    int n = 0;
    for (const auto& x : d.items()) n += x.id == id;
    return n;
}

}  // namespace

TEST_CASE("two bold words in one sentence do not share the next sentence") {
    Diagnostics d;
    Document doc = test::document_of(
        "You will have a **risk assessment** and a **care plan**. A care plan says what support you get.\n", d);
    REQUIRE(doc.hard_words.size() == 2);
    CHECK(explanation_of(doc, "care plan") == "A care plan says what support you get.");
    // Not the care plan's sentence: the glossary's, or nothing and a warning.
    CHECK(explanation_of(doc, "risk assessment") != "A care plan says what support you get.");
}

TEST_CASE("a sentence that names both bold words explains both") {
    Diagnostics d;
    Document doc = test::document_of("You get **advice** and **guidance**. Advice and guidance tell you what to do.\n", d);
    CHECK(explanation_of(doc, "advice") == "Advice and guidance tell you what to do.");
    CHECK(explanation_of(doc, "guidance") == "Advice and guidance tell you what to do.");
}

TEST_CASE("This is called **X**: the sentence before explains it") {
    Diagnostics d;
    Document doc = test::document_of(
        "Every person will have a plan to leave hospital. This plan is called a **discharge plan**.\n\n"
        "Someone can speak up for you.\n\nWe call this person an **advocate**.\n\n"
        "You choose where to live. This means you have **choice**.\n", d);
    CHECK(explanation_of(doc, "discharge plan") == "Every person will have a plan to leave hospital.");
    CHECK(explanation_of(doc, "advocate") == "Someone can speak up for you.");
    CHECK(explanation_of(doc, "choice") == "You choose where to live.");
    CHECK(warnings_with(d, "hard-word-unexplained") == 0);
}

TEST_CASE("the sentence before a naming sentence is not given to the bold word before it") {
    Diagnostics d;
    Document doc = test::document_of("Your **care plan** is ready. We look at it every year. This is called a **review**.\n", d);
    CHECK(explanation_of(doc, "review") == "We look at it every year.");
    CHECK(explanation_of(doc, "care plan") != "We look at it every year.");
}

TEST_CASE("a next sentence that brings in its own hard word does not explain the one before") {
    Diagnostics d;
    Document doc =
        test::document_of("You have a **wibble**. A **frobnitz** keeps you safe. It is a kind of plan.\n", d);
    CHECK(explanation_of(doc, "frobnitz") == "It is a kind of plan.");
    CHECK(explanation_of(doc, "wibble").empty());
    CHECK(warnings_with(d, "hard-word-unexplained") == 1);
}

TEST_CASE("the bundled glossary explains a bold word the text does not") {
    Diagnostics d;
    Document doc = test::document_of("# Money\n\nYou can get **advocacy**.\n\n# Next\n\nMore.\n", d);
    REQUIRE(doc.hard_words.size() == 1);
    CHECK_FALSE(doc.hard_words[0].explanation.empty());
    CHECK(warnings_with(d, "hard-word-unexplained") == 0);
}

TEST_CASE("an unexplained bold word is a warning at its own line") {
    Diagnostics d;
    Document doc = test::document_of("---\ntitle: T\n---\nWe talk about things\nand **zorbing**.\n", d);
    REQUIRE(doc.hard_words.size() == 1);
    CHECK(doc.hard_words[0].explanation.empty());
    REQUIRE(warnings_with(d, "hard-word-unexplained") == 1);
    for (const auto& x : d.items())
        if (x.id == "hard-word-unexplained") CHECK(x.line == 5);
}

TEST_CASE("the warning for an unexplained bold word points at the word's column") {
    Diagnostics d;
    test::document_of("This plan was agreed by **Cabinet** in **March 2026** (\xC2\xA3" "12m).\n", d);
    std::vector<int> columns;
    for (const auto& x : d.items())
        if (x.id == "hard-word-unexplained") columns.push_back(x.column);
    // Columns count characters, as an editor does ("£" is one character of two bytes).
    CHECK(columns == std::vector<int>{25, 40});
}

namespace {

bool warned_at(const Diagnostics& d, const std::string& word) {
    for (const auto& x : d.items())
        if (x.id == "hard-word-unexplained" &&
            x.message.find("bold is for hard words: explain **" + word + "**, or remove the bold") != std::string::npos)
            return true;
    return false;
}

}  // namespace

TEST_CASE("bold for emphasis gets no meaning: the next sentence is not about it") {
    Diagnostics d;
    Document doc = test::document_of(
        "# Have your say\n\nTell us what you think by **June 2025**. If you would like this document in another "
        "format, please ask us.\n\nAfter a fall you might get **reablement** from our team. Our team visits people "
        "on Tuesdays.\n\nWe will give you **one point of contact**. Call us on 01632 960 555.\n",
        d);
    for (const char* w : {"June 2025", "one point of contact"}) {
        INFO(w);
        CHECK(explanation_of(doc, w).empty());
        CHECK(warned_at(d, w));
    }
    // Reablement is in the bundled glossary: its meaning comes from there, never from the team's days.
    CHECK(explanation_of(doc, "reablement") != "Our team visits people on Tuesdays.");
    CHECK_FALSE(explanation_of(doc, "reablement").empty());
}

TEST_CASE("a sentence about the word explains it, wherever it is in the section") {
    Diagnostics d;
    Document doc = test::document_of(
        "# Tests\n\nYou may need an **x-ray**. We will book it for you. An x-ray is a special photo of the bones "
        "inside your body.\n\nYou can have a **support worker**.\n\nA support worker can help you go shopping.\n\n"
        "A personal budget is money for your support.\n\nYou can ask for a **personal budget**.\n\n"
        "# Next part\n\nA wibble is a kind of plan.\n",
        d);
    CHECK(explanation_of(doc, "x-ray") == "An x-ray is a special photo of the bones inside your body.");
    CHECK(explanation_of(doc, "support worker") == "A support worker can help you go shopping.");
    CHECK(explanation_of(doc, "personal budget") == "A personal budget is money for your support.");
    CHECK(warnings_with(d, "hard-word-unexplained") == 0);
}

TEST_CASE("a sentence that says what the word is beats one that says what it does") {
    Diagnostics d;
    Document doc = test::document_of(
        "An **x-ray** can show a broken bone. We will help you. An x-ray is a special photo of the bones.\n\n"
        "The **advocate** is free. An advocate helps you speak up.\n\n"
        "# Later\n\nA **direct payment** lets you buy your own support.\n",
        d);
    CHECK(explanation_of(doc, "x-ray") == "An x-ray is a special photo of the bones.");
    // "is free" says how it is, not what it is: the sentence about what it does stays.
    CHECK(explanation_of(doc, "advocate") == "An advocate helps you speak up.");
    CHECK(explanation_of(doc, "direct payment") == "A direct payment lets you buy your own support.");
}

TEST_CASE("'it' or 'this' explains only right after the word, another section never does") {
    Diagnostics d;
    Document doc = test::document_of(
        "# One\n\nYou will get a **frobnitz**. It keeps your things safe.\n\nYou will get a **gizmoid**. We will post "
        "it. It keeps your things safe.\n\nA wibble is a kind of plan.\n\n# Two\n\nYou get a **wibble**.\n\n"
        "An **x-ray** is a special photo of your bones.\n",
        d);
    CHECK(explanation_of(doc, "frobnitz") == "It keeps your things safe.");
    CHECK(explanation_of(doc, "gizmoid").empty());
    CHECK(explanation_of(doc, "wibble").empty());
    CHECK(warned_at(d, "gizmoid"));
    CHECK(warned_at(d, "wibble"));
    // A sentence that says what the word is, with the word in it, explains it.
    CHECK(explanation_of(doc, "x-ray") == "An x-ray is a special photo of your bones.");
}

TEST_CASE("over generated documents a meaning is always a sentence of the word's own part that names it") {
    // Made-up words, so the glossary explains none of them: every meaning
    // printed must come from the text, from the part the word is in, and
    // name the word (or be "It ..." right after it); else nothing and a warning.
    const std::vector<std::string> words = {"frobnitz", "gizmoid", "wibble plan", "zorb"};
    auto sentences_for = [](const std::string& w) {
        return std::vector<std::string>{
            "A " + w + " is a kind of help you can get.",
            "The " + w + " can help you at home.",
            "It keeps your things safe.",
            "Our team visits people on Tuesdays.",
            "You can call us on 01632 960 555.",
            "We will write to you by June 2026.",
            "This means we can plan together.",
        };
    };
    std::mt19937 rng(20261207);
    int explained = 0, warned = 0;
    for (int doc_no = 0; doc_no < 300; ++doc_no) {
        std::string text;
        std::vector<std::pair<std::string, int>> bolded;  // word, part
        std::vector<std::vector<std::string>> parts(3);
        for (int part = 0; part < 3; ++part) {
            text += "# Part " + std::to_string(part + 1) + "\n\n";
            const int paragraphs = 1 + static_cast<int>(rng() % 3);
            for (int p = 0; p < paragraphs; ++p) {
                const int n = 1 + static_cast<int>(rng() % 3);
                for (int s = 0; s < n; ++s) {
                    const std::string& w = words[rng() % words.size()];
                    std::string sentence = sentences_for(w)[rng() % 7];
                    if (rng() % 4 == 0) {
                        sentence = "You may need a **" + w + "**.";
                        bolded.push_back({w, part});
                    }
                    parts[static_cast<std::size_t>(part)].push_back(sentence);
                    text += sentence + " ";
                }
                text += "\n\n";
            }
        }
        Diagnostics d;
        Document doc = test::document_of(text, d);
        for (const auto& hw : doc.hard_words) {
            INFO(text);
            INFO(hw.word << " -> " << hw.explanation);
            int part = -1;
            for (const auto& [w, p] : bolded)
                if (w == hw.word && part < 0) part = p;
            REQUIRE(part >= 0);
            if (hw.explanation.empty()) {
                CHECK(warned_at(d, hw.word));
                ++warned;
                continue;
            }
            ++explained;
            const auto& own = parts[static_cast<std::size_t>(part)];
            CHECK(std::find(own.begin(), own.end(), hw.explanation) != own.end());
            const bool names = hw.explanation.find(hw.word) != std::string::npos;
            CHECK((names || hw.explanation == "It keeps your things safe."));
            for (const char* never : {"Our team visits", "You can call us", "We will write", "This means"})
                CHECK(hw.explanation.rfind(never, 0) != 0);
        }
    }
    // The generator makes both kinds: words explained and words warned about.
    CHECK(explained > 50);
    CHECK(warned > 20);
}
