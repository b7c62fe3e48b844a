#include "base/data_paths.hpp"

#include <unistd.h>

#include <climits>
#include <cstdlib>

#include "base/file_names.hpp"

namespace easyread {

namespace {

// PREFIX/share/easyread for a program running from PREFIX/bin, when that
// folder holds the data: an installed program, wherever the prefix is.
std::string beside_program() {
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) return {};
    std::string prefix(exe, static_cast<std::size_t>(n));
    for (int up = 0; up < 2; ++up) {
        std::size_t slash = prefix.rfind('/');
        if (slash == std::string::npos) return {};
        prefix.erase(slash);
    }
    std::string dir = prefix + "/share/easyread";
    return is_directory(dir + "/symbols") ? dir : std::string();
}

}  // namespace

std::string data_dir() {
    if (const char* env = std::getenv("EASYREAD_DATA_DIR"); env && *env) return env;
    if (std::string installed = beside_program(); !installed.empty()) return installed;
    if (is_directory(std::string(EASYREAD_SOURCE_DATA_DIR) + "/symbols")) return EASYREAD_SOURCE_DATA_DIR;
    return EASYREAD_INSTALL_DATA_DIR;
}

std::string data_path(const std::string& relative) { return data_dir() + "/" + relative; }

}  // namespace easyread
