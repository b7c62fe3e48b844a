// The one walk over the laid-out document that the Word and OpenDocument
// writers share (as pandoc's Docx and ODT writers share OOXML/Shared): it
// classifies each piece (a heading, a contents entry, a cover picture or
// line, a credit line, a chunk row) and keeps the state between them (page
// breaks, the open chunk table, bookmarks, embedded pictures). Each format
// only writes its XML for those pieces.
#pragma once
#include <deque>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "generator/parse/front_matter.hpp"
#include "generator/render/office_package.hpp"

namespace easyread::office {

// The name written as the document's author: `author`, else `organisation`.
std::string author_of(const FrontMatter& meta);

class OfficeWriter {
public:
    OfficeWriter(const LaidOutDocument& doc, Diagnostics& diags) : doc_(doc), diags_(diags), g_(doc.geometry) {}
    virtual ~OfficeWriter() = default;

protected:
    // An embedded picture: its PNG, its number (1..) in the package, and the
    // size it is shown at, in points.
    struct Fitted {
        const Png* png = nullptr;
        std::size_t number = 0;
        double width = 0, height = 0;
    };

    const LaidOutDocument& doc_;
    Diagnostics& diags_;
    const PageGeometry& g_;
    std::ostringstream body_;
    bool break_before_ = false;  // the next paragraph starts a page

    // Walks every page, calling the pieces below; the chunk table is opened
    // and closed around them. A chunk the layout split over pages is one
    // piece again (Word and LibreOffice flow it over their own pages), its
    // text one paragraph, so no word is cut in two.
    void walk();

    // A heading; `title` for the cover's title.
    virtual void heading(const PlacedItem& t, int level, bool title) = 0;
    // A contents entry: its words, the bookmark of its heading (empty when
    // none) and its page, XML-escaped, as the word and the number ("Page ",
    // "3"); without a bookmark `number` is empty and `word` all of it.
    virtual void contents_entry(const PlacedItem& entry, const std::string& bookmark, const std::string& word,
                                const std::string& number) = 0;
    // A cover picture or logo, in its own paragraph.
    virtual void page_picture(const PlacedItem& picture) = 0;
    // A line of text in its own paragraph (cover, contents, credits, or a
    // chunk without a picture when pictures are off); `subtitle` on the cover.
    virtual void text_paragraph(const PlacedItem& t, bool subtitle) = 0;
    virtual void begin_table() = 0;
    virtual void end_table() = 0;
    virtual void chunk_row(const Chunk& c) = 0;

    // Fits `pic` into width x height points, drawing it once per size; null
    // png (after a warning) when it cannot be drawn.
    Fitted fit_picture(const PlacedItem& pic, double width, double height);
    const std::vector<const Png*>& pictures() const { return media_; }
    // A heading's bookmark name ("heading-3" -> "_Toc1") and its number.
    std::string bookmark(const std::string& dest);
    int bookmark_number(const std::string& dest);

private:
    PngCache pngs_;
    std::vector<const Png*> media_;
    std::map<const Png*, std::size_t> media_index_;
    std::map<std::string, int> bookmarks_;
    bool table_open_ = false;
    std::deque<PlacedItem> joined_;  // texts joined from their parts on several pages

    // Does `next`, the first chunk of a page, go on with `open`, the last of the page before?
    static bool continues(const Chunk& open, const Chunk& next);
    // Adds `next`'s parts to `open`: its first text to `open`'s last one.
    void join(Chunk& open, const Chunk& next);

    void open_table();
    void close_table();
    void piece(const Chunk& c, PageRole role);
};

}  // namespace easyread::office
