// OpenDocument text (.odt) from the laid-out pages: the same document as
// the Word writer makes, in ODF's words. Chunks are rows of a borderless
// two-column table; pictures are PNG frames anchored as characters (they
// move with the text) with their alt text in svg:desc.
#include <algorithm>
#include <map>
#include <sstream>

#include "generator/render/office_writer.hpp"
#include "generator/render/render.hpp"

namespace easyread {

namespace {

using office::xml;

constexpr const char* kNamespaces =
    " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
    " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
    " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
    " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
    " xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\""
    " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
    " xmlns:xlink=\"http://www.w3.org/1999/xlink\""
    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
    " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""
    " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\""
    " xmlns:loext=\"urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0\""
    " office:version=\"1.3\"";

std::string pt(double points) {
    std::ostringstream o;
    o.precision(2);
    o << std::fixed << points << "pt";
    return o.str();
}

class OdtWriter : public office::OfficeWriter {
public:
    OdtWriter(const LaidOutDocument& doc, const FrontMatter& meta, Diagnostics& diags)
        : OfficeWriter(doc, diags), meta_(meta) {}

    bool write(const std::string& path) {
        office::ZipPackage zip(path);
        walk();
        // The mimetype first and stored, so the file is known by its first bytes.
        zip.add("mimetype", "application/vnd.oasis.opendocument.text", true);
        zip.add("META-INF/manifest.xml", manifest());
        zip.add("meta.xml", meta());
        zip.add("styles.xml", styles());
        zip.add("content.xml", content());
        for (std::size_t i = 0; i < pictures().size(); ++i) zip.add(media_name(i + 1), pictures()[i]->bytes, true);
        return zip.close(diags_);
    }

private:
    const FrontMatter& meta_;
    std::map<std::string, std::string> break_styles_;  // paragraph style -> its "starts a page" style
    int frame_id_ = 0, table_id_ = 0;
    bool first_paragraph_ = true;

    static std::string media_name(std::size_t n) { return "Pictures/image" + std::to_string(n) + ".png"; }

    // A style name as ODF writes it: spaces as _20_.
    static std::string name(const std::string& display) {
        std::string out;
        for (char c : display) out += c == ' ' ? std::string("_20_") : std::string(1, c);
        return out;
    }

    // The style for a paragraph; the first one starts on the cover's own
    // master page (no page number), a page break makes an automatic style.
    std::string para_style(const std::string& style) {
        if (!first_paragraph_ && !break_before_) return style;
        std::string key = (first_paragraph_ ? "First" : "Break") + std::string("_") + style;
        break_styles_.emplace(key, style);
        first_paragraph_ = break_before_ = false;
        return key;
    }

    // The text's runs; the parts a link covers are links.
    void runs(const std::string& markup, const std::vector<LinkArea>& links = {}) {
        for (const auto& part : office::link_parts(office::markup_runs(markup), links)) {
            const office::Run& r = part.run;
            if (r.line_break) body_ << "<text:line-break/>";
            if (!part.uri.empty()) body_ << "<text:a xlink:type=\"simple\" xlink:href=\"" << xml(part.uri) << "\">";
            std::string t = xml(r.text);
            // Runs of spaces keep their width.
            std::string kept;
            for (std::size_t i = 0; i < t.size(); ++i) {
                if (t[i] == ' ' && (i == 0 || i + 1 == t.size() || t[i + 1] == ' ')) kept += "<text:s/>";
                else kept += t[i];
            }
            if (r.bold) body_ << "<text:span text:style-name=\"Easy_20_read_20_hard_20_word\">" << kept << "</text:span>";
            else body_ << kept;
            if (!part.uri.empty()) body_ << "</text:a>";
        }
    }
    void paragraph(const std::string& style, const std::string& markup) {
        body_ << "<text:p text:style-name=\"" << para_style(style) << "\">";
        runs(markup);
        body_ << "</text:p>";
    }
    void heading(const PlacedItem& t, int level, bool title) override {
        if (title) {
            paragraph("Title", t.markup);
            return;
        }
        body_ << "<text:h text:style-name=\"" << para_style("Heading_20_" + std::to_string(level)) << "\" text:outline-level=\"" << level << "\">";
        if (!t.dest.empty()) body_ << "<text:bookmark-start text:name=\"" << bookmark(t.dest) << "\"/>";
        runs(t.markup, t.links);
        if (!t.dest.empty()) body_ << "<text:bookmark-end text:name=\"" << bookmark(t.dest) << "\"/>";
        body_ << "</text:h>";
    }

