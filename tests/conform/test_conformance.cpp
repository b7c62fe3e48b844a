// Each rule of each bundled standard, measured on real laid-out pages: one
// document that meets it and one that does not.
#include <catch2/catch.hpp>

#include "generator/conform/measure.hpp"
#include "generator/lang/rule_set.hpp"
#include "tests/conform/conformance_doc.hpp"
#include "tests/support/command.hpp"

using namespace easyread;
using easyread::test::compiled;
using easyread::test::kGoodDocument;
using easyread::test::result_of;

namespace {

ConformanceReport assess(const std::string& markdown, const std::string& rules, const std::string& page = "a4",
                         double font = 0) {
    auto c = compiled(markdown, rules, page, font);
    REQUIRE(c->laid_out);
    return assess_conformance(*c, "");
}

// Markdown of `n` chunks under headings, each with its picture.
std::string many_chunks(int n) {
    std::string md = "---\ntitle: Many\n---\n\n";
    for (int i = 0; i < n; ++i) {
        if (i % 6 == 0) md += "## Part " + std::to_string(i / 6 + 1) + "\n\n";
        md += "We meet on day " + std::to_string(i + 1) + ". You can come too. {picture=meeting}\n\n";
    }
    return md;
}

}  // namespace

TEST_CASE("a plain easy read document meets every measured rule of every bundled standard, at every page and text size") {
    for (const auto& name : lang::bundled_rule_sets()) {
        for (const std::string page : {"a4", "a5"}) {
            for (double font : {14.0, 16.0, 20.0}) {
                INFO(name << " " << page << " " << font << " pt");
                ConformanceReport r = assess(kGoodDocument, name, page, font);
                REQUIRE(r.rules_name == name);
                for (const auto& x : r.results) {
                    INFO(x.id << ": " << x.evidence);
                    CHECK(x.verdict != Verdict::NotMet);
                    CHECK(x.places.empty());
                    if (x.verdict == Verdict::ForPerson)
                        CHECK((x.id == "pictures-help" || x.id == "checked-by-readers"));
                }
                CHECK(r.count(Verdict::ForPerson) >= 1);
            }
        }
    }
}

TEST_CASE("every standard lists its layout rules and their source, and the report measures each of them") {
    for (const auto& name : lang::bundled_rule_sets()) {
        Diagnostics d;
        lang::RuleSet rs;
        REQUIRE(lang::load_rule_set(name, rs, d));
        INFO(name);
        CHECK_FALSE(rs.layout.empty());
        CHECK_FALSE(rs.layout_source.empty());
        CHECK(rs.min_body_pt >= 12);
        ConformanceReport r = assess(kGoodDocument, name);
        for (const auto& id : rs.layout) CHECK(result_of(r, id) != nullptr);
        CHECK(result_of(r, "text-size") != nullptr);
        CHECK(result_of(r, "sentence-length") != nullptr);
        CHECK((result_of(r, "picture-each-chunk") != nullptr) == rs.pictures_required);
    }
    lang::RuleSet ers;
    Diagnostics d;
    REQUIRE(lang::load_rule_set("easy-read-standard", ers, d));
    for (const char* id : {"left-aligned", "no-hyphenation", "no-italics", "no-capitals", "one-column",
                           "sentence-new-line", "no-split-sentence"})
        CHECK(ers.lists_layout(id));
    CHECK(ers.layout_source.find("Inclusion Europe") != std::string::npos);
}

TEST_CASE("a layout rule the program does not know is an error at its line") {
    Diagnostics d;
    lang::RuleSet rs;
    CHECK_FALSE(lang::parse_rule_set("x.rules", "name = x\nsource = y\nlayout_source = z\nlayout = left-aligned, wavy\n", rs, d));
    CHECK(d.format_all().find("x.rules:4:") != std::string::npos);
    CHECK(d.format_all().find("unknown layout rule \"wavy\"") != std::string::npos);
    Diagnostics d2;
    CHECK_FALSE(lang::parse_rule_set("x.rules", "name = x\nsource = y\nlayout = left-aligned\n", rs, d2));
    CHECK(d2.format_all().find("layout_source") != std::string::npos);
}

