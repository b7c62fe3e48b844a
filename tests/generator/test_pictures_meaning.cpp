// The picture beside each chunk means what the chunk says, on the laid-out
// pages of a strategy written for this test: a call gets the phone, money the
// money, a councillor a person with a role, opening times the clock, and the
// Hard words page's dates the calendar.
#include <catch2/catch.hpp>

#include <map>

#include "generator/pipeline.hpp"

using namespace easyread;

namespace {

const char* const kStrategy = R"(---
title: Our plan for carers 2025 to 2028
organisation: Kelsworth Borough Council
summary_of: Kelsworth Carers Strategy 2025/26 to 2027/28
---

# About this plan

Cllr Priya Shah is the Cabinet Member for Adult Social Care.

# Money

Our budget for adult social care is £96.4m this year.

About 3/4 of our money pays for care at home.

Our **budget** is set each year. A budget is the money we plan to spend.

# Getting help

Call the Carers Line on 01632 960 447.

The crisis café is open 24/7.

Our drop-in is open from 10:30 to 14:00 on Tuesdays.

# Words we use

The new service starts on **1 April 2026**. This is the day the new service starts.

Our **financial year** runs from April to March. A financial year is the 12 months we plan our money for.

We will look again at this plan on the **review date**. The review date is 14 March 2027.

You can ring the **Carers Line**. The Carers Line is a phone number for carers.

Your **councillor** can help. A councillor is a person people vote for to make decisions for the area.
)";

// Each chunk's first line of text -> its picture's name, on pages of `role`.
std::map<std::string, std::string> pictures_by_text(const LaidOutDocument& doc, PageRole role) {
    std::map<std::string, std::string> out;
    for (const auto& page : doc.pages) {
        if (page.role != role) continue;
        std::string picture;
        for (const auto& it : page.items) {
            if (it.kind == ItemKind::Picture) picture = it.alt;
            else if (it.kind == ItemKind::Text && it.tag == Tag::P && !picture.empty()) {
                std::string first = it.markup.substr(0, it.markup.find('\n'));
                for (std::size_t at; (at = first.find('<')) != std::string::npos;)
                    first.erase(at, first.find('>', at) - at + 1);
                out[first] = picture;
                picture.clear();
            }
        }
    }
    return out;
}

}  // namespace

TEST_CASE("pictures mean the chunk: calls, money, councillors, opening times, and dates on the Hard words page") {
    PipelineOptions o;
    auto c = compile(SourceText{"kelsworth.md", kStrategy}, o);
    REQUIRE(c->laid_out);
    auto content = pictures_by_text(c->pages, PageRole::Content);
    CHECK(content["Cllr Priya Shah is the Cabinet Member for Adult Social Care."] == "office worker");
    CHECK(content["Our budget for adult social care is £96.4m this year."] == "money");
    // The block before has the money too: a fact repeats, it is not a lack of variety.
    CHECK(content["About 3/4 of our money pays for care at home."] == "money");
    CHECK(content["Call the Carers Line on 01632 960 447."] == "phone");
    CHECK(content["The crisis café is open 24/7."] == "clock");
    CHECK(content["Our drop-in is open from 10:30 to 14:00 on Tuesdays."] == "clock");

    // The cover shows what the plan is about, not the years in the name of the strategy it summarises.
    std::string cover;
    for (const auto& it : c->pages.pages.front().items)
        if (it.kind == ItemKind::Picture && !it.logo) cover = it.alt;
    CHECK(cover == "carer");

    auto hard = pictures_by_text(c->pages, PageRole::HardWords);
    INFO("Hard words page: " << hard.size() << " entries");
    REQUIRE(hard.size() >= 6);
    CHECK(hard["1 April 2026"] == "calendar");
    CHECK(hard["financial year"] == "calendar");
    CHECK(hard["review date"] == "calendar");
    CHECK(hard["Carers Line"] == "phone");
    CHECK(hard["councillor"] == "office worker");
    CHECK(hard["budget"] == "money");
}
