#include "assign_pictures.hpp"

namespace easyread {

static bool wants_picture(const Block& b) { return b.kind != BlockKind::Heading; }

PictureStats assign_pictures(Document& doc, const symbols::Bank& bank, Diagnostics& diags) {
    PictureStats stats;
    symbols::Matcher matcher(bank);
    std::string previous;
    for (auto& b : doc.blocks) {
        if (!wants_picture(b)) continue;
        if (b.picture_request == "none") {
            ++stats.none;
            previous.clear();
            continue;
        }
        if (!b.picture_request.empty()) {
            if (bank.find(b.picture_request)) {
                b.picture_id = b.picture_request;
                b.picture_reason = "chosen in the text";
            } else {
                ++stats.missing;
                diags.warning(doc.source_path, b.line, b.column, "missing-picture",
                              "no picture called \"" + b.picture_request + "\" in the picture bank",
                              "See 'easyread pictures --list' for the names, or add it with --pictures DIR.");
            }
        } else {
            // Prefer a different picture from the chunk just above when one fits.
            auto options = matcher.candidates(b.plain_text(), 2);
            const symbols::Match* pick = options.empty() ? nullptr : &options[0];
            if (pick && pick->picture->id == previous && options.size() > 1 &&
                options[1].score >= 0.8 * options[0].score)
                pick = &options[1];
            if (pick) {
                b.picture_id = pick->picture->id;
                b.picture_reason = pick->reason;
            }
        }
        if (b.picture_id.empty()) ++stats.none;
        else ++stats.chosen;
        previous = b.picture_id;
    }
    return stats;
}

std::string cover_picture(const Document& doc, const symbols::Bank& bank) {
    std::string asked = doc.meta.get("picture");
    if (!asked.empty() && bank.find(asked)) return asked;
    symbols::Matcher matcher(bank);
    auto m = matcher.best(doc.meta.get("title") + " " + doc.meta.get("summary_of"));
    if (m.picture) return m.picture->id;
    return bank.find("document") ? "document" : std::string();
}

}  // namespace easyread