    void picture(const PlacedItem& pic, double width, double height) {
        const Fitted f = fit_picture(pic, width, height);
        if (!f.png) return;
        int id = ++frame_id_;
        body_ << "<draw:frame draw:style-name=\"EasyReadPictureFrame\" draw:name=\"Picture " << id
              << "\" text:anchor-type=\"as-char\" svg:width=\"" << pt(f.width) << "\" svg:height=\""
              << pt(f.height) << "\" draw:z-index=\"0\"";
        if (pic.alt.empty()) body_ << " loext:decorative=\"true\"";
        body_ << "><draw:image xlink:href=\"" << media_name(f.number)
              << "\" xlink:type=\"simple\" xlink:show=\"embed\" xlink:actuate=\"onLoad\" draw:mime-type=\"image/png\"/>";
        if (!pic.alt.empty()) body_ << "<svg:desc>" << xml(pic.alt) << "</svg:desc>";
        body_ << "</draw:frame>";
    }

    void begin_table() override {
        std::string style = "EasyReadChunks";
        if (break_before_ || first_paragraph_) {
            paragraph("Easy_20_read_20_text", "");
        }
        body_ << "<table:table table:name=\"Chunks" << ++table_id_ << "\" table:style-name=\"" << style << "\">"
              << "<table:table-column table:style-name=\"EasyReadChunks.A\"/>"
              << "<table:table-column table:style-name=\"EasyReadChunks.B\"/>";
    }
    void end_table() override { body_ << "</table:table>"; }
    void chunk_row(const office::Chunk& c) override {
        body_ << "<table:table-row table:style-name=\"EasyReadChunks.Row\">"
              << "<table:table-cell table:style-name=\"EasyReadChunks.Cell\" office:value-type=\"string\">"
              << "<text:p text:style-name=\"Easy_20_read_20_picture\">";
        if (c.picture) picture(*c.picture, g_.picture_size, g_.picture_size);
        body_ << "</text:p></table:table-cell>"
              << "<table:table-cell table:style-name=\"EasyReadChunks.Cell\" office:value-type=\"string\">";
        if (c.texts.empty()) body_ << "<text:p text:style-name=\"Easy_20_read_20_text\"/>";
        // A list item is a real list (the bullet from its list style), so word
        // processors and screen readers know it as one; its other parts hang under it.
        const bool item = !c.texts.empty() && c.texts.front()->tag == Tag::LI;
        const int number = item ? office::list_number(*c.texts.front()) : 0;
        // A numbered item says its own number, so the count is right in whichever cell it sits.
        // An item of a list inside a list sits at its depth inside outer
        // lists whose items have no label of their own.
        const int depth = item ? std::clamp(c.texts.front()->list_level, 1, 9) : 0;
        if (item)
            body_ << "<text:list text:style-name=\""
                  << (number > 0 ? "Easy_20_read_20_numbers" : "Easy_20_read_20_bullets") << "\">";
        for (int l = 1; l < depth; ++l) body_ << "<text:list-item><text:list>";
        if (number > 0) body_ << "<text:list-item text:start-value=\"" << number << "\">";
        else if (item) body_ << "<text:list-item>";
        for (const auto* t : c.texts) {
            body_ << "<text:p text:style-name=\""
                  << (t->tag == Tag::LI ? "Easy_20_read_20_list_20_item" : "Easy_20_read_20_text") << "\">";
            runs(t->markup, t->links);
            body_ << "</text:p>";
        }
        for (int l = 0; l < depth; ++l) body_ << "</text:list-item></text:list>";
        body_ << "</table:table-cell></table:table-row>";
    }

