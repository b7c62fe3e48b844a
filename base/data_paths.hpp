// Where bundled data (symbols/, templates/, fonts) is found at run time.
#pragma once
#include <string>

namespace easyread {

// EASYREAD_DATA_DIR if set; else share/easyread beside the program's bin/
// folder, if it is there (an installed program, wherever it was installed or
// moved); else the source tree the program was built from; else the
// configured install folder.
std::string data_dir();
std::string data_path(const std::string& relative);  // data_dir() + "/" + relative

}  // namespace easyread
