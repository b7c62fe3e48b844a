// The conformance report as JSON, for dashboards and audits that read files.
#include "base/text_util.hpp"
#include "generator/conform/conformance.hpp"

namespace easyread {

std::string conformance_json(const ConformanceReport& r) {
    std::string out = "{\n";
    auto field = [&out](const char* key, const std::string& value) {
        out += "  \"" + std::string(key) + "\": " + json_escape(value) + ",\n";
    };
    field("document", r.document);
    field("title", r.title);
    field("edition", r.edition);
    field("date", r.date);
    out += "  \"rules\": {\"name\": " + json_escape(r.rules_name) + ", \"title\": " + json_escape(r.rules_title) + "},\n";
    out += "  \"summary\": {\"met\": " + std::to_string(r.count(Verdict::Met)) +
           ", \"not_met\": " + std::to_string(r.count(Verdict::NotMet)) +
           ", \"for_a_person\": " + std::to_string(r.count(Verdict::ForPerson)) + "},\n";
    out += "  \"results\": [";
    for (std::size_t i = 0; i < r.results.size(); ++i) {
        const RuleResult& x = r.results[i];
        out += std::string(i ? "," : "") + "\n    {\"id\": " + json_escape(x.id) + ", \"rule\": " + json_escape(x.rule) +
               ", \"source\": " + json_escape(x.source) + ", \"result\": " + json_escape(verdict_words(x.verdict)) +
               ", \"evidence\": " + json_escape(x.evidence) + ", \"places_total\": " + std::to_string(x.places_total) +
               ", \"places\": [";
        for (std::size_t j = 0; j < x.places.size(); ++j)
            out += std::string(j ? ", " : "") + "{\"page\": " + std::to_string(x.places[j].page) +
                   ", \"line\": " + std::to_string(x.places[j].line) + ", \"what\": " + json_escape(x.places[j].what) + "}";
        out += "]}";
    }
    out += "\n  ]\n}\n";
    return out;
}

}  // namespace easyread
