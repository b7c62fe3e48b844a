#include "report/reading/survey_pages.hpp"

#include <climits>
#include <cstdlib>

#include "base/source_text.hpp"
#include "generator/pipeline.hpp"

namespace easyread::report {

bool expand_survey_pages(survey::Survey& survey, const symbols::Bank& bank, Diagnostics& diags,
                         const std::string& files_root) {
    if (!survey.has_page_questions()) return true;
    if (survey.document.empty()) {
        diags.error(survey.path, 0, 0, "no-document", "this survey asks about each page but names no document",
                    "Add \"document: FILE.md\" to the front matter.");
        return false;
    }
    std::string path = survey.document;
    std::size_t slash = survey.path.rfind('/');
    if (path[0] != '/' && slash != std::string::npos) path = survey.path.substr(0, slash + 1) + path;
    if (!files_root.empty()) {
        char real[PATH_MAX];
        const std::string r = ::realpath(path.c_str(), real) ? real : "";
        if (r.compare(0, files_root.size() + 1, files_root + "/") != 0) {
            diags.error(survey.path, 0, 0, "document-outside", "the document " + survey.document + " is not in this folder",
                        "Name an easy read document of the same folder on the \"document:\" line.");
            return false;
        }
    }
    Diagnostics doc_diags;
    PipelineOptions po;
    po.bank = &bank;
    po.files_root = files_root;
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
