// Documents for the conformance tests, compiled through the real pipeline.
#pragma once
#include <memory>
#include <string>

#include "generator/conform/conformance.hpp"
#include "generator/pipeline.hpp"

namespace easyread::test {

// Short sentences, a picture named for every chunk, one hard word explained
// by the sentence after it: meets every rule a program can measure.
inline const char* kGoodDocument =
    "---\n"
    "title: Our club\n"
    "contact: Call 01632 960 123\n"
    "---\n"
    "\n"
    "# Our club\n"
    "\n"
    "We meet on Monday. The club is at the library. {picture=meeting}\n"
    "\n"
    "Bring a friend if you like. {picture=handshake}\n"
    "\n"
    "## Help\n"
    "\n"
    "You can bring your **carer**. A carer is a person who helps you. {picture=speak-up}\n"
    "\n"
    "Tell us what you think. {picture=plan}\n";

inline std::unique_ptr<Compiled> compiled(const std::string& markdown, const std::string& rules,
                                          const std::string& page = "a4", double font = 0) {
    PipelineOptions o;
    o.rules = rules;
    o.page = page;
    o.font_size = font;
    return compile(SourceText{"doc.md", markdown}, o);
}

inline const RuleResult* result_of(const ConformanceReport& r, const std::string& id) {
    for (const auto& x : r.results)
        if (x.id == id) return &x;
    return nullptr;
}

}  // namespace easyread::test
