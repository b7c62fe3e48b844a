#include "report/outputs/render_board_pdf.hpp"

#include <algorithm>

#include "generator/layout/text_layout.hpp"
#include "report/reading/reviewed_documents.hpp"
#include "report/outputs/pdf_canvas.hpp"
#include "report/counting/share_words.hpp"

namespace easyread::report {

namespace {

// Comments up to kWholeComment characters are printed whole; a longer one is
// cut at a space near that length and says where the rest is.
constexpr std::size_t kWholeComment = 10000;

std::string pdf_comment_text(const std::string& comment) {
    std::size_t chars = 0, cut = std::string::npos;
    for (std::size_t i = 0; i < comment.size(); ++i) {
        if ((static_cast<unsigned char>(comment[i]) & 0xC0) == 0x80) continue;  // inside a UTF-8 character
        if (chars == kWholeComment) {
            cut = i;
            break;
        }
        ++chars;
    }
    if (cut == std::string::npos) return comment;
    std::size_t space = comment.rfind(' ', cut);
    if (space != std::string::npos && cut - space < 200) cut = space;
    return comment.substr(0, cut) + " \xE2\x80\xA6 (the whole comment is in the CSV)";
}

constexpr unsigned kInk = 0x111111, kGrey = 0x4A4A4A, kBar = 0x1F4E79, kWarn = 0x9B1C1C;
constexpr double kBody = 11.5, kNote = 9.5, kCellPad = 4;
constexpr std::size_t kWholeTable = 10;  // tables this short are never split across pages

class BoardPdf {
public:
    BoardPdf(const BoardReport& r, PdfCanvas& c, const ReviewedDocuments* pages) : r_(r), c_(c), pages_(pages) {}

    void run() {
        if (!r_.complete) c_.set_footer(r_.title + " - not complete: see page 1");
        else c_.set_footer(r_.title);
        for (std::size_t i = 0; i < r_.blocks.size(); ++i) draw(i);
    }

private:
    const BoardReport& r_;
    PdfCanvas& c_;
    const ReviewedDocuments* pages_;
    static constexpr double kThumb = 84;  // width of a reviewed page's picture

    std::string esc(const std::string& s) const { return markup_escape(s); }

    double chart_height(const ReportChart& ch) const { return kChartRow * static_cast<double>(ch.bars.size()) + 8; }

    double question_height(const ReportBlock& b) const {
        double text = c_.measure(esc(b.text), c_.style(15, true), c_.width() - 52);
        return std::max(text, 44.0) + 6;
    }

    double paragraph_height(const ReportBlock& b) const {
        double h = b.text.empty() ? 0 : c_.measure(esc(b.text), c_.style(kBody), c_.width()) + 3;
        for (const auto& l : b.lines) h += c_.measure(esc(l), c_.style(kBody), c_.width()) + 3;
        return h + 4;
    }

    double table_height(const ReportTable& t) const {
        double h = c_.measure(esc(t.caption), c_.style(kBody, true), c_.width()) + 4 + row_height(t.header, t, true);
        for (const auto& r : t.rows) h += row_height(r, t, false);
        return h + 10;
    }

    // Height of a block drawn on its own (long tables: header and first rows only).
    double height_of(const ReportBlock& b) const {
        switch (b.kind) {
        case BlockKind::Note: return c_.measure(esc(b.text), c_.style(kNote, false, kGrey), c_.width()) + 4;
        case BlockKind::Chart: return chart_height(b.chart);
        case BlockKind::Paragraph: return paragraph_height(b);
        case BlockKind::Table:
            return b.table.rows.size() <= kWholeTable ? table_height(b.table) : 3 * (kBody * 1.3 + 2 * kCellPad) + 20;
        case BlockKind::Question: return question_height(b);
        case BlockKind::PageResult: return page_result_height(b);
        default: return 40;
        }
    }

