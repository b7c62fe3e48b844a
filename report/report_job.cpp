#include "report/report_job.hpp"

#include <unistd.h>

#include <algorithm>

#include "symbols/bank.hpp"
#include "base/file_names.hpp"
#include "generator/render/output_file.hpp"
#include "report/outputs/actions_file.hpp"
#include "report/outputs/board_report.hpp"
#include "report/outputs/buffered_output.hpp"
#include "report/outputs/csv_json_exports.hpp"
#include "report/reading/reviewed_documents.hpp"
#include "report/counting/share_words.hpp"
#include "report/outputs/render_board_html.hpp"
#include "report/outputs/render_board_pdf.hpp"
#include "report/counting/tally.hpp"
#include "report/outputs/you_said.hpp"

namespace easyread::report {

namespace {

bool is_easy_read(OutputKind k) {
    return k == OutputKind::EasyReadPdf || k == OutputKind::EasyReadHtml || k == OutputKind::EasyReadMarkdown;
}

std::string folder_of(const std::string& path) {
    std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

// The documents people reviewed page by page, found by their stored label:
// the files given with --document first, then the survey's "document:" path
// beside each survey and answers file. A label found nowhere is a warning:
// the report is still right, only without pictures of those pages.
void find_reviewed_documents(const ReportRequest& request, const ResultSet& results, const symbols::Bank& bank,
                             ReviewedDocuments& pictures, Diagnostics& diags) {
    std::vector<std::string> wanted, relative;
    for (const auto& e : results.editions) {
        if (e.document.empty()) continue;
        if (std::find(wanted.begin(), wanted.end(), e.document) == wanted.end()) wanted.push_back(e.document);
        if (e.survey && !e.survey->document.empty()) relative.push_back(e.survey->document);
    }
    for (const auto& path : request.documents) {
        std::string label = pictures.add(path, wanted, bank);
        if (label.empty())
            diags.warning(path, 0, 0, "document-unreadable", "this document cannot be read or laid out, so its pages are not shown",
                          "Run easyread build on it to see why.");
        else if (std::find(wanted.begin(), wanted.end(), label) == wanted.end())
            diags.warning(path, 0, 0, "document-other-edition",
                          "this is " + label + ", which no one reviewed" +
                              (wanted.empty() ? std::string(": these answers are not about a document's pages")
                                              : "; people saw " + join_words(wanted)),
                          "Give the file as it was when people saw it: a changed file is a new edition.");
    }
    // Each candidate file is laid out once, however many editions and folders name it.
    std::vector<std::string> folders, candidates;
    for (const auto& f : request.survey_files) folders.push_back(folder_of(f));
    for (const auto& f : request.inputs) folders.push_back(folder_of(f));
    for (const auto& doc : relative)
        for (const auto& folder : folders) {
            const std::string path = doc[0] == '/' ? doc : folder + doc;
            if (std::find(candidates.begin(), candidates.end(), path) == candidates.end() &&
                access(path.c_str(), R_OK) == 0)
                candidates.push_back(path);
        }
    for (const auto& path : candidates) pictures.add(path, wanted, bank);
    for (const auto& label : wanted)
        if (!pictures.has(label))
            diags.warning(request.inputs.front(), 0, 0, "document-not-found",
                          "the board report shows no pictures of the pages of " + label +
                              ", because that edition of the document was not found",
                          "Give it with --document FILE.md, as it was when people saw it.");
}

std::vector<std::string> question_ids(const Tally& t) {
    std::vector<std::string> ids;
    for (const auto& q : t.questions) ids.push_back(q.id);
    return ids;
}

}  // namespace

bool plan_outputs(const std::vector<std::string>& names, bool easy_read, bool with_actions,
                  std::vector<OutputRequest>& out, std::string& error) {
    for (const auto& n : names) {
        if (is_directory(n)) {
            const std::string easy = n + "/" + (with_actions ? "you-said-we-did" : "you-said");
            out.push_back({OutputKind::BoardPdf, n + "/board-report.pdf"});
            out.push_back({OutputKind::BoardHtml, n + "/board-report.html"});
            out.push_back({OutputKind::EasyReadPdf, easy + ".pdf"});
            out.push_back({OutputKind::EasyReadHtml, easy + ".html"});
            out.push_back({OutputKind::EasyReadMarkdown, easy + ".md"});
            out.push_back({OutputKind::Csv, n + "/answers.csv"});
            out.push_back({OutputKind::Json, n + "/answers.json"});
        } else if (has_ending(n, ".pdf")) {
            out.push_back({easy_read ? OutputKind::EasyReadPdf : OutputKind::BoardPdf, n});
        } else if (has_ending(n, ".html") || has_ending(n, ".htm")) {
            out.push_back({easy_read ? OutputKind::EasyReadHtml : OutputKind::BoardHtml, n});
        } else if (has_ending(n, ".md")) {
            out.push_back({OutputKind::EasyReadMarkdown, n});
        } else if (has_ending(n, ".csv")) {
            out.push_back({OutputKind::Csv, n});
        } else if (has_ending(n, ".json")) {
            out.push_back({OutputKind::Json, n});
        } else {
            error = "cannot tell what to make from '" + n +
                    "': end it in .pdf, .html, .md, .csv or .json, or give a folder that exists";
            return false;
        }
    }
    if (out.empty()) {
        error = "say what to make with -o, for example -o board-report.pdf";
        return false;
    }
    return true;
}

int run_report(const ReportRequest& request, Diagnostics& diags, std::string& summary) {
    if (request.unmasked)
        for (const auto& o : request.outputs)
            if (o.kind != OutputKind::Csv) {
                diags.error(o.path, 0, 0, "unmasked-not-csv",
                            "--unmasked writes comments as people typed them, so it makes only .csv files",
                            "Make this output in another run without --unmasked; there names, addresses and "
                            "phone numbers are hidden.");
                return kExitUsage;
            }
    symbols::Bank bank;
    bank.load_bundled(diags);
    LoadOptions load;
    load.filter = request.filter;
    load.survey_files = request.survey_files;
    load.bank = &bank;
    load.count_tables = request.count_tables;
    // The CSV lists answers as stored: only the other outputs need them counted
    // first; a CSV alone is counted as it is written (one pass over the answers).
    bool need_tally = !request.actions_path.empty();
    for (const auto& o : request.outputs) need_tally = need_tally || o.kind != OutputKind::Csv;
    load.count = need_tally || request.outputs.size() != 1;
    // A CSV alone is written while every page is checked: it is kept only if the check passes.
    load.defer_page_check = !load.count;
    ResultSet results;
    if (!load_results(request.inputs, load, results, diags)) return kExitInput;
    for (auto& in : results.inputs)
        for (std::size_t k = 0; k < request.input_names.size() && k < request.inputs.size(); ++k)
            if (in.path == request.inputs[k] && !request.input_names[k].empty()) in.path = request.input_names[k];
    Tally tally = need_tally ? tally_results(results) : Tally{};

    ActionsFile actions;
    const bool with_actions = !request.actions_path.empty();
    if (with_actions && !load_actions(request.actions_path, question_ids(tally), actions, diags)) return kExitInput;

    bool need_board = false, need_easy = false;
    for (const auto& o : request.outputs) {
        need_board = need_board || o.kind == OutputKind::BoardPdf || o.kind == OutputKind::BoardHtml;
        need_easy = need_easy || is_easy_read(o.kind);
    }
    BoardReport board;
    ReviewedDocuments pictures;
    if (need_board) {
        board = build_board_report(results, tally, with_actions ? &actions : nullptr);
        find_reviewed_documents(request, results, bank, pictures, diags);
    }
    std::string markdown;
    if (need_easy) markdown = you_said_markdown(results, tally, with_actions ? &actions : nullptr);

    // All the outputs or none: every folder is checked before anything is
    // made, and a failure takes away what was made and puts back what it replaced.
    CsvCounts written;
    OutputBatch batch;
    std::vector<std::string> all_paths, made;
    for (const auto& o : request.outputs) all_paths.push_back(o.path);
    if (!batch.check_destinations(all_paths, diags)) return kExitOutput;
    for (const auto& path : all_paths) batch.keep(path);
    auto fail = [&] {
        batch.roll_back(made);
        return written.input_error ? kExitInput : kExitOutput;
    };
    std::vector<std::string> easy_outputs;
    for (const auto& o : request.outputs) {
        bool ok = true;
        switch (o.kind) {
        case OutputKind::BoardPdf: ok = render_board_pdf(board, bank, o.path, diags, &pictures); break;
        case OutputKind::BoardHtml: ok = render_board_html(board, bank, o.path, diags, &pictures); break;
        case OutputKind::EasyReadPdf:
        case OutputKind::EasyReadHtml: easy_outputs.push_back(o.path); break;
        case OutputKind::EasyReadMarkdown: {
            BufferedOutput file(o.path);
            ok = file.open(diags);
            if (ok) {
                file.buffer() = markdown;
                ok = file.finish(diags);
            }
            break;
        }
        case OutputKind::Csv:
            ok = write_csv(results, o.path, diags, request.unmasked, &written);
            if (ok && request.unmasked)
                diags.warning(o.path, 0, 0, "unmasked",
                              "this file holds comments as people typed them: names, addresses, phone numbers "
                              "and other personal details are NOT hidden",
                              "Keep it only where safeguarding records are kept. Do not share it, email it or "
                              "print it for the board; delete it when it is no longer needed.");
            break;
        case OutputKind::Json: ok = write_json(results, tally, o.path, diags); break;
        }
        if (!ok) return fail();
        if (!is_easy_read(o.kind) || o.kind == OutputKind::EasyReadMarkdown) made.push_back(o.path);
    }
    if (!easy_outputs.empty() && !render_easy_read(markdown, "you-said.md", bank, easy_outputs, diags)) {
        made.insert(made.end(), easy_outputs.begin(), easy_outputs.end());  // those it made before it failed
        return fail();
    }

    // Said once the outputs are made: a CSV alone may only now know its files are undamaged.
    for (const auto& why : results.incomplete)
        diags.warning(request.inputs.front(), 0, 0, "not-complete", why,
                      "Every output says it is not complete; a CSV cannot, so tell whoever opens it.");
    std::vector<std::string> names;
    for (const auto& o : request.outputs) names.push_back(o.path);
    summary = join_words(names) + ": ";
    if (need_tally) {
        std::size_t events = 0;  // with --event, only that event
        for (const auto& e : tally.events) events += e.selected ? 1 : 0;
        summary += number_words(tally.responses) + (tally.responses == 1 ? " person, " : " people, ") +
                   std::to_string(events) + (events == 1 ? " event, " : " events, ") +
                   std::to_string(tally.questions.size()) + (tally.questions.size() == 1 ? " question, " : " questions, ") +
                   number_words(tally.comment_count) + (tally.comment_count == 1 ? " comment" : " comments");
    } else {
        const long people = written.people, answers = written.answers;
        summary += number_words(people) + (people == 1 ? " person, " : " people, ") + number_words(answers) +
                   (answers == 1 ? " answer" : " answers");
    }
    if (!results.incomplete.empty()) summary += " (not complete: " + results.incomplete.front() + ")";
    return kExitOk;
}

}  // namespace easyread::report
