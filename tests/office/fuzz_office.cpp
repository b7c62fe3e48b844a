// Fuzz target: bytes -> the Word or OpenDocument reader -> Markdown -> the
// Markdown parser. The first byte picks the reader (even: .docx, odd: .odt).
// Built with libFuzzer when EASYREAD_FUZZ=ON (clang); the corpus is replayed
// under ctest with any compiler.
#include <cstddef>
#include <cstdint>
#include <string>

#include "generator/parse/markdown_front.hpp"
#include "generator/parse/office_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace easyread;
    if (size == 0) return 0;
    const std::string name = data[0] % 2 == 0 ? "fuzz.docx" : "fuzz.odt";
    const std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    Diagnostics diags;
    SourceText src;
    if (office::office_source_from_bytes(name, bytes, src, diags)) {
        ParsedMarkdown md = parse_markdown(src, diags);
        (void)md;
        office::map_to_paragraphs(src, diags);
    }
    // Every failure is one error, never silence.
    if (!diags.has_errors() && src.text.empty() && src.path.empty()) __builtin_trap();
    return 0;
}
