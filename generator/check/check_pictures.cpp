// Every text chunk needs a picture, and a chosen picture should fit its text.
#include "check_pictures.hpp"

#include "../../symbols/matcher.hpp"
#include "data_file.hpp"

namespace easyread::check {

namespace {

bool needs_picture(const TextBlock& b) {
    if (b.kind == BlockKind::Heading) return false;
    if (b.kind == BlockKind::TableCell && b.table_row == 0) return false;  // column headings
    return true;
}

// The picture fits when one of its keywords, or its name, is in the text,
// or when the matcher would have offered it for this text.
bool picture_fits(const symbols::Matcher& matcher, const symbols::Picture& p, const std::string& text) {
    std::string lower = to_lower(text);
    for (const auto& m : matcher.candidates(text, 8))
        if (m.picture == &p) return true;
    return lower.find(to_lower(p.name)) != std::string::npos;
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
        if (!picture_fits(matcher, *p, block.text))
            ctx.report_at(block.picture_at, "picture-unrelated",
                          "the picture \"" + p->id + "\" (" + p->name + ") does not match the words " + quote(block.text),
                          "Choose a picture about what this paragraph says, or add a keyword to the picture bank.");
    }
}

}  // namespace easyread::check
