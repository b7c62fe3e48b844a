// `easyread check --report`: the report files read back by other programs
// (Python's json, pdftotext), clear refusals, and the bundled examples'
// reports kept as reviewed case files.
#include <catch2/catch.hpp>

#include <filesystem>

#include "generator/lang/rule_set.hpp"
#include "tests/conform/conformance_doc.hpp"
#include "studio/export.hpp"
#include "tests/support/command.hpp"

using namespace easyread;

namespace {

// Each result of a JSON report as "id: result: evidence", read by Python.
std::string results_of(const std::string& json_path) {
    return run_command("/usr/bin/python3 -c \"import json, sys; r = json.load(open(sys.argv[1])); "
                       "print('\\n'.join(x['id'] + ': ' + x['result'] + ': ' + x['evidence'] for x in r['results']))\" '" +
                       json_path + "'")
        .out;
}

}  // namespace

TEST_CASE("the report is written as JSON, HTML and PDF, each saying the same") {
    std::string dir = fresh_dir("conform-command");
    std::string md = test::kGoodDocument;
    md += "\nPlease COME to the MEETING. {picture=plan}\n";
    write_file(dir + "/in.md", md);
    for (const char* ending : {"json", "html", "pdf"}) {
        CommandResult r = run_easyread("check '" + dir + "/in.md' --rules easy-read-standard --report '" + dir +
                                       "/report." + ending + "'");
        INFO(r.out << r.err);
        CHECK(r.exit_code == 0);
        CHECK(r.out.find("conformance report: " + dir + "/report." + ending) != std::string::npos);
    }
    const std::string json = results_of(dir + "/report.json");
    CHECK(json.find("no-capitals: not met: 2 words are written in capitals") != std::string::npos);
    CHECK(json.find("pdf-accessible: met: Read back from the PDF: 6 of 6 checks passed") != std::string::npos);
    CHECK(json.find("checked-by-readers: for a person to check") != std::string::npos);
    const std::string edition = run_command("/usr/bin/python3 -c \"import json, sys; print(json.load(open(sys.argv[1]))"
                                            "['edition'])\" '" + dir + "/report.json'").out;
    CHECK(edition.rfind("in.md ", 0) == 0);

    const std::string pdf = run_command("pdftotext '" + dir + "/report.pdf' -").out;
    const std::string html = read_file(dir + "/report.html");
    for (const std::string* out : {&pdf, &html}) {
        CHECK(out->find("Conformance report: Our club") != std::string::npos);
        CHECK(out->find("Not met") != std::string::npos);
        CHECK(out->find("MEETING") != std::string::npos);
        CHECK(out->find("Inclusion Europe") != std::string::npos);
        CHECK(out->find("For a person to") != std::string::npos);  // the PDF's table cell wraps "check"
    }
}

TEST_CASE("a report that cannot be made is refused with the reason, never half written") {
    std::string dir = fresh_dir("conform-refused");
    write_file(dir + "/in.md", test::kGoodDocument);
    CommandResult wrong = run_easyread("check '" + dir + "/in.md' --report '" + dir + "/report.docx'");
    CHECK(wrong.exit_code == 2);
    CHECK(wrong.err.find("end the file name in .pdf, .html or .json") != std::string::npos);
    CommandResult pages = run_easyread("check '" + dir + "/in.md' --pages 3 --report '" + dir + "/report.json'");
    CHECK(pages.exit_code == 2);
    CHECK(pages.err.find("leave out --pages") != std::string::npos);
    CommandResult folder = run_easyread("check '" + dir + "/in.md' --report '" + dir + "/no/such/folder/r.json'");
    CHECK(folder.exit_code == 2);
    CHECK(folder.out.find("no/such/folder/r.json") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir + "/report.docx"));
}

TEST_CASE("the bundled examples' reports are the reviewed case files") {
    const std::string source = EASYREAD_SOURCE_DIR;
    std::string dir = fresh_dir("conform-cases");
    for (const char* example : {"actions", "stocktake", "strategy"}) {
        for (const auto& rules : lang::bundled_rule_sets()) {
            const std::string name = std::string(example) + "." + rules;
            INFO(name);
            CommandResult r = run_easyread("check '" + source + "/templates/examples/" + example + ".md' --rules " + rules +
                                           " --report '" + dir + "/" + name + ".json'");
            REQUIRE(r.exit_code == 0);
            const std::string expected = read_file(source + "/tests/cases/conformance/" + name + ".txt");
            CHECK(results_of(dir + "/" + name + ".json") == expected);
        }
    }
}

TEST_CASE("the studio's export menu gives the conformance report of the document being edited") {
    auto c = test::compiled(test::kGoodDocument, "uk-easy-read");
    REQUIRE(c->laid_out);
    studio::Download d;
    std::string error;
    REQUIRE(studio::export_document(*c, "conformance", d, error));
    CHECK(d.file_name == "Our club conformance.pdf");
    CHECK(d.content_type == "application/pdf");
    std::string dir = fresh_dir("conform-studio");
    write_file(dir + "/r.pdf", d.bytes);
    const std::string text = run_command("pdftotext '" + dir + "/r.pdf' -").out;
    CHECK(text.find("Conformance report: Our club") != std::string::npos);
    CHECK(text.find("UK easy read") != std::string::npos);
}
