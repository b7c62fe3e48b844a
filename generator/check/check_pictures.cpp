// Every text chunk needs a picture, and a chosen picture should fit its text.
#include "generator/check/check_pictures.hpp"

#include "symbols/matcher.hpp"
#include "generator/lang/data_file.hpp"
#include "base/sentences.hpp"

namespace easyread::check {

namespace {

// The matcher gives 0.9 or more to a distinctive word or a phrase ("need
// help", "hospital"); only then is the writer's own choice called unrelated.
constexpr double kClearlyBetter = 0.9;

bool needs_picture(const TextBlock& b) {
    if (b.kind == BlockKind::Heading) return false;
    if (b.kind == BlockKind::Answer && b.table_row == 0) return false;  // column headings
    return true;
}

// One word starts the other, at least 3 letters long: "pay" and "payment",
// "check" and "checks".
bool same_stem(const std::string& a, const std::string& b) {
    if (a.size() < 3 || b.size() < 3) return false;
    return a.size() <= b.size() ? b.compare(0, a.size(), a) == 0 : a.compare(0, b.size(), b) == 0;
}

// The picture fits when the matcher would offer it for this text, or when a
// word of its name, keywords or tags shares a stem with a word of the text.
bool picture_fits(const symbols::Matcher& matcher, const symbols::Picture& p, const std::string& text) {
    for (const auto& m : matcher.candidates(text, 8))
        if (m.picture == &p) return true;
    std::vector<Word> text_words = split_words(text);
    std::vector<std::string> names = p.keywords;
    names.insert(names.end(), p.tags.begin(), p.tags.end());
    names.push_back(p.name);
    for (const auto& k : names)
        for (const auto& kw : split_words(k))
            for (const auto& tw : text_words)
                if (same_stem(kw.lower, tw.lower)) return true;
    return false;
}

}  // namespace

void check_pictures(const CheckContext& ctx, const symbols::Bank& bank, const symbols::Matcher& matcher) {
    for (const auto& block : ctx.view.blocks) {
        if (!needs_picture(block) || block.text.empty()) continue;
        if (block.picture == "none") continue;  // the author chose no picture here
        if (block.picture.empty()) {
            if (ctx.rules.pictures_required && !matcher.best(block.text).picture)
                ctx.report(block, 0, "missing-picture", "no picture fits " + quote(block.text),
                           "Add one with {picture=ID} or ![words](symbol:ID); 'easyread pictures' lists them.");
            continue;
        }
        const symbols::Picture* p = bank.find(block.picture);
        if (!p) {
            if (block.picture.find('/') == std::string::npos && block.picture.find('.') == std::string::npos)
                ctx.report_at(block.picture_at, "unknown-picture",
                              "there is no picture called \"" + block.picture + "\" in the picture bank",
                              "Check the id; 'easyread pictures' lists them.");
            continue;
        }
        if (picture_fits(matcher, *p, block.text)) continue;
        // Only say so when the bank has a clearly better picture, and as a
        // note: a writer's own choice of picture is often a good loose fit.
        symbols::Match better = matcher.best(block.text);
        if (better.picture && better.picture != p && better.score >= kClearlyBetter)
            ctx.note_at(block.picture_at, "picture-unrelated",
                          "the picture \"" + p->id + "\" (" + p->name + ") does not match the words " + quote(block.text),
                          "The picture \"" + better.picture->id + "\" fits better (" + better.reason + ").");
    }
}

}  // namespace easyread::check
