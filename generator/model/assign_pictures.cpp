#include "generator/model/assign_pictures.hpp"

namespace easyread {

static bool wants_picture(const Block& b) { return b.kind != BlockKind::Heading; }

static std::string matcher_text(const Block& b) {
    std::string out;
    for (const auto& s : b.spans) out += s.bold ? "**" + s.text + "**" : s.text;
    return out;
}

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
                const auto& prefix = symbols::Bank::kLocalPicturePrefix;
                if (b.picture_request.rfind(prefix, 0) == 0)
                    diags.warning(doc.source_path, b.line, b.column, "missing-picture",
                                  "the picture file " + b.picture_request.substr(prefix.size()) + " could not be read",
                                  "Save it again as PNG, JPEG or SVG.");
                else
                    diags.warning(doc.source_path, b.line, b.column, "missing-picture",
                                  "no picture called \"" + b.picture_request + "\" in the picture bank",
                                  "See 'easyread pictures --list' for the names, or add it with --pictures DIR.");
            }
        } else {
            // Bold hard words are what the chunk is about: the matcher weighs
            // "**...**" more. It also avoids the picture just above when another fits.
            symbols::Match pick = matcher.best(matcher_text(b), previous);
            if (pick.picture) {
                b.picture_id = pick.picture->id;
                b.picture_reason = pick.reason;
            }
        }
        if (!b.picture_id.empty()) {
            ++stats.chosen;
        } else {
            ++stats.none;
            if (b.picture_request.empty()) ++stats.missing;  // no picture fits: the checker's missing-picture
        }
        previous = b.picture_id;
    }
    return stats;
}

std::string cover_picture(const Document& doc, const symbols::Bank& bank) {
    std::string asked = doc.meta.get("picture");
    if (!asked.empty() && bank.find(asked)) return asked;
    symbols::Matcher matcher(bank);
    // The title first: its own sentence, so the years of the summary's
    // name ("Strategy 2025/26 to 2027/28") do not make the cover a calendar.
    auto m = matcher.best(doc.meta.get("title") + ". " + doc.meta.get("summary_of"));
    if (m.picture) return m.picture->id;
    return bank.find("document") ? "document" : std::string();
}

}  // namespace easyread
