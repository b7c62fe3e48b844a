#include "cli/cli_output.hpp"

#include <cstdio>

namespace easyread::cli {

int usage_error(const char* command, const std::string& message) {
    std::fprintf(stderr, "easyread %s: error: %s\nRun 'easyread %s --help' for the options.\n", command,
                 message.c_str(), command);
    return 2;
}

void print_diagnostics(const Diagnostics& diags, bool notes) {
    for (const auto& d : diags.items())
        if (notes || d.severity != Severity::Note) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
}

}  // namespace easyread::cli
