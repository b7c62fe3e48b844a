// Writes the finished PDF. cairo's objects keep their numbers, the ones that
// are not streams go 100 to a compressed object stream, and a
// cross-reference stream says where everything is (QPDFWriter renumbered
// every object and wrote each one of an object stream twice).
#pragma once
#include <cstdio>

#include "generator/render/pdf_objects.hpp"

namespace easyread {

// Writes the objects `pdf` needs (what its trailer's /Root and /Info reach)
// to `out`; a failed write shows in ferror(out), as for any stdio file.
void write_pdf(pdf::Objects& pdf, std::FILE* out);

}  // namespace easyread
