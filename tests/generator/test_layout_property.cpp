// Property: for random documents made of every Markdown construct the
// layout handles (headings, paragraphs, bold hard words, links, bullet and
// numbered lists nested, tables, long words), at page and type sizes drawn
// from those --help allows, every word of the source is in the PDF's text
// (pdftotext), the HTML's text and the Word file's text (python3-docx).
// A small fixed-seed sample keeps the CI time short; EASYREAD_PROPERTY_RUNS
// runs more.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "base/sentences.hpp"
#include "tests/support/command.hpp"

namespace {

const char* kWords[] = {"support", "home", "money", "doctor", "plan", "friends", "council", "choose",
                        "safe", "work", "college", "advocate", "meeting", "travel", "help", "family"};

struct RandomDocument {
    std::mt19937 rng;
    std::string md;
    std::set<std::string> words;  // every word a reader must find

    std::string word() {
        std::string w = kWords[rng() % (sizeof kWords / sizeof *kWords)];
        if (rng() % 9 == 0) w += std::to_string(rng() % 100);
        words.insert(w);
        return w;
    }
    std::string sentence(int n) {
        std::string s = "We";
        words.insert("We");
        for (int i = 0; i < n; ++i) s += " " + word();
        return s + ".";
    }
    void block() {
        switch (rng() % 7) {
        case 0: md += "## " + sentence(3) + "\n\n"; break;
        case 1: md += sentence(12) + " " + sentence(8) + "\n\n"; break;
        case 2: {
            const std::string hard = word();
            md += "You can get **" + hard + "** here. " + sentence(6) + "\n\n";
            break;
        }
        case 3: md += "Read " + sentence(2) + " on [" + sentence(4) + "](https://example.org/plan).\n\n"; break;
        case 4:
            for (int i = 1; i <= 3; ++i) {
                md += std::to_string(i) + ". " + sentence(5) + "\n";
                if (rng() % 2) md += "   - " + sentence(4) + "\n";
            }
            md += "\n";
            break;
        case 5:
            md += "| Question | Answer |\n|---|---|\n| " + sentence(3) + " | " + sentence(4) + " |\n| " + sentence(2) +
                  " | " + sentence(5) + " |\n\n";
            break;
        case 6: {
            std::string longer;
            for (int i = 0; i < 8; ++i) longer += kWords[rng() % 16];
            words.insert(longer);
            md += "The long word " + longer + " stays whole.\n\n";
            words.insert("The");
            break;
        }
        }
    }
};

// The words of a text, as the build's own check splits them.
std::set<std::string> words_in(const std::string& text) {
    std::set<std::string> out;
    for (const auto& w : easyread::split_words(text)) out.insert(text.substr(w.begin, w.end - w.begin));
    return out;
}

std::string html_text(std::string html) {
    html = std::regex_replace(html, std::regex("<script[\\s\\S]*?</script>|<style[\\s\\S]*?</style>"), " ");
    html = std::regex_replace(html, std::regex("<[^>]*>"), " ");
    return std::regex_replace(html, std::regex("&amp;"), "&");
}

}  // namespace

TEST_CASE("property: every word of random documents is in the PDF, HTML and Word text at any setting") {
    const char* env = std::getenv("EASYREAD_PROPERTY_RUNS");
    const int runs = env ? std::max(1, std::atoi(env)) : 4;  // the CI sample
    const char* pages[] = {"a4", "a5"};
    const int sizes[] = {8, 12, 16, 20, 24, 28, 32, 40, 48};
    TempDir dir;
    // Every paragraph's text, in tables and links too (python-docx's
    // paragraph.text leaves out the runs inside a hyperlink).
    write_file(dir.file("docx_text.py"), "import docx, sys\n"
                                          "from docx.oxml.ns import qn\n"
                                          "d = docx.Document(sys.argv[1])\n"
                                          "for p in d.element.body.iter(qn('w:p')):\n"
                                          "    print(''.join(t.text or '' for t in p.iter(qn('w:t'))))\n");
    for (int run = 0; run < runs; ++run) {
        RandomDocument d{std::mt19937(static_cast<unsigned>(1000 + run)), "---\ntitle: Test plan\n---\n\n", {}};
        d.md += "# " + d.sentence(2) + "\n\n";
        for (int b = 0; b < 12; ++b) d.block();
        const std::string page = pages[d.rng() % 2];
        const int size = sizes[d.rng() % 9];
        INFO("seed " << 1000 + run << ", --page " << page << " --font-size " << size << "\n" << d.md);
        write_file(dir.file("doc.md"), d.md);
        auto r = run_easyread("build '" + dir.file("doc.md") + "' -o '" + dir.file("doc.pdf") + "' -o '" +
                              dir.file("doc.html") + "' -o '" + dir.file("doc.docx") + "' --page " + page +
                              " --font-size " + std::to_string(size));
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        auto pdf = run_command("pdftotext '" + dir.file("doc.pdf") + "' -");
        // Debian's python3 (python3-docx), not another python3 on the PATH.
        auto docx = run_command("/usr/bin/python3 '" + dir.file("docx_text.py") + "' '" + dir.file("doc.docx") + "'");
        REQUIRE(pdf.exit_code == 0);
        REQUIRE(docx.exit_code == 0);
        const auto in_pdf = words_in(pdf.out), in_html = words_in(html_text(read_file(dir.file("doc.html")))),
                   in_docx = words_in(docx.out);
        // A word longer than a line may be broken between lines in the PDF.
        std::string pdf_letters;  // the page numbers ("Page 4") left out
        std::istringstream lines(pdf.out);
        for (std::string line; std::getline(lines, line);)
            if (line.rfind("Page ", 0) != 0)
                for (char c : line)
                    if (std::isalnum(static_cast<unsigned char>(c))) pdf_letters += c;
        for (const auto& w : d.words) {
            INFO("the word \"" << w << "\"");
            CHECK((in_pdf.count(w) || pdf_letters.find(w) != std::string::npos));
            CHECK(in_html.count(w));
            CHECK(in_docx.count(w));
        }
    }
}
