#include "generator/layout/flow.hpp"

#include <algorithm>

#include "generator/layout/text_layout.hpp"

namespace easyread {

void Flow::new_page(PageRole role) {
    Page p;
    p.role = role;
    out.pages.push_back(std::move(p));
    y = g().margin_top;
}

TextStyle Flow::body_style() const {
    TextStyle s;
    s.family = out.options.font_family;
    s.size = out.options.body_pt;
    s.line_spacing = out.options.line_spacing;
    return s;
}

TextStyle Flow::heading_style(int level) const {
    TextStyle s = body_style();
    s.bold = true;
    s.line_spacing = 1.2;
    s.size = out.options.body_pt * (level <= 1 ? 2.0 : level == 2 ? 1.5 : 1.25);
    // Big type on a small page: headings no wider than a tenth of the text
    // width (34 pt on A5), so a heading and its first chunk share a page.
    if (level > 1) s.size = std::max(out.options.body_pt, std::min(s.size, g().content_width() / 10));
    s.colour = 0x0B2545;
    return s;
}

const Flow::Measured& Flow::laid_out(const std::string& markup, const TextStyle& style, double width) const {
    auto key = std::make_tuple(markup, style.family, style.size, style.bold, style.line_spacing, width, style.colour);
    if (auto it = measured.find(key); it != measured.end()) return it->second;
    Measured m;
    m.layout.reset(make_text_layout(ctx, markup, style, width), [](PangoLayout* l) { g_object_unref(l); });
    m.height = layout_height(m.layout.get());
    return measured.emplace(std::move(key), std::move(m)).first->second;
}

double Flow::measure(const std::string& markup, const TextStyle& style, double width) const {
    return laid_out(markup, style, width).height;
}

double Flow::add_text(double x, double width, const std::string& markup, const TextStyle& style, Tag tag,
                      int chunk, int list, int line) {
    const Measured& m = laid_out(markup, style, width);
    PlacedItem it;
    it.kind = ItemKind::Text;
    it.tag = tag;
    it.x = x;
    it.y = y;
    it.width = width;
    it.markup = markup;
    it.style = style;
    it.height = m.height;
    it.layout = m.layout;  // shared with any other item of the same text; drawing only reads it
    it.chunk = chunk;
    it.list = list;
    it.source_line = line;
    page().items.push_back(std::move(it));
    return m.height;
}

void Flow::add_picture(double x, double at_y, double size, const std::string& file, const std::string& alt,
                       int chunk, int line) {
    add_picture(x, at_y, size, size, file, alt, chunk, line);
}

PlacedItem& Flow::add_picture(double x, double at_y, double width, double height, const std::string& file,
                              const std::string& alt, int chunk, int line) {
    PlacedItem it;
    it.kind = ItemKind::Picture;
    it.tag = alt.empty() ? Tag::Artifact : Tag::Figure;  // a decorative picture is not in the structure tree
    it.x = x;
    it.y = at_y;
    it.width = width;
    it.height = height;
    it.picture_file = file;
    it.alt = alt;
    it.chunk = chunk;
    it.source_line = line;
    page().items.push_back(std::move(it));
    return page().items.back();
}

void number_pages(LaidOutDocument& out) {
    for (std::size_t i = 0; i < out.pages.size(); ++i) out.pages[i].number = static_cast<int>(i) + 1;
}

}  // namespace easyread