    // A question keeps its heading, notes, chart, what the chart says and the
    // change since the event before (with its table) on one page; when all of
    // that is taller than a page, at least up to what the chart says. A
    // reviewed document's heading keeps its first page with it.
    double keep_height(std::size_t i) const {
        double keep = question_height(r_.blocks[i]), least = -1;
        for (std::size_t k = i + 1; k < r_.blocks.size(); ++k) {
            BlockKind kind = r_.blocks[k].kind;
            if (kind == BlockKind::PageResult) {
                keep += height_of(r_.blocks[k]);
                break;
            }
            if (kind != BlockKind::Note && kind != BlockKind::Chart && kind != BlockKind::Paragraph &&
                kind != BlockKind::Table)
                break;
            keep += height_of(r_.blocks[k]);
            if (kind == BlockKind::Paragraph && least < 0) least = keep;
        }
        const double room = c_.bottom() - c_.top();
        if (keep + 16 > room && least >= 0) keep = least;
        return std::min(keep + 16, room);
    }

    void draw(std::size_t i) {
        const ReportBlock& b = r_.blocks[i];
        switch (b.kind) {
        case BlockKind::Title: c_.y += c_.text(c_.left(), c_.y, c_.width(), esc(b.text), c_.style(24, true), "H1") + 4; break;
        case BlockKind::Subtitle:
            c_.y += c_.text(c_.left(), c_.y, c_.width(), esc(b.text), c_.style(16, false, 0x333333), "P") + 10;
            break;
        case BlockKind::Meta:
            c_.y += c_.text(c_.left(), c_.y, c_.width(), esc(b.text), c_.style(kNote, false, kGrey), "P") + 4;
            break;
        case BlockKind::Warning: warning(b); break;
        case BlockKind::Section: section(b, i); break;
        case BlockKind::Question: question(b, i); break;
        case BlockKind::Paragraph:
            // Words that introduce a short table ("Since the event before ...") stay with it.
            if (i + 1 < r_.blocks.size() && r_.blocks[i + 1].kind == BlockKind::Table &&
                r_.blocks[i + 1].table.rows.size() <= kWholeTable)
                c_.ensure(paragraph_height(b) + table_height(r_.blocks[i + 1].table));
            paragraph(b);
            break;
        case BlockKind::Note: {
            double h = c_.measure(esc(b.text), c_.style(kNote, false, kGrey), c_.width());
            c_.ensure(h);
            c_.y += c_.text(c_.left(), c_.y, c_.width(), esc(b.text), c_.style(kNote, false, kGrey), "P") + 4;
            break;
        }
        case BlockKind::Table: table(b.table); break;
        case BlockKind::Chart: chart(b.chart); break;
        case BlockKind::Comments: comments(b); break;
        case BlockKind::Action: action(b); break;
        case BlockKind::Point: point(b); break;
        case BlockKind::PageBreak: c_.new_page(); break;
        case BlockKind::PageResult: page_result(b); break;
        }
    }

    bool has_picture(const ReportBlock& b) const { return pages_ && pages_->has(b.document); }
    static double thumb(const ReportBlock& b) { return b.picture_width > 0 ? b.picture_width : kThumb; }

    double page_result_height(const ReportBlock& b) const {
        const double w = c_.width() - (has_picture(b) ? thumb(b) + 14 : 0);
        double text = c_.measure(esc(b.text), c_.style(13, true), w) + 4;
        for (const auto& l : b.lines) text += c_.measure(esc(l), c_.style(kBody), w) + 2;
        return std::max(text, has_picture(b) ? thumb(b) * pages_->shape(b.document) : 0.0) + 12;
    }

    // A reviewed page: a small picture of it, and beside it what people said.
    void page_result(const ReportBlock& b) {
        const double h = page_result_height(b);
        c_.ensure(h);
        double x = c_.left();
        if (has_picture(b)) {
            c_.begin_figure(b.picture_alt.empty() ? b.text + " of the document " + b.document + ", small" : b.picture_alt);
            pages_->draw(c_.cr(), b.document, b.page, x, c_.y, thumb(b), thumb(b) * pages_->shape(b.document));
            c_.end_figure();
            x += thumb(b) + 14;
        }
        const double w = c_.right() - x;
        double at = c_.y;
        at += c_.text(x, at, w, esc(b.text), c_.style(13, true), "H4") + 4;
        for (const auto& l : b.lines) at += c_.text(x, at, w, esc(l), c_.style(kBody), "P") + 2;
        c_.y += h;
    }

