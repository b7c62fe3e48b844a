#include "report/review_job.hpp"

#include "report/counting/review_results.hpp"
#include "report/outputs/review_marks.hpp"
#include "report/outputs/review_notes.hpp"
#include "report/outputs/review_report.hpp"
#include "report/outputs/sign_off_file.hpp"
#include "report/reading/review_answers.hpp"
#include "report/reading/reviewed_documents.hpp"
#include "report/report_job.hpp"
#include "base/text_util.hpp"
#include "generator/render/page_pictures.hpp"
#include "survey/survey.hpp"
#include "symbols/bank.hpp"

namespace easyread::report {

int run_review_results(const ReviewResultsRequest& request, std::string& out, Diagnostics& diags) {
    for (const auto& r : request.reports)
        if (!ends_with(r, ".pdf") && !ends_with(r, ".html") && !ends_with(r, ".htm")) {
            diags.error(r, 0, 0, "report-ending", "a review report ends in .pdf, .html or .htm",
                        "Name the report file, for example review.pdf.");
            return kExitUsage;
        }
    ReviewAnswers answers;
    if (!read_review_answers(request.answers, request.document, request.event, answers, diags)) return kExitInput;
    for (const auto& why : answers.incomplete) diags.warning(request.answers.front(), 0, 0, "incomplete", why);

    symbols::Bank bank;
    bank.load_bundled(diags);
    ReviewedDocuments documents;
    const std::string label = documents.add_current(request.document, bank, diags);
    const PagePictures* pages = label.empty() ? nullptr : documents.pages(label);
    if (!pages) {
        diags.error(request.document, 0, 0, "document-unreadable", "the reviewed document cannot be read or laid out",
                    "Give the document the review was made from (--document FILE.md).");
        return kExitInput;
    }
    std::vector<std::vector<PageChunk>> chunks;
    for (int n = 1; n <= pages->count(); ++n) chunks.push_back(pages->chunks(n));
    const ReviewResults results = review_results(answers, chunks, request.document, label);
    warn_about_match(results, diags);
    add_review_notes(results, pages->source_text(), diags);
    out = request.json ? review_json(results) : review_text(results);
    for (const auto& p : results.pages) documents.mark(label, p.page, page_marks(pages->laid_out(), p));
    for (const auto& r : request.reports)
        if (!write_review_report(results, r, bank, &documents, label, diags)) return kExitOutput;
    if (request.sign_off) {
        std::string written;
        if (!write_sign_off(results, request.answers, request.event, written, diags)) return kExitInput;
        if (!request.json) out += "\nSign-off written to " + written + "; easyread build puts it on the contact page.\n";
    }
    return kExitOk;
}

bool add_review_notes_for(const std::vector<std::string>& answers, const std::string& path, const std::string& source,
                          const LaidOutDocument& pages, Diagnostics& diags) {
    ReviewAnswers read;
    if (!read_review_answers(answers, path, {}, read, diags)) return false;
    std::vector<std::vector<PageChunk>> chunks;
    for (std::size_t n = 1; n <= pages.pages.size(); ++n) chunks.push_back(page_chunks(pages, static_cast<int>(n)));
    const ReviewResults results = review_results(read, chunks, path, survey::document_label(path, source));
    warn_about_match(results, diags);
    add_review_notes(results, source, diags);
    return true;
}

}  // namespace easyread::report
