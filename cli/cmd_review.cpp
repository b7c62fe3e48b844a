// easyread review: the co-production review of a document at the kiosk.
//   review make DOC.md [-o REVIEW.md]   the kiosk survey that shows the document chunk by chunk
//   review results ANSWERS.db --document DOC.md   what the reviewers said, at the document's lines
// Each action is its own function; cmd_review() only dispatches.
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

#include "base/source_text.hpp"
#include "cli/cli_output.hpp"
#include "cli/commands.hpp"
#include "generator/parse/attributes.hpp"
#include "generator/layout/layout_document.hpp"
#include "generator/render/page_pictures.hpp"
#include "report/review_job.hpp"
#include "survey/survey_parser.hpp"
#include "symbols/bank.hpp"

namespace easyread::cli {

namespace {

namespace fs = std::filesystem;

const char* kReviewHelp = R"(usage: easyread review make DOC.md [-o REVIEW.md]
       easyread review results ANSWERS.db --document DOC.md [options]

A review group checks an easy read document at the kiosk, page by page.

  make     writes a kiosk survey for DOC.md (default DOC-review.md beside it).
           The kiosk shows each page as printed, then each chunk of it with
           its words read aloud: people touch the words they do not
           understand and a picture that does not help, then answer "Is this
           page easy to understand?" with the faces, and may type a comment.
           Run it with: easyread-kiosk REVIEW.md
  results  what the reviewers said, from the kiosk's answers files: faces
           per page, the words and pictures they tapped, notes at the
           document's lines, a PDF or HTML report, and the sign-off for
           the contact page ('easyread review results --help')

Exit status: 0 made; 2 wrong command line; 3 the document cannot be read;
4 the survey file could not be written.
)";

constexpr int kExitInput = 3, kExitOutput = 4;

int review_make(int argc, char** argv) {
    std::string doc_path, output;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "-h" || a == "--help") {
            std::fputs(kReviewHelp, stdout);
            return 0;
        } else if ((a == "-o" || a == "--output") && i + 1 < argc) {
            output = argv[++i];
        } else if (!a.empty() && a[0] == '-') {
            return usage_error("review make", "unknown option '" + a + "' (or it needs a value)");
        } else if (doc_path.empty()) {
            doc_path = a;
        } else {
            return usage_error("review make", "give one document");
        }
    }
    if (doc_path.empty()) return usage_error("review make", "name the document to review (DOC.md)");
    const fs::path doc(doc_path);
    if (output.empty()) output = (doc.parent_path() / (doc.stem().string() + "-review.md")).string();
    if (output == doc_path) return usage_error("review make", "the survey cannot replace the document: give -o REVIEW.md");

    // Lay the document out as the kiosk will, so a document it cannot show fails here.
    Diagnostics diags;
    symbols::Bank bank;
    bank.load_bundled(diags);
    PagePictures pages;
    Diagnostics doc_diags;
    const bool loaded = pages.load(doc_path, bank, doc_diags);
    int doc_warnings = 0;
    for (const Diagnostic& d : doc_diags.items()) {
        if (d.severity == Severity::Error) diags.add(d);
        else if (d.severity == Severity::Warning) ++doc_warnings;
    }
    if (!loaded || pages.count() < 1) {
        if (loaded) diags.error(doc_path, 1, 1, "review-empty", "this document has no pages to review",
                                "Write the document's text first.");
        print_diagnostics(diags);
        return kExitInput;
    }
    int chunks = 0;
    for (int p = 1; p <= pages.count(); ++p) chunks += static_cast<int>(pages.chunks(p).size());
    if (chunks == 0) {
        diags.error(doc_path, 1, 1, "review-empty", "this document has no chunks of text to review",
                    "Write its text as paragraphs under headings, as for 'easyread build'.");
        print_diagnostics(diags);
        return kExitInput;
    }

    std::error_code ec;
    const fs::path out_dir = fs::absolute(fs::path(output)).parent_path();
    const std::string relative = fs::proximate(fs::absolute(doc), out_dir, ec).generic_string();
    std::string id = slugify(doc.stem().string());
    const std::string& title = pages.laid_out().title;
    const std::string text = survey::review_survey_text(id.empty() ? "document" : id,
                                                        ec ? fs::absolute(doc).string() : relative,
                                                        title == kUntitledTitle ? std::string() : title);

    // Answers are stored against the survey's text: never change a review file
    // that may already have answers.
    if (fs::exists(output)) {
        std::ifstream in(output, std::ios::binary);
        std::string old((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (old != text) {
            diags.error(output, 1, 1, "review-exists", "this file already exists and is not this review",
                        "Give another name with -o, or remove the file if no kiosk has used it.");
            print_diagnostics(diags);
            return kExitOutput;
        }
    }
    // The written survey must be one the kiosk runs.
    SourceText src;
    src.path = output;
    src.text = text;
    if (!survey::parse_survey(src, diags)) {
        print_diagnostics(diags);
        return kExitOutput;
    }
    const std::string temp = output + ".part";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << text;
        out.close();
        if (!out) {
            std::remove(temp.c_str());
            diags.error(output, 0, 0, "review-write", "cannot write the review survey here: " + std::string(std::strerror(errno)),
                        "Choose a folder you can write to with -o REVIEW.md.");
            print_diagnostics(diags);
            return kExitOutput;
        }
    }
    fs::rename(temp, output, ec);
    if (ec) {
        std::remove(temp.c_str());
        diags.error(output, 0, 0, "review-write", "cannot write the review survey here: " + ec.message(),
                    "Choose a folder you can write to with -o REVIEW.md.");
        print_diagnostics(diags);
        return kExitOutput;
    }
    print_diagnostics(diags);
    std::fprintf(stderr, "easyread: %s: a review of %s, %d pages, %d chunks. Run it with: easyread-kiosk %s\n",
                 output.c_str(), doc_path.c_str(), pages.count(), chunks, output.c_str());
    if (doc_warnings > 0)
        std::fprintf(stderr, "easyread: %s has %d easy read warnings; 'easyread check %s' lists them.\n",
                     doc_path.c_str(), doc_warnings, doc_path.c_str());
    return 0;
}

