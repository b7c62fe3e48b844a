#include "generator/conform/conformance.hpp"

#include <functional>
#include <map>

#include "generator/conform/measure.hpp"
#include "generator/pipeline.hpp"

namespace easyread {

const char* verdict_words(Verdict v) {
    switch (v) {
        case Verdict::Met: return "met";
        case Verdict::NotMet: return "not met";
        case Verdict::ForPerson: return "for a person to check";
    }
    return "";
}

int ConformanceReport::count(Verdict v) const {
    int n = 0;
    for (const auto& r : results) n += r.verdict == v;
    return n;
}

namespace {

// WCAG 2.2, success criterion 1.4.3 (contrast, minimum) for body text.
constexpr double kMinContrast = 4.5;

RuleResult measured(const std::string& id, const std::string& rule, const std::string& source,
                    const conform::Finding& f) {
    return {id, rule, source, f.met ? Verdict::Met : Verdict::NotMet, f.evidence, f.places, f.places_total};
}

struct LayoutRule {
    const char* words;
    std::function<conform::Finding(const LaidOutDocument&)> measure;
};

const std::map<std::string, LayoutRule>& layout_rules() {
    using namespace conform;
    static const std::map<std::string, LayoutRule> rules = {
        {"left-aligned", {"Text is left aligned, with a ragged right edge.", measure_left_aligned}},
        {"no-hyphenation", {"No word is split over two lines or two pages.", measure_word_splits}},
        {"no-italics", {"No words are in italics.", measure_italics}},
        {"no-capitals", {"No words are written all in capital letters.", measure_capitals}},
        {"one-column", {"Text is in one column.", measure_columns}},
        {"picture-left", {"Pictures are on the left of their words.", measure_picture_side}},
        {"sentence-new-line", {"Every sentence starts on a new line.", measure_sentence_lines}},
        {"no-split-sentence", {"No sentence is split over two pages.", measure_sentence_splits}},
    };
    return rules;
}

}  // namespace

ConformanceReport assess_conformance(const Compiled& c, const std::string& pdf_path) {
    using namespace conform;
    const lang::RuleSet& rs = c.rule_set;
    const LaidOutDocument& laid = c.pages;
    const std::string layout_source = rs.layout_source.empty() ? rs.source : rs.layout_source;
    ConformanceReport out;
    out.document = c.src.path;
    out.title = laid.title;
    out.rules_name = rs.name;
    out.rules_title = rs.title;
    auto add = [&](const std::string& id, const std::string& rule, const std::string& source, const Finding& f) {
        out.results.push_back(measured(id, rule, source, f));
    };

    auto pt = [](double v) {
        std::string s = std::to_string(v);
        s.erase(s.find_last_not_of('0') + 1);
        if (!s.empty() && s.back() == '.') s.pop_back();
        return s;
    };
    add("text-size", "Text is at least " + pt(rs.min_body_pt) + " pt.", layout_source,
        measure_text_size(laid, rs.min_body_pt));
    add("sentence-length", "Sentences have " + std::to_string(rs.max_sentence_words) + " words or fewer.", rs.source,
        measure_sentence_length(laid, rs.max_sentence_words));
    if (rs.max_pages > 0)
        add("pages", "The document has " + std::to_string(rs.max_pages) + " pages or fewer.", rs.source,
            measure_pages(laid, rs.max_pages));
    if (rs.pictures_required)
        add("picture-each-chunk", "Each chunk of text has a picture beside it.", rs.source, measure_pictures(laid));
    add("hard-words-explained", "Every hard word is explained.", rs.source, measure_hard_words(laid, c.doc));
    add("contrast", "Text has a contrast of at least 4.5 to 1 with the page.",
        "W3C, Web Content Accessibility Guidelines 2.2, success criterion 1.4.3", measure_contrast(laid, kMinContrast));
    for (const auto& id : rs.layout) {
        auto it = layout_rules().find(id);
        if (it != layout_rules().end()) add(id, it->second.words, layout_source, it->second.measure(laid));
    }
    if (!pdf_path.empty())
        add("pdf-accessible",
            "The PDF is tagged for screen readers, names its language and title, embeds its fonts and gives "
            "every picture alternative text.",
            "ISO 14289-1 (PDF/UA-1): the parts a program can check", measure_pdf(pdf_path));

    // What no program can judge is asked, never ticked: only the readers'
    // own review of this edition could answer it.
    const std::string no_review =
        "No program can judge this, and easyread holds no review by readers of this edition of the text.";
    if (rs.pictures_required)
        out.results.push_back({"pictures-help", "The pictures help the readers understand the words.", rs.source,
                               Verdict::ForPerson, no_review, {}, 0});
    std::string checked = no_review;
    if (const std::string said = c.doc.meta.get("checked_by"); !said.empty())
        checked += " The document's own words \"" + said + "\" are typed, not results, so they are not counted.";
    out.results.push_back({"checked-by-readers", "People the document is for checked that it is easy to understand.",
                           layout_source, Verdict::ForPerson, checked, {}, 0});
    return out;
}

}  // namespace easyread
