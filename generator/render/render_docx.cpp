// Word (.docx, Office Open XML) from the laid-out pages: the same cover,
// contents, chunks, hard words and contact page as the PDF, made to be
// edited: every chunk is a row of a borderless two-column table (picture
// left, text right), text and headings use named styles, pictures sit in
// line with the text (no text boxes or floating frames).
#include <algorithm>
#include <map>
#include <sstream>

#include "generator/render/office_writer.hpp"
#include "generator/render/render.hpp"

namespace easyread {

namespace {

using office::xml;

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kRel = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* kDecorativeExt = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}";

long twips(double points) { return static_cast<long>(points * 20 + 0.5); }
long emu(double points) { return static_cast<long>(points * 12700 + 0.5); }
long half_points(double points) { return static_cast<long>(points * 2 + 0.5); }
constexpr int kListIndent = 360;  // twips a list level hangs in (0.25 inch)

class DocxWriter : public office::OfficeWriter {
public:
    DocxWriter(const LaidOutDocument& doc, const FrontMatter& meta, Diagnostics& diags)
        : OfficeWriter(doc, diags), meta_(meta) {}

    bool write(const std::string& path) {
        office::ZipPackage zip(path);
        walk();
        zip.add("[Content_Types].xml", content_types());
        zip.add("_rels/.rels", package_rels());
        zip.add("docProps/core.xml", core());
        zip.add("docProps/app.xml", app());
        zip.add("word/document.xml", document());
        zip.add("word/styles.xml", styles());
        zip.add("word/settings.xml", settings());
        zip.add("word/fontTable.xml", font_table());
        zip.add("word/footer1.xml", footer());
        zip.add("word/numbering.xml", numbering());
        zip.add("word/_rels/document.xml.rels", document_rels());
        for (std::size_t i = 0; i < pictures().size(); ++i)
            zip.add("word/media/" + media_name(i + 1), pictures()[i]->bytes, true);
        return zip.close(diags_);
    }

private:
    const FrontMatter& meta_;
    int drawing_id_ = 0;
    std::map<std::string, std::string> link_rids_;  // uri -> relationship id
    // The last number of each numbered list at each depth, and its numId.
    std::map<std::pair<int, int>, std::pair<int, int>> numbered_;
    std::vector<std::pair<int, int>> list_starts_;  // numId 2 + i: its level and first number

    // numId 1 is every bullet list; each numbered list (at each place it
    // begins, a list inside an item beginning again) has its own, starting at
    // its first number, so Word counts as the layout does.
    int num_id(const PlacedItem& item) {
        const int number = office::list_number(item);
        if (number == 0) return 1;
        const int level = list_level(item);
        auto& [last, id] = numbered_[{item.list, level}];
        if (id == 0 || number != last + 1) {
            id = static_cast<int>(list_starts_.size()) + 2;
            list_starts_.push_back({level, number});
        }
        last = number;
        return id;
    }
    // Word's list level (ilvl, 0 for the top), from the layout's depth.
    static int list_level(const PlacedItem& item) { return std::clamp(item.list_level - 1, 0, 8); }
    static std::string media_name(std::size_t n) { return "image" + std::to_string(n) + ".png"; }
    static std::string media_rid(std::size_t n) { return "rIdImage" + std::to_string(n); }

