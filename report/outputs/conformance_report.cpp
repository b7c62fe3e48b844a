#include "report/outputs/conformance_report.hpp"

#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "base/text_util.hpp"
#include "generator/pipeline.hpp"
#include "report/outputs/buffered_output.hpp"
#include "report/outputs/render_board_html.hpp"
#include "report/outputs/render_board_pdf.hpp"
#include "survey/survey.hpp"
#include "survey/timestamps.hpp"

namespace easyread::report {

namespace {

std::string place_words(const RulePlace& p) {
    std::string where;
    if (p.page > 0) where = "page " + std::to_string(p.page);
    if (p.line > 0) where += (where.empty() ? "line " : ", line ") + std::to_string(p.line);
    return where.empty() ? "the whole document" : where;
}

std::string result_words(Verdict v) {
    switch (v) {
        case Verdict::Met: return "Met";
        case Verdict::NotMet: return "Not met";
        case Verdict::ForPerson: return "For a person to check";
    }
    return "";
}

bool refuse_format(const std::string& path, Diagnostics& diags) {
    diags.error(path, 0, 0, "conformance-format", "a conformance report cannot be written as \"" + path + "\"",
                "End the file name in .pdf, .html or .json.");
    return false;
}

}  // namespace

BoardReport conformance_blocks(const ConformanceReport& r) {
    BoardReport out;
    out.title = "Conformance report: " + (r.title.empty() ? r.document : r.title);
    auto add = [&out](BlockKind kind, const std::string& text) {
        ReportBlock b;
        b.kind = kind;
        b.text = text;
        out.blocks.push_back(std::move(b));
        return &out.blocks.back();
    };
    add(BlockKind::Title, out.title);
    add(BlockKind::Subtitle, "Checked against: " + r.rules_title);
    add(BlockKind::Meta, "Document: " + r.document + ". Edition: " + (r.edition.empty() ? "unknown" : r.edition) +
                             ". Checked on " + r.date + ".");
    const int met = r.count(Verdict::Met), not_met = r.count(Verdict::NotMet), person = r.count(Verdict::ForPerson);
    add(BlockKind::Paragraph, std::to_string(met) + " of " + std::to_string(r.results.size()) + " rules are met, " +
                                  std::to_string(not_met) + " not met, and " + std::to_string(person) +
                                  (person == 1 ? " is" : " are") + " for a person to check.");
    add(BlockKind::Note, "Every result is measured on the pages the reader gets (the laid-out pages and the PDF "
                         "written from them), not on the settings.");
    if (not_met > 0) {
        ReportBlock* w = add(BlockKind::Warning, "Rules not met");
        for (const auto& x : r.results)
            if (x.verdict == Verdict::NotMet) w->lines.push_back(x.rule);
    }

    add(BlockKind::Section, "Each rule");
    ReportBlock* t = add(BlockKind::Table, "");
    t->table.caption = "Each rule of " + r.rules_title + ", its result and what was measured";
    t->table.header = {"Rule", "Result", "What was measured"};
    t->table.widths = {0.36, 0.16, 0.48};
    for (const auto& x : r.results) t->table.rows.push_back({x.rule, result_words(x.verdict), x.evidence});

    bool any_places = false;
    for (const auto& x : r.results) {
        if (x.places.empty()) continue;
        if (!any_places) add(BlockKind::Section, "Where rules are not met");
        any_places = true;
        add(BlockKind::Paragraph, x.rule);
        ReportBlock* places = add(BlockKind::Table, "");
        places->table.caption = "Where: " + x.rule;
        places->table.header = {"Where", "What was found"};
        places->table.widths = {0.3, 0.7};
        for (const auto& place : x.places) places->table.rows.push_back({place_words(place), place.what});
        if (x.places_total > static_cast<int>(x.places.size()))
            add(BlockKind::Note, "and " + std::to_string(x.places_total - static_cast<int>(x.places.size())) +
                                     " more places (" + std::to_string(x.places_total) + " in all)");
    }

    add(BlockKind::Section, "Sources");
    std::vector<std::string> sources;
    for (const auto& x : r.results)
        if (std::find(sources.begin(), sources.end(), x.source) == sources.end()) sources.push_back(x.source);
    ReportBlock* s = add(BlockKind::Paragraph, "");
    s->lines = sources;
    return out;
}

bool is_conformance_format(const std::string& path) {
    const std::string p = lower(path);
    return ends_with(p, ".pdf") || ends_with(p, ".html") || ends_with(p, ".htm") || ends_with(p, ".json");
}

bool write_conformance_report(const ConformanceReport& report, const symbols::Bank& bank, const std::string& path,
                              Diagnostics& diags) {
    const std::string p = lower(path);
    if (ends_with(p, ".json")) {
        BufferedOutput file(path);
        if (!file.open(diags)) return false;
        file.buffer() = conformance_json(report);
        return file.finish(diags);
    }
    if (ends_with(p, ".pdf")) return render_board_pdf(conformance_blocks(report), bank, path, diags);
    if (ends_with(p, ".html") || ends_with(p, ".htm"))
        return render_board_html(conformance_blocks(report), bank, path, diags);
    return refuse_format(path, diags);
}

bool make_conformance_report(const Compiled& c, const std::string& path, Diagnostics& diags) {
    if (!is_conformance_format(path)) return refuse_format(path, diags);
    if (!c.laid_out) {
        diags.error(c.src.path, 0, 0, "conformance-layout",
                    "the document could not be laid out, so there are no pages to measure",
                    "Fix the errors above and run the check again.");
        return false;
    }
    // The PDF the reader would get, written where nobody else looks.
    std::string folder = (std::filesystem::temp_directory_path() / "easyread-conformance-XXXXXX").string();
    if (!::mkdtemp(folder.data())) {
        diags.error(path, 0, 0, "conformance-temp", "no temporary folder for the document's PDF",
                    "Check that the temporary folder (TMPDIR) can be written.");
        return false;
    }
    const std::string pdf = folder + "/document.pdf";
    std::vector<std::string> written;
    Diagnostics pdf_diags;
    // A PDF that cannot be written is measured as one that cannot be read: not met.
    render_output(c, pdf, 0, written, pdf_diags);
    ConformanceReport report = assess_conformance(c, pdf);
    std::error_code ec;
    std::filesystem::remove_all(folder, ec);
    report.edition = survey::document_label(c.src.path, c.src.text);
    report.date = survey::local_date_of(survey::iso_utc_now());
    return write_conformance_report(report, c.bank(), path, diags);
}

}  // namespace easyread::report
