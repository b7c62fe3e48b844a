// The one parser front shared by easy read documents and kiosk surveys:
// front matter + CommonMark/GFM (tables on) via cmark-gfm. It never fails:
// bad input becomes diagnostics and a best-effort tree.
#pragma once
#include <memory>
#include <string>

#include "base/diagnostics.hpp"
#include "generator/parse/front_matter.hpp"
#include "base/source_text.hpp"

struct cmark_node;

namespace easyread {

struct CmarkNodeFree {
    void operator()(cmark_node* n) const;
};
using CmarkTree = std::unique_ptr<cmark_node, CmarkNodeFree>;

struct ParsedMarkdown {
    std::string path;
    FrontMatter meta;
    CmarkTree root;  // CMARK_NODE_DOCUMENT; never null after parse_markdown
    std::string body;  // the text cmark read (after the front matter)
    // cmark lines are counted from the body; add this to get file lines.
    int line_offset() const { return meta.body_line_offset; }
};

ParsedMarkdown parse_markdown(const SourceText& src, Diagnostics& diags);

// Plain text of a node's inline content (text, code, soft breaks as spaces).
std::string node_plain_text(cmark_node* node);

// cmark's type name for a node ("table", "table_cell", "paragraph", ...).
std::string node_type_name(cmark_node* node);

}  // namespace easyread
