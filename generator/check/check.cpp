#include "check.hpp"

#include <cstdio>

namespace easyread::check {

std::string summary_line(const CheckReport& report, const RuleSet& rules) {
    char buf[256];
    std::snprintf(buf, sizeof buf, "%d words, %d sentences; Reading Ease %.1f, grade %.1f; %s%d pages (%s)",
                  report.words, report.sentences, report.whole.reading_ease, report.whole.grade,
                  report.pages_estimated ? "about " : "", report.pages, rules.name.c_str());
    return buf;
}

}  // namespace easyread::check

namespace easyread::check {

CheckReport check_markdown(const SourceText&, const ParsedMarkdown&, const RuleSet&, const CheckOptions&,
                           Diagnostics&) {
    return {};
}

}  // namespace easyread::check