    // --- runs and paragraphs ---
    // The text's runs; the parts a link covers are Word hyperlinks.
    void runs(const std::string& markup, const std::vector<LinkArea>& links = {}) {
        for (const auto& part : office::link_parts(office::markup_runs(markup), links)) {
            if (!part.uri.empty()) body_ << "<w:hyperlink r:id=\"" << link_rid(part.uri) << "\" w:history=\"1\">";
            body_ << "<w:r>";
            if (part.run.bold || !part.uri.empty()) {
                body_ << "<w:rPr>";
                if (part.run.bold) body_ << "<w:rStyle w:val=\"EasyReadHardWord\"/><w:b/>";
                else body_ << "<w:rStyle w:val=\"Hyperlink\"/>";
                body_ << "</w:rPr>";
            }
            if (part.run.line_break) body_ << "<w:br/>";
            body_ << "<w:t xml:space=\"preserve\">" << xml(part.run.text) << "</w:t></w:r>";
            if (!part.uri.empty()) body_ << "</w:hyperlink>";
        }
    }
    std::string link_rid(const std::string& uri) {
        auto [it, added] = link_rids_.emplace(uri, "rIdLink" + std::to_string(link_rids_.size() + 1));
        return it->second;
    }
    void paragraph_start(const std::string& style, const std::string& extra = {}) {
        body_ << "<w:p><w:pPr><w:pStyle w:val=\"" << style << "\"/>";
        if (break_before_) body_ << "<w:pageBreakBefore/>";
        break_before_ = false;
        body_ << extra << "</w:pPr>";
    }
    void paragraph(const std::string& style, const std::string& markup, const std::string& extra = {}) {
        paragraph_start(style, extra);
        runs(markup);
        body_ << "</w:p>";
    }

    // An inline picture fitted into a width x height box (points).
    void picture(const PlacedItem& pic, double width, double height) {
        const Fitted f = fit_picture(pic, width, height);
        if (!f.png) return;
        const long cx = emu(f.width), cy = emu(f.height);
        int id = ++drawing_id_;
        const bool decorative = pic.alt.empty();
        body_ << "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
              << "<wp:extent cx=\"" << cx << "\" cy=\"" << cy << "\"/>"
              << "<wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
              << "<wp:docPr id=\"" << id << "\" name=\"Picture " << id << "\"";
        if (!decorative) body_ << " descr=\"" << xml(pic.alt) << "\"";
        body_ << ">";
        if (decorative)
            body_ << "<a:extLst xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:ext uri=\""
                  << kDecorativeExt
                  << "\"><adec:decorative xmlns:adec=\"http://schemas.microsoft.com/office/drawing/2017/decorative\" "
                     "val=\"1\"/></a:ext></a:extLst>";
        body_ << "</wp:docPr><wp:cNvGraphicFramePr><a:graphicFrameLocks "
                 "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" noChangeAspect=\"1\"/>"
                 "</wp:cNvGraphicFramePr>"
                 "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">"
                 "<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
                 "<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
              << "<pic:nvPicPr><pic:cNvPr id=\"" << id << "\" name=\"" << media_name(f.number) << "\"";
        if (!decorative) body_ << " descr=\"" << xml(pic.alt) << "\"";
        body_ << "/><pic:cNvPicPr/></pic:nvPicPr>"
              << "<pic:blipFill><a:blip r:embed=\"" << media_rid(f.number) << "\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
              << "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"" << cx << "\" cy=\"" << cy << "\"/></a:xfrm>"
              << "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"
              << "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>";
    }

