// Laid-out pages: what every renderer walks, in reading order.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "generator/layout/page_geometry.hpp"

typedef struct _PangoLayout PangoLayout;

namespace easyread {

// Structure tags, as a screen reader should meet them.
// LI items of one list are drawn inside one L; TOCI items (the contents
// entries) inside one TOC.
enum class Tag { None, H1, H2, H3, P, LI, TOCI, Figure, Artifact };

struct TextStyle {
    std::string family;
    double size = 16;
    bool bold = false;
    double line_spacing = 1.5;
    unsigned colour = 0x111111;  // RGB
};

struct LinkArea {
    std::string uri;
    int start = 0, end = 0;  // byte range in the layout's text (markup stripped)
};

enum class ItemKind { Text, Picture, Rule };

struct PlacedItem {
    ItemKind kind = ItemKind::Text;
    Tag tag = Tag::P;
    double x = 0, y = 0, width = 0, height = 0;
    // Text
    std::string markup;  // Pango markup
    std::string html;    // the same text as HTML; empty when markup is plain escaped text
    // A list item's bullet (Pango markup), drawn in the `label_width` before
    // x: the text hangs beside it. In `html` the bullet leads the text.
    std::string label;
    double label_width = 0;
    TextStyle style;
    std::vector<LinkArea> links;
    // The Pango layout made when measuring; renderers draw it as it is so
    // text is shaped once. Null when the item was made by hand (tests).
    std::shared_ptr<PangoLayout> layout;
    // Picture
    std::string picture_file;
    std::string alt;  // the picture's name; empty means decorative
    bool logo = false;  // the organisation's logo on the cover (width and height differ)
    // Grouping: items of one chunk (picture + text) share a chunk number;
    // list items of one list share a list number (-1 = not in a list).
    int chunk = -1;
    int list = -1;
    int list_level = 0;  // a list item's depth: 1 for the top level, 2 for an item inside it, ...
    int source_line = 0;  // where the chunk came from in the Markdown
    // The document block this text shows (an index into Document::blocks);
    // -1 for text the layout made (cover, contents, hard words, contact).
    // A chunk too long for one page is shown by several items, one a page.
    int block = -1;
    // A later part of a chunk that begins inside the word the part before
    // ended (a word broken over pages): its first letters join that word.
    bool joins_previous = false;
    // A heading: its link target name, for the contents and bookmarks. A
    // contents entry (TOCI): the target it links to.
    std::string dest;
};

enum class PageRole { Cover, Contents, Content, HardWords, Back };

struct Page {
    PageRole role = PageRole::Content;
    int number = 0;  // printed page number; the cover shows none
    std::vector<PlacedItem> items;
};

struct TocEntry {
    std::string text;
    int page = 0;
    int level = 1;     // 1 for the top used heading level, 2 for the next
    std::string dest;  // the heading's link target name
};

struct LaidOutDocument {
    PageGeometry geometry;
    LayoutOptions options;
    std::string title, lang, subject;
    std::vector<Page> pages;
    std::vector<TocEntry> contents;
    std::vector<std::string> picture_sets_used;  // credit lines
};

}  // namespace easyread
