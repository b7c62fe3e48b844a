#include "tests/report/review_fixture.hpp"

#include <catch2/catch.hpp>

#include "generator/render/page_pictures.hpp"
#include "tests/report/report_fixture.hpp"
#include "symbols/bank.hpp"

namespace review_test {

std::string leaflet_text(const std::string& reablement_words) {
    return "---\ntitle: Help at home\ncontact: Phone 01234 567890\n---\n\n"
           "# Help at home\n\n"
           "We help you at home after a stay in hospital. {picture=house}\n\n" +
           reablement_words + " {picture=people}\n\n"
           "A worker comes to your home every day. {picture=meeting}\n\n"
           "# What the worker does\n\n"
           "The worker helps you wash and dress.\nThe worker helps you cook. {picture=meal}\n\n"
           "The help lasts up to 6 weeks. {picture=calendar}\n\n"
           "# After 6 weeks\n\n"
           "We talk with you about what you need next. {picture=meeting}\n\n"
           "You can ask about an assessment. {picture=question}\n\n"
           "You may not need any more help. {picture=happy}\n";
}

const easyread::PageChunk& LaidOut::chunk(int page, const std::string& part) const {
    REQUIRE(page >= 1);
    REQUIRE(page <= static_cast<int>(pages.size()));
    for (const auto& c : pages[static_cast<std::size_t>(page - 1)])
        if (c.words.find(part) != std::string::npos) return c;
    FAIL("no chunk with \"" << part << "\" on page " << page);
    throw;
}

int LaidOut::page_of(const std::string& part) const {
    for (std::size_t i = 0; i < pages.size(); ++i)
        for (const auto& c : pages[i])
            if (c.words.find(part) != std::string::npos) return static_cast<int>(i) + 1;
    return 0;
}

LaidOut lay_out(const std::string& document_path) {
    easyread::symbols::Bank bank;
    easyread::Diagnostics diags;
    REQUIRE(bank.load_bundled(diags));
    easyread::PagePictures pictures;
    INFO(diags.format_all());
    REQUIRE(pictures.load(document_path, bank, diags));
    LaidOut out;
    for (int n = 1; n <= pictures.count(); ++n) out.pages.push_back(pictures.chunks(n));
    out.label = easyread::survey::document_label(document_path, pictures.source_text());
    return out;
}

std::string make_review_survey(const std::string& document_path) {
    const std::string survey = document_path.substr(0, document_path.rfind('.')) + "-review.md";
    report_test::run_ok("review make '" + document_path + "' -o '" + survey + "'");
    return read_file(survey);
}

ReviewFile::ReviewFile(const std::string& path, const std::string& survey_text)
    : store_(path), survey_(report_test::parse(survey_text, path + ".survey.md")) {
    REQUIRE(store_.ok());
    easyread::Diagnostics diags;
    REQUIRE(store_.check_survey(survey_, diags));
}

std::string ReviewFile::add(const std::string& event, const std::string& day, bool unfinished, const Answers& answers) {
    easyread::survey::Response r;
    r.uuid = easyread::survey::new_uuid();
    r.survey_id = survey_.id;
    r.survey_version = survey_.version;
    r.survey_hash = survey_.hash;
    r.document = label;
    r.event = event;
    r.device_id = "test-kiosk";
    r.respondent = "self";
    r.started_at = day + "T10:" + std::to_string(10 + minute_) + ":00.000Z";
    r.finished_at = day + "T10:" + std::to_string(20 + minute_++) + ":00.000Z";
    r.unfinished = unfinished;
    r.local_date = day;
    r.zone = "Europe/London";
    for (const auto& [q, v] : answers) r.answers.push_back({q, v});
    REQUIRE(store_.save(r) == easyread::survey::SaveResult::Stored);
    return r.uuid;
}

std::string chunk_id(const easyread::PageChunk& c) { return "chunk-" + std::to_string(c.page) + "-" + c.key; }

Answers seen_page(const LaidOut& doc, int page, const Answers& marks) {
    Answers out;
    for (const auto& c : doc.pages.at(static_cast<std::size_t>(page - 1))) {
        std::string value = "seen";
        for (const auto& [key, v] : marks)
            if (key == c.key) value = v;
        out.emplace_back(chunk_id(c), value);
    }
    return out;
}

}  // namespace review_test
