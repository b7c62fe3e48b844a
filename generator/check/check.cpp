#include "generator/check/check.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "symbols/bank.hpp"
#include "symbols/matcher.hpp"
#include "generator/check/check_context.hpp"
#include "generator/check/check_pictures.hpp"
#include "generator/lang/lexicon.hpp"
#include "generator/check/readability.hpp"

namespace easyread::check {

using lang::load_lexicon;

namespace {

// Without the real layout: a text chunk takes the height of its picture
// (about 3 lines) or its wrapped text, whichever is more, plus a gap;
// A4 at 16 pt holds about 28 lines in the text column, which is about
// 40 characters wide beside the pictures. Cover and contact pages add 2.
int estimate_pages(const TextView& view, double body_pt) {
    double scale = body_pt / 16.0;
    int chars_per_line = std::max(20, static_cast<int>(40 / scale));
    int lines_per_page = std::max(10, static_cast<int>(28 / scale));
    int lines = 0;
    for (const auto& b : view.blocks) {
        int text_lines = static_cast<int>((b.text.size() + static_cast<std::size_t>(chars_per_line) - 1) /
                                          static_cast<std::size_t>(chars_per_line));
        lines += b.kind == BlockKind::Heading ? 3 : std::max(3, text_lines) + 1;
    }
    return 2 + (lines + lines_per_page - 1) / lines_per_page;
}

std::string one_decimal(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

void check_length(const CheckContext& ctx, CheckReport& report) {
    const RuleSet& r = ctx.rules;
    FilePos whole{0, 0};
    if (r.max_words > 0 && report.words > r.max_words)
        ctx.report_at(whole, "document-words",
                      std::to_string(report.words) + " words (limit " + std::to_string(r.max_words) + ")",
                      "Split it into two or more documents, each about one thing.");
    if (r.max_pages > 0 && report.pages > r.max_pages)
        ctx.report_at(whole, "document-pages",
                      (report.pages_estimated ? "about " : "") + std::to_string(report.pages) + " pages" +
                          (report.pages_estimated ? " (estimated without laying it out)" : "") + " (limit " +
                          std::to_string(r.max_pages) + ")",
                      "Split it into two or more documents, each about one thing.");
    if (r.min_reading_ease > 0 && report.whole.words > 0 && report.whole.reading_ease < r.min_reading_ease)
        ctx.report_at(whole, "reading-ease",
                      "Flesch Reading Ease " + one_decimal(report.whole.reading_ease) + " (aim for " +
                          one_decimal(r.min_reading_ease) + " or more)",
                      "Use shorter sentences and everyday words; start with the paragraphs listed as hardest.");
    if (r.max_grade > 0 && report.whole.words > 0 && report.whole.grade > r.max_grade)
        ctx.report_at(whole, "reading-grade",
                      "Flesch-Kincaid grade " + one_decimal(report.whole.grade) + " (aim for " +
                          one_decimal(r.max_grade) + " or lower)",
                      "Use shorter sentences and words with fewer syllables.");
    // Only paragraphs that miss the rule set's own aims count as hard.
    auto hard = [&r](const Readability& s) {
        if (r.min_reading_ease <= 0 && r.max_grade <= 0) return true;
        return (r.min_reading_ease > 0 && s.reading_ease < r.min_reading_ease) ||
               (r.max_grade > 0 && s.grade > r.max_grade);
    };
    for (const auto& p : report.worst)
        if (hard(p.score)) ctx.note_at({p.line, p.column}, "hard-paragraph",
                    "Reading Ease " + one_decimal(p.score.reading_ease) + ", grade " + one_decimal(p.score.grade) +
                        ": " + p.excerpt,
                    "One of the hardest paragraphs to read: simplify it first.");
}

void measure(const CheckContext& ctx, CheckReport& report) {
    std::vector<ParagraphScore> scores;
    for (std::size_t b = 0; b < ctx.view.blocks.size(); ++b) {
        const TextBlock& block = ctx.view.blocks[b];
        const BlockWords& bw = ctx.words[b];
        report.words += static_cast<int>(bw.words.size());
        if (block.kind == BlockKind::Heading) continue;
        ++report.blocks;
        report.sentences += static_cast<int>(bw.sentences.size());
        add_block(report.whole, bw);
        if (bw.words.size() < 8) continue;  // too short to score fairly
        ParagraphScore p;
        p.line = block.at.line;
        p.column = block.at.column;
        p.excerpt = quote(block.text, 50);
        add_block(p.score, bw);
        scores.push_back(std::move(p));
    }
    std::stable_sort(scores.begin(), scores.end(), [](const ParagraphScore& a, const ParagraphScore& b) {
        return a.score.reading_ease < b.score.reading_ease;
    });
    if (scores.size() > 5) scores.resize(5);
    report.worst = std::move(scores);
}

// Problems at a place in the file first, in file order; then the ones about
// the whole document; then the notes naming the hardest paragraphs.
bool before(const Diagnostic& a, const Diagnostic& b) {
    auto rank = [](const Diagnostic& d) { return d.id == "hard-paragraph" ? 2 : d.line == 0 ? 1 : 0; };
    if (rank(a) != rank(b)) return rank(a) < rank(b);
    if (rank(a) == 2) return false;  // the hardest paragraphs stay hardest first
    if (a.line != b.line) return a.line < b.line;
    return a.column < b.column;
}

}  // namespace

CheckReport check_markdown(const SourceText& src, const ParsedMarkdown& md, const RuleSet& rules,
                           const CheckOptions& options, Diagnostics& diags) {
    CheckReport report;
    Lexicon loaded;
    const Lexicon* lexicon = options.lexicon;
    if (!lexicon) {
        load_lexicon(rules, loaded, diags);
        lexicon = &loaded;
    }
    TextView view = options.document ? TextView(*options.document) : collect_text(src, md);
    Diagnostics found;
    CheckContext ctx(src.path, md.meta, rules, *lexicon, view, found);
    check_sentences(ctx);
    check_words(ctx);
    check_terms(ctx);
    check_numbers(ctx);
    check_emphasis(ctx);
    check_front_matter(ctx);

    if (rules.enabled("missing-picture") || rules.enabled("picture-unrelated")) {
        symbols::Bank own;
        const symbols::Bank* bank = options.bank;
        if (!bank) {
            Diagnostics bank_diags;
            if (own.load_bundled(bank_diags)) bank = &own;
            else
                found.add({Severity::Note, src.path, 0, 0, "pictures",
                           "picture checks skipped: the picture bank could not be loaded", ""});
        }
        if (bank && options.matcher && options.bank == bank) {
            check_pictures(ctx, *bank, *options.matcher);
        } else if (bank) {
            symbols::Matcher matcher(*bank);
            check_pictures(ctx, *bank, matcher);
        }
    }

    measure(ctx, report);
    const int page_count = options.page_count_later.valid() ? options.page_count_later.get() : options.page_count;
    report.pages_estimated = page_count <= 0;
    report.pages = report.pages_estimated ? estimate_pages(view, rules.body_pt) : page_count;
    check_length(ctx, report);

    std::vector<Diagnostic> items = found.items();
    std::stable_sort(items.begin(), items.end(), before);
    for (auto& d : items) diags.add(std::move(d));
    return report;
}

void sort_by_line(std::vector<Diagnostic>& items) { std::stable_sort(items.begin(), items.end(), before); }

std::string summary_line(const CheckReport& report, const RuleSet& rules) {
    char buf[320];
    std::snprintf(buf, sizeof buf,
                  "%d words, %d sentences; Flesch Reading Ease %.1f, Flesch-Kincaid grade %.1f; %s%d pages%s; rules: %s",
                  report.words, report.sentences, report.whole.reading_ease, report.whole.grade,
                  report.pages_estimated ? "about " : "", report.pages,
                  report.pages_estimated ? " (estimated)" : "", rules.name.c_str());
    return buf;
}

}  // namespace easyread::check
