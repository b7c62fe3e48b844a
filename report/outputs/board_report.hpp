// The Partnership Board report as a list of blocks, before any format: the
// PDF and HTML renderers each walk it once, so both always say the same.
#pragma once
#include <string>
#include <vector>

#include "report/outputs/actions_file.hpp"
#include "report/reading/result_set.hpp"
#include "report/counting/tally.hpp"

namespace easyread::report {

struct ReportTable {
    std::string caption;                 // said before the table; also its summary
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<double> widths;          // share of the page width per column
    bool total_row = false;              // the last row adds up the others
};

struct ChartBar {
    std::string label;       // "Happy"
    std::string picture_id;  // "happy"
    int count = 0;
};

struct ReportChart {
    std::vector<ChartBar> bars;
    int most = 0;     // the largest count: the longest bar
    std::string alt;  // the whole chart in words, for screen readers
};

enum class BlockKind {
    Title,     // the report's title (H1)
    Subtitle,
    Meta,      // small print: when, from which files
    Warning,   // "This report is not complete": heading + lines
    Section,   // H2
    Question,  // H3 with the question's picture
    Paragraph,
    Note,      // small grey line under a question
    Table,
    Chart,
    Comments,  // lines: one comment each, with `notes` saying where it came from
    Action,    // what the board will do: lines
    Point,     // one easy read line with its picture (the summary at the front)
    PageBreak, // the next block starts a new page (PDF)
    PageResult,  // a reviewed document's page: `text` "Page 5", `lines` its answers, a picture of the page
};

struct ReportBlock {
    BlockKind kind = BlockKind::Paragraph;
    std::string text;
    std::string picture_id;
    std::vector<std::string> lines;
    std::vector<std::string> notes;  // Comments: "Board meeting, 3 May 2024" per line
    ReportTable table;
    ReportChart chart;
    std::string document;  // PageResult: the document edition's label
    int page = 0;          // PageResult: 1-based page
    double picture_width = 0;  // PageResult: the page's picture in points; 0: small
    std::string picture_alt;   // PageResult: the picture's alternative text; empty: "Page 5 of the document ..."
};

struct BoardReport {
    std::string title;
    std::string lang = "en-GB";
    bool complete = true;
    std::vector<ReportBlock> blocks;
};

BoardReport build_board_report(const ResultSet& results, const Tally& tally, const ActionsFile* actions);

// "Board meeting" or "No event name" when staff set none.
std::string event_words(const std::string& name);

// The options shown as bars: every option of the question, in survey order.
ReportChart chart_of(const QuestionGroup& group);

}  // namespace easyread::report