TEST_CASE("text smaller than the standard allows is not met, with the page it is on") {
    for (const auto& name : lang::bundled_rule_sets()) {
        INFO(name);
        ConformanceReport small = assess(kGoodDocument, name, "a4", 12);
        const RuleResult* r = result_of(small, "text-size");
        REQUIRE(r != nullptr);
        CHECK(r->verdict == Verdict::NotMet);
        REQUIRE_FALSE(r->places.empty());
        CHECK(r->places[0].page >= 1);
        CHECK(r->evidence.find("the smallest is 12 pt") != std::string::npos);
        CHECK(result_of(assess(kGoodDocument, name, "a4", 14), "text-size")->verdict == Verdict::Met);
    }
}

TEST_CASE("a sentence longer than the standard allows is not met, with its words and line") {
    std::string md = kGoodDocument;
    md += "\nWe will talk about the bus and the train and the taxi and the car and the bike and the walk "
          "and the boat and the plane. {picture=plan}\n";
    for (const auto& name : lang::bundled_rule_sets()) {
        INFO(name);
        const ConformanceReport report = assess(md, name);
        const RuleResult* r = result_of(report, "sentence-length");
        REQUIRE(r != nullptr);
        CHECK(r->verdict == Verdict::NotMet);
        REQUIRE(r->places.size() == 1);
        CHECK(r->places[0].line == 18);
        CHECK(r->places[0].what.rfind("27 words", 0) == 0);
        CHECK(r->evidence.find("the longest has 27 words") != std::string::npos);
    }
}

TEST_CASE("more pages than the standard allows is not met, and a standard without a limit lists no such rule") {
    const std::string md = many_chunks(220);
    for (const auto& name : lang::bundled_rule_sets()) {
        INFO(name);
        Diagnostics d;
        lang::RuleSet rs;
        REQUIRE(lang::load_rule_set(name, rs, d));
        auto c = compiled(md, name);
        REQUIRE(c->laid_out);
        ConformanceReport r = assess_conformance(*c, "");
        const RuleResult* pages = result_of(r, "pages");
        if (rs.max_pages == 0) {
            CHECK(pages == nullptr);
            continue;
        }
        REQUIRE(pages != nullptr);
        REQUIRE(static_cast<int>(c->pages.pages.size()) > rs.max_pages);
        CHECK(pages->verdict == Verdict::NotMet);
        CHECK(pages->evidence.find(std::to_string(c->pages.pages.size()) + " pages") != std::string::npos);
        CHECK(result_of(assess(kGoodDocument, name), "pages")->verdict == Verdict::Met);
    }
}

TEST_CASE("a chunk without a picture is not met where pictures are required") {
    std::string md = kGoodDocument;
    md += "\nWe have tea at 3. {picture=none}\n";
    for (const auto& name : lang::bundled_rule_sets()) {
        INFO(name);
        const ConformanceReport report = assess(md, name);
        const RuleResult* r = result_of(report, "picture-each-chunk");
        Diagnostics d;
        lang::RuleSet rs;
        REQUIRE(lang::load_rule_set(name, rs, d));
        if (!rs.pictures_required) {
            CHECK(r == nullptr);
            continue;
        }
        REQUIRE(r != nullptr);
        CHECK(r->verdict == Verdict::NotMet);
        REQUIRE(r->places.size() == 1);
        CHECK(r->places[0].line == 18);
        CHECK(r->evidence == "4 of 5 chunks of text have a picture beside them.");
    }
}

TEST_CASE("a bold word nothing explains is not met, and an explained one is listed on the Hard words page") {
    std::string md = kGoodDocument;
    md += "\nCome to the **zorblat** on Friday. {picture=plan}\n";
    for (const auto& name : lang::bundled_rule_sets()) {
        INFO(name);
        const ConformanceReport bad_report = assess(md, name);
        const RuleResult* bad = result_of(bad_report, "hard-words-explained");
        REQUIRE(bad != nullptr);
        CHECK(bad->verdict == Verdict::NotMet);
        REQUIRE(bad->places.size() == 1);
        CHECK(bad->places[0].what == "\"zorblat\" is not explained");
        CHECK(bad->places[0].line == 18);
        const ConformanceReport good_report = assess(kGoodDocument, name);
        const RuleResult* good = result_of(good_report, "hard-words-explained");
        CHECK(good->verdict == Verdict::Met);
        CHECK(good->evidence == "1 of 1 hard words (in bold) are explained on the Hard words page.");
    }
}

