// Wires subcommands to their files; no work happens here.
#include <cstdio>
#include <cstring>
#include <string>

#include "cli/commands.hpp"

namespace {

struct Command {
    const char* name;
    int (*run)(int, char**);
    const char* summary;
};

const Command kCommands[] = {
    {"build", easyread::cli::cmd_build, "make an easy read PDF, HTML or PNG from Markdown"},
    {"check", easyread::cli::cmd_check, "check Markdown against the easy read rules"},
    {"draft", easyread::cli::cmd_draft, "write a first easy read draft from ordinary text, offline"},
    {"pictures", easyread::cli::cmd_pictures, "choose pictures for text, or search the picture bank"},
    {"report", easyread::cli::cmd_report, "make the board report, easy read \"You said\", CSV or JSON from answers"},
    {"merge", easyread::cli::cmd_merge, "merge kiosks' answers files into one, each response once"},
    {"form", easyread::cli::cmd_form, "print a survey as an easy read paper questionnaire"},
    {"import", easyread::cli::cmd_import, "add typed-up paper answers (CSV) to an answers file"},
    {"review", easyread::cli::cmd_review, "co-production review of a document at the kiosk"},
    {"studio", easyread::cli::cmd_studio, "make easy read documents in your web browser"},
};

void print_usage(std::FILE* out) {
    std::fprintf(out, "usage: easyread COMMAND [options]\n\ncommands:\n");
    for (const auto& c : kCommands) std::fprintf(out, "  %-10s %s\n", c.name, c.summary);
    std::fprintf(out, "\n'easyread COMMAND --help' describes one command.\n");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        print_usage(stderr);
        return 2;
    }
    std::string first = argv[1];
    if (first == "--help" || first == "-h" || first == "help") {
        print_usage(stdout);
        return 0;
    }
    if (first == "--version") {
        std::printf("easyread %s\n", EASYREAD_VERSION);
        return 0;
    }
    for (const auto& c : kCommands)
        if (first == c.name) return c.run(argc - 1, argv + 1);
    std::fprintf(stderr, "easyread: error: unknown command '%s'. Run 'easyread --help' for the list.\n",
                 first.c_str());
    return 2;
}