const char* kReviewResultsHelp = R"(usage: easyread review results ANSWERS.db [MORE.db...] --document DOC.md [options]

What a review group said about DOC.md, read from the kiosk answers files
(only read, never changed) and matched to the document as it is now by each
chunk's words and picture: a chunk changed since the review shows as
changed and never gets the old results.

Prints, per page, the faces people chose and, per chunk, the words and
pictures they tapped (how many people, of how many who saw it), hardest
first; then notes at the document's lines on standard error, as
'easyread check' prints them:
  DOC.md:14:5: note[reviewers-hard-word]: 4 of 6 reviewers did not understand "reablement"

  --document DOC.md   the document the review was made from (required)
  --report FILE       also write the report: .pdf or .html, each page's
                      picture beside what people tapped on it (repeatable)
  --json              print the results as JSON instead of words
  --event NAME        only the answers of this group (as typed at the kiosk)
  --sign-off          write DOC.sign-off beside the document: 'easyread
                      build' then prints "Checked by N people from the ...
                      group on DATE" on the contact page, for the pages
                      still as the reviewers saw them, counting every number
                      again from these answers files each time
  -h, --help          this help

Reviewers are counted, never named. Nothing leaves this computer.

Exit status: 0 done; 2 wrong command line; 3 an input cannot be used; 4 a
report could not be written.
)";

int review_results(int argc, char** argv) {
    report::ReviewResultsRequest req;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&](std::string& into) {
            if (i + 1 >= argc) return false;
            into = argv[++i];
            return true;
        };
        std::string v;
        if (a == "-h" || a == "--help") {
            std::fputs(kReviewResultsHelp, stdout);
            return 0;
        } else if (a == "--document") {
            if (!value(req.document)) return usage_error("review results", "--document needs the reviewed document");
        } else if (a == "--report" || a == "-o") {
            if (!value(v)) return usage_error("review results", a + " needs a .pdf or .html file name");
            req.reports.push_back(v);
        } else if (a == "--event") {
            if (!value(req.event)) return usage_error("review results", "--event needs the group's name");
        } else if (a == "--json") {
            req.json = true;
        } else if (a == "--sign-off") {
            req.sign_off = true;
        } else if (!a.empty() && a[0] == '-') {
            return usage_error("review results", "unknown option '" + a + "'");
        } else {
            req.answers.push_back(a);
        }
    }
    if (req.answers.empty()) return usage_error("review results", "name the review's answers file (.db)");
    if (req.document.empty()) return usage_error("review results", "name the reviewed document with --document DOC.md");
    std::string out;
    Diagnostics diags;
    const int status = report::run_review_results(req, out, diags);
    std::fputs(out.c_str(), stdout);
    std::fflush(stdout);
    print_diagnostics(diags);
    return status;
}

struct ReviewAction {
    const char* name;
    int (*run)(int, char**);
};

// One line per action.
const ReviewAction kReviewActions[] = {
    {"make", review_make},
    {"results", review_results},
};

}  // namespace

int cmd_review(int argc, char** argv) {
    if (argc >= 2)
        for (const auto& a : kReviewActions)
            if (std::strcmp(argv[1], a.name) == 0) return a.run(argc - 1, argv + 1);
    if (argc >= 2 && (std::strcmp(argv[1], "-h") == 0 || std::strcmp(argv[1], "--help") == 0)) {
        std::fputs(kReviewHelp, stdout);
        return 0;
    }
    return usage_error("review", argc < 2 ? "say what to do: make or results" : "unknown action '" + std::string(argv[1]) + "'");
}

}  // namespace easyread::cli