    void contents_entry(const PlacedItem& entry, const std::string& name, const std::string& word,
                        const std::string& number) override {
        // An entry links to its heading; its page number is a reference to
        // the heading's page, holding the layout's number until the
        // word processor lays the pages out itself.
        body_ << "<text:p text:style-name=\"" << para_style("Contents_20_1") << "\">";
        if (name.empty()) {
            runs(entry.markup);
            body_ << "<text:tab/>" << word << "</text:p>";
            return;
        }
        body_ << "<text:a xlink:type=\"simple\" xlink:href=\"#" << name << "\">";
        runs(entry.markup);
        body_ << "</text:a><text:tab/>" << word << "<text:bookmark-ref text:reference-format=\"page\" text:ref-name=\""
              << name << "\">" << number << "</text:bookmark-ref></text:p>";
    }

    void page_picture(const PlacedItem& p) override {
        body_ << "<text:p text:style-name=\""
              << para_style(p.logo ? "Easy_20_read_20_logo" : "Easy_20_read_20_cover_20_picture") << "\">";
        picture(p, p.width, p.height);
        body_ << "</text:p>";
    }

    void text_paragraph(const PlacedItem& t, bool subtitle) override {
        body_ << "<text:p text:style-name=\"" << para_style(subtitle ? "Subtitle" : "Easy_20_read_20_text") << "\">";
        runs(t.markup, t.links);
        body_ << "</text:p>";
    }

    std::string content() const {
        std::ostringstream o;
        o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content" << kNamespaces
          << "><office:automatic-styles>"
          << "<style:style style:name=\"EasyReadChunks\" style:family=\"table\"><style:table-properties style:width=\""
          << pt(g_.content_width()) << "\" table:align=\"left\"/></style:style>"
          << "<style:style style:name=\"EasyReadChunks.A\" style:family=\"table-column\">"
             "<style:table-column-properties style:column-width=\""
          << pt(g_.picture_column) << "\"/></style:style>"
          << "<style:style style:name=\"EasyReadChunks.B\" style:family=\"table-column\">"
             "<style:table-column-properties style:column-width=\""
          << pt(g_.text_width()) << "\"/></style:style>"
          << "<style:style style:name=\"EasyReadChunks.Row\" style:family=\"table-row\">"
             "<style:table-row-properties fo:keep-together=\"always\"/></style:style>"
          << "<style:style style:name=\"EasyReadChunks.Cell\" style:family=\"table-cell\">"
             "<style:table-cell-properties fo:border=\"none\" style:vertical-align=\"top\" fo:padding-top=\""
          << pt(g_.gap / 4) << "\" fo:padding-bottom=\"" << pt(g_.gap / 4) << "\" fo:padding-left=\"0pt\" "
          << "fo:padding-right=\"" << pt(g_.gap / 2) << "\"/></style:style>"
          << "<style:style style:name=\"EasyReadPictureFrame\" style:family=\"graphic\">"
             "<style:graphic-properties style:vertical-pos=\"top\" style:vertical-rel=\"baseline\" "
             "fo:border=\"none\" fo:padding=\"0pt\"/></style:style>";
        for (const auto& [key, parent] : break_styles_) {
            o << "<style:style style:name=\"" << key << "\" style:family=\"paragraph\" style:parent-style-name=\""
              << parent << "\"";
            if (key.rfind("First", 0) == 0) o << " style:master-page-name=\"First_20_Page\"";
            o << "><style:paragraph-properties";
            if (key.rfind("Break", 0) == 0) o << " fo:break-before=\"page\"";
            o << "/></style:style>";
        }
        o << "</office:automatic-styles><office:body><office:text>" << body_.str()
          << "</office:text></office:body></office:document-content>";
        return o.str();
    }

    // A list style of nine levels, each 0.25 inch further in: a round
    // bullet, or the item's number and a full stop.
    static std::string list_style(const char* name, const char* display, bool numbers) {
        std::string o = std::string("<text:list-style style:name=\"") + name + "\" style:display-name=\"" + display + "\">";
        for (int l = 1; l <= 9; ++l) {
            const std::string in = std::to_string(0.25 * l).substr(0, 4) + "in";
            o += numbers ? "<text:list-level-style-number text:level=\"" + std::to_string(l) +
                               "\" style:num-suffix=\".\" style:num-format=\"1\">"
                         : "<text:list-level-style-bullet text:level=\"" + std::to_string(l) +
                               "\" text:bullet-char=\"\u2022\">";
            o += "<style:list-level-properties text:list-level-position-and-space-mode=\"label-alignment\">"
                 "<style:list-level-label-alignment text:label-followed-by=\"listtab\" text:list-tab-stop-position=\"" +
                 in + "\" fo:text-indent=\"-0.25in\" fo:margin-left=\"" + in + "\"/></style:list-level-properties>";
            o += numbers ? "</text:list-level-style-number>" : "</text:list-level-style-bullet>";
        }
        return o + "</text:list-style>";
    }

