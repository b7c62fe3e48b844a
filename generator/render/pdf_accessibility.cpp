#include "generator/render/pdf_accessibility.hpp"

// Use qpdf 11 smart pointers without the old PointerHolder shim.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_Flate.hh>

#include <pango/pangocairo.h>

#include <exception>
#include <future>
#include <map>
#include <memory>
#include <string_view>
#include <vector>

#include "base/text_util.hpp"
#include "generator/render/draw_page.hpp"
#include "generator/render/pdf_pictures.hpp"
#include "generator/render/pdf_write.hpp"

namespace easyread {

namespace {

// Figures in the structure tree, in reading order (depth first).
void collect_figures(QPDFObjectHandle node, std::vector<QPDFObjectHandle>& out, int depth) {
    if (depth > 200) return;  // a structure tree is never this deep; guard against loops
    if (node.isArray()) {
        for (int i = 0; i < node.getArrayNItems(); ++i) collect_figures(node.getArrayItem(i), out, depth + 1);
        return;
    }
    if (!node.isDictionary()) return;
    if (node.hasKey("/S") && node.getKey("/S").isName() && node.getKey("/S").getName() == "/Figure")
        out.push_back(node);
    if (node.hasKey("/K")) collect_figures(node.getKey("/K"), out, depth + 1);
}

// Screen readers expect one Document element at the root of the structure
// tree; cairo puts every top-level element there directly.
void wrap_in_document(QPDF& pdf, QPDFObjectHandle tree_root) {
    QPDFObjectHandle kids = tree_root.getKey("/K");
    auto is_document = [](QPDFObjectHandle h) {
        return h.isDictionary() && h.getKey("/S").isName() && h.getKey("/S").getName() == "/Document";
    };
    if (!kids.isArray()) {
        if (!kids.isDictionary()) return;
        if (is_document(kids)) return;
        kids = QPDFObjectHandle::newArray(std::vector<QPDFObjectHandle>{kids});
    }
    auto doc = QPDFObjectHandle::newDictionary();
    doc.replaceKey("/Type", QPDFObjectHandle::newName("/StructElem"));
    doc.replaceKey("/S", QPDFObjectHandle::newName("/Document"));
    doc.replaceKey("/P", tree_root);
    doc.replaceKey("/K", kids);
    QPDFObjectHandle indirect = pdf.makeIndirectObject(doc);
    for (int i = 0; i < kids.getArrayNItems(); ++i) {
        QPDFObjectHandle kid = kids.getArrayItem(i);
        if (kid.isDictionary()) kid.replaceKey("/P", indirect);
    }
    tree_root.replaceKey("/K", indirect);
}

// Marks everything drawn outside the structure (the page, rules, page
// numbers, decorative pictures) as an artifact, so each content item is
// either tagged or an artifact, and drops marked-content spans with nothing
// inside (cairo writes an empty /ActualText span at each line break).
//
// A scan of the page's content bytes that copies them through and only
// looks at operators: qpdf's token filter made a string for every token of
// every page, and was most of the time the PDF took after cairo.
class ArtifactMarker {
public:
    explicit ArtifactMarker(const std::string& in) : in_(in) { out_.reserve(in.size() + in.size() / 8); }

    std::string run() {
        const std::size_t n = in_.size();
        std::size_t i = 0;
        while (i < n) {
            const char c = in_[i];
            if (is_space(c)) {
                ++i;
            } else if (c == '%') {
                while (i < n && in_[i] != '\n' && in_[i] != '\r') ++i;
            } else if (c == '(') {
                i = after_string(i);
            } else if (c == '<' && i + 1 < n && in_[i + 1] == '<') {
                i += 2;
            } else if (c == '>' && i + 1 < n && in_[i + 1] == '>') {
                i += 2;
            } else if (c == '<') {
                while (i < n && in_[i] != '>') ++i;
                ++i;
            } else if (c == '[' || c == ']' || c == '{' || c == '}') {
                ++i;
            } else if (c == '/') {
                i = after_regular(i + 1);
            } else {
                const std::size_t start = i;
                i = after_regular(i);
                if (i == start) ++i;  // a stray delimiter
                const std::string_view word(in_.data() + start, i - start);
                if (is_operand(word)) continue;
                if (word == "ID") i = after_inline_image(i);
                op(word, i);
            }
        }
        if (holding_) out_ += held_;
        out_.append(in_, pending_, std::string::npos);
        close_artifact();
        return std::move(out_);
    }

private:
    const std::string& in_;
    std::string out_;
    std::size_t pending_ = 0;  // where the coming operator's operands start
    std::string held_;         // a span's BDC, until something is drawn in it
    bool holding_ = false;
    int depth_ = 0;  // marked content open
    bool in_artifact_ = false;

