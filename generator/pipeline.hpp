// The one way through the generator, like a compiler's compile():
//   source --parse--> Markdown tree --model--> chunks --symbols--> chunks with
//   pictures --layout--> pages --render--> PDF | HTML | PNG
// with the easy read checks alongside. Every caller goes through here: the
// command line (build, check), the report's "You said", the kiosk's document
// pages, the tests and the fuzz target, so they cannot drift apart.
#pragma once
#include <future>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostics.hpp"
#include "base/source_text.hpp"
#include "generator/check/check.hpp"
#include "generator/lang/rule_set.hpp"
#include "generator/layout/pages.hpp"
#include "generator/model/assign_pictures.hpp"
#include "generator/model/document.hpp"
#include "generator/parse/markdown_front.hpp"
#include "generator/render/render_mp3.hpp"
#include "symbols/bank.hpp"

namespace easyread {

struct PipelineOptions {
    // The rule set (body size, layout rules and the checks); empty takes the
    // document's own (front matter "rules:"), else lang::kDefaultRuleSet.
    std::string rules;
    std::string page = "a4";                     // a4 or a5
    double font_size = 0;                        // body size in points; 0 takes the rule set's
    std::string font;                            // empty: Andika, else DejaVu Sans
    bool pictures = true;                        // some readers want pictures off
    // A loaded bank to share (the kiosk, the fuzz target); null loads the
    // bundled bank with `picture_dirs` on top.
    const symbols::Bank* bank = nullptr;
    std::vector<std::string> picture_dirs;
    bool layout = true;   // false stops after pictures (the checker given --pages)
    bool checks = false;  // run the easy read checks on a second thread alongside layout
    int page_count = 0;   // for the checks when layout is off; 0 estimates
    AudioOptions audio;   // the MP3 output's voice and speed; Listen buttons in HTML
    // When set, pictures and the logo a document names must lie inside this
    // folder (the studio's documents folder); others are left out with a warning.
    std::string files_root;
    // A review's sign-off (generator/layout/review_sign_off.hpp), printed on
    // the contact page for the pages still as reviewed; null for none.
    std::shared_ptr<const ReviewSignOff> sign_off;
};

// What the stages made. Kept in one place (never moved) because the checks
// read the source, the tree and the bank from their own thread.
struct Compiled {
    PipelineOptions options;
    SourceText src;
    ParsedMarkdown md;
    Document doc;
    PictureStats pictures;
    lang::RuleSet rule_set;
    LayoutOptions layout;
    LaidOutDocument pages;
    // True when the pages are laid out and every word of the document is on
    // one, in order, inside the printable area (verify_layout): every caller
    // draws only such pages.
    bool laid_out = false;
    // Layout ran but lost or misplaced words (a fault in easyread); the
    // "text-lost" errors name the chunks.
    bool words_lost = false;

    // Problems found reading and parsing the source (compile_file's too),
    // then those of the model, pictures and layout, then (after
    // finish_checks) the checks'.
    Diagnostics read_diags;
    Diagnostics build_diags;
    Diagnostics check_diags;
    check::CheckReport report;
    double check_seconds = 0;
    // The document said aloud: made once, for the MP3 and the HTML's Listen buttons.
    mutable std::shared_ptr<const DocumentSpeech> speech;

    const symbols::Bank& bank() const { return *bank_; }
    // Waits for the checks (when asked for) and returns their diagnostics.
    const Diagnostics& finish_checks();
    // Adds read_diags, build_diags, (once finished) check_diags and then
    // `outputs` (render_output's, for outputs drawn alongside the checks) to
    // `out`, in the order of the lines they name whichever stage found them.
    void add_diagnostics_to(Diagnostics& out, const Diagnostics& outputs = {}) const;
    ~Compiled();

private:
    friend std::unique_ptr<Compiled> compile(SourceText, const PipelineOptions&);
    std::unique_ptr<symbols::Bank> own_bank_;
    const symbols::Bank* bank_ = nullptr;
    std::promise<int> page_count_;
    bool page_count_given_ = false;
    std::future<void> checks_;
    void give_page_count(int count);
};

// Runs every stage up to pages and checks every word is on them. Never
// fails outright: look at `laid_out` and the diagnostics (an unknown rule set
// or page size is an error there).
std::unique_ptr<Compiled> compile(SourceText src, const PipelineOptions& options);

// The same, reading the file first (or standard input for "-"). Null, with
// the reason in `diags`, when the file cannot be read; else what reading it
// found (a Word file's left-out pictures) is in read_diags.
std::unique_ptr<Compiled> compile_file(const std::string& path, const PipelineOptions& options, Diagnostics& diags);

// The output formats, one row each: a file ending and what it makes. Every
// caller (build's checks and hints, the studio's export) reads this table.
struct OutputFormat {
    const char* ending;  // ".pdf"
    const char* what;    // "a tagged PDF"
};
const std::vector<OutputFormat>& output_formats();
// True when the file ending names one of the output formats.
bool is_output_format(const std::string& path);
// The endings in words, for messages: ".pdf, .html, .htm, .png, .docx, .odt or .mp3".
std::string output_endings_in_words();

// Writes one output of laid-out pages, its format chosen by the file ending
// (.pdf, .html/.htm, .png, .docx, .odt, .mp3). Every written file's name is appended to `written`.
bool render_output(const Compiled& c, const std::string& path, double dpi, std::vector<std::string>& written,
                   Diagnostics& diags);

}  // namespace easyread