    std::string styles() const {
        const double body = doc_.options.body_pt;
        std::string language = doc_.lang, country;
        if (auto dash = language.find('-'); dash != std::string::npos) {
            country = language.substr(dash + 1);
            language.resize(dash);
        }
        std::ostringstream o;
        auto text_props = [&](double size, bool bold, const char* colour) {
            o << "<style:text-properties style:font-name=\"Andika\" fo:font-size=\"" << pt(size) << "\" fo:color=\"#"
              << colour << "\"" << (bold ? " fo:font-weight=\"bold\"" : "") << "/>";
        };
        auto para = [&](const std::string& display, const std::string& parent, const std::string& props) {
            o << "<style:style style:name=\"" << name(display) << "\" style:display-name=\"" << display
              << "\" style:family=\"paragraph\"";
            if (!parent.empty()) o << " style:parent-style-name=\"" << name(parent) << "\"";
            o << ">" << props;
        };
        auto heading = [&](const std::string& display, double size, int level) {
            o << "<style:style style:name=\"" << name(display) << "\" style:display-name=\"" << display
              << "\" style:family=\"paragraph\" style:parent-style-name=\"Easy_20_read_20_heading\" "
              << "style:next-style-name=\"Easy_20_read_20_text\"";
            if (level > 0) o << " style:default-outline-level=\"" << level << "\" style:class=\"text\"";
            o << "><style:paragraph-properties fo:margin-top=\"" << pt(body * 0.75) << "\" fo:margin-bottom=\""
              << pt(body * 0.5) << "\" fo:keep-with-next=\"always\"/>";
            text_props(size, true, "0b2545");
            o << "</style:style>";
        };
        o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles" << kNamespaces << ">"
          << "<office:font-face-decls><style:font-face style:name=\"Andika\" svg:font-family=\"Andika\" "
             "style:font-family-generic=\"swiss\" style:font-pitch=\"variable\"/><style:font-face style:name=\"Arial\" "
             "svg:font-family=\"Arial\" style:font-family-generic=\"swiss\" style:font-pitch=\"variable\"/>"
             "</office:font-face-decls><office:styles>"
          << "<style:default-style style:family=\"paragraph\"><style:text-properties style:font-name=\"Andika\" "
             "fo:font-size=\""
          << pt(body) << "\" fo:language=\"" << xml(language) << "\" fo:country=\"" << xml(country)
          << "\"/></style:default-style>"
          << "<style:style style:name=\"Standard\" style:family=\"paragraph\" style:class=\"text\"/>";
        para("Easy read text", "Standard", "");
        o << "<style:paragraph-properties fo:margin-top=\"0pt\" fo:margin-bottom=\"" << pt(g_.gap / 2)
          << "\" fo:line-height=\"" << static_cast<int>(doc_.options.line_spacing * 100 + 0.5) << "%\"/>";
        text_props(body, false, "111111");
        o << "</style:style>";
        para("Easy read list item", "Easy read text", "</style:style>");
        para("Easy read picture", "Standard",
             "<style:paragraph-properties fo:margin-top=\"0pt\" fo:margin-bottom=\"0pt\"/></style:style>");
        para("Easy read cover picture", "Easy read picture",
             "<style:paragraph-properties fo:text-align=\"center\" fo:margin-bottom=\"" + pt(g_.gap) +
                 "\"/></style:style>");
        para("Easy read logo", "Easy read picture",
             "<style:paragraph-properties fo:text-align=\"end\"/></style:style>");
        para("Easy read heading", "Easy read text", "<style:paragraph-properties fo:line-height=\"120%\"/>");
        text_props(body, true, "0b2545");
        o << "</style:style>";
        heading("Title", body * 2.25, 0);
        heading("Subtitle", body * 1.5, 0);
        heading("Heading 1", body * 2.0, 1);
        heading("Heading 2", body * 1.5, 2);
        heading("Heading 3", body * 1.25, 3);
        para("Contents 1", "Easy read text", "<style:paragraph-properties><style:tab-stops><style:tab-stop "
                                               "style:position=\"" +
                                                   pt(g_.content_width()) +
                                                   "\" style:type=\"right\" style:leader-style=\"dotted\" "
                                                   "style:leader-text=\".\"/></style:tab-stops>"
                                                   "</style:paragraph-properties></style:style>");
        para("Footer", "Easy read text",
             "<style:paragraph-properties fo:text-align=\"center\" fo:margin-bottom=\"0pt\"/></style:style>");
        o << "<style:style style:name=\"Easy_20_read_20_hard_20_word\" style:display-name=\"Easy read hard word\" "
             "style:family=\"text\"><style:text-properties fo:font-weight=\"bold\"/></style:style>"
          << list_style("Easy_20_read_20_bullets", "Easy read bullets", false)
          << list_style("Easy_20_read_20_numbers", "Easy read numbers", true)
          << "</office:styles><office:automatic-styles>";
        auto layout = [&](const char* n, bool footer) {
            o << "<style:page-layout style:name=\"" << n << "\"><style:page-layout-properties fo:page-width=\""
              << pt(g_.width) << "\" fo:page-height=\"" << pt(g_.height) << "\" style:print-orientation=\"portrait\" "
              << "fo:margin-top=\"" << pt(g_.margin_top) << "\" fo:margin-bottom=\""
              << pt(footer ? g_.margin_bottom / 3 : g_.margin_bottom) << "\" fo:margin-left=\"" << pt(g_.margin_left)
              << "\" fo:margin-right=\"" << pt(g_.margin_right) << "\"/>";
            if (footer)
                o << "<style:footer-style><style:header-footer-properties fo:min-height=\"" << pt(g_.margin_bottom / 3)
                  << "\" fo:margin-top=\"" << pt(g_.margin_bottom / 3) << "\"/></style:footer-style>";
            o << "</style:page-layout>";
        };
        layout("PageWithNumber", true);
        layout("CoverPage", false);
        o << "</office:automatic-styles><office:master-styles>"
          << "<style:master-page style:name=\"Standard\" style:page-layout-name=\"PageWithNumber\"><style:footer>"
             "<text:p text:style-name=\"Footer\"><text:page-number text:select-page=\"current\">1</text:page-number>"
             "</text:p></style:footer></style:master-page>"
          << "<style:master-page style:name=\"First_20_Page\" style:display-name=\"First Page\" "
             "style:page-layout-name=\"CoverPage\" style:next-style-name=\"Standard\"/>"
          << "</office:master-styles></office:document-styles>";
        return o.str();
    }

