#include "generator/render/pdf_accessibility.hpp"

// Use qpdf 11 smart pointers without the old PointerHolder shim.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>
#include <memory>
#include <set>
#include <vector>

#include "base/text_util.hpp"

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
class ArtifactFilter : public QPDFObjectHandle::TokenFilter {
public:
    void handleToken(QPDFTokenizer::Token const& token) override {
        using T = QPDFTokenizer;
        if (token.getType() != T::tt_word || in_dict_ > 0) {
            if (token.getType() == T::tt_dict_open) ++in_dict_;
            if (token.getType() == T::tt_dict_close) --in_dict_;
            pending_.push_back(token);
            return;
        }
        const std::string op = token.getValue();
        if (!held_.empty()) {
            if (op == "EMC") {  // nothing inside: leave out both
                held_.clear();
                pending_.clear();
                return;
            }
            for (const auto& t : held_) writeToken(t);
            held_.clear();
            ++depth_;
        }
        if (op == "BDC" || op == "BMC") {
            close_artifact();
            if (names_structure()) {
                flush();
                writeToken(token);
                ++depth_;
            } else {
                // A span: written once something is drawn inside it.
                held_ = std::move(pending_);
                pending_.clear();
                held_.push_back(token);
            }
            return;
        }
        if (op == "EMC") {
            close_artifact();
            if (depth_ > 0) --depth_;
        } else if (op == "q" || op == "Q" || op == "BT" || op == "ET") {
            close_artifact();
        } else if (depth_ == 0 && paints(op) && !in_artifact_) {
            write("/Artifact BMC\n");
            in_artifact_ = true;
        }
        flush();
        writeToken(token);
    }
    void handleEOF() override {
        for (const auto& t : held_) writeToken(t);
        flush();
        close_artifact();
    }

private:
    std::vector<QPDFTokenizer::Token> pending_;  // operands of the coming operator, with the space between
    std::vector<QPDFTokenizer::Token> held_;     // a span's BDC, until something is drawn in it
    int depth_ = 0;                               // marked content open
    int in_dict_ = 0;
    bool in_artifact_ = false;

    static bool paints(const std::string& op) {
        static const std::set<std::string> ops{"Tj", "TJ", "'", "\"", "Do", "f", "F", "f*", "B", "B*",
                                               "b", "b*", "S", "s", "sh", "BI"};
        return ops.count(op) > 0;
    }
    // Marked content of the structure tree (with an MCID) is always kept.
    bool names_structure() const {
        for (const auto& t : pending_)
            if (t.getType() == QPDFTokenizer::tt_name && t.getValue() == "/MCID") return true;
        return false;
    }
    void flush() {
        for (const auto& t : pending_) writeToken(t);
        pending_.clear();
    }
    void close_artifact() {
        if (!in_artifact_) return;
        write("\nEMC\n");
        in_artifact_ = false;
    }
};

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

bool add_pdf_accessibility(const std::string& cairo_pdf, const LaidOutDocument& doc, std::FILE* out,
                           const std::string& path, Diagnostics& diags) {
    std::vector<std::string> alts;
    for (const auto& page : doc.pages)
        for (const auto& it : page.items)
            if (it.kind == ItemKind::Picture && it.tag == Tag::Figure) alts.push_back(it.alt);  // not decorative ones

    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);  // cairo repeats some resource keys; the rewrite keeps one
        pdf.processMemoryFile(path.c_str(), cairo_pdf.data(), cairo_pdf.size());
        QPDFObjectHandle root = pdf.getRoot();
        root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(doc.lang));
        auto prefs = QPDFObjectHandle::newDictionary();
        prefs.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
        root.replaceKey("/ViewerPreferences", prefs);
        auto mark = QPDFObjectHandle::newDictionary();
        mark.replaceKey("/Marked", QPDFObjectHandle::newBool(true));
        mark.replaceKey("/Suspects", QPDFObjectHandle::newBool(false));
        root.replaceKey("/MarkInfo", mark);
        QPDFObjectHandle xmp = QPDFObjectHandle::newStream(&pdf, xmp_metadata(doc));
        xmp.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
        xmp.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
        root.replaceKey("/Metadata", xmp);
        // Tab through links and fields in structure order; mark what is not content.
        for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
            page.getObjectHandle().replaceKey("/Tabs", QPDFObjectHandle::newName("/S"));
            page.addContentTokenFilter(std::make_shared<ArtifactFilter>());
        }
        if (root.hasKey("/StructTreeRoot")) {
            wrap_in_document(pdf, root.getKey("/StructTreeRoot"));
            std::vector<QPDFObjectHandle> figures;
            collect_figures(root.getKey("/StructTreeRoot").getKey("/K"), figures, 0);
            for (std::size_t i = 0; i < figures.size() && i < alts.size(); ++i)
                figures[i].replaceKey("/Alt", QPDFObjectHandle::newUnicodeString(alts[i].empty() ? " " : alts[i]));
        }
        QPDFWriter w(pdf);
        w.setOutputFile(path.c_str(), out, false);
        w.setObjectStreamMode(qpdf_o_generate);  // smaller files
        w.write();
    } catch (const std::exception& e) {
        diags.error(path, 0, 0, "pdf-write", std::string("cannot finish the PDF: ") + e.what(),
                    "Check that the disk is not full, then run again.");
        return false;
    }
    return true;
}

}  // namespace easyread
