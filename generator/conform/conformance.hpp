// Which rules of a standard a document meets, measured on the pages the
// reader gets (the laid-out pages and the PDF written from them), never on
// the settings: a conformance report an officer can hand to an auditor.
#pragma once
#include <string>
#include <vector>

#include "base/diagnostics.hpp"

namespace easyread {

struct Compiled;

enum class Verdict { Met, NotMet, ForPerson };

// "met", "not met", "for a person to check".
const char* verdict_words(Verdict v);

// A place a rule is not met: the printed page number (0 for the cover) and
// the source line of the chunk, with what was found there.
struct RulePlace {
    int page = 0;
    int line = 0;
    std::string what;
};

struct RuleResult {
    std::string id;        // "sentence-length"
    std::string rule;      // the rule in words: "Sentences have 15 words or fewer."
    std::string source;    // the guide the rule comes from
    Verdict verdict = Verdict::ForPerson;
    std::string evidence;  // what was measured: "The longest sentence has 12 words (page 3, line 14)."
    std::vector<RulePlace> places;  // the first places that fail, in page order
    int places_total = 0;           // how many places fail in all
};

struct ConformanceReport {
    std::string document;   // the file as given
    std::string title;      // the document's title
    std::string edition;    // "strategy.md 3f9a0c12": file name and the start of its text's fingerprint
    std::string date;       // "2026-12-06", local: set by whoever writes the report
    std::string rules_name, rules_title;
    std::vector<RuleResult> results;
    int count(Verdict v) const;
};

// The places listed per rule; the rest are counted.
constexpr int kMaxPlaces = 20;

// Measures every rule of `c`'s rule set on its laid-out pages, and the PDF
// basics on `pdf_path` (a PDF written from the same pages). `c` must be laid
// out (c.laid_out). The edition and date are left for the caller.
ConformanceReport assess_conformance(const Compiled& c, const std::string& pdf_path);

// The report as JSON (UTF-8, one object).
std::string conformance_json(const ConformanceReport& report);

}  // namespace easyread
