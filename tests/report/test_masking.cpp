// Personal details in comments, probe by probe: what must be hidden in every
// output, and everyday words, numbers and years that must stay.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <random>

#include "report/counting/mask_personal_details.hpp"
#include "tests/report/report_fixture.hpp"

using easyread::report::mask_personal;
using easyread::report::mask_personal_every_rule;

namespace {

struct Probe {
    const char* comment;
    const char* shown;
};

// Leaks: each must be masked.
const Probe kLeaks[] = {
    {"Ring me on 07700 900123 please", "Ring me on [phone number] please"},
    {"call +44 (0)20 7946 0958", "call [phone number]"},
    {"my number is 0121-496-0000.", "my number is [phone number]."},
    {"text 07700900123", "text [phone number]"},
    {"phone 020 7946 0958 after 5", "phone [phone number] after 5"},
    {"Email a.person@example.org now", "Email [email address] now"},
    {"jo.bloggs+club@mail.example.co.uk", "[email address]"},
    {"write to jo at example dot org", "write to [email address]"},
    {"Jo (at) example (dot) co (dot) uk", "[email address]"},
    {"sam[at]example[dot]com thanks", "[email address] thanks"},
    {"jo@example dot org", "[email address]"},
    {"I live in CV1 2AB", "I live in [postcode]"},
    {"SW1A 1AA and M1 1AE", "[postcode] and [postcode]"},
    {"postcode b33 8th", "postcode [postcode]"},
    {"W1A0AX is the office", "[postcode] is the office"},
    {"Santa lives at GIR 0AA", "Santa lives at [postcode]"},
    {"gir0aa", "[postcode]"},
    {"EC1A 1BB", "[postcode]"},
    {"DN55 1PT", "[postcode]"},
    {"my name is John Smith", "my name is [name]"},
    {"My name is john and I like music", "My name is [name] and I like music"},
    {"Hello, my name's Priya Patel.", "Hello, my name's [name]."},
    {"I am called Bob", "I am called [name]"},
    {"I'm called Mary Ann Jones", "I'm called [name]"},
    {"I'm Sarah, I come every week", "I'm [name], I come every week"},
    {"I\xE2\x80\x99m Tom Hughes from the day centre", "I\xE2\x80\x99m [name] from the day centre"},
    {"I am Ahmed.", "I am [name]."},
    {"call me Dave", "call me [name]"},
    {"12 High Street", "[address]"},
    {"Flat 3, 45 Acacia Avenue", "[address]"},
    {"I live at 7b Mill Rd, near the shop", "I live at [address], near the shop"},
    {"come to 221 baker street", "come to [address]"},
    {"10 Downing St. is not my house", "[address] is not my house"},
    {"flat 12 is cold", "[address] is cold"},
    {"born 14 March 1985", "born [date of birth]"},
    {"I was born on the 3rd of May 1990", "I was born on the [date of birth]"},
    {"date of birth: 03/03/1985", "date of birth: [date of birth]"},
    {"DOB 1/2/79", "DOB [date of birth]"},
    {"my birthday is 14 March", "my birthday is [date of birth]"},
    {"03/03/1985", "[date of birth]"},
    {"I was born in 1962", "I was born in [date of birth]"},
    {"on 14 March 1985 I moved here", "on [date of birth] I moved here"},
    {"NI number QQ 12 34 56 C", "NI number [National Insurance number]"},
    {"ab123456c", "[National Insurance number]"},
    {"my NI is JG103759A ok", "my NI is [National Insurance number] ok"},    // Names whatever their case (the kiosk keyboard types small letters), after any introduction.
    {"my name is sarah jones", "my name is [name]"},
    {"MY NAME IS SARAH JONES", "MY NAME IS [name]"},
    {"my name is sarah jones and i liked it", "my name is [name] and i liked it"},
    {"hi my name is kwame", "hi my name is [name]"},
    {"my names dave", "my names [name]"},
    {"i am john", "i am [name]"},
    {"i am john smith", "i am [name]"},
    {"im tom", "im [name]"},
    {"Im Tom", "Im [name]"},
    {"i'm priya and this was fun", "i'm [name] and this was fun"},
    {"I'm Sarah's mum", "I'm [name] mum"},
    {"call me dave", "call me [name]"},
    {"Call me Mo", "Call me [name]"},
    {"they call me zeb", "they call me [name]"},
    {"i am called bob", "i am called [name]"},
    {"im called fatima begum", "im called [name]"},
    {"I am known as Big Dave", "I am known as [name]"},
    {"thanks to priya and tom", "thanks to [name] and [name]"},
    {"Sarah helped me a lot", "[name] helped me a lot"},
    {"sarah helped me a lot", "[name] helped me a lot"},
    {"ask for Ahmed Khan at the desk", "ask for [name] at the desk"},
    {"the helper, margaret, was kind", "the helper, [name], was kind"},
    {"Olivia and Noah came too", "[name] and [name] came too"},
    {"I came with my carer Gemma", "I came with my carer [name]"},
    {"I'm Tom, 07700 900123", "I'm [name], [phone number]"},
    {"Tell david thank you", "Tell [name] thank you"},
    {"mohammed was brilliant", "[name] was brilliant"},
    {"I sat next to Chloe", "I sat next to [name]"},
    {"from jessica", "from [name]"},
    {"love from Mary Smith x", "love from [name] x"},
    {"ring susan on 01632 960123", "ring [name] on [phone number]"},
    {"my name is Ana Lopez", "my name is [name]"},
    {"email sam.jones@example.org or ring", "email [email address] or ring"},
    {"my postcode is ls1 4ap", "my postcode is [postcode]"},
    {"NG7 2RD is where I live", "[postcode] is where I live"},
    {"I live at 4 Park Road", "I live at [address]"},
    {"apartment 9 by the park", "[address] by the park"},
    {"my date of birth is 12/04/1970", "my date of birth is [date of birth]"},
    {"born in 1958", "born in [date of birth]"},
    {"mobile +447700900123", "mobile [phone number]"},
    {"phone (0161) 496 0000", "phone [phone number]"},
};

// Not leaks: each must stay exactly as typed.
const Probe kKeep[] = {
    {"we met 12 people in 2024 at 10:30", ""},
    {"The tea was cold", ""},
    {"Plans for 2024-2025 are good", ""},
    {"the 2019 - 2020 year was hard", ""},
    {"from 1999 to 2004", ""},
    {"I'm happy with the club", ""},
    {"I'm Happy with it all", ""},
    {"I am not sure", ""},
    {"I'm Deaf and the signer helped", ""},
    {"I am 45 years old", ""},
    {"my name was on the list", ""},
    {"the bus stops 2 miles down the road", ""},
    {"we walked 3 times round the park", ""},
    {"see you at the cafe", ""},
    {"meet at 5 on Friday", ""},
    {"1 000 000 thanks", ""},
    {"room 101 was too small", ""},
    {"the meeting on 12/05/2024 was good", ""},
    {"on 9 May 2024 we had cake", ""},
    {"Bus 73 was late", ""},
    {"A4 paper is too small", ""},
    {"I gave it 10 out of 10", ""},
    {"more sessions please", ""},
    {"version 2.1 of the form", ""},
    {"£1,250 raised", ""},
    {"We need 3 more staff", ""},
    {"call the office please", ""},
    {"I am called to help sometimes", ""},    // Everyday words, dates, rooms and who people are: kept as typed.
    {"the next meeting is 2025-11-12", ""},
    {"see you on 2024-05-09 at the hall", ""},
    {"Room B2 3rd floor was too hot", ""},
    {"room b2 3rd floor", ""},
    {"the lift to the 2nd floor was broken", ""},
    {"I am Polish", ""},
    {"I am polish and I like it here", ""},
    {"i am happy", ""},
    {"im happy", ""},
    {"I'm fine thanks", ""},
    {"I am a carer", ""},
    {"i am deaf", ""},
    {"I'm 67", ""},
    {"I am from Leeds", ""},
    {"im going home now", ""},
    {"call me back later", ""},
    {"call me when it is ready", ""},
    {"please call me", ""},
    {"my name was called out", ""},
    {"the name of the group is good", ""},
    {"I will come again", ""},
    {"May was a good month", ""},
    {"I hope it gets better", ""},
    {"we had a joy of a day", ""},
    {"Mark the date please", ""},
    {"the bill was too high", ""},
    {"a rose in the garden", ""},
    {"the staff were kind", ""},
    {"The food was nice", ""},
    {"I liked the music and the games", ""},
    {"too noisy", ""},
    {"More pictures please", ""},
    {"It was good", ""},
    {"i liked it", ""},
    {"the room was too small", ""},
    {"I could not hear the speaker", ""},
    {"we need a bigger room", ""},
    {"thank you", ""},
    {"Thank you for the tea", ""},
    {"the bus was late again", ""},
    {"2 hours was too long", ""},
    {"it started at 10am", ""},
    {"about 30 people came", ""},
    {"tickets were 5 pounds", ""},
    {"£3.50 for a sandwich", ""},
    {"page 4 was hard", ""},
    {"question 3 did not make sense", ""},
    {"the 3rd of May meeting was fun", ""},
    {"in 2023 it was better", ""},
    {"2022/2023 plan", ""},
    {"we want 24/7 help", ""},
    {"1 in 10 people", ""},
    {"the easy read was easy", ""},
    {"I am in a wheelchair", ""},
    {"I am with my mum", ""},
    {"I'm not sure", ""},
    {"I am Muslim", ""},
    {"I am British", ""},
    {"I am Welsh", ""},
    {"im ok", ""},
    {"the council should listen", ""},
    {"The Partnership Board is good", ""},
    {"London was far", ""},
    {"NHS staff helped", ""},
    {"we met at the Town Hall", ""},
    {"Leeds City Council", ""},
};

}  // namespace

