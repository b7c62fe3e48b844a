#include "report/outputs/review_notes.hpp"

#include <cctype>

#include "base/source_text.hpp"

namespace easyread::report {

namespace {

// Offset where 1-based line `line` starts; npos past the end.
std::size_t line_start(const std::string& text, int line) {
    std::size_t at = 0;
    for (int l = 1; l < line; ++l) {
        std::size_t br = find_line_break(text, at);
        if (br == std::string::npos) return std::string::npos;
        at = after_line_break(text, br);
    }
    return at;
}

bool word_byte(unsigned char c) { return std::isalnum(c) || c >= 0x80 || c == '\'' || c == '-'; }

bool same_letters(const std::string& text, std::size_t at, const std::string& word) {
    if (at + word.size() > text.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[at + i])) != std::tolower(static_cast<unsigned char>(word[i])))
            return false;
    return true;
}

std::string people(int n, int of) { return std::to_string(n) + " of " + std::to_string(of) + " reviewers"; }

}  // namespace

void find_word(const std::string& source, int line, const std::string& word, int& out_line, int& out_column,
               bool whole) {
    out_line = line;
    out_column = 0;
    std::size_t at = line_start(source, line);
    if (at == std::string::npos || word.empty()) return;
    // The chunk's lines: up to the next blank line.
    for (int l = line;; ++l) {
        std::size_t end = find_line_break(source, at);
        if (end == std::string::npos) end = source.size();
        if (l > line && source.find_first_not_of(" \t", at) >= end) return;
        for (std::size_t i = at; i + word.size() <= end; ++i) {
            if (whole && i > at && word_byte(static_cast<unsigned char>(source[i - 1]))) continue;
            if (!same_letters(source, i, word)) continue;
            if (whole && i + word.size() < end && word_byte(static_cast<unsigned char>(source[i + word.size()])))
                continue;
            line_column_of(source, i, out_line, out_column);
            return;
        }
        if (end >= source.size()) return;
        at = after_line_break(source, end);
    }
}

void add_review_notes(const ReviewResults& results, const std::string& source, Diagnostics& diags) {
    const std::string& file = results.document_path;
    for (const auto& page : results.pages) {
        if (page.reviewed && page.faces.sad > 0 && !page.chunks.empty())
            diags.add({Severity::Note, file, page.chunks.front().chunk.source_line, 0, "reviewers-sad-page",
                       people(page.faces.sad, page.faces.total()) + " chose the sad face for page " +
                           std::to_string(page.page) + " (\"Is this page easy to understand?\")",
                       "Look at that page again with the group."});
        for (const auto& c : page.chunks) {
            if (!c.reviewed) continue;
            for (const auto& item : c.items) {
                int line = c.chunk.source_line, column = 0;
                if (item.picture) {
                    // At the picture's markup, when the chunk names one.
                    for (const char* mark : {"picture=", "!["})
                        if (column == 0) find_word(source, c.chunk.source_line, mark, line, column, false);
                    if (column == 0) line = c.chunk.source_line;
                    diags.add({Severity::Note, file, line, column, "reviewers-picture",
                               people(item.people, c.seen) + " said the picture \"" + item.text + "\" does not help",
                               "Choose another picture (easyread pictures), or leave it out."});
                } else {
                    find_word(source, c.chunk.source_line, item.text, line, column);
                    diags.add({Severity::Note, file, line, column, "reviewers-hard-word",
                               people(item.people, c.seen) + " did not understand \"" + item.text + "\"",
                               "Use an easier word, or explain it."});
                }
            }
        }
    }
}

}  // namespace easyread::report
