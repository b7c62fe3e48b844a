// easyread pictures "TEXT" | --list [WORD]  [--pictures DIR]... [--json] [--top N] [--avoid ID]
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "symbols/bank.hpp"
#include "symbols/matcher.hpp"
#include "cli/cli_output.hpp"
#include "cli/commands.hpp"

namespace easyread::cli {

namespace {

void pictures_usage(std::FILE* out) {
    std::fprintf(out,
                 "usage: easyread pictures [options] \"TEXT\"\n"
                 "       easyread pictures --list [WORD] [options]\n\n"
                 "Chooses pictures for a piece of text and prints the best candidates, best first,\n"
                 "one a line: id, name, score (0 to 1) and why, separated by tabs. Nothing is printed\n"
                 "when no picture fits. Mark hard words in bold (**word**) to make them count more.\n"
                 "TEXT '-' reads the text from standard input.\n\n"
                 "  --list [WORD]     list the pictures whose id, name or words contain WORD (all without it)\n"
                 "  --pictures DIR    also use your own folder of SVG/PNG pictures; they win over bundled ones\n"
                 "                    (may be given more than once; see symbols/CREDITS.md for keywords.txt)\n"
                 "  --json            print JSON for other tools\n"
                 "  --top N           how many candidates to print (default 5)\n"
                 "  --avoid ID        print only the picture chosen for a block that follows one using ID\n");
}

std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') out += '\\', out += static_cast<char>(c);
        else if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else out += static_cast<char>(c);
    }
    return out + "\"";
}

std::string json_picture_fields(const symbols::Picture& p) {
    return "\"id\": " + json_string(p.id) + ", \"name\": " + json_string(p.name) + ", \"set\": " +
           json_string(p.set) + ", \"licence\": " + json_string(p.licence) + ", \"file\": " + json_string(p.file);
}

void print_matches(const std::vector<symbols::Match>& matches, bool json) {
    if (json) {
        std::printf("[");
        for (std::size_t i = 0; i < matches.size(); ++i)
            std::printf("%s\n  {%s, \"score\": %.2f, \"reason\": %s}", i ? "," : "",
                        json_picture_fields(*matches[i].picture).c_str(), matches[i].score,
                        json_string(matches[i].reason).c_str());
        std::printf("%s]\n", matches.empty() ? "" : "\n");
        return;
    }
    for (const auto& m : matches)
        std::printf("%s\t%s\t%.2f\t%s\n", m.picture->id.c_str(), m.picture->name.c_str(), m.score, m.reason.c_str());
}

void print_list(const std::vector<const symbols::Picture*>& pictures, bool json) {
    if (json) {
        std::printf("[");
        for (std::size_t i = 0; i < pictures.size(); ++i) {
            std::string words;
            for (const auto& k : pictures[i]->keywords) words += (words.empty() ? "" : ", ") + json_string(k);
            std::printf("%s\n  {%s, \"keywords\": [%s]}", i ? "," : "", json_picture_fields(*pictures[i]).c_str(),
                        words.c_str());
        }
        std::printf("%s]\n", pictures.empty() ? "" : "\n");
        return;
    }
    for (const auto* p : pictures) std::printf("%s\t%s\t%s\n", p->id.c_str(), p->name.c_str(), p->set.c_str());
}

}  // namespace

int cmd_pictures(int argc, char** argv) {
    std::vector<std::string> folders, words;
    std::string avoid;
    bool json = false, list = false;
    std::size_t top = 5;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&](const char* what) -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "easyread pictures: error: %s needs a value\n", what);
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--help" || a == "-h") {
            pictures_usage(stdout);
            return 0;
        } else if (a == "--list") list = true;
        else if (a == "--json") json = true;
        else if (a == "--pictures") folders.push_back(value("--pictures"));
        else if (a == "--avoid") avoid = value("--avoid");
        else if (a == "--top") {
            int n = std::atoi(value("--top").c_str());
            if (n < 1) {
                std::fprintf(stderr, "easyread pictures: error: --top needs a number of 1 or more\n");
                return 2;
            }
            top = static_cast<std::size_t>(n);
        } else if (a.size() > 1 && a[0] == '-' && a[1] == '-') {
            std::fprintf(stderr, "easyread pictures: error: unknown option '%s'\n", a.c_str());
            pictures_usage(stderr);
            return 2;
        } else words.push_back(a);
    }
    std::string text;
    for (const auto& w : words) text += (text.empty() ? "" : " ") + w;
    if (!list && text == "-") text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    if (!list && words.empty()) {
        pictures_usage(stderr);
        return 2;
    }

    Diagnostics diags;
    symbols::Bank bank;
    bank.load_bundled(diags);
    for (const auto& f : folders) bank.add_user_folder(f, diags);
    print_diagnostics(diags);
    if (bank.pictures().empty()) {
        std::fprintf(stderr, "easyread pictures: error: no pictures could be loaded\n");
        return 2;
    }

    if (list) print_list(bank.search(text), json);
    else if (!avoid.empty()) {
        auto m = symbols::Matcher(bank).best(text, avoid);
        print_matches(m.picture ? std::vector<symbols::Match>{m} : std::vector<symbols::Match>{}, json);
    } else print_matches(symbols::Matcher(bank).candidates(text, top), json);
    return 0;
}

}  // namespace easyread::cli
