#include "generator/pipeline.hpp"

#include <chrono>

#include "base/file_names.hpp"
#include "generator/layout/fonts.hpp"
#include "generator/layout/layout_document.hpp"
#include "generator/layout/verify_layout.hpp"
#include "generator/model/build_document.hpp"
#include "generator/model/confine_files.hpp"
#include "generator/model/sentence_lines.hpp"
#include "generator/parse/office_reader.hpp"
#include "generator/render/html_listen.hpp"
#include "generator/render/render.hpp"

namespace easyread {

namespace {

void run_checks(Compiled& c, std::shared_future<int> pages_later) {
    const auto start = std::chrono::steady_clock::now();
    check::CheckOptions co;
    if (c.options.layout) co.page_count_later = std::move(pages_later);
    else co.page_count = c.options.page_count;
    co.bank = &c.bank();  // the same bank, with the user's own pictures
    co.document = &c.doc;  // its text as written; the layout reads only the chunks
    lang::RuleSet rules = c.rule_set;
    if (!c.options.pictures) rules.pictures_required = false;
    c.report = check::check_markdown(c.src, c.md, rules, co, c.check_diags);
    c.check_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// A Word or OpenDocument source: diagnostics name its paragraphs, not the
// lines of the Markdown made from it.
std::unique_ptr<Compiled> with_paragraphs(std::unique_ptr<Compiled> c) {
    office::map_to_paragraphs(c->src, c->read_diags);
    office::map_to_paragraphs(c->src, c->build_diags);
    return c;
}

}  // namespace

void Compiled::give_page_count(int count) {
    if (page_count_given_) return;
    page_count_.set_value(count);
    page_count_given_ = true;
}

const Diagnostics& Compiled::finish_checks() {
    give_page_count(static_cast<int>(pages.pages.size()));
    if (checks_.valid()) {
        checks_.get();
        // A Word or OpenDocument source: lines become its paragraphs.
        office::map_to_paragraphs(src, check_diags);
    }
    return check_diags;
}

void Compiled::add_diagnostics_to(Diagnostics& out, const Diagnostics& outputs) const {
    std::vector<Diagnostic> items;
    for (const auto* part : {&read_diags, &build_diags, &check_diags, &outputs})
        items.insert(items.end(), part->items().begin(), part->items().end());
    check::sort_by_line(items);
    for (auto& d : items) out.add(std::move(d));
}

Compiled::~Compiled() {
    // However the caller leaves, the checks get a page count and end before
    // the data they read goes away.
    give_page_count(0);
    if (checks_.valid()) checks_.wait();
}

std::unique_ptr<Compiled> compile(SourceText src, const PipelineOptions& options) {
    auto c = std::make_unique<Compiled>();
    c->options = options;
    c->src = std::move(src);
    c->md = parse_markdown(c->src, c->read_diags);

    // A document may name the standard it follows, so every tool (build,
    // check, the studio) lays it out and checks it the same way.
    const std::string rules = !options.rules.empty() ? options.rules : c->md.meta.get("rules", lang::kDefaultRuleSet);
    const bool rules_ok = lang::load_rule_set(rules, c->rule_set, c->read_diags);
    if (options.bank) {
        c->bank_ = options.bank;
    } else {
        c->own_bank_ = std::make_unique<symbols::Bank>();
        c->own_bank_->load_bundled(c->build_diags);
        for (const auto& dir : options.picture_dirs) c->own_bank_->add_user_folder(dir, c->build_diags);
        c->bank_ = c->own_bank_.get();
    }
    if (!rules_ok) return with_paragraphs(std::move(c));

    c->doc = build_document(c->src, c->md, c->build_diags);
    // A standard that puts every sentence on a new line shapes the chunks
    // themselves, so every output (PDF, HTML, Word, the studio) follows it.
    if (c->rule_set.lists_layout("sentence-new-line")) put_sentences_on_lines(c->doc);
    if (!options.files_root.empty()) confine_files(c->doc, options.files_root, c->build_diags);
    if (c->doc.blocks.empty())
        c->build_diags.warning(c->src.path, 0, 0, "empty",
                               "the document has no text, so only the cover and contact pages are made",
                               "Write the text under the front matter.");
    // The checks read only the source, the bank and, at their very end, the
    // page count, so they run on a second processor while pictures are
    // chosen, pages laid out and the outputs drawn.
    if (options.checks) {
        Compiled* raw = c.get();
        c->checks_ = std::async(std::launch::async,
                                [raw, later = c->page_count_.get_future().share()] { run_checks(*raw, later); });
    }
    c->layout.page = options.page;
    c->layout.body_pt = options.font_size > 0 ? options.font_size : c->rule_set.body_pt;
    c->layout.min_text_pt = c->rule_set.min_body_pt;
    c->layout.keep_sentences = c->rule_set.lists_layout("no-split-sentence");
    c->layout.pictures = options.pictures;
    c->layout.sign_off = options.sign_off;
    if (options.pictures) c->pictures = assign_pictures(c->doc, c->bank(), c->build_diags);
    if (!options.layout) return with_paragraphs(std::move(c));

    c->layout.font_family = choose_font_family(options.font, c->build_diags);
    c->laid_out = layout_document(c->doc, c->bank(), c->layout, c->pages, c->build_diags);
    // The guarantee: every word is on a page, inside the printable area.
    if (c->laid_out && !verify_layout(c->doc, c->pages, c->build_diags)) {
        c->laid_out = false;
        c->words_lost = true;
    }
    c->give_page_count(static_cast<int>(c->pages.pages.size()));
    return with_paragraphs(std::move(c));
}

std::unique_ptr<Compiled> compile_file(const std::string& path, const PipelineOptions& options, Diagnostics& diags) {
    SourceText src;
    Diagnostics read;
    // Word (.docx) and OpenDocument (.odt) files are read as Markdown.
    if (!office::load_document_source(path, src, read)) {
        for (const auto& d : read.items()) diags.add(d);
        return nullptr;
    }
    auto c = compile(std::move(src), options);
    // What reading found comes first, as if parsing had found it.
    for (const auto& d : c->read_diags.items()) read.add(d);
    c->read_diags = std::move(read);
    return c;
}

const std::vector<OutputFormat>& output_formats() {
    static const std::vector<OutputFormat> formats = {
        {".pdf", "a tagged PDF"},
        {".html", "one accessible HTML file"},
        {".htm", "one accessible HTML file"},
        {".png", "a PNG picture of each page"},
        {".docx", "an editable Word file"},
        {".odt", "an editable OpenDocument file"},
        {".mp3", "the document read aloud"},
    };
    return formats;
}

bool is_output_format(const std::string& path) {
    for (const auto& f : output_formats())
        if (has_ending(path, f.ending)) return true;
    return false;
}

std::string output_endings_in_words() {
    const auto& formats = output_formats();
    std::string words;
    for (std::size_t i = 0; i < formats.size(); ++i)
        words += std::string(i == 0 ? "" : i + 1 == formats.size() ? " or " : ", ") + formats[i].ending;
    return words;
}

bool render_output(const Compiled& c, const std::string& path, double dpi, std::vector<std::string>& written,
                   Diagnostics& diags) {
    if (has_ending(path, ".png")) return render_png(c.pages, path, dpi, written, diags);
    const bool html = has_ending(path, ".html") || has_ending(path, ".htm");
    if (has_ending(path, ".mp3") || (html && c.options.audio.listen_buttons)) {
        if (!c.speech) {
            auto said = std::make_shared<DocumentSpeech>();
            if (!speak_document(c.pages, c.doc, c.options.audio, *said, diags, path)) return false;
            c.speech = said;
        }
        if (html) return render_listen_html(c.pages, *c.speech, path, written, diags);
        const bool ok = render_mp3(c.pages, c.doc, *c.speech, path, diags);
        if (ok) written.push_back(path);
        return ok;
    }
    bool ok = false;
    if (has_ending(path, ".docx")) ok = render_docx(c.pages, c.doc.meta, path, diags);
    else if (has_ending(path, ".odt")) ok = render_odt(c.pages, c.doc.meta, path, diags);
    else ok = has_ending(path, ".pdf") ? render_pdf(c.pages, path, diags) : render_html(c.pages, path, diags);
    if (ok) written.push_back(path);
    return ok;
}

}  // namespace easyread
