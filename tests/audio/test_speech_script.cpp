// What the audio version says: the script taken from the laid-out pages and
// the pronunciation step, checked on the real pipeline.
#include <catch2/catch.hpp>

#include <espeak-ng/espeak_ng.h>

#include <cstring>
#include <fstream>

#include "generator/pipeline.hpp"
#include "generator/render/html_listen.hpp"
#include "generator/render/speech_script.hpp"

using namespace easyread;

namespace {

std::unique_ptr<Compiled> compiled(const std::string& path) {
    Diagnostics d;
    PipelineOptions o;
    auto c = compile_file(path, o, d);
    REQUIRE(c);
    REQUIRE(c->laid_out);
    return c;
}

std::vector<std::string> texts(const SpeechScript& s) {
    std::vector<std::string> out;
    for (const auto& u : s.utterances) out.push_back(u.text);
    return out;
}

}  // namespace

TEST_CASE("the script starts with the cover and reads every section in order") {
    auto c = compiled(EASYREAD_SOURCE_DIR "/tests/audio/listen.md");
    SpeechScript s = speech_script(c->pages);
    auto t = texts(s);
    REQUIRE(t.size() > 10);
    CHECK(t[0] == "Our health checks");
    CHECK(t[1] == "This is an easy read version of Annual Health Check Report 2024.");
    CHECK(t[2] == "Millbrook Council");
    CHECK(s.utterances[0].pause_before == 0);

    std::vector<std::string> sections;
    for (const auto& sec : s.sections) sections.push_back(sec.title);
    CHECK(sections == std::vector<std::string>{"Our health checks", "About health checks", "What we found",
                                               "What happens next", "Hard words", "Contact us"});
    // Each section starts with a page announcement or its heading, after the long pause.
    SpeechPauses pauses;
    for (std::size_t i = 1; i < s.sections.size(); ++i) {
        const Utterance& u = s.utterances[s.sections[i].first];
        CHECK(u.pause_before == pauses.section);
        CHECK((u.kind == UtteranceKind::PageNumber || u.text == s.sections[i].title));
    }
}

TEST_CASE("each numbered page is announced once, in order, before its first words") {
    auto c = compiled(EASYREAD_SOURCE_DIR "/templates/examples/stocktake.md");
    SpeechScript s = speech_script(c->pages);
    int last = 0, announced = 0;
    for (std::size_t i = 0; i < s.utterances.size(); ++i) {
        const Utterance& u = s.utterances[i];
        if (u.kind != UtteranceKind::PageNumber) continue;
        ++announced;
        const int n = c->pages.pages[static_cast<std::size_t>(u.page)].number;
        CHECK(u.text == "Page " + std::to_string(n));
        CHECK(n > last);
        last = n;
        REQUIRE(i + 1 < s.utterances.size());
        CHECK(s.utterances[i + 1].page == u.page);
        CHECK(s.utterances[i + 1].kind != UtteranceKind::PageNumber);
    }
    int numbered = 0;
    for (const auto& p : c->pages.pages) numbered += p.number > 0 && p.role != PageRole::Contents && p.role != PageRole::Cover;
    CHECK(announced == numbered);
}

TEST_CASE("hard words are read with their explanation, and on their page as 'word: explanation'") {
    auto c = compiled(EASYREAD_SOURCE_DIR "/templates/examples/stocktake.md");
    SpeechScript s = speech_script(c->pages);
    auto t = texts(s);
    auto has = [&](const std::string& x) { return std::find(t.begin(), t.end(), x) != t.end(); };
    CHECK(has("This booklet is about a list of questions called a stocktake. A stocktake is a check on how well a "
              "plan is going."));
    CHECK(has("stocktake: A stocktake is a check on how well a plan is going."));
    CHECK(has("Hard words"));
    // The contents page is left out; the chapter marks do its work.
    CHECK_FALSE(has("Contents"));
}

namespace {

const Pronunciations& bundled() {
    static const Pronunciations p = [] {
        Pronunciations out;
        Diagnostics d;
        REQUIRE(load_spoken_words(out, d));
        return out;
    }();
    return p;
}

}  // namespace

TEST_CASE("pronunciation: money, ranges, years, dates, times, fractions, units and acronyms as people say them") {
    std::ifstream in(EASYREAD_SOURCE_DIR "/tests/audio/speakable.tsv");
    REQUIRE(in.good());
    int cases = 0, line_no = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_no;
        if (line.empty() || line[0] == '#') continue;
        const auto tab = line.find('\t');
        INFO("speakable.tsv:" << line_no);
        REQUIRE(tab != std::string::npos);
        CHECK(speakable(line.substr(0, tab), bundled()) == line.substr(tab + 1));
        ++cases;
    }
    CHECK(cases >= 60);
}

TEST_CASE("an acronym is said as a word only when it reads as one") {
    for (const char* w : {"NICE", "ASAN", "SEND", "STOMP", "SENCO", "ADASS", "MENCAP", "COVID", "MAPPA", "MARAC", "SALT",
                          "NATO", "AIDS", "UNISON", "BILD", "WHAT", "CONTACT"}) {
        INFO(w);
        CHECK(sayable_as_word(w));
    }
    for (const char* w : {"NHS", "VCSE", "EHCP", "CAMHS", "ADHD", "NHSE", "LGBT", "CETR", "SEMH", "DHSC", "OPCC", "UKHSA",
                          "HMRC", "LDPB", "CCG", "IAAO", ""}) {
        INFO(w);
        CHECK_FALSE(sayable_as_word(w));
    }
}