    // --- the chunk table ---
    void begin_table() override {
        // A table cannot carry a page break: an empty paragraph before it does.
        if (break_before_) paragraph("EasyReadText", "");
        const long pic = twips(g_.picture_column), text = twips(g_.text_width());
        body_ << "<w:tbl><w:tblPr><w:tblStyle w:val=\"EasyReadChunks\"/><w:tblW w:w=\"" << pic + text
              << "\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"
                 "<w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" "
                 "w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr>"
              << "<w:tblGrid><w:gridCol w:w=\"" << pic << "\"/><w:gridCol w:w=\"" << text << "\"/></w:tblGrid>";
    }
    void end_table() override { body_ << "</w:tbl>"; }
    void chunk_row(const office::Chunk& c) override {
        body_ << "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
        body_ << "<w:tc><w:tcPr><w:tcW w:w=\"" << twips(g_.picture_column) << "\" w:type=\"dxa\"/></w:tcPr>";
        body_ << "<w:p><w:pPr><w:pStyle w:val=\"EasyReadPicture\"/></w:pPr>";
        if (c.picture) picture(*c.picture, g_.picture_size, g_.picture_size);
        body_ << "</w:p></w:tc>";
        body_ << "<w:tc><w:tcPr><w:tcW w:w=\"" << twips(g_.text_width()) << "\" w:type=\"dxa\"/></w:tcPr>";
        if (c.texts.empty()) body_ << "<w:p><w:pPr><w:pStyle w:val=\"EasyReadText\"/></w:pPr></w:p>";
        for (const auto* t : c.texts) {
            body_ << "<w:p><w:pPr><w:pStyle w:val=\"" << (t->tag == Tag::LI ? "EasyReadList" : "EasyReadText")
                  << "\"/>";
            // A list item is a Word list paragraph (numbering.xml's bullet), so
            // Word, screen readers and its list buttons know it as one; the
            // rest of a long item's text hangs under it.
            if (t->tag == Tag::LI && t == c.texts.front())
                body_ << "<w:numPr><w:ilvl w:val=\"" << list_level(*t) << "\"/><w:numId w:val=\"" << num_id(*t)
                      << "\"/></w:numPr>";
            else if (t->tag == Tag::LI)
                body_ << "<w:ind w:left=\"" << kListIndent * (list_level(*t) + 1) << "\"/>";
            body_ << "</w:pPr>";
            runs(t->markup, t->links);
            body_ << "</w:p>";
        }
        body_ << "</w:tc></w:tr>";
    }

    // --- the pieces of the pages ---
    void heading(const PlacedItem& t, int level, bool title) override {
        paragraph_start(title ? "Title" : "Heading" + std::to_string(level));
        if (!t.dest.empty())
            body_ << "<w:bookmarkStart w:id=\"" << bookmark_number(t.dest) << "\" w:name=\"" << bookmark(t.dest)
                  << "\"/>";
        runs(t.markup, t.links);
        if (!t.dest.empty()) body_ << "<w:bookmarkEnd w:id=\"" << bookmark_number(t.dest) << "\"/>";
        body_ << "</w:p>";
    }

    void contents_entry(const PlacedItem& entry, const std::string& name, const std::string& word,
                        const std::string& number) override {
        // An entry links to its heading; its page number is a PAGEREF field
        // holding the layout's number, marked dirty (and the settings ask to
        // update fields) so Word puts its own page numbers in on opening.
        paragraph_start("TOC1");
        if (name.empty()) {
            runs(entry.markup);
            body_ << "<w:r><w:tab/><w:t>" << word << "</w:t></w:r></w:p>";
            return;
        }
        body_ << "<w:hyperlink w:anchor=\"" << name << "\" w:history=\"1\">";
        runs(entry.markup);
        body_ << "<w:r><w:tab/><w:t xml:space=\"preserve\">" << word << "</w:t></w:r>"
              << "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>"
              << "<w:r><w:instrText xml:space=\"preserve\"> PAGEREF " << name << " \\h </w:instrText></w:r>"
              << "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>" << number << "</w:t></w:r>"
              << "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:hyperlink></w:p>";
    }

    void page_picture(const PlacedItem& p) override {
        paragraph_start("EasyReadPicture", p.logo ? "<w:jc w:val=\"right\"/>" : "<w:jc w:val=\"center\"/>");
        picture(p, p.width, p.height);
        body_ << "</w:p>";
    }

    void text_paragraph(const PlacedItem& t, bool subtitle) override {
        paragraph_start(subtitle ? "Subtitle" : "EasyReadText");
        runs(t.markup, t.links);
        body_ << "</w:p>";
    }

