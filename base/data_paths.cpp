#include "base/data_paths.hpp"

#include <cstdlib>

#include "base/file_names.hpp"

namespace easyread {

std::string data_dir() {
    if (const char* env = std::getenv("EASYREAD_DATA_DIR"); env && *env) return env;
    if (is_directory(std::string(EASYREAD_SOURCE_DATA_DIR) + "/symbols")) return EASYREAD_SOURCE_DATA_DIR;
    return EASYREAD_INSTALL_DATA_DIR;
}

std::string data_path(const std::string& relative) { return data_dir() + "/" + relative; }

}  // namespace easyread
