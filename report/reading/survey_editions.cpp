// Which questions each edition of the survey asked: the survey text is kept
// in every answers file (surveys table), so a report needs no survey file.
#include <sqlite3.h>

#include <algorithm>
#include <cctype>

#include "symbols/matcher.hpp"
#include "survey/sqlite_statement.hpp"
#include "survey/survey_parser.hpp"
#include "report/reading/clean_text.hpp"
#include "report/reading/read_answers_file.hpp"

namespace easyread::report {

namespace {

using Definition = SurveyText;

void add_definition(std::vector<Definition>& defs, survey::Survey survey, const std::string& from) {
    for (const auto& d : defs)
        if (d.survey.version == survey.version && d.survey.hash == survey.hash) return;
    defs.push_back({std::move(survey), from});
}

survey::SurveyParseOptions parse_options(const LoadOptions& options, const symbols::Matcher* matcher) {
    survey::SurveyParseOptions po;
    po.matcher = matcher;
    po.bank = options.bank;
    return po;
}

void read_stored_surveys(const ReadOnlyAnswersFile& db, const std::string& survey_id, const survey::SurveyParseOptions& po,
                         std::vector<Definition>& defs) {
    if (!db.has_surveys_table()) return;
    survey::Statement st(db.handle(), "SELECT version, hash, source FROM surveys WHERE survey_id = ? ORDER BY version");
    st.bind(1, survey_id);
    while (st.step() == SQLITE_ROW) {
        SourceText src;
        src.path = db.path() + " (survey " + survey_id + " version " + std::to_string(st.integer(0)) + ")";
        src.text = clean_text(st.text(2));
        Diagnostics parse_diags;
        auto survey = survey::parse_survey(src, parse_diags, po);
        if (!survey) continue;  // unreadable text: another file or --survey-file may hold it
        // The stored hash names the file the kiosk ran, whatever the text parses to.
        survey->hash = clean_text(st.text(1));
        survey->version = static_cast<int>(st.integer(0));
        add_definition(defs, std::move(*survey), db.path());
    }
}

// Page-by-page questions become one question per page, as many pages as answered.
void expand_pages(Edition& e, std::uint32_t edition_index, const ResultSet& out) {
    survey::Survey& s = *e.survey;
    if (!s.has_page_questions()) return;
    static const std::vector<bool> none;
    const std::vector<bool>& used = edition_index < out.used_questions.size() ? out.used_questions[edition_index] : none;
    int pages = 1;
    for (const auto& q : s.questions) {
        if (!q.each_page) continue;
        for (std::uint32_t id = 0; id < used.size(); ++id)
            if (used[id]) pages = std::max(pages, page_number(out.question_ids[id], q.id));
    }
    survey::expand_document_pages(s, pages, e.document);
}

}  // namespace

int page_number(const std::string& answer_id, const std::string& id) {
    if (answer_id.size() <= id.size() + 1 || answer_id.compare(0, id.size(), id) != 0 || answer_id[id.size()] != '-')
        return 0;
    int n = 0;
    for (std::size_t i = id.size() + 1; i < answer_id.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(answer_id[i])) || n > 100000) return 0;
        n = n * 10 + (answer_id[i] - '0');
    }
    return n;
}

bool read_survey_texts(const LoadOptions& options, const ResultSet& out, std::vector<SurveyText>& defs,
                       Diagnostics& diags) {
    std::optional<symbols::Matcher> matcher;
    if (options.bank) matcher.emplace(*options.bank);
    auto po = parse_options(options, matcher ? &*matcher : nullptr);

    for (const auto& path : options.survey_files) {
        auto survey = survey::load_survey(path, diags, po);
        if (!survey) return false;
        if (survey->id != out.survey_id) {
            diags.warning(path, 0, 0, "other-survey",
                          "this is survey \"" + survey->id + "\", not \"" + out.survey_id + "\", so it is not used",
                          "Give the survey file whose front matter says id: " + out.survey_id + ".");
            continue;
        }
        add_definition(defs, std::move(*survey), path);
    }
    for (const auto& db : out.files) read_stored_surveys(db, out.survey_id, po, defs);
    return true;
}

const SurveyText* text_for(const std::vector<SurveyText>& texts, int version, const std::string& hash) {
    const SurveyText* found = nullptr;
    for (const auto& d : texts) {
        if (d.survey.version != version) continue;
        if (d.survey.hash == hash) return &d;
        if (hash.empty() && !found) found = &d;  // very old files kept no hash
    }
    return found;
}

bool define_editions(const std::vector<SurveyText>& defs, ResultSet& out, Diagnostics& diags) {
    bool ok = true;
    for (std::uint32_t i = 0; i < out.editions.size(); ++i) {
        Edition& e = out.editions[i];
        const SurveyText* found = text_for(defs, e.version, e.hash);
        if (!found) {
            ok = false;
            diags.error(out.inputs.empty() ? std::string() : out.inputs.front().path, 0, 0, "survey-text-missing",
                        "the answers of " + std::to_string(e.responses) + (e.responses == 1 ? " person" : " people") +
                            " are to version " + std::to_string(e.version) +
                            " of survey \"" + out.survey_id +
                            "\", but no file given holds that version's questions",
                        "Add the survey file the kiosk ran with --survey-file SURVEY.md, then run again.");
            continue;
        }
        e.survey = found->survey;
        e.defined_in = found->from;
        expand_pages(e, i, out);
    }
    return ok;
}

}  // namespace easyread::report
