// Where bundled data (symbols/, templates/, fonts) is found at run time.
#pragma once
#include <string>

namespace easyread {

// EASYREAD_DATA_DIR if set, else the source tree the program was built from,
// else the installed share/easyread folder.
std::string data_dir();
std::string data_path(const std::string& relative);  // data_dir() + "/" + relative

}  // namespace easyread
