// The frame a review's chunk screen draws on the small page picture: each
// chunk's box (PageChunk's position, as fractions of the page) is where its
// ink is on the page as drawn, read back from the page's pixels.
#include <catch2/catch.hpp>

#include <algorithm>
#include <utility>

#include "base/diagnostics.hpp"
#include "kiosk/app/document_pages.hpp"
#include "kiosk/app/picture_raster.hpp"
#include "symbols/bank.hpp"

using namespace easyread;
using namespace easyread::kiosk;
using namespace easyread::kiosk::ui;

TEST_CASE("a chunk's box on its page holds its ink, and the page's body ink is in its chunks' boxes", "[review][chunk]") {
    Diagnostics diags;
    symbols::Bank bank;
    bank.load_bundled(diags);
    const std::pair<const char*, int> docs[] = {{"/templates/examples/stocktake.md", 10}, {"/tests/kiosk_e2e/review-leaflet.md", 1}};
    for (const auto& [doc, min_pages] : docs) {
        INFO(doc);
        DocumentPages pages;
        REQUIRE(pages.load(std::string(EASYREAD_SOURCE_DIR) + doc, bank, diags));
        const std::vector<ReviewChunk> chunks = pages.review_chunks();
        REQUIRE(chunks.size() >= 3);
        int last_page = 0;
        for (const ReviewChunk& c : chunks) last_page = std::max(last_page, c.page);
        int pages_checked = 0;
        for (int page = 1; page <= last_page; ++page) {
            std::vector<PageBox> boxes;
            for (const ReviewChunk& c : chunks)
                if (c.page == page) boxes.push_back(c.box);
            if (boxes.empty()) continue;
            INFO("page " << page);
            RgbaImage img;
            std::string error;
            REQUIRE(pages.draw(page, 600, 2000, img, error));
            auto dark = [&img](int x, int y) {
                const std::uint8_t* p = &img.pixels[static_cast<std::size_t>((y * img.width + x) * 4)];
                return p[0] + p[1] + p[2] < 3 * 160;
            };
            // 1 pixel of slack for rounding and antialiasing.
            auto inside = [&img](const PageBox& b, int x, int y) {
                return x >= b.left * img.width - 1 && x <= b.right * img.width + 1 && y >= b.top * img.height - 1 &&
                       y <= b.bottom * img.height + 1;
            };
            for (std::size_t i = 0; i < boxes.size(); ++i) {
                const PageBox& b = boxes[i];
                CHECK_FALSE(b.empty());
                CHECK(b.left >= 0);
                CHECK(b.top >= 0);
                CHECK(b.right <= 1);
                CHECK(b.bottom <= 1);
                if (i > 0) CHECK(b.top >= boxes[i - 1].bottom - 1e-6);  // reading order, never overlapping
                int ink = 0;
                for (int y = 0; y < img.height; ++y)
                    for (int x = 0; x < img.width; ++x) ink += dark(x, y) && inside(b, x, y);
                CHECK(ink > 20);
            }
            // Between the first chunk's top and the last one's bottom, all ink is in a chunk's box
            // (a frame around the wrong place would leave words outside it).
            int outside = 0, total = 0;
            const int y0 = static_cast<int>(boxes.front().top * img.height), y1 = static_cast<int>(boxes.back().bottom * img.height);
            for (int y = std::max(0, y0); y < std::min(img.height, y1); ++y)
                for (int x = 0; x < img.width; ++x) {
                    if (!dark(x, y)) continue;
                    ++total;
                    bool in = false;
                    for (const PageBox& b : boxes) in = in || inside(b, x, y);
                    outside += !in;
                }
            CHECK(total > 0);
            CHECK(outside == 0);
            ++pages_checked;
        }
        CHECK(pages_checked >= min_pages);
    }
}