    // --- package parts ---
    std::string document() {
        std::ostringstream o;
        o << "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
          << "<w:document xmlns:w=\"" << kW << "\" xmlns:r=\"" << kR
          << "\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"><w:body>"
          << body_.str() << "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>"
          << "<w:pgSz w:w=\"" << twips(g_.width) << "\" w:h=\"" << twips(g_.height) << "\"/>"
          << "<w:pgMar w:top=\"" << twips(g_.margin_top) << "\" w:right=\"" << twips(g_.margin_right)
          << "\" w:bottom=\"" << twips(g_.margin_bottom) << "\" w:left=\"" << twips(g_.margin_left)
          << "\" w:header=\"" << twips(g_.margin_top / 2) << "\" w:footer=\"" << twips(g_.margin_bottom / 3)
          << "\" w:gutter=\"0\"/><w:titlePg/></w:sectPr></w:body></w:document>";
        return o.str();
    }

    std::string styles() const {
        const double body = doc_.options.body_pt;
        const std::string lang = xml(doc_.lang);
        std::ostringstream o;
        auto font = [](const char* name) {
            return std::string("<w:rFonts w:ascii=\"") + name + "\" w:hAnsi=\"" + name + "\" w:cs=\"" + name +
                   "\" w:eastAsia=\"" + name + "\"/>";
        };
        auto heading = [&](const char* id, const char* name, double size, int outline) {
            o << "<w:style w:type=\"paragraph\" w:styleId=\"" << id << "\"><w:name w:val=\"" << name
              << "\"/><w:basedOn w:val=\"EasyReadHeading\"/><w:next w:val=\"EasyReadText\"/><w:uiPriority w:val=\"9\"/>"
              << "<w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"" << twips(body * 0.75)
              << "\" w:after=\"" << twips(body * 0.5) << "\"/>";
            if (outline >= 0) o << "<w:outlineLvl w:val=\"" << outline << "\"/>";
            o << "</w:pPr><w:rPr><w:sz w:val=\"" << half_points(size) << "\"/><w:szCs w:val=\"" << half_points(size)
              << "\"/></w:rPr></w:style>";
        };
        o << "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"" << kW << "\">"
          << "<w:docDefaults><w:rPrDefault><w:rPr>" << font("Andika") << "<w:sz w:val=\"" << half_points(body)
          << "\"/><w:szCs w:val=\"" << half_points(body) << "\"/><w:lang w:val=\"" << lang
          << "\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" "
             "w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
          // Word's built-in default paragraph style.
          << "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
             "<w:qFormat/></w:style>"
          << "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name "
             "w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>"
          // The easy read styles: change one and every chunk follows.
          << "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"EasyReadText\"><w:name w:val=\"Easy read "
             "text\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:after=\""
          << twips(g_.gap / 2) << "\" w:line=\"" << static_cast<long>(240 * doc_.options.line_spacing + 0.5)
          << "\" w:lineRule=\"auto\"/></w:pPr><w:rPr>" << font("Andika") << "<w:color w:val=\"111111\"/><w:sz w:val=\""
          << half_points(body) << "\"/><w:szCs w:val=\"" << half_points(body) << "\"/></w:rPr></w:style>"
          << "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"EasyReadList\"><w:name w:val=\"Easy read "
             "list item\"/><w:basedOn w:val=\"EasyReadText\"/><w:qFormat/></w:style>"
          << "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"EasyReadPicture\"><w:name w:val=\"Easy "
             "read picture\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\""
          << twips(g_.gap / 2) << "\"/></w:pPr></w:style>"
          << "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"EasyReadHeading\"><w:name w:val=\"Easy "
             "read heading\"/><w:basedOn w:val=\"EasyReadText\"/><w:next w:val=\"EasyReadText\"/><w:qFormat/>"
             "<w:pPr><w:keepNext/><w:spacing w:line=\"288\" w:lineRule=\"auto\"/></w:pPr><w:rPr><w:b/><w:bCs/>"
             "<w:color w:val=\"0B2545\"/></w:rPr></w:style>";
        heading("Title", "Title", body * 2.25, -1);
        heading("Subtitle", "Subtitle", body * 1.5, -1);
        heading("Heading1", "heading 1", body * 2.0, 0);
        heading("Heading2", "heading 2", body * 1.5, 1);
        heading("Heading3", "heading 3", body * 1.25, 2);
        o << "<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/><w:rPr><w:color "
             "w:val=\"1F4E79\"/><w:u w:val=\"single\"/></w:rPr></w:style>";
        o << "<w:style w:type=\"character\" w:customStyle=\"1\" w:styleId=\"EasyReadHardWord\"><w:name w:val=\"Easy "
             "read hard word\"/><w:basedOn w:val=\"DefaultParagraphFont\"/><w:qFormat/><w:rPr><w:b/><w:bCs/></w:rPr>"
             "</w:style>"
          << "<w:style w:type=\"paragraph\" w:styleId=\"TOC1\"><w:name w:val=\"toc 1\"/><w:basedOn "
             "w:val=\"EasyReadText\"/><w:pPr><w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\""
          << twips(g_.content_width()) << "\"/></w:tabs></w:pPr></w:style>"
          << "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn "
             "w:val=\"EasyReadText\"/><w:pPr><w:jc w:val=\"center\"/><w:spacing w:after=\"0\"/></w:pPr></w:style>"
          << "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
             "<w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" "
             "w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right "
             "w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
          << "<w:style w:type=\"table\" w:customStyle=\"1\" w:styleId=\"EasyReadChunks\"><w:name w:val=\"Easy read "
             "picture and text\"/><w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblBorders><w:top "
             "w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/><w:insideH "
             "w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders><w:tblCellMar><w:top w:w=\""
          << twips(g_.gap / 4) << "\" w:type=\"dxa\"/><w:left w:w=\"0\" w:type=\"dxa\"/><w:bottom w:w=\""
          << twips(g_.gap / 4) << "\" w:type=\"dxa\"/><w:right w:w=\"" << twips(g_.gap / 2)
          << "\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tcPr><w:vAlign w:val=\"top\"/></w:tcPr></w:style>"
          << "</w:styles>";
        return o.str();
    }

