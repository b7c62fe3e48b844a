#include "report/survey_pages.hpp"

#include "base/source_text.hpp"
#include "report/you_said.hpp"

namespace easyread::report {

bool expand_survey_pages(kiosk::Survey& survey, const symbols::Bank& bank, Diagnostics& diags) {
    if (!survey.has_page_questions()) return true;
    if (survey.document.empty()) {
        diags.error(survey.path, 0, 0, "no-document", "this survey asks about each page but names no document",
                    "Add \"document: FILE.md\" to the front matter.");
        return false;
    }
    std::string path = survey.document;
    std::size_t slash = survey.path.rfind('/');
    if (path[0] != '/' && slash != std::string::npos) path = survey.path.substr(0, slash + 1) + path;
    SourceText src;
    Diagnostics doc_diags;
    if (!load_source(path, src, doc_diags)) {
        diags.error(survey.path, 0, 0, "document-missing", "the document " + path + " cannot be read",
                    "Check the \"document:\" line names the easy read document, relative to the survey file.");
        return false;
    }
    // The same stages as `easyread build`, so the pages are the ones people see.
    LaidOutDocument pages;
    if (!layout_easy_read(src, bank, pages, doc_diags)) {
        diags.error(path, 0, 0, "document-layout", "this document cannot be laid out", "Run easyread build on it to see why.");
        return false;
    }
    std::string name = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
    return kiosk::expand_document_pages(survey, static_cast<int>(pages.pages.size()),
                                        name + " " + kiosk::content_hash(src.text).substr(0, 8));
}

}  // namespace easyread::report
