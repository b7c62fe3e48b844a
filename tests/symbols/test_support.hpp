// Files, folders and commands for the picture tests.
#pragma once
#include <string>

#include "symbols/bank.hpp"
#include "tests/support/command.hpp"

namespace symbols_test {

using ::run_easyread;
using ::temp_dir;
using ::write_file;

// A real 4x4 PNG made with cairo.
void write_png(const std::string& path);
// The bundled bank and concept list; fails the test if either has a warning.
const easyread::symbols::Bank& bundled_bank();
// True when some warning names `file`, `line` and has diagnostic id `id`.
bool has_warning(const easyread::Diagnostics& d, const std::string& file, int line, const std::string& id);

}  // namespace symbols_test