    // Two list definitions of nine levels, each level hanging 0.25 inch
    // further in: a round bullet, and numbers ("1.") for each numbered list
    // from its own first number.
    std::string numbering() const {
        auto levels = [](const char* format, bool numbers) {
            std::string o = "<w:multiLevelType w:val=\"multilevel\"/>";
            for (int l = 0; l < 9; ++l)
                o += "<w:lvl w:ilvl=\"" + std::to_string(l) + "\"><w:start w:val=\"1\"/><w:numFmt w:val=\"" +
                     format + "\"/><w:lvlText w:val=\"" + (numbers ? "%" + std::to_string(l + 1) + "." : "\u2022") +
                     "\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"" + std::to_string(kListIndent * (l + 1)) +
                     "\" w:hanging=\"" + std::to_string(kListIndent) + "\"/></w:pPr></w:lvl>";
            return o;
        };
        std::string o = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:numbering xmlns:w=\"") +
                        kW + "\"><w:abstractNum w:abstractNumId=\"0\">" + levels("bullet", false) +
                        "</w:abstractNum><w:abstractNum w:abstractNumId=\"1\">" + levels("decimal", true) +
                        "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";
        for (std::size_t i = 0; i < list_starts_.size(); ++i)
            o += "<w:num w:numId=\"" + std::to_string(i + 2) + "\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride "
                 "w:ilvl=\"" + std::to_string(list_starts_[i].first) + "\"><w:startOverride w:val=\"" +
                 std::to_string(list_starts_[i].second) + "\"/></w:lvlOverride></w:num>";
        return o + "</w:numbering>";
    }

