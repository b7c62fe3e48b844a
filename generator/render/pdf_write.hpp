// Writes the finished PDF. QPDFWriter renumbers every object, writes each one
// of an object stream twice (once to count its bytes) and was a quarter of
// the PDF's time; the file needs none of that: cairo's objects keep their
// numbers, the ones that are not streams go 100 to a compressed object
// stream, and a cross-reference stream says where everything is.
#pragma once
#include <cstdio>

class QPDF;

namespace easyread {

// Writes the objects `pdf` needs to `out`; a failed write shows in
// ferror(out), as for any stdio file.
void write_pdf(QPDF& pdf, std::FILE* out);

}  // namespace easyread
