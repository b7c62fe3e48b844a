// What every subcommand prints on standard error: a command-line mistake
// with a pointer to --help, and diagnostics in compiler style.
#pragma once
#include <string>

#include "base/diagnostics.hpp"

namespace easyread::cli {

// "easyread COMMAND: error: MESSAGE" and how to see the options; returns
// exit status 2 (the command line was wrong).
int usage_error(const char* command, const std::string& message);
// One line per diagnostic; notes (advice) only when `notes` is true.
void print_diagnostics(const Diagnostics& diags, bool notes = true);

}  // namespace easyread::cli