    // In the schema's order (Word refuses others): updating fields on
    // opening puts Word's own page numbers in the contents.
    std::string settings() const {
        return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:settings xmlns:w=\"") +
               kW + "\"><w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>"
                    "<w:updateFields w:val=\"true\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" "
                    "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
                    "<w:themeFontLang w:val=\"" + xml(doc_.lang) + "\"/></w:settings>";
    }

    // Andika where it is installed; Word and LibreOffice take Arial (same
    // family: sans serif) where it is not.
    std::string font_table() const {
        return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:fonts xmlns:w=\"") + kW +
               "\"><w:font w:name=\"Andika\"><w:altName w:val=\"Arial\"/><w:charset w:val=\"00\"/>"
               "<w:family w:val=\"swiss\"/><w:pitch w:val=\"variable\"/></w:font>"
               "<w:font w:name=\"Arial\"><w:panose1 w:val=\"020B0604020202020204\"/><w:charset w:val=\"00\"/>"
               "<w:family w:val=\"swiss\"/><w:pitch w:val=\"variable\"/></w:font></w:fonts>";
    }

    std::string footer() const {
        return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr xmlns:w=\"") + kW +
               "\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr><w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t>"
               "</w:r></w:fldSimple></w:p></w:ftr>";
    }

    std::string content_types() const {
        const std::string ct = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
               "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
               "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
               "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
               "<Default Extension=\"png\" ContentType=\"image/png\"/>"
               "<Override PartName=\"/word/document.xml\" ContentType=\"" +
               ct + "document.main+xml\"/><Override PartName=\"/word/styles.xml\" ContentType=\"" + ct +
               "styles+xml\"/><Override PartName=\"/word/settings.xml\" ContentType=\"" + ct +
               "settings+xml\"/><Override PartName=\"/word/fontTable.xml\" ContentType=\"" + ct +
               "fontTable+xml\"/><Override PartName=\"/word/footer1.xml\" ContentType=\"" + ct +
               "footer+xml\"/><Override PartName=\"/word/numbering.xml\" ContentType=\"" + ct +
               "numbering+xml\"/><Override PartName=\"/docProps/core.xml\" "
               "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
               "<Override PartName=\"/docProps/app.xml\" "
               "ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/></Types>";
    }

    static std::string rel(const std::string& id, const std::string& type, const std::string& target) {
        return "<Relationship Id=\"" + id + "\" Type=\"" + type + "\" Target=\"" + target + "\"/>";
    }

    std::string package_rels() const {
        const std::string od = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
        return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"") +
               kRel + "\">" + rel("rId1", od + "officeDocument", "word/document.xml") +
               rel("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                   "docProps/core.xml") +
               rel("rId3", od + "extended-properties", "docProps/app.xml") + "</Relationships>";
    }

    std::string document_rels() const {
        const std::string od = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
        std::string o = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships "
                                    "xmlns=\"") +
                        kRel + "\">" + rel("rIdStyles", od + "styles", "styles.xml") +
                        rel("rIdSettings", od + "settings", "settings.xml") +
                        rel("rIdFonts", od + "fontTable", "fontTable.xml") +
                        rel("rIdFooter", od + "footer", "footer1.xml") +
                        rel("rIdNumbering", od + "numbering", "numbering.xml");
        for (std::size_t n = 1; n <= pictures().size(); ++n) o += rel(media_rid(n), od + "image", "media/" + media_name(n));
        for (const auto& [uri, rid] : link_rids_)
            o += "<Relationship Id=\"" + rid + "\" Type=\"" + od + "hyperlink\" Target=\"" + xml(uri) +
                 "\" TargetMode=\"External\"/>";
        return o + "</Relationships>";
    }

    std::string core() const {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
               "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/"
               "core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
               "xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
               "<dc:title>" +
               xml(doc_.title) + "</dc:title><dc:subject>" + xml(doc_.subject) + "</dc:subject><dc:creator>" +
               xml(office::author_of(meta_)) + "</dc:creator><dc:language>" + xml(doc_.lang) +
               "</dc:language></cp:coreProperties>";
    }

    std::string app() const {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
               "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
               "<Application>easyread</Application></Properties>";
    }
};

}  // namespace

bool render_docx(const LaidOutDocument& doc, const FrontMatter& meta, const std::string& path, Diagnostics& diags) {
    return DocxWriter(doc, meta, diags).write(path);
}

}  // namespace easyread
