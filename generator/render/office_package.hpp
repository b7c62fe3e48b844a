// What the Word (.docx) and OpenDocument (.odt) writers share: a zip
// package written with libzip, XML text escaping, the laid-out text split
// into plain and bold runs, and pictures turned into PNG at print resolution.
#pragma once
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostics.hpp"
#include "generator/layout/pages.hpp"

namespace easyread::office {

// A zip package built in a temporary file beside `path` and renamed into
// place by close(), so a failed run never leaves half a file.
class ZipPackage {
public:
    explicit ZipPackage(std::string path);
    ~ZipPackage();
    ZipPackage(const ZipPackage&) = delete;
    ZipPackage& operator=(const ZipPackage&) = delete;
    // `stored`: no compression (ODF's mimetype must be the first entry, stored).
    void add(const std::string& name, std::string bytes, bool stored = false);
    // Writes the package; false after adding an error that names the path.
    bool close(Diagnostics& diags);

private:
    std::string path_;
    std::vector<std::pair<std::string, std::pair<std::string, bool>>> entries_;
};

// Text and attribute values escaped for XML (&, <, >, ", ').
std::string xml(const std::string& text);

// One run of text as the layout styled it.
struct Run {
    std::string text;
    bool bold = false;
    bool line_break = false;  // a line break before this run's text
};
// Splits the layout's Pango markup (<b>, <span>, entities, "\n") into runs.
std::vector<Run> markup_runs(const std::string& markup);
// A run, or the part of one a link covers (`uri` set).
struct LinkPart {
    Run run;
    std::string uri;
};
// Splits runs where links (byte ranges of the visible text, a line break
// counting one byte) begin and end.
std::vector<LinkPart> link_parts(const std::vector<Run>& runs, const std::vector<LinkArea>& links);
// A list item's number from its label ("3." -> 3); 0 for a bullet.
int list_number(const PlacedItem& item);
// "Page 3" -> {"Page ", "3"}: a contents entry keeps the word and makes the
// number a page field.
std::pair<std::string, std::string> split_page_number(const std::string& page);
// The text of the markup without any tags.
std::string markup_plain(const std::string& markup);

// A picture drawn into PNG bytes `pixels` wide (SVG or PNG source).
struct Png {
    std::string bytes;
    int width = 0, height = 0;
};
// Pictures as PNG, each file drawn once per size. A picture that cannot be
// read is a warning, and null.
class PngCache {
public:
    const Png* get(const std::string& file, int pixels, Diagnostics& diags);

private:
    std::map<std::pair<std::string, int>, Png> done_;
    std::map<std::string, bool> failed_;
};

// Print resolution for embedded pictures, in dots per inch.
constexpr double kPrintDpi = 300;
inline int print_pixels(double points) { return static_cast<int>(points / 72.0 * kPrintDpi + 0.5); }

// A chunk of one page: its picture (or null) and its text items, in order.
struct Chunk {
    const PlacedItem* picture = nullptr;
    std::vector<const PlacedItem*> texts;
    bool rule_only = false;  // a row rule with nothing else
};
std::vector<Chunk> page_chunks(const Page& page);

// Is this chunk a heading on its own?
bool is_heading(const Chunk& c);
int heading_level(const Chunk& c);

}  // namespace easyread::office
