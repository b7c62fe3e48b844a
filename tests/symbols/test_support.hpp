// Files, folders and commands for the picture tests.
#pragma once
#include <string>

#include "symbols/bank.hpp"

namespace symbols_test {

struct Run {
    int exit_code = -1;
    std::string out, err;
};

// A new empty folder under the system's temporary folder.
std::string temp_dir();
void write_file(const std::string& path, const std::string& bytes);
// A real 4x4 PNG made with cairo.
void write_png(const std::string& path);
// Runs the built easyread with `args` (already quoted for the shell).
Run run_easyread(const std::string& args);
// The bundled bank and concept list; fails the test if either has a warning.
const easyread::symbols::Bank& bundled_bank();
// True when some warning names `file`, `line` and has diagnostic id `id`.
bool has_warning(const easyread::Diagnostics& d, const std::string& file, int line, const std::string& id);

}  // namespace symbols_test
