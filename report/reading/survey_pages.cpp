#include "report/reading/survey_pages.hpp"

#include "base/source_text.hpp"
#include "generator/pipeline.hpp"

namespace easyread::report {

bool expand_survey_pages(survey::Survey& survey, const symbols::Bank& bank, Diagnostics& diags) {
    if (!survey.has_page_questions()) return true;
    if (survey.document.empty()) {
        diags.error(survey.path, 0, 0, "no-document", "this survey asks about each page but names no document",
                    "Add \"document: FILE.md\" to the front matter.");
        return false;
    }
    std::string path = survey.document;
    std::size_t slash = survey.path.rfind('/');
    if (path[0] != '/' && slash != std::string::npos) path = survey.path.substr(0, slash + 1) + path;
    Diagnostics doc_diags;
    PipelineOptions po;
    po.bank = &bank;
    auto c = compile_file(path, po, doc_diags);
    if (!c) {
        diags.error(survey.path, 0, 0, "document-missing", "the document " + path + " cannot be read",
                    "Check the \"document:\" line names the easy read document, relative to the survey file.");
        return false;
    }
    // The same stages as `easyread build`, so the pages are the ones people see.
    if (!c->laid_out) {
        diags.error(path, 0, 0, "document-layout", "this document cannot be laid out", "Run easyread build on it to see why.");
        return false;
    }
    return survey::expand_document_pages(survey, static_cast<int>(c->pages.pages.size()),
                                        survey::document_label(path, c->src.text));
}

}  // namespace easyread::report
