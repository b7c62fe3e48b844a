#include "report/outputs/review_report.hpp"

#include <algorithm>
#include <filesystem>

#include "base/text_util.hpp"
#include "report/outputs/render_board_html.hpp"
#include "report/outputs/render_board_pdf.hpp"
#include "report/reading/report_filter.hpp"

namespace easyread::report {

namespace {

std::string people(int n) { return std::to_string(n) + (n == 1 ? " person" : " people"); }

// The chunk's words as a short quotation (a whole word at the end).
std::string quote(const PageChunk& c) {
    std::string w = c.words.empty() ? "(picture " + c.picture_name + ")" : c.words;
    if (w.size() > 70) {
        std::size_t cut = w.rfind(' ', 66);
        w = w.substr(0, cut == std::string::npos || cut < 30 ? 66 : cut) + " ...";
    }
    return "\"" + w + "\"";
}

// "\"reablement\": 2 of 3 people did not understand it"
std::string item_sentence(const TappedItem& t, int seen) {
    const std::string n = std::to_string(t.people) + " of " + std::to_string(seen) + " people";
    return t.picture ? "the picture \"" + t.text + "\": " + n + " said it does not help"
                     : "\"" + t.text + "\": " + n + " did not understand it";
}

std::string faces_sentence(const Faces& f) {
    return "Is this page easy to understand? " + std::to_string(f.happy) + " happy, " + std::to_string(f.middle) +
           " in the middle, " + std::to_string(f.sad) + " sad (" + people(f.total()) + ").";
}

std::string page_sentence(const PageReview& p) {
    if (p.reviewed) return faces_sentence(p.faces);
    if (p.changed_chunks() == static_cast<int>(p.chunks.size()))
        return "This page changed since the review: it has no results.";
    return "Part of this page changed since the review, so the faces people chose are not shown.";
}

// `number`, when given, numbers each tapped thing as the page's picture does ("[1] ...").
std::string chunk_sentence(const ChunkReview& c, int* number = nullptr) {
    std::string s = quote(c.chunk) + " (line " + std::to_string(c.chunk.source_line) + "): ";
    if (!c.reviewed) return s + "changed since the review.";
    s += people(c.seen) + " saw it";
    if (c.items.empty()) return s + "; no one tapped anything.";
    s += ". ";
    for (std::size_t i = 0; i < c.items.size(); ++i)
        s += (i ? "; " : "") + (number ? "[" + std::to_string(++*number) + "] " : std::string()) +
             item_sentence(c.items[i], c.seen);
    return s + ".";
}

struct Hard {
    const PageReview* page;
    const ChunkReview* chunk;
    const TappedItem* item;
};

// Every tapped word and picture, the largest share of those who saw it first.
std::vector<Hard> hardest(const ReviewResults& r) {
    std::vector<Hard> all;
    for (const auto& p : r.pages)
        for (const auto& c : p.chunks)
            for (const auto& t : c.items) all.push_back({&p, &c, &t});
    std::stable_sort(all.begin(), all.end(), [](const Hard& a, const Hard& b) {
        // a/b > c/d without rounding
        long l = static_cast<long>(a.item->people) * b.chunk->seen, rr = static_cast<long>(b.item->people) * a.chunk->seen;
        if (l != rr) return l > rr;
        return a.item->people > b.item->people;
    });
    return all;
}

std::string hard_sentence(const Hard& h) {
    std::string s = item_sentence(*h.item, h.chunk->seen);
    s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s + " (page " + std::to_string(h.page->page) + ", line " + std::to_string(h.chunk->chunk.source_line) + ").";
}

std::string document_name(const ReviewResults& r) {
    return std::filesystem::path(r.document_path).filename().string();
}

}  // namespace

std::string review_people_sentence(const ReviewResults& r) {
    const std::string groups = group_words(r.groups);
    std::string s = people(r.people) + (groups.empty() ? "" : " from " + groups) + " reviewed " + document_name(r) + ".";
    if (!r.last_date.empty()) s += " The last one finished on " + words_date(r.last_date) + ".";
    if (r.unfinished > 0)
        s += " " + std::to_string(r.unfinished) + " more stopped part-way; " +
             (r.unfinished == 1 ? "their answers are" : "their answers are") + " not counted.";
    return s;
}

std::string review_text(const ReviewResults& r) {
    std::string out = review_people_sentence(r) + "\n";
    if (r.nothing_matches()) return out + "No chunk the reviewers saw is in the document now, so there are no results.\n";
    const auto hard = hardest(r);
    out += "\nHardest first:\n";
    if (hard.empty()) out += "  No one tapped a word or a picture.\n";
    for (const auto& h : hard) out += "  " + hard_sentence(h) + "\n";
    for (const auto& p : r.pages) {
        out += "\nPage " + std::to_string(p.page) + ": " + page_sentence(p) + "\n";
        for (const auto& c : p.comments) out += "  Someone wrote: \"" + c + "\"\n";
        for (const auto& c : p.chunks) out += "  " + chunk_sentence(c) + "\n";
    }
    return out;
}

std::string review_json(const ReviewResults& r) {
    std::string o = "{\n  \"document\": " + json_escape(r.document_path) + ",\n  \"edition\": " +
                    json_escape(r.document_label) + ",\n  \"people\": " + std::to_string(r.people) +
                    ",\n  \"unfinished\": " + std::to_string(r.unfinished) + ",\n  \"groups\": [";
    for (std::size_t i = 0; i < r.groups.size(); ++i) o += (i ? ", " : "") + json_escape(r.groups[i]);
    o += "],\n  \"last_date\": " + json_escape(r.last_date) + ",\n  \"reviewed_editions\": [";
    for (std::size_t i = 0; i < r.reviewed_labels.size(); ++i) o += (i ? ", " : "") + json_escape(r.reviewed_labels[i]);
    o += "],\n  \"chunks_in_answers\": " + std::to_string(r.answer_keys) +
         ",\n  \"chunks_still_here\": " + std::to_string(r.matched_keys) + ",\n  \"pages\": [";
    for (std::size_t i = 0; i < r.pages.size(); ++i) {
        const PageReview& p = r.pages[i];
        o += std::string(i ? "," : "") + "\n    {\"page\": " + std::to_string(p.page) +
             ", \"as_reviewed\": " + (p.reviewed ? "true" : "false");
        if (p.reviewed)
            o += ", \"faces\": {\"happy\": " + std::to_string(p.faces.happy) + ", \"middle\": " +
                 std::to_string(p.faces.middle) + ", \"sad\": " + std::to_string(p.faces.sad) + "}";
        if (p.reviewed) {
            o += ", \"comments\": [";
            for (std::size_t k = 0; k < p.comments.size(); ++k) o += (k ? ", " : "") + json_escape(p.comments[k]);
            o += "]";
        }
        o += ", \"chunks\": [";
        for (std::size_t k = 0; k < p.chunks.size(); ++k) {
            const ChunkReview& c = p.chunks[k];
            o += std::string(k ? "," : "") + "\n      {\"key\": " + json_escape(c.chunk.key) +
                 ", \"line\": " + std::to_string(c.chunk.source_line) + ", \"words\": " + json_escape(c.chunk.words) +
                 ", \"changed_since_review\": " + (c.reviewed ? "false" : "true");
            if (c.reviewed) {
                o += ", \"seen_by\": " + std::to_string(c.seen) + ", \"tapped\": [";
                for (std::size_t t = 0; t < c.items.size(); ++t)
                    o += std::string(t ? ", " : "") + "{\"" + (c.items[t].picture ? "picture" : "word") +
                         "\": " + json_escape(c.items[t].text) + ", \"people\": " + std::to_string(c.items[t].people) + "}";
                o += "]";
            }
            o += "}";
        }
        o += "]}";
    }
    return o + "\n  ]\n}\n";
}

BoardReport review_board_report(const ReviewResults& r, const std::string& label) {
    BoardReport b;
    b.title = "Review of " + document_name(r);
    auto add = [&b](BlockKind kind, std::string text) {
        ReportBlock block;
        block.kind = kind;
        block.text = std::move(text);
        b.blocks.push_back(std::move(block));
        return &b.blocks.back();
    };
    add(BlockKind::Title, b.title);
    add(BlockKind::Subtitle, review_people_sentence(r));
    add(BlockKind::Meta, "Edition " + r.document_label + ". Reviewers are counted, never named.");
    if (r.nothing_matches()) {
        b.complete = false;
        ReportBlock* w = add(BlockKind::Warning, "No results for this document");
        w->lines.push_back("No chunk the reviewers saw is in the document now");
        return b;
    }
    add(BlockKind::Section, "Hardest first");
    const auto hard = hardest(r);
    ReportBlock* list = add(BlockKind::Paragraph, hard.empty() ? "No one tapped a word or a picture." : "");
    for (const auto& h : hard) list->lines.push_back(hard_sentence(h));
    add(BlockKind::Section, "Page by page");
    for (const auto& p : r.pages) {
        ReportBlock* block = add(BlockKind::PageResult, "Page " + std::to_string(p.page));
        block->document = label;
        block->page = p.page;
        block->picture_width = 200;  // large enough to read the framed words
        block->lines.push_back(page_sentence(p));
        for (const auto& c : p.comments) block->lines.push_back("Someone wrote: \"" + c + "\"");
        int number = 0;  // as page_marks numbers the frames on the picture
        for (const auto& c : p.chunks) block->lines.push_back(chunk_sentence(c, &number));
        block->picture_alt = "Page " + std::to_string(p.page) + " of " + document_name(r) +
                             (number == 0 ? std::string()
                                          : number == 1 ? ", with the one thing reviewers tapped framed and numbered 1"
                                                        : ", with the " + std::to_string(number) +
                                                              " things reviewers tapped framed and numbered 1 to " +
                                                              std::to_string(number));
    }
    return b;
}

bool write_review_report(const ReviewResults& r, const std::string& path, const symbols::Bank& bank,
                         const ReviewedDocuments* pages, const std::string& label, Diagnostics& diags) {
    const BoardReport report = review_board_report(r, label);
    if (ends_with(path, ".pdf")) return render_board_pdf(report, bank, path, diags, pages);
    if (ends_with(path, ".html") || ends_with(path, ".htm")) return render_board_html(report, bank, path, diags, pages);
    diags.error(path, 0, 0, "report-ending", "a review report ends in .pdf, .html or .htm",
                "Name the report file, for example review.pdf.");
    return false;
}

}  // namespace easyread::report