    void warning(const ReportBlock& b) {
        std::string body;
        for (const auto& l : b.lines) body += (body.empty() ? "" : "\n") + esc(l) + ".";
        double w = c_.width() - 24;
        double h = c_.measure(esc(b.text), c_.style(14, true), w) + 6 + c_.measure(body, c_.style(kBody), w);
        c_.y += 6;
        cairo_t* cr = c_.cr();
        c_.set_colour(kWarn);
        cairo_set_line_width(cr, 2.5);
        cairo_rectangle(cr, c_.left(), c_.y, c_.width(), h + 20);
        cairo_stroke(cr);
        double at = c_.y + 10;
        at += c_.text(c_.left() + 12, at, w, esc(b.text), c_.style(14, true, kWarn), "H2") + 6;
        c_.text(c_.left() + 12, at, w, body, c_.style(kBody), "P");
        c_.y += h + 30;
    }

    void section(const ReportBlock& b, std::size_t i) {
        double h = c_.measure(esc(b.text), c_.style(18, true), c_.width());
        double next = 0;
        if (i + 1 < r_.blocks.size())
            next = r_.blocks[i + 1].kind == BlockKind::Question ? keep_height(i + 1)
                                                                 : height_of(r_.blocks[i + 1]);
        c_.y += 14;
        c_.ensure(h + 8 + next);
        c_.y += c_.text(c_.left(), c_.y, c_.width(), esc(b.text), c_.style(18, true), "H2") + 8;
    }

    void question(const ReportBlock& b, std::size_t i) {
        double keep = keep_height(i);
        c_.y += 16;
        c_.ensure(keep);
        cairo_t* cr = c_.cr();
        cairo_set_source_rgb(cr, 0.75, 0.78, 0.82);
        cairo_set_line_width(cr, 0.8);
        cairo_move_to(cr, c_.left(), c_.y - 8);
        cairo_line_to(cr, c_.right(), c_.y - 8);
        cairo_stroke(cr);
        double text_h = c_.measure(esc(b.text), c_.style(15, true), c_.width() - 52);
        c_.picture(b.picture_id, c_.left(), c_.y, 44);
        double text_top = c_.y + std::max(0.0, (44 - text_h) / 2);
        c_.text(c_.left() + 52, text_top, c_.width() - 52, esc(b.text), c_.style(15, true), "H3");
        c_.y += std::max(text_h, 44.0) + 6;
    }

    void paragraph(const ReportBlock& b) {
        std::vector<std::string> lines = b.lines;
        if (!b.text.empty()) lines.insert(lines.begin(), b.text);
        for (const auto& l : lines) {
            double h = c_.measure(esc(l), c_.style(kBody), c_.width());
            c_.ensure(h);
            c_.y += c_.text(c_.left(), c_.y, c_.width(), esc(l), c_.style(kBody), "P") + 3;
        }
        c_.y += 4;
    }

    double row_height(const std::vector<std::string>& row, const ReportTable& t, bool bold) const {
        double h = 0;
        for (std::size_t k = 0; k < row.size() && k < t.widths.size(); ++k)
            h = std::max(h, c_.measure(esc(row[k]), c_.style(10, bold), t.widths[k] * c_.width() - 2 * kCellPad));
        return h + 2 * kCellPad;
    }

    void row(const std::vector<std::string>& cells, const ReportTable& t, bool header, bool bold) {
        double h = row_height(cells, t, bold);
        cairo_t* cr = c_.cr();
        if (header) {
            cairo_set_source_rgb(cr, 0.92, 0.93, 0.95);
            cairo_rectangle(cr, c_.left(), c_.y, c_.width(), h);
            cairo_fill(cr);
        }
        cairo_tag_begin(cr, "TR", nullptr);
        double x = c_.left();
        for (std::size_t k = 0; k < cells.size() && k < t.widths.size(); ++k) {
            double w = t.widths[k] * c_.width();
            c_.text(x + kCellPad, c_.y + kCellPad, w - 2 * kCellPad, esc(cells[k]), c_.style(10, bold), header ? "TH" : "TD");
            x += w;
        }
        cairo_tag_end(cr, "TR");
        cairo_set_source_rgb(cr, 0.7, 0.72, 0.76);
        cairo_set_line_width(cr, 0.6);
        cairo_move_to(cr, c_.left(), c_.y + h);
        cairo_line_to(cr, c_.right(), c_.y + h);
        cairo_stroke(cr);
        c_.y += h;
    }

