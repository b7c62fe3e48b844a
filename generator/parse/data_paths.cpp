#include "data_paths.hpp"

#include <cstdlib>
#include <sys/stat.h>

namespace easyread {

static bool is_dir(const std::string& p) {
    struct stat st {};
    return stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::string data_dir() {
    if (const char* env = std::getenv("EASYREAD_DATA_DIR"); env && *env) return env;
    if (is_dir(std::string(EASYREAD_SOURCE_DATA_DIR) + "/symbols")) return EASYREAD_SOURCE_DATA_DIR;
    return EASYREAD_INSTALL_DATA_DIR;
}

std::string data_path(const std::string& relative) { return data_dir() + "/" + relative; }

}  // namespace easyread
