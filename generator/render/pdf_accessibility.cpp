#include "generator/render/pdf_accessibility.hpp"

// Use qpdf 11 smart pointers without the old PointerHolder shim.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>
#include <vector>

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
        root.replaceKey("/MarkInfo", mark);
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
