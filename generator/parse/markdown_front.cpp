#include "generator/parse/markdown_front.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>

#include <mutex>

namespace easyread {

void CmarkNodeFree::operator()(cmark_node* n) const {
    if (n) cmark_node_free(n);
}

static void register_extensions_once() {
    static std::once_flag once;
    std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

ParsedMarkdown parse_markdown(const SourceText& src, Diagnostics& diags) {
    register_extensions_once();
    ParsedMarkdown out;
    out.path = src.path;
    std::string body = split_front_matter(src.path, src.text, out.meta, diags);

    cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES);
    for (const char* name : {"table", "strikethrough", "autolink", "tasklist"}) {
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser, ext);
    }
    cmark_parser_feed(parser, body.data(), body.size());
    out.body = body;
    out.root.reset(cmark_parser_finish(parser));
    cmark_parser_free(parser);
    if (!out.root) out.root.reset(cmark_node_new(CMARK_NODE_DOCUMENT));
    return out;
}

std::string node_plain_text(cmark_node* node) {
    std::string out;
    cmark_iter* it = cmark_iter_new(node);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* n = cmark_iter_get_node(it);
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            if (const char* s = cmark_node_get_literal(n)) out += s;
            break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            out += ' ';
            break;
        default:
            break;
        }
    }
    cmark_iter_free(it);
    return out;
}

std::string node_type_name(cmark_node* node) {
    const char* s = cmark_node_get_type_string(node);
    return s ? s : "";
}

}  // namespace easyread