TEST_CASE("personal details in comments are masked, probe by probe") {
    int count = 0;
    for (const auto& p : kLeaks) {
        INFO(p.comment);
        CHECK(mask_personal(p.comment) == p.shown);
        ++count;
    }
    for (const auto& p : kKeep) {
        INFO(p.comment);
        CHECK(mask_personal(p.comment) == p.comment);
        ++count;
    }
    CHECK(count >= 150);
}

TEST_CASE("a rule passed over on its cues would have changed nothing: the same bytes as trying every rule") {
    std::vector<std::string> texts;
    for (const auto& p : kLeaks) texts.push_back(p.comment);
    for (const auto& p : kKeep) texts.push_back(p.comment);
    // Comments made of the pieces the rules look for, in any case, with and without spaces.
    const char* const pieces[] = {"my name is", "My Name's", "I'm", "I\xE2\x80\x99m", "im", "i  am", "call me", "I am called",
                                  "known as", "sarah", "Jones", "priya", "born", "DOB", "d.o.b.", "birthday is", "date of birth",
                                  "07700 900123", "+44 (0)20 7946 0958", "1 000 000", "2024-2025", "12 High Street",
                                  "flat 3", "Apartment 7b", "SW1A 1AA", "gir 0aa", "B2 3rd floor", "jo at example dot org",
                                  "a.b@c.co.uk", "(at)", "dot", "AB 12 34 56 C", "14 March 1985", "03/03/1985", "5th of may",
                                  "2025-11-12", "the", "at", "him", "time", "7", "19", ",", ".", "\xC3\xA9", "_i", "\t"};
    std::mt19937 rng(150);
    for (int i = 0; i < 1500; ++i) {
        std::string t;
        for (int k = 0, n = 1 + static_cast<int>(rng() % 6); k < n; ++k) {
            std::string piece = pieces[rng() % (sizeof pieces / sizeof *pieces)];
            if (rng() % 4 == 0)
                for (char& c : piece) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            t += piece;
            if (rng() % 3) t += ' ';
        }
        texts.push_back(t);
    }
    for (const auto& t : texts) {
        INFO(t);
        CHECK(mask_personal(t) == mask_personal_every_rule(t));
    }
}

