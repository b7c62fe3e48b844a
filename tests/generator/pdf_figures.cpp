#include "tests/generator/pdf_figures.hpp"

#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>

namespace {

void walk(QPDFObjectHandle node, std::vector<std::string>& alts, int depth) {
    if (depth > 100) return;  // a structure tree is never this deep
    if (node.isArray()) {
        for (int i = 0; i < node.getArrayNItems(); ++i) walk(node.getArrayItem(i), alts, depth + 1);
        return;
    }
    if (!node.isDictionary()) return;
    if (node.getKey("/S").isName() && node.getKey("/S").getName() == "/Figure")
        alts.push_back(node.getKey("/Alt").isString() ? node.getKey("/Alt").getUTF8Value() : "(no alt)");
    if (node.hasKey("/K")) walk(node.getKey("/K"), alts, depth + 1);
}

}  // namespace

std::vector<std::string> figure_alts(const std::string& pdf_path) {
    QPDF pdf;
    pdf.processFile(pdf_path.c_str());
    std::vector<std::string> alts;
    walk(pdf.getRoot().getKey("/StructTreeRoot").getKey("/K"), alts, 0);
    return alts;
}
