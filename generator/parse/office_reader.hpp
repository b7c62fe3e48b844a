// Reading Word (.docx) and OpenDocument (.odt) files into Markdown text, so
// they go through the same parser, model and checks as Markdown. Each
// Markdown line remembers the source paragraph it came from, so problems
// are reported as "strategy.docx:para 42".
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostics.hpp"
#include "base/source_text.hpp"

typedef struct zip zip_t;
typedef struct _xmlDoc xmlDoc;

namespace easyread::office {

// Limits that keep a hostile file (a zip bomb, a huge part) from taking the
// machine: no part of an easy read source needs more.
constexpr std::size_t kMaxPartBytes = 64u * 1024u * 1024u;
constexpr std::size_t kMaxPackageBytes = 256u * 1024u * 1024u;

// One run of text with its emphasis, and the address it links to.
struct TextRun {
    std::string text;
    bool bold = false;
    bool italic = false;
    std::string link;
};

// A picture taken out of the file (a PNG, JPEG or SVG on disk) and its
// description, used as a chunk's own picture.
struct Picture {
    std::string file, alt;
};

// Builds the Markdown text and its line map, block by block.
class MarkdownBuilder {
public:
    // Puts the front matter (key, value) before everything written so far.
    void front_matter(const std::vector<std::pair<std::string, std::string>>& fields);
    void heading(int level, const std::vector<TextRun>& runs, int para);
    // `picture` (when not null) becomes the chunk's own picture.
    void paragraph(const std::vector<TextRun>& runs, int para, const Picture* picture = nullptr);
    // A picture with no text of its own.
    void picture_only(const Picture& picture, int para);
    // depth 0 is the outer list; `number` is the item's number (ordered lists).
    void list_item(int depth, bool ordered, int number, const std::vector<TextRun>& runs, int para,
                   const Picture* picture = nullptr);
    // A table: the first row is the header. Cells are plain inline Markdown.
    void table(const std::vector<std::vector<std::string>>& rows, int para);
    void end_list();
    // Inline Markdown for runs (bold as **, italic as *, links as [words](address)), escaped.
    static std::string inline_markdown(const std::vector<TextRun>& runs);
    static std::string picture_markdown(const Picture& picture);

    std::string text;
    std::vector<int> paragraph_of_line;  // index: Markdown line - 1

private:
    bool in_list_ = false;
    std::vector<std::size_t> list_columns_;  // where each open list level's text starts
    void line(const std::string& s, int para);
    void gap();
};

// A zip package opened from bytes in memory, read part by part with limits.
class Package {
public:
    ~Package();
    // Opens `bytes` (kept by the caller). False with a one-line error when
    // it is not a zip, is damaged, or is a password-protected Office file.
    bool open(const std::string& path, const std::string& bytes, Diagnostics& diags);
    bool has(const std::string& part) const;
    // Reads one part, failing (with an error) past kMaxPartBytes.
    bool read(const std::string& part, std::string& out, Diagnostics& diags);

private:
    std::string path_;
    zip_t* zip_ = nullptr;
    std::size_t total_ = 0;
};

// Parses one XML part without network access or entity expansion; null
// with an error naming the part and its line when the XML is not valid.
xmlDoc* parse_xml(const std::string& path, const std::string& part, const std::string& xml, Diagnostics& diags);

// Each turns a whole file's bytes into Markdown. False (with one error) when
// the file cannot be read. Notes go to diags (pictures left out).
bool read_docx(const std::string& path, const std::string& bytes, MarkdownBuilder& out, Diagnostics& diags);
bool read_odt(const std::string& path, const std::string& bytes, MarkdownBuilder& out, Diagnostics& diags);

// Writes a picture's bytes to the folder this process keeps for pictures
// taken out of documents (removed when it ends); the file's path, or empty
// when the bytes are not PNG, JPEG or SVG (`kind` then names what they are)
// or are too big to draw (`kind` "too big: W x H pixels").
std::string save_picture(const std::string& bytes, std::string& kind);

// Pictures taken out of a Word or ODF file last only while this process
// runs: a draft written to `draft_path` that names them gets copies in a
// folder beside it ("draft-pictures/"), named relative to the draft.
std::string keep_pictures(const std::string& markdown, const std::string& draft_path, Diagnostics& diags);

// A warning or note at source paragraph `para` of `path`.
void say_at_paragraph(Diagnostics& diags, Severity severity, const std::string& path, int para, const std::string& id,
                      const std::string& message, const std::string& hint);

// Is this a Word or OpenDocument file name?
bool is_office_file(const std::string& path);

// Loads any source the generator takes: .docx and .odt are read and turned
// into Markdown (with src.paragraph_of_line filled), anything else is
// Markdown read by load_source.
bool load_document_source(const std::string& path, SourceText& src, Diagnostics& diags);
// The same from bytes already in memory (the fuzz target).
bool office_source_from_bytes(const std::string& path, const std::string& bytes, SourceText& src,
                              Diagnostics& diags);

// Turns Markdown line numbers of diagnostics about `src` into the source
// paragraph numbers ("para 42").
void map_to_paragraphs(const SourceText& src, Diagnostics& diags);
// The paragraph a Markdown line of `src` came from (0 when none).
int paragraph_of(const SourceText& src, int line);
// Turns a draft's "<!-- from line N -->", "TODO (line N)" and "(source
// line N)" into the source's paragraph numbers ("para P").
std::string name_paragraphs(const std::string& draft, const SourceText& src);

}  // namespace easyread::office
