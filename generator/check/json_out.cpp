#include "generator/check/json_out.hpp"
#include "base/text_util.hpp"

#include <cstdio>

namespace easyread::check {

namespace {

const char* severity_word(Severity s) {
    return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "note";
}

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string scores(const Readability& r) {
    return "{\"words\": " + std::to_string(r.words) + ", \"sentences\": " + std::to_string(r.sentences) +
           ", \"syllables\": " + std::to_string(r.syllables) + ", \"reading_ease\": " + number(r.reading_ease) +
           ", \"grade\": " + number(r.grade) + "}";
}

}  // namespace

std::string report_json(const std::string& file, const RuleSet& rules, const Diagnostics& diags,
                        const CheckReport& report) {
    std::string out = "{\n  \"file\": " + json_escape(file) + ",\n  \"rules\": " + json_escape(rules.name) +
                      ",\n  \"diagnostics\": [";
    bool first = true;
    for (const auto& d : diags.items()) {
        out += first ? "\n" : ",\n";
        first = false;
        out += "    {\"severity\": \"" + std::string(severity_word(d.severity)) + "\", \"file\": " + json_escape(d.file) +
               ", \"line\": " + std::to_string(d.line) + ", \"column\": " + std::to_string(d.column) +
               ", \"id\": " + json_escape(d.id) + ", \"message\": " + json_escape(d.message) +
               ", \"hint\": " + json_escape(d.hint) + "}";
    }
    out += first ? "],\n" : "\n  ],\n";
    out += "  \"summary\": {\"errors\": " + std::to_string(diags.count(Severity::Error)) +
           ", \"warnings\": " + std::to_string(diags.count(Severity::Warning)) +
           ", \"words\": " + std::to_string(report.words) + ", \"sentences\": " + std::to_string(report.sentences) +
           ", \"blocks\": " + std::to_string(report.blocks) + ", \"pages\": " + std::to_string(report.pages) +
           ", \"pages_estimated\": " + (report.pages_estimated ? "true" : "false") +
           ", \"readability\": " + scores(report.whole) + "},\n  \"hardest_paragraphs\": [";
    first = true;
    for (const auto& p : report.worst) {
        out += first ? "\n" : ",\n";
        first = false;
        out += "    {\"line\": " + std::to_string(p.line) + ", \"column\": " + std::to_string(p.column) +
               ", \"excerpt\": " + json_escape(p.excerpt) + ", \"readability\": " + scores(p.score) + "}";
    }
    out += first ? "]\n}\n" : "\n  ]\n}\n";
    return out;
}

}  // namespace easyread::check
