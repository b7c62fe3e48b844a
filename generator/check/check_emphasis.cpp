// Emphasis and alignment easy read does not use: italics, underline,
// ALL CAPS, justified or centred text.
#include <unordered_set>

#include "generator/check/check_context.hpp"
#include "generator/lang/data_file.hpp"

namespace easyread::check {

namespace {

bool contains(const std::string& hay, const char* needle) { return hay.find(needle) != std::string::npos; }

bool underline_html(const std::string& lower_html) {
    return contains(lower_html, "<u>") || contains(lower_html, "<u ") || contains(lower_html, "<ins") ||
           contains(lower_html, "underline");
}

// "center", "centre", "justify", "justified" in an alignment request.
std::string alignment_in(const std::string& lower) {
    if (contains(lower, "justif")) return "justified";
    if (contains(lower, "center") || contains(lower, "centre")) return "centred";
    return "";
}

std::string alignment_in_html(const std::string& lower_html) {
    if (contains(lower_html, "<center")) return "centred";
    if (contains(lower_html, "align")) return alignment_in(lower_html);
    return "";
}

const char* kAlignHint = "Keep all text left aligned with a ragged right edge; the layout does this for you.";

void check_html(const CheckContext& ctx, const RawHtml& h) {
    if (trim(h.html).rfind("<!--", 0) == 0) return;  // comments are notes for editors, not shown
    std::string lower = easyread::lower(h.html);
    if (underline_html(lower))
        ctx.report_at(h.at, "underline", "underlined text", "Easy read uses bold only: write **words** instead.");
    std::string a = alignment_in_html(lower);
    if (!a.empty()) ctx.report_at(h.at, "alignment", "a request for " + a + " text", kAlignHint);
}

void check_caps(const CheckContext& ctx, std::size_t b) {
    const TextBlock& block = ctx.view.blocks[b];
    const BlockWords& bw = ctx.words[b];
    for (std::size_t i = 0; i < bw.words.size(); ++i) {
        const Word& w = bw.words[i];
        if (!w.all_caps || w.has_digit) continue;
        std::size_t end = i;
        while (end + 1 < bw.words.size() && bw.words[end + 1].all_caps) ++end;
        // One capitalised word is an acronym unless it is an everyday word ("NOT").
        bool shouting = end > i || (w.lower.size() >= 3 && ctx.lexicon.is_common(w.lower) &&
                                    bw.glossary[i].second == 0);
        if (end > i) {
            // A run made only of known acronyms ("NHS CCG") is not shouting.
            bool all_terms = true;
            for (std::size_t k = i; k <= end && all_terms; ++k)
                all_terms = bw.glossary[k].second > 0;
            shouting = !all_terms;
        }
        if (shouting) {
            std::string written = block.text.substr(w.begin, bw.words[end].end - w.begin);
            ctx.report(block, w.begin, "all-caps", quote(written) + " is in capital letters",
                       "Write it in sentence case; make important words bold instead.");
        }
        i = end;
    }
}

}  // namespace

void check_emphasis(const CheckContext& ctx) {
    for (std::size_t b = 0; b < ctx.view.blocks.size(); ++b) {
        const TextBlock& block = ctx.view.blocks[b];
        for (const auto& r : block.italic) {
            if (r.end <= r.begin) continue;
            ctx.report(block, r.begin, "italic", quote(block.text.substr(r.begin, r.end - r.begin)) + " is in italics",
                       "Easy read uses bold only: write **words** instead of *words*.");
        }
        for (const auto& h : block.html) check_html(ctx, h);
        if (block.attributes.present) {
            for (const char* key : {"align", "text-align", "style", "class"}) {
                std::string v = easyread::lower(block.attributes.get(key));
                std::string a = alignment_in(v);
                if (!a.empty())
                    ctx.report_at(block.attributes_at, "alignment", "a request for " + a + " text", kAlignHint);
                if (std::string(key) == "style" && contains(v, "underline"))
                    ctx.report_at(block.attributes_at, "underline", "underlined text",
                                  "Easy read uses bold only: write **words** instead.");
            }
        }
        check_caps(ctx, b);
    }
    for (const auto& h : ctx.view.html_blocks) check_html(ctx, h);
    for (const char* key : {"align", "text-align", "alignment", "justify"}) {
        auto it = ctx.meta.values.find(key);
        if (it == ctx.meta.values.end()) continue;
        std::string a = std::string(key) == "justify" ? std::string("justified") : alignment_in(easyread::lower(it->second));
        if (!a.empty()) ctx.report_at({ctx.meta.lines.at(key), 1}, "alignment", "a request for " + a + " text", kAlignHint);
    }
}

}  // namespace easyread::check
