// easyread build: Markdown -> easy read PDF, HTML or PNG.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/stat.h>
#include <vector>

#include "../layout/fonts.hpp"
#include "../layout/layout_document.hpp"
#include "../model/assign_pictures.hpp"
#include "../model/build_document.hpp"
#include "../parse/markdown_front.hpp"
#include "../render/render.hpp"
#include "build_options.hpp"
#include "commands.hpp"

namespace easyread::cli {

namespace {

const char* kBuildHelp = R"(usage: easyread build INPUT.md [options]

Makes an easy read document from Markdown: a picture on the left of every
short chunk, large clear type, hard words explained, page numbers, a cover,
contents (for long documents), a "Hard words" page and a contact page.

  INPUT.md             the Markdown file; "-" reads standard input
  -o, --output PATH    OUT.pdf (tagged PDF), OUT.html (one accessible file),
                       OUT.png (one image per page: OUT-1.png, OUT-2.png, ...)
                       or a folder (writes NAME.pdf and NAME.html there).
                       Default: NAME.pdf and NAME.html in the current folder.
      --rules NAME     easy read rule set (default uk-easy-read)
      --page SIZE      a4 (default) or a5
      --font-size PT   body text size in points on paper (default from the rules: 16)
      --font FAMILY    font family (default Andika, else DejaVu Sans)
      --pictures DIR   your own pictures (SVG or PNG); they win over the bundled ones
      --no-pictures    leave pictures out (some readers prefer text only)
      --dpi N          resolution of PNG output (default 96)
  -v, --verbose        say what each stage did
  -h, --help           this help

Exit status:
  0  the document was made (warnings, if any, are on standard error)
  2  the command line was wrong
  3  the input could not be read (missing, not UTF-8, binary, too large)
  4  an output could not be written
)";

int usage_error(const std::string& msg) {
    std::fprintf(stderr, "easyread build: error: %s\nRun 'easyread build --help' for the options.\n", msg.c_str());
    return 2;
}

bool is_directory(const std::string& p) {
    struct stat st {};
    return stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::string stem_of(const std::string& input) {
    if (input == "-") return "document";
    std::string name = input.substr(input.rfind('/') == std::string::npos ? 0 : input.rfind('/') + 1);
    auto dot = name.rfind('.');
    return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

bool has_suffix(const std::string& s, const char* suffix) {
    std::size_t n = std::strlen(suffix);
    return s.size() >= n && strcasecmp(s.c_str() + s.size() - n, suffix) == 0;
}

void print_diagnostics(const Diagnostics& diags, std::size_t from) {
    for (std::size_t i = from; i < diags.items().size(); ++i)
        std::fprintf(stderr, "%s\n", format_diagnostic(diags.items()[i]).c_str());
}

}  // namespace

int cmd_build(int argc, char** argv) {
    BuildOptions o;
    std::string err;
    if (!parse_build_options(argc, argv, o, err)) return usage_error(err);
    if (o.help) {
        std::fputs(kBuildHelp, stdout);
        return 0;
    }
    const auto t0 = std::chrono::steady_clock::now();
    Diagnostics diags;

    // Outputs: decided before any work so a bad path fails fast.
    std::vector<std::string> outputs;
    std::string out = o.output.empty() ? std::string(".") : o.output;
    if (is_directory(out)) {
        outputs = {out + "/" + stem_of(o.input) + ".pdf", out + "/" + stem_of(o.input) + ".html"};
    } else if (has_suffix(out, ".pdf") || has_suffix(out, ".html") || has_suffix(out, ".htm") ||
               has_suffix(out, ".png")) {
        outputs = {out};
    } else {
        return usage_error("cannot tell the format of '" + out + "': end it in .pdf, .html or .png, or give a folder");
    }

    SourceText src;
    if (!load_source(o.input, src, diags)) {
        print_diagnostics(diags, 0);
        return 3;
    }
    ParsedMarkdown md = parse_markdown(src, diags);
    Document doc = build_document(md, diags);
    if (o.verbose) std::fprintf(stderr, "easyread: parsed %zu chunks\n", doc.blocks.size());
    if (doc.blocks.empty())
        diags.warning(src.path, 0, 0, "empty", "the document has no text, so only the cover and contact pages are made",
                      "Write the text under the front matter.");

    LayoutOptions lo;
    if (!apply_rules(o, lo, diags)) {
        print_diagnostics(diags, 0);
        return 2;
    }
    lo.font_family = choose_font_family(o.font, diags);

    symbols::Bank bank;
    bank.load_bundled(diags);
    for (const auto& dir : o.picture_dirs) bank.add_user_folder(dir, diags);
    PictureStats stats;
    if (lo.pictures) stats = assign_pictures(doc, bank, diags);
    if (o.verbose) std::fprintf(stderr, "easyread: %d pictures chosen from %zu in the bank\n", stats.chosen,
                                bank.pictures().size());

    auto stage = [&, last = t0, last_cpu = std::clock()](const char* what) mutable {
        auto now = std::chrono::steady_clock::now();
        std::clock_t cpu = std::clock();
        if (o.verbose)
            std::fprintf(stderr, "easyread: %s took %.3f s (%.3f s of processor time)\n", what,
                         std::chrono::duration<double>(now - last).count(),
                         static_cast<double>(cpu - last_cpu) / CLOCKS_PER_SEC);
        last = now;
        last_cpu = cpu;
    };
    stage("reading, parsing and choosing pictures");
    LaidOutDocument pages;
    if (!layout_document(doc, bank, lo, pages, diags)) {
        print_diagnostics(diags, 0);
        return 2;
    }
    stage("layout");
    run_document_checks(o, src, md, pages, bank, diags);
    stage("easy read checks");

    bool ok = true;
    std::vector<std::string> written;
    for (const auto& path : outputs) {
        if (has_suffix(path, ".pdf")) ok = render_pdf(pages, path, diags);
        else if (has_suffix(path, ".png")) ok = render_png(pages, path, o.dpi, written, diags);
        else ok = render_html(pages, path, diags);
        if (!ok) break;
        if (!has_suffix(path, ".png")) written.push_back(path);
        stage(path.c_str());
    }
    print_diagnostics(diags, 0);
    if (!ok) return 4;

    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::string names;
    for (std::size_t i = 0; i < written.size() && i < 3; ++i) names += (i ? ", " : "") + written[i];
    if (written.size() > 3) names += ", ...";
    std::fprintf(stderr, "easyread: %s: %zu pages, %d pictures chosen, %d missing, %d warnings, %.2f s\n",
                 names.c_str(), pages.pages.size(), stats.chosen, stats.missing, diags.count(Severity::Warning),
                 seconds);
    return 0;
}

}  // namespace easyread::cli
