#include "base/file_names.hpp"

#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

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

std::string beside_document(const std::string& document, const std::string& named) {
    const auto slash = document.rfind('/');
    if (named.empty() || named[0] == '/' || document == "-" || slash == std::string::npos) return named;
    return document.substr(0, slash + 1) + named;
}

bool write_all(int fd, const std::string& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace easyread