    void table(const ReportTable& t) {
        double caption_h = c_.measure(esc(t.caption), c_.style(kBody, true), c_.width());
        double first = row_height(t.header, t, true) + (t.rows.empty() ? 0 : row_height(t.rows[0], t, false));
        c_.ensure(t.rows.size() <= kWholeTable ? table_height(t) : caption_h + 4 + first);
        c_.y += c_.text(c_.left(), c_.y, c_.width(), esc(t.caption), c_.style(kBody, true), "Caption") + 4;
        cairo_tag_begin(c_.cr(), "Table", nullptr);
        row(t.header, t, true, true);
        for (std::size_t k = 0; k < t.rows.size(); ++k) {
            bool total = t.total_row && k + 1 == t.rows.size();
            if (!c_.fits(row_height(t.rows[k], t, total))) {
                c_.new_page();
                row(t.header, t, true, true);  // the header again on every page
            }
            row(t.rows[k], t, false, total);
        }
        cairo_tag_end(c_.cr(), "Table");
        c_.y += 10;
    }

    // One row per answer: its face, its words, a bar as long as its count, the count.
    void chart(const ReportChart& ch) {
        c_.ensure(chart_height(ch));
        cairo_t* cr = c_.cr();
        const double label_x = c_.left() + kChartPicture + 8, bar_x = c_.left() + 170;
        const double bar_room = c_.right() - 50 - bar_x;
        c_.begin_figure(ch.alt);
        for (const auto& bar : ch.bars) {
            double row_top = c_.y;
            c_.picture_untagged(bar.picture_id, c_.left(), row_top + (kChartRow - kChartPicture) / 2, kChartPicture);
            double label_h = c_.measure(esc(bar.label), c_.style(11), bar_x - label_x - 6);
            c_.text(label_x, row_top + (kChartRow - label_h) / 2, bar_x - label_x - 6, esc(bar.label), c_.style(11), nullptr);
            double len = ch.most > 0 ? bar_room * bar.count / ch.most : 0;
            if (bar.count > 0) len = std::max(len, 2.0);
            c_.set_colour(kBar);
            cairo_rectangle(cr, bar_x, row_top + 6, len, kChartRow - 12);
            cairo_fill(cr);
            std::string n = "<b>" + number_words(bar.count) + "</b>";
            double n_h = c_.measure(n, c_.style(12), 60);
            c_.text(bar_x + len + 6, row_top + (kChartRow - n_h) / 2, 60, n, c_.style(12), nullptr);
            c_.y += kChartRow;
        }
        c_.set_colour(kGrey);
        cairo_set_line_width(cr, 1);
        cairo_move_to(cr, bar_x, c_.y - kChartRow * static_cast<double>(ch.bars.size()));
        cairo_line_to(cr, bar_x, c_.y);
        cairo_stroke(cr);
        c_.end_figure();
        c_.y += 8;
    }

    void comments(const ReportBlock& b) {
        cairo_tag_begin(c_.cr(), "L", nullptr);
        for (std::size_t k = 0; k < b.lines.size(); ++k) comment(pdf_comment_text(b.lines[k]), b.notes[k]);
        cairo_tag_end(c_.cr(), "L");
        c_.y += 4;
    }

