#include "flow.hpp"

#include "text_layout.hpp"

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
    s.colour = 0x0B2545;
    return s;
}

double Flow::measure(const std::string& markup, const TextStyle& style, double width) const {
    auto key = std::make_tuple(markup, style.size, style.bold, width);
    if (auto it = measured.find(key); it != measured.end()) return it->second;
    PangoLayout* layout = make_text_layout(ctx, markup, style, width);
    double h = layout_height(layout);
    g_object_unref(layout);
    measured.emplace(std::move(key), h);
    return h;
}

double Flow::add_text(double x, double width, const std::string& markup, const TextStyle& style, Tag tag,
                      int chunk, int list, int line) {
    PlacedItem it;
    it.kind = ItemKind::Text;
    it.tag = tag;
    it.x = x;
    it.y = y;
    it.width = width;
    it.markup = markup;
    it.style = style;
    PangoLayout* layout = make_text_layout(ctx, markup, style, width);
    it.height = layout_height(layout);
    it.layout.reset(layout, [](PangoLayout* l) { g_object_unref(l); });
    it.chunk = chunk;
    it.list = list;
    it.source_line = line;
    page().items.push_back(it);
    return it.height;
}

void Flow::add_picture(double x, double at_y, double size, const std::string& file, const std::string& alt,
                       int chunk, int line) {
    PlacedItem it;
    it.kind = ItemKind::Picture;
    it.tag = Tag::Figure;
    it.x = x;
    it.y = at_y;
    it.width = it.height = size;
    it.picture_file = file;
    it.alt = alt;
    it.chunk = chunk;
    it.source_line = line;
    page().items.push_back(it);
}

void number_pages(LaidOutDocument& out) {
    for (std::size_t i = 0; i < out.pages.size(); ++i) out.pages[i].number = static_cast<int>(i) + 1;
}

}  // namespace easyread