TEST_CASE("a pronunciation file beside the document: its words win, bad lines are warnings") {
    const std::string path = "pronounce-test.txt";
    {
        std::ofstream f(path);
        f << "# how to say them\nLeDeR: led-er\nCAMHS: cams\nno colon here\n";
    }
    Pronunciations p;
    Diagnostics d;
    REQUIRE(load_pronunciations(path, p, d));
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].line == 4);
    CHECK(d.items()[0].file == path);
    CHECK(speakable("The LeDeR and CAMHS teams.", p) == "The led-er and cams teams.");
    // The user's words win over the bundled list and the rule.
    Pronunciations mine = bundled();
    mine.words["NICE"] = "N I C E";
    mine.words["CAMHS"] = "C A M H S";
    CHECK(speakable("NICE and CAMHS.", mine) == "N I C E and C A M H S.");
    // and no later rule reads them again ("MEN CAP" is not spelled "M E N C eh P").
    mine.words["MENCAP"] = "MEN CAP";
    mine.words["2023/24"] = "twenty twenty-three, 24";
    CHECK(speakable("MENCAP in 2023/24.", mine) == "MEN CAP in twenty twenty-three, 24.");
    CHECK(speakable("LeDeRs", p) == "LeDeRs");  // whole words only
    Pronunciations none;
    Diagnostics d2;
    CHECK(load_pronunciations("no-such-pronounce.txt", none, d2));
    CHECK(d2.items().empty());
}

namespace {

// What espeak-ng itself will say for `text` (its phoneme mnemonics), stress
// marks and spaces left out, so that spellings can be compared by sound.
std::string engine_says(const std::string& text) {
    static const bool ready = [] {
        espeak_ng_InitializePath(nullptr);
        espeak_ng_ERROR_CONTEXT context = nullptr;
        if (espeak_ng_Initialize(&context) != ENS_OK) return false;
        espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr);
        espeak_VOICE voice{};
        voice.languages = "en-gb";
        return espeak_ng_SetVoiceByProperties(&voice) == ENS_OK;
    }();
    REQUIRE(ready);
    std::string out;
    const void* at = text.c_str();
    while (at)
        if (const char* ph = espeak_TextToPhonemes(&at, espeakCHARS_UTF8, 0))
            for (const char* c = ph; *c; ++c)
                if (!std::strchr("',; _|", *c)) out += *c;
    return out;
}

}  // namespace

TEST_CASE("the engine says each spelled letter by its name, and am and pm as letters") {
    // A letter alone in a sentence ("K.") is said by its name; so must it be
    // inside an acronym spelled out ("BKD" -> "B K D"). A lone "A" is read as
    // the article "uh" unless it is written the way the engine says "eh".
    for (char letter = 'A'; letter <= 'Z'; ++letter) {
        const std::string acronym = std::string("B") + letter + "D";
        INFO(acronym << " is given as \"" << speakable(acronym, bundled()) << "\"");
        CHECK(engine_says(speakable(acronym, bundled())) ==
              engine_says("B.") + engine_says(std::string(1, letter) + ".") + engine_says("D."));
    }
    const std::string am = engine_says("A.") + engine_says("M."), pm = engine_says("P.") + engine_says("M.");
    for (const char* time : {"at 9am", "at 9.30am", "at 09:30", "at 9 a.m."}) {
        INFO(time << " is given as \"" << speakable(time, bundled()) << "\"");
        CHECK(engine_says(speakable(time, bundled())).find(am) != std::string::npos);
    }
    for (const char* time : {"at 2pm", "at 14:00", "at 5:30pm", "from 10am-4pm"}) {
        INFO(time << " is given as \"" << speakable(time, bundled()) << "\"");
        CHECK(engine_says(speakable(time, bundled())).find(pm) != std::string::npos);
    }
}

TEST_CASE("a Listen button's name is its chunk's first sentence, short enough to say in a breath") {
    CHECK(listen_label("We will open a crisis café. It is open 24/7.") == "Listen: We will open a crisis café");
    CHECK(listen_label("We will give each person who cares for someone a short break of one week every year.") ==
          "Listen: We will give each person who cares for someone a short break \xE2\x80\xA6");
    const std::string address = listen_label(
        "You can read more at https://www.kelsworth.gov.uk/adult-social-care/carers-and-disabled-people/"
        "our-plan-2025-to-2028-easy-read-version.");
    CHECK(address.rfind("Listen: You can read more at https://www.kelsworth.gov.uk/", 0) == 0);
    CHECK(address.size() <= std::string("Listen: ").size() + 80 + std::string(" \xE2\x80\xA6").size());
    CHECK(address.substr(address.size() - 3) == "\xE2\x80\xA6");
}

TEST_CASE("a numbered step is said with its number, a bullet is not said") {
    PipelineOptions o;
    auto c = compile(SourceText{"steps.md", "# How to ask\n\n1. Call the Carers Line.\n2. Tell us what you need.\n"
                                            "   - who you care for\n\n- a day out\n"},
                     o);
    REQUIRE(c->laid_out);
    auto t = texts(speech_script(c->pages));
    auto has = [&](const std::string& x) { return std::find(t.begin(), t.end(), x) != t.end(); };
    CHECK(has("1. Call the Carers Line."));
    CHECK(has("2. Tell us what you need."));
    CHECK(has("who you care for"));
    CHECK(has("a day out"));
}
