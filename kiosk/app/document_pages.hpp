// The pages of a survey's document (front matter "document:"), laid out by
// the easy read generator and drawn as pictures, so {each=page} questions
// can show the page they ask about and read it aloud.
#pragma once
#include <memory>
#include <string>

#include "base/diagnostics.hpp"
#include "kiosk/app/picture_raster.hpp"
#include "kiosk/core/review_chunks.hpp"

namespace easyread {
class PagePictures;
namespace symbols {
class Bank;
}
}  // namespace easyread

namespace easyread::kiosk::ui {

class DocumentPages {
public:
    DocumentPages();
    ~DocumentPages();
    DocumentPages(const DocumentPages&) = delete;
    DocumentPages& operator=(const DocumentPages&) = delete;

    // Reads and lays out the Markdown document. False (with diagnostics) when it cannot be read.
    bool load(const std::string& markdown_path, const symbols::Bank& bank, Diagnostics& diags);
    int count() const;
    double aspect() const;  // page width / height
    // "stocktake.md 3f9a0c12": the file name and the start of its content hash,
    // stored with every answer so results say which version people saw.
    const std::string& label() const { return label_; }
    // The words of page `number` (1-based) in reading order, as the audio
    // version says them: headings and chunks, no page number.
    std::string words(int number) const;
    // Every page's chunks in reading order (a review shows them one by one).
    // A picture with no name (alt) is named by its file, so it can still be marked.
    std::vector<ReviewChunk> review_chunks() const;
    // Page `number` (1-based) fitted into width x height pixels, on white.
    bool draw(int number, int width, int height, RgbaImage& out, std::string& error) const;

private:
    std::unique_ptr<PagePictures> pages_;
    std::string label_;
};

// The document path written in a survey, relative to the survey's folder.
std::string document_path_for(const std::string& survey_path, const std::string& document);

}  // namespace easyread::kiosk::ui
