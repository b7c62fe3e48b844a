#include "report/outputs/render_board_html.hpp"

#include <cstdio>

#include <glib.h>

#include <fstream>
#include <map>
#include <sstream>

#include "symbols/bank.hpp"
#include "report/outputs/buffered_output.hpp"
#include "generator/layout/text_layout.hpp"
#include "report/reading/reviewed_documents.hpp"
#include "report/counting/share_words.hpp"
#include "base/text_util.hpp"

namespace easyread::report {

namespace {

const char* const kStyle = R"(
body { font-family: Andika, "DejaVu Sans", Arial, sans-serif; font-size: 1.1rem; line-height: 1.5;
       color: #111; background: #fff; max-width: 48rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 2rem; margin-bottom: 0.2rem; } h2 { margin-top: 2.5rem; border-bottom: 2px solid #ccd; }
h3 { display: flex; align-items: center; gap: 0.8rem; margin-top: 2rem; }
h3 img { width: 3.5rem; height: 3.5rem; }
.meta, .note { color: #444; font-size: 0.9rem; }
.point { display: flex; align-items: center; gap: 0.8rem; font-size: 1.2rem; }
.point img { width: 3rem; height: 3rem; flex: none; }
p, li, td { overflow-wrap: anywhere; }
.warning { border: 3px solid #9b1c1c; padding: 0.5rem 1rem; }
.warning h2 { color: #9b1c1c; border: 0; margin-top: 0.5rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { border-bottom: 1px solid #bbc; padding: 0.3rem 0.6rem; text-align: left; vertical-align: middle; }
th { background: #ebedf2; } caption { text-align: left; font-weight: bold; padding: 0.3rem 0; }
tr.total td { font-weight: bold; }
td.num, td.date { overflow-wrap: normal; white-space: nowrap; }
.wide { overflow-x: auto; max-width: 100%; }
table.chart td.face img { width: 2rem; height: 2rem; }
table.chart td.bar { width: 18rem; white-space: nowrap; }
table.chart .fill { display: inline-block; height: 1.2rem; background: #1f4e79; vertical-align: middle; }
table.chart .count { font-weight: bold; margin-left: 0.4rem; }
.action { background: #f3f6fa; border-left: 4px solid #1f4e79; padding: 0.4rem 1rem; margin: 1rem 0; }
.action h4 { margin: 0.3rem 0; }
.page-result { display: flex; gap: 1rem; align-items: flex-start; margin: 0.8rem 0; }
.page-result img { width: 6rem; height: auto; flex: none; border: 1px solid #777; }
.page-result h4 { margin: 0 0 0.3rem; } .page-result p { margin: 0.1rem 0; }
ul.comments li { margin-bottom: 0.4rem; } ul.comments .where { color: #444; font-size: 0.85rem; }
)";

std::string esc(const std::string& s) { return html_escape(s); }

class HtmlReport {
public:
    HtmlReport(const BoardReport& r, const symbols::Bank& bank, const ReviewedDocuments* pages)
        : r_(r), bank_(bank), pages_(pages) {}

    std::string run() {
        out_ << "<!DOCTYPE html>\n<html lang=\"" << esc(r_.lang) << "\">\n<head>\n<meta charset=\"utf-8\">\n"
             << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
             << "<title>" << esc(r_.title) << " - Partnership Board report</title>\n<style>" << kStyle
             << "</style>\n</head>\n<body>\n<main>\n";
        for (const auto& b : r_.blocks) block(b);
        out_ << "</main>\n</body>\n</html>\n";
        return out_.str();
    }

private:
    const BoardReport& r_;
    const symbols::Bank& bank_;
    const ReviewedDocuments* pages_;
    std::ostringstream out_;
    std::map<std::string, std::string> uris_;

    // The picture file inside the page, so the report is one file to email.
    std::string img(const std::string& id, bool decorative) {
        const symbols::Picture* p = id.empty() ? nullptr : bank_.find(id);
        if (!p) return {};
        auto it = uris_.find(p->file);
        if (it == uris_.end()) {
            std::ifstream in(p->file, std::ios::binary);
            std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            gchar* b64 = g_base64_encode(reinterpret_cast<const guchar*>(bytes.data()), bytes.size());
            bool png = p->file.size() > 4 && p->file.compare(p->file.size() - 4, 4, ".png") == 0;
            it = uris_.emplace(p->file, std::string("data:image/") + (png ? "png" : "svg+xml") + ";base64," + b64).first;
            g_free(b64);
        }
        return "<img src=\"" + it->second + "\" alt=\"" + (decorative ? std::string() : esc(p->name)) + "\">";
    }

    // "1,234" and "14 March 2024" are never broken across lines, however narrow their column.
    static bool number_cell(const std::string& text) {
        return !text.empty() && text.find_first_not_of("0123456789,") == std::string::npos;
    }
    static bool date_cell(const std::string& text) {  // words_date(): "9 May 2024"
        int day = 0, year = 0, used = 0;
        char month[16] = {};
        return std::sscanf(text.c_str(), "%2d %15[A-Za-z] %4d%n", &day, month, &year, &used) == 3 &&
               used == static_cast<int>(text.size());
    }
    static const char* cell_start(const std::string& text) {
        return number_cell(text) ? "<td class=\"num\">" : date_cell(text) ? "<td class=\"date\">" : "<td>";
    }

    // A table wider than a phone scrolls in its own box; the page keeps the screen's width.
    void open_scroll_box(const std::string& label) {
        out_ << "<div class=\"wide\" role=\"region\" tabindex=\"0\" aria-label=\"" << esc(label) << "\">\n";
    }

    void table(const ReportTable& t) {
        open_scroll_box(t.caption);
        out_ << "<table>\n<caption>" << esc(t.caption) << "</caption>\n<thead><tr>";
        for (const auto& h : t.header) out_ << "<th scope=\"col\">" << esc(h) << "</th>";
        out_ << "</tr></thead>\n<tbody>\n";
        for (std::size_t k = 0; k < t.rows.size(); ++k) {
            bool total = t.total_row && k + 1 == t.rows.size();
            out_ << (total ? "<tr class=\"total\">" : "<tr>");
            for (std::size_t c = 0; c < t.rows[k].size(); ++c)
                out_ << (c == 0 ? "<th scope=\"row\">" : cell_start(t.rows[k][c]))
                     << esc(t.rows[k][c]) << (c == 0 ? "</th>" : "</td>");
            out_ << "</tr>\n";
        }
        out_ << "</tbody>\n</table>\n</div>\n";
    }

    void chart(const ReportChart& ch) {
        open_scroll_box(ch.alt);
        out_ << "<table class=\"chart\">\n<caption class=\"note\">" << esc(ch.alt) << "</caption>\n"
             << "<thead><tr><th scope=\"col\" colspan=\"2\">Answer</th><th scope=\"col\">People</th></tr></thead>\n<tbody>\n";
        for (const auto& bar : ch.bars) {
            int percent = ch.most > 0 ? 80 * bar.count / ch.most : 0;  // room for the count beside the longest
            out_ << "<tr><td class=\"face\">" << img(bar.picture_id, true) << "</td><th scope=\"row\">" << esc(bar.label)
                 << "</th><td class=\"bar\"><span class=\"fill\" style=\"width:" << percent
                 << "%\"></span><span class=\"count\">" << number_words(bar.count) << "</span></td></tr>\n";
        }
        out_ << "</tbody>\n</table>\n</div>\n";
    }

    // A reviewed page: its picture (when the document is at hand) beside its answers.
    void page_result(const ReportBlock& b) {
        out_ << "<section class=\"page-result\">\n";
        // A page drawn larger than the small picture is shown at its points' size (marks on it are read).
        const int pixels = b.picture_width > 0 ? static_cast<int>(b.picture_width * 2) : 180;
        if (std::string png = pages_ && pages_->has(b.document) ? pages_->png(b.document, b.page, pixels) : std::string();
            !png.empty()) {
            gchar* b64 = g_base64_encode(reinterpret_cast<const guchar*>(png.data()), png.size());
            out_ << "<img src=\"data:image/png;base64," << b64 << "\"";
            if (b.picture_width > 0) out_ << " style=\"width:" << static_cast<int>(b.picture_width) << "pt\"";
            out_ << " alt=\"" << (b.picture_alt.empty() ? esc(b.text) + " of the document, small" : esc(b.picture_alt))
                 << "\">\n";
            g_free(b64);
        }
        out_ << "<div>\n<h4>" << esc(b.text) << "</h4>\n";
        for (const auto& l : b.lines) out_ << "<p>" << esc(l) << "</p>\n";
        out_ << "</div>\n</section>\n";
    }

    void lines(const ReportBlock& b, const char* cls) {
        if (!b.text.empty()) out_ << "<p" << cls << ">" << esc(b.text) << "</p>\n";
        for (const auto& l : b.lines) out_ << "<p" << cls << ">" << esc(l) << "</p>\n";
    }

    void block(const ReportBlock& b) {
        switch (b.kind) {
        case BlockKind::Title: out_ << "<h1>" << esc(b.text) << "</h1>\n"; break;
        case BlockKind::Subtitle: out_ << "<p class=\"subtitle\">" << esc(b.text) << "</p>\n"; break;
        case BlockKind::Meta: out_ << "<p class=\"meta\">" << esc(b.text) << "</p>\n"; break;
        case BlockKind::Warning:
            out_ << "<section class=\"warning\" role=\"alert\">\n<h2>" << esc(b.text) << "</h2>\n<ul>\n";
            for (const auto& l : b.lines) out_ << "<li>" << esc(l) << ".</li>\n";
            out_ << "</ul>\n</section>\n";
            break;
        case BlockKind::Section: out_ << "<h2>" << esc(b.text) << "</h2>\n"; break;
        case BlockKind::Question: out_ << "<h3>" << img(b.picture_id, false) << "<span>" << esc(b.text) << "</span></h3>\n"; break;
        case BlockKind::Paragraph: lines(b, ""); break;
        case BlockKind::Note: out_ << "<p class=\"note\">" << esc(b.text) << "</p>\n"; break;
        case BlockKind::Point: out_ << "<p class=\"point\">" << img(b.picture_id, true) << esc(b.text) << "</p>\n"; break;
        case BlockKind::PageBreak: break;
        case BlockKind::PageResult: page_result(b); break;
        case BlockKind::Table: table(b.table); break;
        case BlockKind::Chart: chart(b.chart); break;
        case BlockKind::Comments:
            out_ << "<ul class=\"comments\">\n";
            for (std::size_t k = 0; k < b.lines.size(); ++k)
                out_ << "<li>\xE2\x80\x9C" << esc(b.lines[k]) << "\xE2\x80\x9D <span class=\"where\">" << esc(b.notes[k])
                     << "</span></li>\n";
            out_ << "</ul>\n";
            break;
        case BlockKind::Action:
            out_ << "<section class=\"action\">\n<h4>" << esc(b.text) << "</h4>\n";
            for (const auto& l : b.lines) out_ << "<p>" << esc(l) << "</p>\n";
            out_ << "</section>\n";
            break;
        }
    }
};

}  // namespace

std::string board_html(const BoardReport& report, const symbols::Bank& bank, const ReviewedDocuments* pages) {
    return HtmlReport(report, bank, pages).run();
}

bool render_board_html(const BoardReport& report, const symbols::Bank& bank, const std::string& path,
                       Diagnostics& diags, const ReviewedDocuments* pages) {
    BufferedOutput file(path);
    if (!file.open(diags)) return false;
    file.buffer() = board_html(report, bank, pages);
    return file.finish(diags);
}

}  // namespace easyread::report
