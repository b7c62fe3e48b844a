// Text rules measured on the words as laid out: sentences, pages, pictures
// beside each chunk, and the hard words page.
#include <pango/pangocairo.h>

#include <map>
#include <set>

#include "base/sentences.hpp"
#include "base/text_util.hpp"
#include "generator/conform/measure.hpp"

namespace easyread::conform {

void Finding::fail_at(int page, int line, const std::string& what) {
    met = false;
    ++places_total;
    if (static_cast<int>(places.size()) < kMaxPlaces) places.push_back({page, line, what});
}


bool is_reading_text(const PlacedItem& item) { return item.kind == ItemKind::Text && item.tag != Tag::Artifact; }

bool is_body_text(const PlacedItem& item) {
    return is_reading_text(item) && (item.tag == Tag::P || item.tag == Tag::LI) && item.block >= 0;
}

namespace {

// A chunk's words as laid out, its parts on later pages joined back.
struct LaidChunk {
    std::string text;
    int page = 0;
    int line = 0;
};

std::vector<LaidChunk> body_chunks(const LaidOutDocument& doc) {
    std::vector<LaidChunk> out;
    int last_block = -1;
    for (const auto& page : doc.pages)
        for (const auto& item : page.items) {
            if (!is_body_text(item)) continue;
            std::string text = item_text(item);
            if (item.block == last_block && !out.empty()) {
                out.back().text += (item.joins_previous ? "" : " ") + text;
            } else {
                out.push_back({text, page.number, item.source_line});
                last_block = item.block;
            }
        }
    return out;
}

}  // namespace

Finding measure_sentence_length(const LaidOutDocument& doc, int max_words) {
    Finding f;
    std::size_t longest = 0;
    LaidChunk longest_at;
    int sentences = 0;
    for (const auto& chunk : body_chunks(doc)) {
        // A table answer's label is its own line, not part of a sentence.
        for (const auto& line : split(chunk.text, '\n'))
            for (const auto& s : split_sentences(line)) {
                ++sentences;
                if (s.words.size() > longest) {
                    longest = s.words.size();
                    longest_at = chunk;
                }
                if (static_cast<int>(s.words.size()) > max_words)
                    f.fail_at(chunk.page, chunk.line,
                              std::to_string(s.words.size()) + " words: \"" + line.substr(s.begin, s.end - s.begin) + "\"");
            }
    }
    f.evidence = std::to_string(sentences) + " sentences measured; the longest has " + std::to_string(longest) +
                 " words" +
                 (longest > 0 ? " (page " + std::to_string(longest_at.page) + ", line " + std::to_string(longest_at.line) + ")"
                              : std::string()) +
                 "; at most " + std::to_string(max_words) + " allowed.";
    return f;
}

Finding measure_pages(const LaidOutDocument& doc, int max_pages) {
    Finding f;
    const int pages = static_cast<int>(doc.pages.size());
    if (max_pages > 0 && pages > max_pages) f.fail_at(0, 0, std::to_string(pages) + " pages");
    f.evidence = "The document has " + std::to_string(pages) + (pages == 1 ? " page" : " pages") +
                 (max_pages > 0 ? "; at most " + std::to_string(max_pages) + " allowed." : ".");
    return f;
}

Finding measure_pictures(const LaidOutDocument& doc) {
    Finding f;
    std::set<int> with_picture;
    for (const auto& page : doc.pages)
        for (const auto& item : page.items)
            if (item.kind == ItemKind::Picture && item.chunk >= 0) with_picture.insert(item.chunk);
    std::set<int> chunks;
    for (const auto& page : doc.pages)
        for (const auto& item : page.items) {
            if (!is_body_text(item) || item.chunk < 0 || !chunks.insert(item.chunk).second) continue;
            if (!with_picture.count(item.chunk)) f.fail_at(page.number, item.source_line, "no picture beside: " + snippet(item_text(item), 0));
        }
    const int pictured = static_cast<int>(chunks.size()) - f.places_total;
    f.evidence = std::to_string(pictured) + " of " + std::to_string(chunks.size()) +
                 " chunks of text have a picture beside them.";
    return f;
}

Finding measure_hard_words(const LaidOutDocument& laid, const Document& doc) {
    Finding f;
    std::string listed;  // the words of the Hard words pages, lower case
    for (const auto& page : laid.pages)
        if (page.role == PageRole::HardWords)
            for (const auto& item : page.items)
                if (item.kind == ItemKind::Text) listed += lower(item_text(item)) + "\n";
    int shown = 0;
    for (const auto& hw : doc.hard_words) {
        if (hw.explanation.empty()) {
            f.fail_at(0, hw.line, "\"" + hw.word + "\" is not explained");
        } else if (listed.find(lower(hw.word)) == std::string::npos) {
            f.fail_at(0, hw.line, "\"" + hw.word + "\" is not on the Hard words page");
        } else {
            ++shown;
        }
    }
    f.evidence = doc.hard_words.empty()
                     ? "The document marks no hard words in bold, so there are none to explain."
                     : std::to_string(shown) + " of " + std::to_string(doc.hard_words.size()) +
                           " hard words (in bold) are explained on the Hard words page.";
    return f;
}

}  // namespace easyread::conform
