// Email and web addresses in laid-out text break only after `@`, `.` or
// `/` (never mid-word, as "eastbridge.go / v.uk" or at a hyphen): each
// stretch between those is kept on one line, and a stretch wider than the
// line is set smaller until it fits.
#pragma once
#include <pango/pangocairo.h>

#include <cstddef>
#include <vector>

namespace easyread {

// A stretch of an address a line may not break inside: byte range in the text.
struct AddressStretch {
    std::size_t start = 0, end = 0;
};

// The stretches of every email or web address in `text` (every word with
// @ . / inside it), split after each run of @ . /.
std::vector<AddressStretch> address_stretches(const char* text);

// Applies `base` plus the no-break stretches to `layout` (laid out `width`
// points wide, its text `size` points); a stretch wider than its line is
// made smaller, down to half its size but not below 12 pt, and past that
// it may break between letters as any long word does. `base` is left unchanged.
void set_attributes_keeping_addresses(PangoLayout* layout, PangoAttrList* base, double width, double size);

}  // namespace easyread
