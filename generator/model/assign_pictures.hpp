// Gives each chunk its picture: the one the writer asked for, else the matcher's choice.
#pragma once
#include "base/diagnostics.hpp"
#include "symbols/bank.hpp"
#include "symbols/matcher.hpp"
#include "generator/model/document.hpp"

namespace easyread {

struct PictureStats {
    int chosen = 0;   // chunks that have a picture
    // Chunks given a missing-picture warning: one asking for a picture the
    // bank does not have, or one no picture fits (the checker names those).
    int missing = 0;
    int none = 0;     // chunks left without one, "none" asked for included
};

PictureStats assign_pictures(Document& doc, const symbols::Bank& bank, Diagnostics& diags);

// The picture for the cover: front matter "picture", else one matched to the title.
std::string cover_picture(const Document& doc, const symbols::Bank& bank);

}  // namespace easyread
