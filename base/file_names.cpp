#include "base/file_names.hpp"

#include <strings.h>
#include <sys/stat.h>

#include <cstring>

namespace easyread {

bool has_ending(const std::string& path, const char* ending) {
    const std::size_t n = std::strlen(ending);
    return path.size() >= n && strcasecmp(path.c_str() + path.size() - n, ending) == 0;
}

bool is_directory(const std::string& path) {
    struct stat st {};
    return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

}  // namespace easyread
