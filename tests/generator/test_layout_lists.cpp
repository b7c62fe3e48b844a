// Lists read the same on every page size: the HTML has one nested list
// however the PDF's pages broke it, and the PDF's structure tree nests the
// lists the same way, each item's Lbl holding its bullet or number. Read
// back from the real files (the HTML's tags; the PDF through qpdf).
#include <catch2/catch.hpp>

#include <regex>
#include <string>

#include "tests/support/command.hpp"

namespace {

// Long items, so the list goes over page breaks at big sizes.
std::string nested_list_document() {
    const std::string more = " We will write to you about it and ask what you think, then meet you to talk it over.";
    std::string md = "# Our steps\n\nThese are the steps we will take.\n\n";
    md += "1. We find out what you need." + more + "\n";
    md += "2. We write your plan with you." + more + "\n";
    md += "   - Your plan says who helps you." + more + "\n";
    md += "   - Your plan says when they come." + more + "\n";
    md += "3. We check the plan works." + more + "\n";
    md += "4. We meet again after a year." + more + "\n";
    md += "   - You can bring a friend." + more + "\n";
    md += "     1. Tell us their name." + more + "\n";
    md += "5. We change the plan if you want." + more + "\n";
    md += "\nThat is all the steps.\n";
    return md;
}

// The list tags of the HTML's main text, in order, with a list's start number.
std::string list_skeleton(const std::string& html) {
    const std::size_t from = html.find("<main>"), to = html.find("</main>");
    REQUIRE(from != std::string::npos);
    const std::string main = html.substr(from, to - from);
    std::regex tag(R"re(<(/?)(ol|ul|li)\b[^>]*>)re");
    std::string out;
    for (auto m = std::sregex_iterator(main.begin(), main.end(), tag); m != std::sregex_iterator(); ++m) {
        out += "<" + (*m)[1].str() + (*m)[2].str();
        if ((*m)[2] == "ol") {
            std::smatch start;
            const std::string whole = (*m)[0];
            if (std::regex_search(whole, start, std::regex(R"re(start="(\d+)")re"))) out += " start=" + start[1].str();
        }
        out += ">";
    }
    return out;
}

// The same with each item's words: an item split over pages reads whole.
std::string list_outline(const std::string& html) {
    const std::size_t from = html.find("<main>"), to = html.find("</main>");
    REQUIRE(from != std::string::npos);
    const std::string main = html.substr(from, to - from);
    std::regex part(R"re(<(/?(?:ol|ul|li))\b[^>]*>|<[^>]*>|([^<]+))re");
    std::string out;
    for (auto m = std::sregex_iterator(main.begin(), main.end(), part); m != std::sregex_iterator(); ++m) {
        if ((*m)[1].matched) out += "<" + (*m)[1].str() + ">";
        else if ((*m)[2].matched) out += std::regex_replace((*m)[2].str(), std::regex("\\s+"), " ");
    }
    return out;
}

}  // namespace

TEST_CASE("the HTML has one nested list, whatever the page size and type size") {
    TempDir dir;
    write_file(dir.file("steps.md"), nested_list_document());
    const std::string want =
        "<ol><li></li><li><ul><li></li><li></li></ul></li><li></li><li><ul><li><ol><li></li></ol></li></ul></li>"
        "<li></li></ol>";
    std::string first_outline;
    for (const char* setting : {"--page a4 --font-size 16", "--page a4 --font-size 24", "--page a5 --font-size 16",
                                "--page a5 --font-size 24", "--page a5 --font-size 48"}) {
        INFO(setting);
        auto r = run_easyread("build '" + dir.file("steps.md") + "' -o '" + dir.file("steps.html") + "' " + setting);
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        const std::string html = read_file(dir.file("steps.html"));
        CHECK(list_skeleton(html) == want);
        // The same items with the same words at every setting, though the pages broke them differently.
        if (first_outline.empty()) first_outline = list_outline(html);
        else CHECK(list_outline(html) == first_outline);
    }
    CHECK(first_outline.find("<li>1. Tell us their name.") != std::string::npos);
}

TEST_CASE("the PDF's structure nests the lists as the source does, each Lbl holding the bullet or number") {
    TempDir dir;
    write_file(dir.file("steps.md"), nested_list_document());
    for (const char* setting : {"--page a4 --font-size 16", "--page a5 --font-size 48"}) {
        INFO(setting);
        auto r = run_easyread("build '" + dir.file("steps.md") + "' -o '" + dir.file("steps.pdf") + "' " + setting);
        REQUIRE(r.exit_code == 0);
        auto tree = run_command("python3 '" + source_path("tests/generator/pdf_lists.py") + "' '" +
                                dir.file("steps.pdf") + "'");
        INFO(tree.err);
        REQUIRE(tree.exit_code == 0);
        // Each LI with an Lbl that draws its bullet or number, then any list inside its LBody.
        CHECK(tree.out == "L(LI[Lbl] LI[Lbl](L(LI[Lbl] LI[Lbl])) LI[Lbl] LI[Lbl](L(LI[Lbl](L(LI[Lbl])))) LI[Lbl])\n");
    }
}
