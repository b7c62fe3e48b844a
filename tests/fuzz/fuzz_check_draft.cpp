// Fuzz target: bytes -> parse -> the easy read checks, and -> the drafter,
// whose Markdown is read back and checked again. Built with libFuzzer when
// EASYREAD_FUZZ=ON (clang); the corpus is replayed under ctest by
// replay_main.cpp with any compiler.
//
// Beyond "no crash", what every input must give:
//   - every diagnostic names a line inside the file (or 0 for the whole file);
//   - the draft is valid UTF-8 and ends with the list of facts to tick off;
//   - the draft, checked in turn, gives no error.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "generator/check/check.hpp"
#include "generator/draft/draft.hpp"
#include "generator/lang/lexicon.hpp"
#include "generator/lang/rule_set.hpp"
#include "generator/parse/markdown_front.hpp"
#include "symbols/bank.hpp"
#include "symbols/matcher.hpp"

namespace {

struct Shared {
    easyread::lang::RuleSet rules;
    easyread::lang::Lexicon lexicon;
    easyread::symbols::Bank bank;
    std::unique_ptr<easyread::symbols::Matcher> matcher;
    Shared() {
        easyread::Diagnostics d;
        if (!easyread::lang::load_rule_set(easyread::lang::kDefaultRuleSet, rules, d) ||
            !easyread::lang::load_lexicon(rules, lexicon, d) || !bank.load_bundled(d)) {
            std::fprintf(stderr, "fuzz_check_draft: the bundled data could not be loaded:\n%s", d.format_all().c_str());
            std::abort();
        }
        matcher = std::make_unique<easyread::symbols::Matcher>(bank);
    }
};

void fail(const char* what, const std::string& detail) {
    std::fprintf(stderr, "fuzz_check_draft: %s\n%s\n", what, detail.c_str());
    std::abort();
}

// Lines as every stage counts them: LF, CRLF and a lone CR each end one.
int line_count(const std::string& text) {
    int lines = 1;
    for (std::size_t i = easyread::find_line_break(text, 0); i != std::string::npos;
         i = easyread::find_line_break(text, easyread::after_line_break(text, i)))
        ++lines;
    return lines;
}

easyread::check::CheckReport run_checks(const Shared& shared, const easyread::SourceText& src,
                                        easyread::Diagnostics& diags) {
    using namespace easyread;
    ParsedMarkdown md = parse_markdown(src, diags);
    check::CheckOptions co;
    co.bank = &shared.bank;
    co.matcher = shared.matcher.get();
    co.lexicon = &shared.lexicon;
    co.page_count = 3;
    return check::check_markdown(src, md, shared.rules, co, diags);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace easyread;
    static const Shared shared;  // rules, word lists and bank are read once per process
    if (size > 64 * 1024) return 0;
    std::string bytes(reinterpret_cast<const char*>(data), size);
    Diagnostics diags;
    if (!check_source_bytes("fuzz.md", bytes, diags)) return 0;
    SourceText src{"fuzz.md", bytes};

    run_checks(shared, src, diags);
    const int lines = line_count(bytes);
    for (const auto& d : diags.items())
        if (d.line < 0 || d.line > lines) fail("a diagnostic points past the end of the file", format_diagnostic(d));

    Diagnostics parse_diags;
    ParsedMarkdown md = parse_markdown(src, parse_diags);
    draft::DraftStats stats;
    std::string draft = draft::draft_markdown(src, md, shared.rules, shared.lexicon, stats);
    if (find_invalid_utf8(draft) != std::string::npos) fail("the draft is not valid UTF-8", draft);
    if (draft.find("<!-- Facts to tick off") == std::string::npos) fail("the draft has no list of facts", draft);

    Diagnostics again;
    run_checks(shared, SourceText{"draft.md", draft}, again);
    if (again.has_errors()) fail("the draft, checked, has errors", again.format_all() + "\n" + draft);
    return 0;
}
