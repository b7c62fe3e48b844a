#include "generator/model/text_blocks.hpp"

#include "generator/model/build_document.hpp"

namespace easyread::check {

TextView collect_text(const SourceText& src, const ParsedMarkdown& md) {
    Diagnostics the_builds;
    return TextView(std::make_shared<const Document>(build_document(src, md, the_builds)));
}

}  // namespace easyread::check