    // One comment, however long: its lines flow on over as many pages as it needs.
    void comment(const std::string& words, const std::string& note) {
        const std::string open = "\xE2\x80\x9C", close = "\xE2\x80\x9D  ";
        const std::string tail = "<span size=\"smaller\" foreground=\"#4A4A4A\">" + esc(note) + "</span>";
        const std::string text = open + words + close;  // the laid-out text, markup stripped
        const std::string markup = esc(text) + tail;
        const double w = c_.width() - 14, line = kBody * 1.3;
        std::vector<PdfCanvas::TextLine> lines = c_.lines(markup, c_.style(kBody), w);
        c_.ensure(std::min(c_.measure(markup, c_.style(kBody), w), 3 * line));
        cairo_tag_begin(c_.cr(), "LI", nullptr);
        // The bullet is drawn, not typed: one text layout per comment instead of two.
        c_.set_colour(kInk);
        cairo_new_path(c_.cr());
        cairo_arc(c_.cr(), c_.left() + 4, c_.y + kBody * 0.75, 2.2, 0, 2 * 3.14159265358979);
        cairo_fill(c_.cr());
        cairo_tag_begin(c_.cr(), "LBody", nullptr);
        std::size_t first = 0;
        while (first < lines.size()) {
            // As many lines as fit below y (at least one, on a fresh page).
            std::size_t end = first + 1;
            while (end < lines.size() && c_.fits(lines[end].top - lines[first].top + line)) ++end;
            if (!c_.fits(line) && c_.y > c_.top() + 1) {
                c_.new_page();
                continue;
            }
            const auto from = static_cast<std::size_t>(lines[first].start);
            std::string piece;
            if (end == lines.size()) {
                piece = from == 0 ? markup : esc(text.substr(std::min(from, text.size()))) + tail;
            } else {
                const auto to = static_cast<std::size_t>(lines[end].start);
                piece = esc(text.substr(from, to - from));
            }
            c_.y += c_.text(c_.left() + 14, c_.y, w, piece, c_.style(kBody), "P");
            first = end;
            if (first < lines.size()) c_.new_page();
        }
        cairo_tag_end(c_.cr(), "LBody");
        cairo_tag_end(c_.cr(), "LI");
        c_.y += 5;
    }

    // An easy read line: a picture on the left, the words beside it.
    void point(const ReportBlock& b) {
        constexpr double kPicture = 48;
        const double w = c_.width() - kPicture - 14;
        const double h = std::max(kPicture, c_.measure(esc(b.text), c_.style(14), w));
        c_.ensure(h);
        c_.picture_untagged(b.picture_id, c_.left(), c_.y, kPicture);
        double text_h = c_.measure(esc(b.text), c_.style(14), w);
        c_.text(c_.left() + kPicture + 14, c_.y + std::max(0.0, (kPicture - text_h) / 2), w, esc(b.text), c_.style(14), "P");
        c_.y += h + 10;
    }

    void action(const ReportBlock& b) {
        std::string body;
        for (const auto& l : b.lines) body += (body.empty() ? "" : "\n") + esc(l);
        double w = c_.width() - 20;
        double h = c_.measure(esc(b.text), c_.style(12, true), w) + 4 + c_.measure(body, c_.style(kBody), w) + 16;
        c_.ensure(h);
        cairo_t* cr = c_.cr();
        cairo_set_source_rgb(cr, 0.95, 0.96, 0.98);
        cairo_rectangle(cr, c_.left(), c_.y, c_.width(), h);
        cairo_fill(cr);
        c_.set_colour(kBar);
        cairo_rectangle(cr, c_.left(), c_.y, 4, h);
        cairo_fill(cr);
        double at = c_.y + 8;
        at += c_.text(c_.left() + 12, at, w, esc(b.text), c_.style(12, true), "H4") + 4;
        c_.text(c_.left() + 12, at, w, body, c_.style(kBody), "P");
        c_.y += h + 8;
    }
};

}  // namespace

bool render_board_pdf(const BoardReport& report, const symbols::Bank& bank, const std::string& path,
                      Diagnostics& diags, const ReviewedDocuments* pages) {
    PdfCanvas canvas(path, report.title + " - Partnership Board report", report.lang, bank, diags);
    if (!canvas.ok()) return false;
    BoardPdf(report, canvas, pages).run();
    return canvas.finish();
}

}  // namespace easyread::report