TEST_CASE("a word too long for a line is split and not met, and ordinary lines break between words") {
    std::string md = kGoodDocument;
    md += "\nThe word is " + std::string(70, 'w') + " and more. {picture=plan}\n";
    for (const auto& name : lang::bundled_rule_sets()) {
        Diagnostics d;
        lang::RuleSet rs;
        REQUIRE(lang::load_rule_set(name, rs, d));
        const ConformanceReport report = assess(md, name);
        const RuleResult* r = result_of(report, "no-hyphenation");
        if (r == nullptr) continue;  // the standard does not ask
        INFO(name);
        CHECK(r->verdict == Verdict::NotMet);
        REQUIRE_FALSE(r->places.empty());
        CHECK(r->places[0].what.find("a word split over two lines") == 0);
        CHECK(result_of(assess(kGoodDocument, name), "no-hyphenation")->verdict == Verdict::Met);
    }
}

TEST_CASE("words in capitals are not met, and initials such as NHS are not counted") {
    std::string md = kGoodDocument;
    md += "\nPlease COME to the NHS MEETING. {picture=plan}\n";
    const ConformanceReport report = assess(md, "easy-read-standard");
    const RuleResult* r = result_of(report, "no-capitals");
    REQUIRE(r != nullptr);
    CHECK(r->verdict == Verdict::NotMet);
    REQUIRE(r->places.size() == 2);
    CHECK(r->places[0].what == "\"COME\"");
    CHECK(r->places[1].what == "\"MEETING\"");
    CHECK(result_of(assess(std::string(kGoodDocument) + "\nAsk the NHS. {picture=plan}\n", "easy-read-standard"),
                    "no-capitals")
              ->verdict == Verdict::Met);
}

TEST_CASE("the European standard starts every sentence on a new line in the PDF, the HTML and the Word file") {
    // The UK set keeps sentences running on, so its pages do not meet the rule.
    auto uk = compiled(kGoodDocument, "uk-easy-read");
    REQUIRE(uk->laid_out);
    ConformanceReport uk_r = assess_conformance(*uk, "");
    CHECK(result_of(uk_r, "sentence-new-line") == nullptr);
    CHECK_FALSE(conform::measure_sentence_lines(uk->pages).met);
    auto ers = compiled(kGoodDocument, "easy-read-standard");
    const ConformanceReport ers_r = assess_conformance(*ers, "");
    const RuleResult* r = result_of(ers_r, "sentence-new-line");
    REQUIRE(r != nullptr);
    CHECK(r->verdict == Verdict::Met);
    CHECK(r->evidence.rfind("6 sentences measured", 0) == 0);

    std::string dir = fresh_dir("conform-lines");
    write_file(dir + "/in.md", kGoodDocument);
    CommandResult b = run_easyread("build '" + dir + "/in.md' --rules easy-read-standard -o '" + dir + "/out.pdf' -o '" +
                                   dir + "/out.html' -o '" + dir + "/out.docx'");
    INFO(b.err);
    REQUIRE(b.exit_code == 0);
    const std::string pdf = run_command("pdftotext -layout '" + dir + "/out.pdf' -").out;
    CHECK(pdf.find("We meet on Monday.\n") != std::string::npos);
    CHECK(read_file(dir + "/out.html").find("We meet on Monday.<br>The club is at the library.") != std::string::npos);
    const std::string docx = run_command("/usr/bin/python3 -c \"import sys, zipfile; sys.stdout.write(zipfile.ZipFile("
                                         "sys.argv[1]).read('word/document.xml').decode())\" '" + dir + "/out.docx'")
                                 .out;
    CHECK(docx.find("We meet on Monday.</w:t></w:r><w:r><w:br/>") != std::string::npos);
}

TEST_CASE("a sentence that goes on over a page is not met") {
    std::string md = "---\ntitle: Long\n---\n\n# Long\n\n";
    std::string sentence = "We will";
    for (int i = 0; i < 260; ++i) sentence += " talk";
    md += sentence + " today. {picture=plan}\n";
    const ConformanceReport report = assess(md, "easy-read-standard", "a5", 20);
    const RuleResult* r = result_of(report, "no-split-sentence");
    REQUIRE(r != nullptr);
    CHECK(r->verdict == Verdict::NotMet);
    REQUIRE_FALSE(r->places.empty());
    CHECK(r->places[0].what.find("a sentence goes on to page") == 0);
    CHECK(result_of(assess(kGoodDocument, "easy-read-standard", "a5", 20), "no-split-sentence")->verdict ==
          Verdict::Met);
}

