// Laid-out pages: what every renderer walks, in reading order.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "generator/layout/page_geometry.hpp"

typedef struct _PangoLayout PangoLayout;

namespace easyread {

// Structure tags, as a screen reader should meet them.
enum class Tag { None, H1, H2, H3, P, LI, Figure, Artifact };

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
    int source_line = 0;  // where the chunk came from in the Markdown
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