    static bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }
    static bool is_delimiter(char c) {
        return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' ||
               c == '/' || c == '%';
    }
    std::size_t after_regular(std::size_t i) const {
        while (i < in_.size() && !is_space(in_[i]) && !is_delimiter(in_[i])) ++i;
        return i;
    }
    std::size_t after_string(std::size_t i) const {  // i at "("
        int nesting = 0;
        for (; i < in_.size(); ++i) {
            if (in_[i] == '\\') ++i;
            else if (in_[i] == '(') ++nesting;
            else if (in_[i] == ')' && --nesting == 0) return i + 1;
        }
        return i;
    }
    // An inline image's data runs from after "ID" to "EI" between white space.
    std::size_t after_inline_image(std::size_t i) const {
        for (std::size_t j = i + 1; j + 1 < in_.size(); ++j)
            if (in_[j] == 'E' && in_[j + 1] == 'I' && is_space(in_[j - 1]) &&
                (j + 2 == in_.size() || is_space(in_[j + 2])))
                return j;  // the scan then reads "EI" as the next operator
        return in_.size();
    }
    static bool is_operand(std::string_view w) {
        if (w == "true" || w == "false" || w == "null") return true;
        const char c = w.front();
        return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    }
    static bool paints(std::string_view op) {
        for (const char* p : {"Tj", "TJ", "'", "\"", "Do", "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh", "BI"})
            if (op == p) return true;
        return false;
    }
    void close_artifact() {
        if (!in_artifact_) return;
        out_ += "\nEMC\n";
        in_artifact_ = false;
    }
    // The operator `op` ends at `end`; its operands start at pending_.
    void op(std::string_view op, std::size_t end) {
        const std::string_view seg(in_.data() + pending_, end - pending_);
        pending_ = end;
        if (holding_) {
            holding_ = false;
            if (op == "EMC") {  // nothing inside: leave out both
                held_.clear();
                return;
            }
            out_ += held_;
            held_.clear();
            ++depth_;
        }
        if (op == "BDC" || op == "BMC") {
            close_artifact();
            // Marked content of the structure tree (with an MCID) is always kept.
            if (seg.find("/MCID") != std::string_view::npos) {
                out_ += seg;
                ++depth_;
            } else {
                held_.assign(seg);  // a span: written once something is drawn inside it
                holding_ = true;
            }
            return;
        }
        if (op == "EMC") {
            close_artifact();
            if (depth_ > 0) --depth_;
        } else if (op == "q" || op == "Q" || op == "BT" || op == "ET") {
            close_artifact();
        } else if (depth_ == 0 && paints(op) && !in_artifact_) {
            out_ += "/Artifact BMC\n";
            in_artifact_ = true;
        }
        out_ += seg;
    }
};

// A page's content streams as they are in the file: a stream compressed with
// Flate alone (all cairo writes) is inflated later on the second thread.
struct ContentPart {
    std::string bytes;
    bool deflated = false;
};

std::vector<ContentPart> page_content(QPDFObjectHandle page) {
    QPDFObjectHandle contents = page.getKey("/Contents");
    std::vector<ContentPart> parts;
    auto add = [&](QPDFObjectHandle stream) {
        if (!stream.isStream()) return;
        QPDFObjectHandle filter = stream.getDict().getKey("/Filter");
        const bool flate = filter.isNameAndEquals("/FlateDecode") && !stream.getDict().hasKey("/DecodeParms");
        std::shared_ptr<Buffer> b = flate || filter.isNull() ? stream.getRawStreamData()
                                                             : stream.getStreamData(qpdf_dl_generalized);
        parts.push_back({std::string(reinterpret_cast<const char*>(b->getBuffer()), b->getSize()), flate});
    };
    if (contents.isArray())
        for (int i = 0; i < contents.getArrayNItems(); ++i) add(contents.getArrayItem(i));
    else
        add(contents);
    return parts;
}

// Runs `bytes` through a qpdf Flate pipeline, one way or the other.
std::string flate(const std::string& bytes, Pl_Flate::action_e action) {
    Pl_Buffer buffer("page content");
    Pl_Flate pipe("page content", &buffer, action);
    pipe.write(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    pipe.finish();
    std::unique_ptr<Buffer> b(buffer.getBuffer());
    return std::string(reinterpret_cast<const char*>(b->getBuffer()), b->getSize());
}

// Marks the artifacts of each page's content (all its streams read as one)
// and compresses it, on a second thread while the rest of the file is read
// and changed: plain strings in and out, no qpdf object shared.
std::vector<std::string> mark_and_compress(const std::vector<std::vector<ContentPart>>& pages) {
    std::vector<std::string> out;
    for (const auto& parts : pages) {
        std::string content;
        for (const ContentPart& p : parts) {
            content += p.deflated ? flate(p.bytes, Pl_Flate::a_inflate) : p.bytes;
            content += '\n';
        }
        out.push_back(flate(ArtifactMarker(content).run(), Pl_Flate::a_deflate));
    }
    return out;
}

// Puts compressed `content` in the page's own content stream: qpdf 11 counts
// every object of the file for each new one (newStream), which a page at a
// time made the pass quadratic in the pages. The writer keeps it as it is.
void replace_content(QPDF& pdf, QPDFObjectHandle page, const std::string& content) {
    QPDFObjectHandle contents = page.getKey("/Contents");
    QPDFObjectHandle first = contents;
    if (contents.isArray() && contents.getArrayNItems() > 0) first = contents.getArrayItem(0);
    if (!first.isStream()) {
        first = QPDFObjectHandle::newStream(&pdf);
        page.replaceKey("/Contents", first);
    }
    first.replaceStreamData(content, QPDFObjectHandle::newName("/FlateDecode"), QPDFObjectHandle::newNull());
    if (contents.isArray()) page.replaceKey("/Contents", first);
}

// What each link annotation says to a screen reader (/Contents, as PDF/UA
// asks): a web link the words it covers on its line, a contents entry its
// heading. Web links by page, in the order they were drawn.
struct LinkWords {
    std::vector<std::vector<std::string>> web;  // page -> words of each web link box
    std::map<std::string, std::string> entries;  // contents target -> its heading
};

LinkWords link_words(const LaidOutDocument& doc) {
    LinkWords w;
    for (const auto& page : doc.pages) {
        w.web.emplace_back();
        for (const auto& it : page.items) {
            if (it.kind != ItemKind::Text || !it.layout) continue;
            for (const LinkBox& box : link_boxes(it.layout.get(), it)) w.web.back().push_back(box.text);
            if (it.tag == Tag::TOCI && !it.dest.empty() && !w.entries.count(it.dest))
                w.entries[it.dest] = pango_layout_get_text(it.layout.get());
        }
    }
    return w;
}

void describe_links(QPDFObjectHandle page, const std::vector<std::string>& web,
                    const std::map<std::string, std::string>& entries) {
    QPDFObjectHandle annots = page.getKey("/Annots");
    if (!annots.isArray()) return;
    std::size_t next_web = 0;
    for (int i = 0; i < annots.getArrayNItems(); ++i) {
        QPDFObjectHandle a = annots.getArrayItem(i);
        if (!a.isDictionary() || !a.getKey("/Subtype").isName() || a.getKey("/Subtype").getName() != "/Link")
            continue;
        std::string words;
        QPDFObjectHandle action = a.getKey("/A");
        if (action.isDictionary() && action.getKey("/URI").isString()) {
            words = next_web < web.size() ? web[next_web] : action.getKey("/URI").getUTF8Value();
            ++next_web;
        } else if (a.getKey("/Dest").isString()) {
            auto e = entries.find(a.getKey("/Dest").getUTF8Value());
            if (e != entries.end()) words = "Go to " + e->second;
        }
        if (!words.empty()) a.replaceKey("/Contents", QPDFObjectHandle::newUnicodeString(words));
    }
}

// XMP metadata: what PDF/UA-1 asks for (pdfuaid:part 1 and the title).
std::string xmp_metadata(const LaidOutDocument& doc) {
    std::string x = "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                    "<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n"
                    "  xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
                    "<pdfuaid:part>1</pdfuaid:part>\n"
                    "<dc:format>application/pdf</dc:format>\n"
                    "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" +
                    html_escape(doc.title) + "</rdf:li></rdf:Alt></dc:title>\n";
    if (!doc.subject.empty())
        x += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">Easy read version of " +
             html_escape(doc.subject) + "</rdf:li></rdf:Alt></dc:description>\n";
    x += "<dc:language><rdf:Bag><rdf:li>" + html_escape(doc.lang) + "</rdf:li></rdf:Bag></dc:language>\n";
    x += "<pdf:Producer>easyread</pdf:Producer>\n"
         "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
    return x;
}

}  // namespace

bool add_pdf_accessibility(const std::string& cairo_pdf, const PictureSheet& pictures,
                           const LaidOutDocument& doc, std::FILE* out, const std::string& path, Diagnostics& diags) {
    std::vector<std::string> alts;
    for (const auto& page : doc.pages)
        for (const auto& it : page.items)
            if (it.kind == ItemKind::Picture && it.tag == Tag::Figure) alts.push_back(it.alt);  // not decorative ones

    try {
        QPDF sheet;  // read before pdf and closed after it: pdf's copies of its pictures read it when written
        QPDF pdf;
        pdf.setSuppressWarnings(true);  // cairo repeats some resource keys; the rewrite keeps one
        pdf.processMemoryFile(path.c_str(), cairo_pdf.data(), cairo_pdf.size());
        std::vector<QPDFObjectHandle> pages = pdf_pages(pdf);
        std::vector<std::vector<ContentPart>> contents;
        for (auto& page : pages) contents.push_back(page_content(page));
        auto marked = std::async(std::launch::async, [&contents] { return mark_and_compress(contents); });
        if (!pictures.pdf().empty()) {
            sheet.setSuppressWarnings(true);
            sheet.processMemoryFile((path + " (pictures)").c_str(), pictures.pdf().data(), pictures.pdf().size());
            put_sheet_pictures(pdf, pages, sheet, pictures.drawn());
        }
        QPDFObjectHandle root = pdf.getRoot();
        root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(doc.lang));
        auto prefs = QPDFObjectHandle::newDictionary();
        prefs.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
        root.replaceKey("/ViewerPreferences", prefs);
        auto mark = QPDFObjectHandle::newDictionary();
        mark.replaceKey("/Marked", QPDFObjectHandle::newBool(true));
        root.replaceKey("/MarkInfo", mark);
        QPDFObjectHandle xmp = QPDFObjectHandle::newStream(&pdf, xmp_metadata(doc));
        xmp.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
        xmp.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
        root.replaceKey("/Metadata", xmp);
        // Tab through links and fields in structure order; say what each link
        // is; mark what is not content.
        const LinkWords words = link_words(doc);
        std::size_t page_index = 0;
        for (auto& page : pages) {
            if (page_index < words.web.size()) describe_links(page, words.web[page_index], words.entries);
            ++page_index;
            page.replaceKey("/Tabs", QPDFObjectHandle::newName("/S"));
        }
        if (root.hasKey("/StructTreeRoot")) {
            wrap_in_document(pdf, root.getKey("/StructTreeRoot"));
            std::vector<QPDFObjectHandle> figures;
            collect_figures(root.getKey("/StructTreeRoot").getKey("/K"), figures, 0);
            for (std::size_t i = 0; i < figures.size() && i < alts.size(); ++i)
                figures[i].replaceKey("/Alt", QPDFObjectHandle::newUnicodeString(alts[i].empty() ? " " : alts[i]));
        }
        std::vector<std::string> done = marked.get();
        for (std::size_t i = 0; i < pages.size() && i < done.size(); ++i)
            replace_content(pdf, pages[i], done[i]);
        write_pdf(pdf, out);
    } catch (const std::exception& e) {
        diags.error(path, 0, 0, "pdf-write", std::string("cannot finish the PDF: ") + e.what(),
                    "Check that the disk is not full, then run again.");
        return false;
    }
    return true;
}

}  // namespace easyread
