// One easy read document's pages as pictures and as spoken words, for
// programs that show another document's pages: the kiosk asks about each
// page, the board report shows the pages people found hardest. The pages are
// laid out and drawn by the same stages as `easyread build`, so each picture
// is the page people read.
#pragma once
#include <cairo.h>

#include <memory>
#include <string>
#include <vector>

#include "base/diagnostics.hpp"
#include "generator/layout/page_chunks.hpp"

namespace easyread {

class PictureCache;
namespace symbols {
class Bank;
}

class PagePictures {
public:
    PagePictures();
    ~PagePictures();
    PagePictures(const PagePictures&) = delete;
    PagePictures& operator=(const PagePictures&) = delete;

    // Reads and lays out the Markdown (or Word, OpenDocument) document. False,
    // with diagnostics, when it cannot be read or laid out; the document's own
    // easy read warnings are added to `diags` too.
    bool load(const std::string& path, const symbols::Bank& bank, Diagnostics& diags);
    const std::string& source_text() const { return text_; }  // as read, for fingerprints
    int count() const;
    double shape() const;  // page height / width; 0 before load
    // Page `number` (1-based) drawn `width` pixels wide on white (RGB24);
    // null when there is no such page. The caller destroys it.
    cairo_surface_t* image(int number, int width) const;
    // Its words in reading order, each part ending as a sentence, as the
    // audio version says them (the contents page included); no page number.
    std::string words(int number) const;
    // Its chunks (words, picture, source line, key) in reading order.
    std::vector<PageChunk> chunks(int number) const;
    // The pages as laid out (where each word and picture is drawn).
    const LaidOutDocument& laid_out() const { return *doc_; }

private:
    std::unique_ptr<LaidOutDocument> doc_;
    std::unique_ptr<PictureCache> pictures_;
    std::string text_;
    std::vector<std::string> words_;
};

}  // namespace easyread