TEST_CASE("personal details are hidden in every output, and --unmasked writes them only to a CSV, with a warning") {
    using namespace report_test;
    std::string dir = fresh_dir("mask-outputs");
    std::string db = dir + "/answers.db";
    const std::vector<std::pair<std::string, std::string>> leaks = {
        {"my name is John Smith", "John Smith"},      {"I live at 12 High Street", "High Street"},
        {"Flat 3, 45 Acacia Avenue", "Acacia"},       {"born 14 March 1985", "March 1985"},
        {"my NI is QQ 12 34 56 C", "QQ 12"},          {"Santa is at GIR 0AA", "GIR 0AA"},
        {"write to jo at example dot org", "example dot"}, {"Ring 07700 900123", "900123"}};
    {
        AnswersFile file(db, survey_text(1));
        for (const auto& l : leaks) file.add("May meeting", "self", when(5, 9), {{"day", "happy"}, {"ideas", l.first}});
        file.add("May meeting", "self", when(5, 9), {{"day", "happy"}, {"ideas", "Plans for 2024-2025 please"}});
    }
    std::string out = dir + "/out";
    REQUIRE(mkdir(out.c_str(), 0755) == 0);
    run_ok("report '" + db + "' -o '" + out + "'");
    const std::vector<std::pair<std::string, std::string>> outputs = {
        {"board-report.pdf", flat_pdf_text(out + "/board-report.pdf")},
        {"board-report.html", read_file(out + "/board-report.html")},
        {"answers.csv", read_file(out + "/answers.csv")},
        {"answers.json", read_file(out + "/answers.json")},
        {"you-said.md", read_file(out + "/you-said.md")},
        {"you-said.pdf", flat_pdf_text(out + "/you-said.pdf")},
        {"you-said.html", read_file(out + "/you-said.html")}};
    for (const auto& [name, text] : outputs) {
        INFO(name);
        REQUIRE(text.size() > 100);
        for (const auto& l : leaks) CHECK_FALSE(has_substr(text, l.second));
    }
    for (const auto& [name, text] : outputs) {
        if (name.rfind("you-said", 0) == 0) continue;  // the easy read booklet counts comments, never prints them
        INFO(name);
        for (const char* words : {"my name is [name]", "[address]", "born [date of birth]", "[National Insurance number]",
                                  "[postcode]", "[email address]", "[phone number]", "Plans for 2024-2025 please"})
            CHECK(has_substr(text, words));
    }

    // Raw words for safeguarding: a CSV only, and a warning saying what it holds.
    std::string raw = dir + "/raw.csv";
    CommandResult r = run_ok("report '" + db + "' --unmasked -o '" + raw + "'");
    CHECK(has_substr(r.err, raw + ": warning[unmasked]"));
    CHECK(has_substr(r.err, "NOT hidden"));
    const std::string raw_text = read_file(raw);
    for (const auto& l : leaks) CHECK(has_substr(raw_text, l.first));
    std::string pdf = dir + "/raw.pdf";
    r = run_easyread("report '" + db + "' --unmasked -o '" + pdf + "'");
    CHECK(r.exit_code == 2);
    CHECK(has_substr(r.err, "error[unmasked-not-csv]"));
    CHECK(access(pdf.c_str(), F_OK) != 0);
}
