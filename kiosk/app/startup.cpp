#include "kiosk/app/startup.hpp"

#include <cerrno>
#include <sys/stat.h>

#include "kiosk/core/survey_names.hpp"

namespace easyread::kiosk::ui {

namespace {

// mkdir -p for the database's folder (the default lives under ~/.local/share).
bool make_parent_dirs(const std::string& file, std::string& error) {
    std::size_t slash = file.rfind('/');
    if (slash == std::string::npos || slash == 0) return true;
    std::string dir = file.substr(0, slash);
    for (std::size_t i = 1; i <= dir.size(); ++i) {
        if (i != dir.size() && dir[i] != '/') continue;
        std::string part = dir.substr(0, i);
        if (mkdir(part.c_str(), 0755) != 0 && errno != EEXIST) {
            error = "cannot make the folder " + part + " for the answers database: choose another with --db";
            return false;
        }
    }
    return true;
}

}  // namespace

bool prepare_kiosk(const KioskOptions& options, KioskData& data, std::string& report) {
    Diagnostics diags;
    data.bank.load_bundled(diags);
    data.matcher = std::make_unique<symbols::Matcher>(data.bank);
    SurveyParseOptions parse;
    parse.matcher = data.matcher.get();
    parse.bank = &data.bank;
    std::optional<Survey> survey = load_survey(options.survey_path, diags, parse);
    if (survey && survey->has_page_questions() && !diags.has_errors()) {
        // Page questions are asked once per page of the survey's document.
        const std::string doc_path = document_path_for(survey->path, survey->document);
        if (survey->document.empty()) {
            diags.error(survey->path, 0, 0, "document-missing", "each=page questions need a document to show",
                        "add 'document: FILE.md' to the front matter, the easy read Markdown whose pages are asked about");
        } else if (Diagnostics doc_diags; !data.document.load(doc_path, data.bank, doc_diags)) {
            // The document's own easy read warnings are for its writer (easyread check), not for the kiosk.
            for (const Diagnostic& d : doc_diags.items())
                if (d.severity == Severity::Error) diags.add(d);
            diags.error(survey->path, 0, 0, "document-unreadable", "cannot lay out the document " + doc_path,
                        "check the 'document:' path; it is read relative to the survey's folder");
        } else if (!expand_document_pages(*survey, data.document.count(), data.document.label())) {
            diags.error(survey->path, 0, 0, "document-empty", "the document " + doc_path + " has no pages",
                        "write the document's text, or remove the each=page questions");
        } else if (survey->review) {
            // Its chunks were read aloud one by one: the page question does not read the page again.
            data.review_chunks = data.document.review_chunks();
        } else {
            for (Question& q : survey->questions)
                if (q.page > 0) q.page_words = data.document.words(q.page);
        }
    }
    if (!survey || diags.has_errors()) {
        report = diags.format_all();
        report += "easyread-kiosk: the survey has problems; fix them and start again.\n";
        return false;
    }
    data.survey = std::move(*survey);
    for (const Diagnostic& d : diags.items())
        if (d.severity == Severity::Warning) data.survey_warnings += format_diagnostic(d) + "\n";

    std::string error;
    if (!make_parent_dirs(options.db_path, error)) {
        report = diags.format_all() + "easyread-kiosk: " + error + "\n";
        return false;
    }
    data.store = std::make_unique<Store>(options.db_path);
    // An unusable database does not stop the kiosk: answers go to the recovery
    // file and staff see the problem in plain words on the staff screen.
    if (!data.store->check_survey(data.survey, diags)) {
        report = diags.format_all() + "easyread-kiosk: the survey cannot run with this database.\n";
        return false;
    }
    data.settings = load_settings(*data.store);
    if (options.event_given) {
        data.settings.event = options.event;
        save_event_name(*data.store, options.event);
    }
    report = diags.format_all();
    if (!data.store->ok())
        report += "easyread-kiosk: warning: " + data.store->status().words + " (" + data.store->status().detail + ")\n";
    return true;
}

}  // namespace easyread::kiosk::ui
