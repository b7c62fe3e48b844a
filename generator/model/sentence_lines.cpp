#include "generator/model/sentence_lines.hpp"

#include "base/sentences.hpp"

namespace easyread {

namespace {

// Sets the byte at `offset` of the spans' joined text to `c`.
void set_byte(std::vector<Span>& spans, std::size_t offset, char c) {
    for (auto& s : spans) {
        if (offset < s.text.size()) {
            s.text[offset] = c;
            return;
        }
        offset -= s.text.size();
    }
}

}  // namespace

void put_sentences_on_lines(Document& doc) {
    for (auto& b : doc.blocks) {
        if (b.kind == BlockKind::Heading) continue;
        const std::string text = b.plain_text();
        const std::vector<Sentence> sentences = split_sentences(text);
        for (std::size_t k = 1; k < sentences.size(); ++k) {
            const std::size_t from = sentences[k - 1].end, to = sentences[k].begin;
            if (from >= to || to > text.size()) continue;
            const std::string gap = text.substr(from, to - from);
            if (gap.find('\n') != std::string::npos || gap.find_first_not_of(" \t") != std::string::npos) continue;
            set_byte(b.spans, to - 1, '\n');
        }
    }
}

}  // namespace easyread
