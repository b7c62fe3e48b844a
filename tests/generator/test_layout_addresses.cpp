// Email and web addresses in the PDF break between lines only after @ . /
// (never mid-word or at a hyphen), and a stretch wider than the column is
// set smaller rather than broken. Read back with pdftotext.
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/command.hpp"

namespace {

const char* kAddresses[] = {
    "asc.strategy.engagement.team@eastbridge-council.gov.uk",
    "https://www.eastbridge-council.gov.uk/adult-social-care/strategy-engagement",
    "www.eastbridge-council.gov.uk/adult-social-care/strategy",
    "carers.support.line@northfield-community-trust.org.uk",
};

const char* kDocument =
    "---\ntitle: Tell us what you think\norganisation: Eastbridge Council\n"
    "contact: Email asc.strategy.engagement.team@eastbridge-council.gov.uk\n---\n\n"
    "# Tell us what you think\n\n"
    "Write to asc.strategy.engagement.team@eastbridge-council.gov.uk with your ideas.\n\n"
    "Read the whole plan at https://www.eastbridge-council.gov.uk/adult-social-care/strategy-engagement before you "
    "write.\n\n"
    "You can also read it on [www.eastbridge-council.gov.uk/adult-social-care/strategy]"
    "(https://www.eastbridge-council.gov.uk/adult-social-care/strategy).\n\n"
    "- Carers can write to carers.support.line@northfield-community-trust.org.uk at any time.\n"
    "- Or call us.\n";

// Where the PDF's text breaks each address between lines: for every time the
// address is found (its letters in order, line and page breaks between them
// allowed), the letter before each break.
std::vector<std::string> breaks_in(const std::string& text, const std::string& address, int& found) {
    std::vector<std::string> out;
    found = 0;
    for (std::size_t start = 0; (start = text.find(address.substr(0, 4), start)) != std::string::npos; ++start) {
        std::size_t t = start;
        std::string before;
        std::vector<std::string> here;
        std::size_t a = 0;
        for (; a < address.size() && t < text.size(); ++t) {
            if (text[t] == '\n' || text[t] == '\f') {
                if (a > 0 && (here.empty() || here.back() != address.substr(0, a)))
                    here.push_back(address.substr(0, a));
                continue;
            }
            if (text[t] != address[a]) break;
            ++a;
        }
        if (a < address.size()) continue;
        ++found;
        out.insert(out.end(), here.begin(), here.end());
    }
    return out;
}

// The document built at `page` and `size` points; the PDF's path.
std::string build_pdf(TempDir& dir, const std::string& page, int size) {
    write_file(dir.file("addresses.md"), kDocument);
    const std::string pdf = dir.file(page + std::to_string(size) + ".pdf");
    auto r = run_easyread("build '" + dir.file("addresses.md") + "' -o '" + pdf + "' --page " + page +
                          " --font-size " + std::to_string(size));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return pdf;
}

}  // namespace

TEST_CASE("an email or web address in the PDF breaks only after @ . / at 16 to 28 pt on A4 and A5") {
    TempDir dir;
    for (const char* page : {"a4", "a5"}) {
        for (int size : {16, 20, 24, 28}) {
            INFO(page << " " << size << " pt");
            const std::string pdf = build_pdf(dir, page, size);
            auto text = run_command("pdftotext '" + pdf + "' -");
            REQUIRE(text.exit_code == 0);
            for (const char* address : kAddresses) {
                INFO(address << "\n" << text.out);
                int found = 0;
                for (const auto& before : breaks_in(text.out, address, found)) {
                    INFO("broken after \"" << before << "\"");
                    const char last = before.back();
                    CHECK((last == '@' || last == '.' || last == '/'));
                }
                CHECK(found >= 1);
            }
        }
    }
}

TEST_CASE("a stretch of an address wider than the column is set smaller, whole") {
    // At 24 pt on A5 "strategy-engagement" is wider than the text column.
    TempDir dir;
    auto boxes = run_command("pdftotext -bbox '" + build_pdf(dir, "a5", 24) + "' -");
    REQUIRE(boxes.exit_code == 0);
    // Each word's box height: the stretch is shorter than the words of the text.
    std::regex word(R"re(<word xMin="[^"]*" yMin="([^"]*)" xMax="[^"]*" yMax="([^"]*)">([^<]*)</word>)re");
    double stretch = 0, body = 0;
    for (auto m = std::sregex_iterator(boxes.out.begin(), boxes.out.end(), word); m != std::sregex_iterator(); ++m) {
        const double h = std::stod((*m)[2]) - std::stod((*m)[1]);
        const std::string w = (*m)[3];
        if (w == "strategy-engagement") stretch = h;
        if (w == "Read") body = h;
    }
    INFO(boxes.out);
    REQUIRE(stretch > 0);
    REQUIRE(body > 0);
    CHECK(stretch < body * 0.95);
    CHECK(stretch >= body * 0.5);
}