    std::string meta() const {
        std::string author = xml(office::author_of(meta_));
        return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta") + kNamespaces +
               "><office:meta><meta:generator>easyread</meta:generator><dc:title>" + xml(doc_.title) +
               "</dc:title><dc:subject>" + xml(doc_.subject) + "</dc:subject><dc:language>" + xml(doc_.lang) +
               "</dc:language><meta:initial-creator>" + author + "</meta:initial-creator><dc:creator>" + author +
               "</dc:creator></office:meta></office:document-meta>";
    }

    std::string manifest() const {
        std::string o =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest "
            "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">"
            "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\" "
            "manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>";
        for (const char* part : {"content.xml", "styles.xml", "meta.xml"})
            o += std::string("<manifest:file-entry manifest:full-path=\"") + part +
                 "\" manifest:media-type=\"text/xml\"/>";
        for (std::size_t n = 1; n <= pictures().size(); ++n)
            o += "<manifest:file-entry manifest:full-path=\"" + media_name(n) + "\" manifest:media-type=\"image/png\"/>";
        return o + "</manifest:manifest>";
    }
};

}  // namespace

bool render_odt(const LaidOutDocument& doc, const FrontMatter& meta, const std::string& path, Diagnostics& diags) {
    return OdtWriter(doc, meta, diags).write(path);
}

}  // namespace easyread