TEST_CASE("words the document types about being checked never answer the question of a review") {
    std::string md = kGoodDocument;
    md.insert(md.find("---\n\n#"), "checked_by: Checked by the Speak Up Group\n");
    const ConformanceReport report = assess(md, "uk-easy-read");
    const RuleResult* r = result_of(report, "checked-by-readers");
    REQUIRE(r != nullptr);
    CHECK(r->verdict == Verdict::ForPerson);
    CHECK(r->evidence.find("Checked by the Speak Up Group") != std::string::npos);
    CHECK(r->evidence.find("not counted") != std::string::npos);
}

TEST_CASE("a document names its standard in its front matter, and --rules still wins") {
    std::string md = kGoodDocument;
    md.insert(md.find("---\n\n#"), "rules: easy-read-standard\n");
    auto own = compiled(md, "");
    REQUIRE(own->laid_out);
    CHECK(own->rule_set.name == "easy-read-standard");
    CHECK(conform::measure_sentence_lines(own->pages).met);  // laid out to its rules
    auto told = compiled(md, "plain-english");
    CHECK(told->rule_set.name == "plain-english");
    CHECK(compiled(kGoodDocument, "")->rule_set.name == lang::kDefaultRuleSet);

    std::string dir = fresh_dir("conform-front");
    write_file(dir + "/in.md", md);
    CommandResult r = run_easyread("check '" + dir + "/in.md' --report '" + dir + "/r.json'");
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("front-matter-key") == std::string::npos);
    CHECK(read_file(dir + "/r.json").find("\"name\": \"easy-read-standard\"") != std::string::npos);

    std::string wrong = kGoodDocument;
    wrong.insert(wrong.find("---\n\n#"), "rules: easy-reed\n");
    write_file(dir + "/wrong.md", wrong);
    CommandResult bad = run_easyread("build '" + dir + "/wrong.md' -o '" + dir + "/wrong.pdf'");
    CHECK(bad.exit_code != 0);
    CHECK(bad.err.find("easy-reed") != std::string::npos);
}

TEST_CASE("the European standard breaks a chunk going on over a page between sentences, never inside one") {
    std::string md = "---\ntitle: Long\n---\n\n# Long\n\n";
    for (int i = 0; i < 40; ++i) md += "We meet on day " + std::to_string(i + 1) + " at the big hall in town. ";
    md += "{picture=plan}\n";
    int uk_splits = 0;
    for (const std::string page : {"a4", "a5"}) {
        for (double font : {16.0, 20.0, 24.0}) {
            INFO(page << " " << font << " pt");
            auto ers = compiled(md, "easy-read-standard", page, font);
            REQUIRE(ers->laid_out);
            conform::Finding kept = conform::measure_sentence_splits(ers->pages);
            INFO(kept.evidence);
            CHECK(kept.met);
            CHECK(kept.evidence.find("; 0 split a sentence.") != std::string::npos);
            CHECK(kept.evidence.rfind("0 page breaks", 0) != 0);  // the chunk does go on over a page
            // A set that does not ask splits where the page ends, inside a sentence as often as not.
            auto uk = compiled(md, "uk-easy-read", page, font);
            REQUIRE(uk->laid_out);
            uk_splits += !conform::measure_sentence_splits(uk->pages).met;
        }
    }
    CHECK(uk_splits >= 3);
}

TEST_CASE("conformance: a quoted place never splits a letter, wherever the cut falls") {
    const std::string text = "Café société à côté";  // two-byte letters throughout
    for (std::size_t at = 0; at <= text.size(); ++at)
        for (std::size_t length = 1; length <= 8; ++length) {
            const std::string s = conform::snippet(text, at, length);
            // Valid UTF-8: every continuation byte follows a lead byte or another continuation.
            int owed = 0;
            for (unsigned char c : s) {
                if (owed > 0) {
                    CHECK((c & 0xC0) == 0x80);
                    --owed;
                } else {
                    CHECK((c & 0xC0) != 0x80);
                    owed = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
                }
            }
            CHECK(owed == 0);
        }
    CHECK(conform::snippet("a\nb", 0) == "\"a b\"");
    CHECK(conform::snippet("abcdef", 0, 3) == "\"abc...\"");
}
