// The paragraph model the Word and OpenDocument readers both map their XML
// to, and what they share on it: style chains, part reading, and the
// emitters that turn paragraphs and tables into Markdown. Each format's
// reader only knows its own XML.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "generator/parse/office_reader.hpp"
#include "generator/parse/office_xml.hpp"

namespace easyread::office {

// One paragraph of the source, as easy read sees it.
struct Para {
    int number = 0;   // the source paragraph, counted from 1
    int heading = 0;  // 1.. for headings
    bool list = false, ordered = false;
    int depth = 0;        // list level, 0 the outer list
    int list_id = -1;     // which numbered list (Word's numId)
    int item_number = 0;  // the number the source gives the item, 0 when it counts itself
    std::vector<TextRun> runs;
    std::vector<Picture> pictures;  // pictures in the paragraph (and its text boxes)
    std::vector<Para> after;        // blocks that follow it: notes, text in boxes and shapes
    std::vector<std::string> styles;  // its style and those it is based on, lower case ("easy read text")
    bool has_text() const;
    bool has_style(const char* name) const;
    std::string plain() const;  // its text, line breaks as '\n'
};
using Cell = std::vector<Para>;
using Row = std::vector<Cell>;

// A number attribute, or `fallback` when it is missing or not a number.
int to_int(const std::string& s, int fallback);

// Walks a style and its parents (`parent` names the next), stopping when
// `f` returns true; at most 20 deep, as a loop is damage.
template <class Style, class F>
void style_chain(const std::map<std::string, Style>& styles, const std::string& id, F&& f) {
    std::string cur = id;
    for (int depth = 0; depth < 20 && !cur.empty(); ++depth) {
        auto it = styles.find(cur);
        if (it == styles.end()) return;
        if (f(it->second)) return;
        cur = it->second.parent;
    }
}

// What both readers share: the package's parts, the paragraph count, the
// pictures left out, and the Markdown made from paragraphs and tables.
class BlockReader {
public:
    BlockReader(const std::string& path, MarkdownBuilder& out, Diagnostics& diags)
        : path_(path), out_(out), diags_(diags) {}
    virtual ~BlockReader() = default;

protected:
    const std::string& path_;
    MarkdownBuilder& out_;
    Diagnostics& diags_;
    int para_ = 0;
    Package* pkg_ = nullptr;  // the open package, for pictures
    // The front matter found (title, lang; from easyread's own files also
    // the cover's and back page's lines), written by finish().
    std::vector<std::pair<std::string, std::string>> meta_;
    // A file easyread wrote (its styles are there): its cover, contents,
    // Hard words and back pages are made again from the front matter, so
    // they are read as that front matter, not as text.
    bool own_ = false;

    // Reads and parses `part` and hands its root to `use`. A missing part is
    // no error (true, `use` not called); a damaged one is (false).
    bool optional_part(Package& pkg, const std::string& part, const std::function<void(const xmlNode*)>& use);
    // The number a list item shows (formats that count items themselves override).
    virtual int item_number(const Para& p) { return p.item_number; }
    // The picture in package part `part` becomes one of `into`'s pictures;
    // one that cannot be used is a warning naming it.
    void add_picture(Para& into, const std::string& part, const std::string& alt);
    // Something with words of its own left out (a comment, an embedded
    // object): a warning naming the words.
    void left_out(int para, const std::string& id, const std::string& what, const std::string& words);
    // A footnote or endnote: one "Note: ..." paragraph from its paragraphs.
    static Para note(const std::vector<Para>& body, int para);
    // Text in a text box, shape or frame: its paragraphs follow `into`,
    // their pictures become `into`'s.
    static void take_box_paragraphs(Para& into, std::vector<Para> box);
    void emit(const Para& p);
    // Paragraphs inside a paragraph (a note, a text box) belong to it and
    // keep its number; `read` fills them.
    template <class F>
    std::vector<Para> nested(F&& read) {
        std::vector<Para> out;
        if (nesting_ >= 4) return out;  // a note in a box in a note: enough
        ++nesting_;
        const int held = para_;
        read(out);
        for (auto& p : out) p.number = held;
        para_ = held;
        --nesting_;
        return out;
    }
    // The blocks of `n` (a note's body, a text box) as paragraphs.
    void paragraphs_in(const xmlNode* n, std::vector<Para>& out) {
        Cell cell;
        cell_blocks(n, cell);
        for (auto& p : cell) out.push_back(std::move(p));
    }
    // A table: an easy read layout table (picture left, text right) gives
    // its text column as blocks, any other a Markdown table.
    void table(const xmlNode* tbl);
    // A table inside a cell: its cells' paragraphs, in order.
    void inner_table(const xmlNode* tbl, Cell& into);
    // The format's rows of a table element, and the blocks of one cell.
    virtual void rows_of(const xmlNode* tbl, std::vector<Row>& rows) = 0;
    virtual void cell_blocks(const xmlNode* cell, Cell& into) = 0;
    // The row's cells, each found by `cell_of` (null: not a cell).
    template <class F>
    Row row_of(const xmlNode* tr, F&& cell_of) {
        Row row;
        for (const xmlNode* c = tr->children; c; c = c->next) {
            if (const xmlNode* cell = cell_of(c)) {
                row.emplace_back();
                cell_blocks(cell, row.back());
            }
        }
        return row;
    }
    // After the body: lists closed, pictures left out noted.
    void finish();

private:
    enum class Part { Cover, Contents, Body, HardWords, Back };
    Part part_ = Part::Cover;
    std::vector<std::string> cover_lines_;
    // easyread writes a table's cells as chunks "Heading\nAnswer": they are
    // gathered and made a table again when their headings repeat in turn.
    std::vector<Para> answers_;
    void flush_answers();
    // For easyread's own files: false for a paragraph of a made page.
    bool body_paragraph(const Para& p);
    void set_meta(const std::string& key, const std::string& value);
    int nesting_ = 0;
    std::vector<Picture> waiting_;  // pictures with no text yet: the next paragraph's
    void flush_pictures(int para);
};

}  // namespace easyread::office
