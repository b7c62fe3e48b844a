// The PDF's accessibility basics (the parts of PDF/UA a program can judge),
// read back from the written file with qpdf: tagged, language, title shown,
// fonts embedded, every figure with alternative text.
// Use qpdf 11 smart pointers without the old PointerHolder shim.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <set>

#include "generator/conform/measure.hpp"

namespace easyread::conform {

namespace {

bool is_true(QPDFObjectHandle h) { return h.isBool() && h.getBoolValue(); }

bool has_text(QPDFObjectHandle h) { return h.isString() && !h.getUTF8Value().empty(); }

// Walks the structure tree below `node`, counting figures and those with /Alt.
void count_figures(QPDFObjectHandle node, int& figures, int& with_alt, std::set<QPDFObjGen>& seen, int depth) {
    if (depth > 200 || !node.isDictionary()) return;
    if (node.isIndirect() && !seen.insert(node.getObjGen()).second) return;
    QPDFObjectHandle s = node.getKey("/S");
    if (s.isName() && s.getName() == "/Figure") {
        ++figures;
        if (has_text(node.getKey("/Alt"))) ++with_alt;
    }
    QPDFObjectHandle kids = node.getKey("/K");
    if (kids.isArray()) {
        for (int i = 0; i < kids.getArrayNItems(); ++i) count_figures(kids.getArrayItem(i), figures, with_alt, seen, depth + 1);
    } else if (kids.isDictionary()) {
        count_figures(kids, figures, with_alt, seen, depth + 1);
    }
}

bool font_embedded(QPDFObjectHandle font) {
    QPDFObjectHandle subtype = font.getKey("/Subtype");
    if (subtype.isName() && subtype.getName() == "/Type3") return true;  // glyphs drawn in the file itself
    if (subtype.isName() && subtype.getName() == "/Type0") {
        QPDFObjectHandle kids = font.getKey("/DescendantFonts");
        if (!kids.isArray() || kids.getArrayNItems() == 0) return false;
        font = kids.getArrayItem(0);
    }
    QPDFObjectHandle d = font.getKey("/FontDescriptor");
    return d.isDictionary() && (d.hasKey("/FontFile") || d.hasKey("/FontFile2") || d.hasKey("/FontFile3"));
}

}  // namespace

Finding measure_pdf(const std::string& pdf_path) {
    Finding f;
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);  // what is wrong is said in the report, not on the terminal
        pdf.processFile(pdf_path.c_str());
        QPDFObjectHandle root = pdf.getRoot();
        std::vector<std::string> passed;
        auto check = [&](bool ok, const std::string& what) {
            if (ok) passed.push_back(what);
            else f.fail_at(0, 0, "the PDF is not " + what);
        };
        check(is_true(root.getKey("/MarkInfo").getKey("/Marked")), "marked as tagged");
        QPDFObjectHandle tree = root.getKey("/StructTreeRoot");
        check(tree.isDictionary(), "given a structure tree");
        check(has_text(root.getKey("/Lang")), "given its language");
        check(is_true(root.getKey("/ViewerPreferences").getKey("/DisplayDocTitle")) &&
                  has_text(pdf.getTrailer().getKey("/Info").getKey("/Title")),
              "set to show its title");
        int fonts = 0, embedded = 0;
        std::set<QPDFObjGen> seen_fonts;
        for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
            QPDFObjectHandle dict = page.getAttribute("/Resources", false).getKey("/Font");
            if (!dict.isDictionary()) continue;
            for (const auto& key : dict.getKeys()) {
                QPDFObjectHandle font = dict.getKey(key);
                if (font.isIndirect() && !seen_fonts.insert(font.getObjGen()).second) continue;
                ++fonts;
                embedded += font_embedded(font);
            }
        }
        check(fonts > 0 && embedded == fonts, "made with every font embedded");
        int figures = 0, with_alt = 0;
        std::set<QPDFObjGen> seen;
        if (tree.isDictionary()) count_figures(tree, figures, with_alt, seen, 0);
        check(with_alt == figures, "giving every figure alternative text");
        f.evidence = "Read back from the PDF: " + std::to_string(passed.size()) + " of 6 checks passed (tagged, " +
                     "structure tree, language, title shown, " + std::to_string(embedded) + " of " +
                     std::to_string(fonts) + " fonts embedded, " + std::to_string(with_alt) + " of " +
                     std::to_string(figures) + " figures with alternative text).";
    } catch (const std::exception& e) {
        f.fail_at(0, 0, std::string("the PDF cannot be read: ") + e.what());
        f.evidence = "The PDF could not be read back.";
    }
    return f;
}

}  // namespace easyread::conform
