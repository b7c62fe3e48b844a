// easyread build: Markdown -> easy read PDF, HTML or PNG.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "base/file_names.hpp"
#include "generator/pipeline.hpp"
#include "generator/render/output_file.hpp"
#include "cli/build_options.hpp"
#include "cli/cli_output.hpp"
#include "cli/commands.hpp"
#include "report/outputs/sign_off_file.hpp"

namespace easyread::cli {

namespace {

const char* kBuildHelp = R"(usage: easyread build INPUT.md [options]

Makes an easy read document from Markdown (or a Word .docx or OpenDocument
.odt file): a picture on the left of every short chunk, large clear type, hard
words explained, page numbers, a cover, contents (for long documents), a
"Hard words" page and a contact page. A review group's sign-off beside the
document (INPUT.sign-off, from 'easyread review results --sign-off') adds
"Checked by ..." to the contact page, for the pages still as they checked them.

  INPUT.md             the Markdown file; "-" reads standard input; or INPUT.docx, INPUT.odt
  -o, --output PATH    OUT.pdf (tagged PDF), OUT.html (one accessible file),
                       OUT.png (one image per page: OUT-1.png, OUT-2.png, ...),
                       OUT.docx (Word) or OUT.odt (OpenDocument), both made to be edited,
                       or a folder (writes NAME.pdf and NAME.html there);
                       give -o more than once for several (one layout for all).
                       Default: NAME.pdf and NAME.html in the current folder.
      --rules NAME     easy read rule set (default: the front matter's "rules:", else uk-easy-read)
      --page SIZE      a4 (default) or a5
      --font-size PT   body text size in points on paper (default from the rules: 16)
      --font FAMILY    font family (default Andika, else DejaVu Sans)
      --pictures DIR   your own pictures (SVG or PNG); they win over the bundled ones
      --no-pictures    leave pictures out (some readers prefer text only)
      --dpi N          resolution of PNG output (default 96)
      --audio          also NAME.mp3 (the document read aloud) in a folder output,
                       and a Listen button on every chunk of the HTML
      -o OUT.mp3       the document read aloud, with a chapter per section
      --voice NAME     espeak-ng voice for the audio (default: from the document's lang)
      --words-per-minute N  speed of the audio (default 140)
  -v, --verbose        say what each stage did
  -h, --help           this help

Exit status:
  0  the document was made (warnings, if any, are on standard error)
  2  the command line was wrong
  3  the input could not be read (missing, not UTF-8, binary, too large)
  4  an output could not be written
  5  text would be lost: after layout some words of the Markdown are not on
     a page, or run outside the printable area; nothing is written (a fault
     in easyread: please report it with the Markdown file)
)";

std::string stem_of(const std::string& input) {
    if (input == "-") return "document";
    std::string name = input.substr(input.rfind('/') == std::string::npos ? 0 : input.rfind('/') + 1);
    auto dot = name.rfind('.');
    return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

}  // namespace

int cmd_build(int argc, char** argv) {
    BuildOptions o;
    std::string err;
    if (!parse_build_options(argc, argv, o, err)) return usage_error("build", err);
    if (o.help) {
        std::fputs(kBuildHelp, stdout);
        return 0;
    }
    const auto t0 = std::chrono::steady_clock::now();
    const std::clock_t c0 = std::clock();
    Diagnostics diags;

    // Outputs: decided before any work so a bad path fails fast.
    std::vector<std::string> outputs;
    for (const std::string& out : o.outputs.empty() ? std::vector<std::string>{"."} : o.outputs) {
        if (is_directory(out)) {
            const std::string base = out + (out.back() == '/' ? "" : "/") + stem_of(o.input);
            outputs.push_back(base + ".pdf");
            outputs.push_back(base + ".html");
            if (o.audio) outputs.push_back(base + ".mp3");
        } else if (is_output_format(out)) {
            outputs.push_back(out);
        } else if (out.back() == '/') {
            diags.error(out, 0, 0, "cannot-write", "the folder does not exist",
                        "Make it first, or name a file ending in " + output_endings_in_words() + ".");
            print_diagnostics(diags);
            return 4;
        } else {
            return usage_error("build", "cannot tell the format of '" + out +
                                            "': end it in " + output_endings_in_words() + ", or give a folder");
        }
    }
    // All the outputs or none: every folder is checked before anything is made.
    OutputBatch batch;
    if (!batch.check_destinations(outputs, diags)) {
        print_diagnostics(diags);
        return 4;
    }

    auto stage = [&, last = t0, last_cpu = c0](const char* what) mutable {
        auto now = std::chrono::steady_clock::now();
        std::clock_t cpu = std::clock();
        if (o.verbose)
            std::fprintf(stderr, "easyread: %s took %.3f s (%.3f s of processor time)\n", what,
                         std::chrono::duration<double>(now - last).count(),
                         static_cast<double>(cpu - last_cpu) / CLOCKS_PER_SEC);
        last = now;
        last_cpu = cpu;
    };
    PipelineOptions po = o.pipeline;
    po.checks = true;
    po.audio.listen_buttons = o.audio;
    po.audio.progress = true;
    // A review's sign-off beside the document, its numbers counted again from the review's answers.
    if (o.input != "-") po.sign_off = report::load_sign_off(o.input, diags);
    auto c = compile_file(o.input, po, diags);
    if (!c) {
        print_diagnostics(diags, o.verbose);
        return 3;
    }
    if (o.verbose) {
        std::fprintf(stderr, "easyread: parsed %zu chunks\n", c->doc.blocks.size());
        std::fprintf(stderr, "easyread: %d pictures chosen from %zu in the bank\n", c->pictures.chosen,
                     c->bank().pictures().size());
    }
    stage("reading, parsing, choosing pictures, layout and checking every word is on a page");
    if (!c->laid_out) {
        c->finish_checks();
        c->add_diagnostics_to(diags);
        print_diagnostics(diags, o.verbose);
        return c->words_lost ? 5 : 2;
    }

    Diagnostics render_diags;
    bool ok = true;
    std::vector<std::string> written;
    for (const auto& path : outputs) {
        batch.keep(path);
        ok = render_output(*c, path, o.dpi, written, render_diags);
        if (!ok) break;
        stage(path.c_str());
    }
    if (!ok) {
        // The outputs already made go again, and the files they replaced come back.
        batch.roll_back(written);
    }
    c->finish_checks();
    if (o.verbose)
        std::fprintf(stderr, "easyread: easy read checks took %.3f s, alongside the outputs\n", c->check_seconds);
    c->add_diagnostics_to(diags, render_diags);
    print_diagnostics(diags, o.verbose);
    if (!ok) {
        std::fprintf(stderr, "easyread: nothing was written%s\n",
                     written.empty() ? "" : ": the outputs already made were taken away, and any files they replaced put back");
        return 4;
    }

    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::string names;
    for (std::size_t i = 0; i < written.size() && i < 3; ++i) names += (i ? ", " : "") + written[i];
    if (written.size() > 3) names += ", ...";
    const int notes = diags.count(Severity::Note);
    std::string hidden;
    if (notes > 0 && !o.verbose)
        hidden = ", " + std::to_string(notes) + (notes == 1 ? " note" : " notes") + " (--verbose shows them)";
    std::fprintf(stderr, "easyread: %s: %zu pages, %d pictures chosen, %d missing, %d warnings%s, %.2f s\n",
                 names.c_str(), c->pages.pages.size(), c->pictures.chosen, c->pictures.missing,
                 diags.count(Severity::Warning), hidden.c_str(), seconds);
    return 0;
}

}  // namespace easyread::cli
