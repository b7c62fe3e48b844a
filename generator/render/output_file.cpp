#include "generator/render/output_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace easyread {

std::string temp_path_for(const std::string& path) {
    return path + ".tmp-" + std::to_string(static_cast<long>(getpid()));
}

void cannot_write(const std::string& path, const std::string& reason, Diagnostics& diags) {
    diags.error(path, 0, 0, "cannot-write", "cannot write the output: " + reason,
                "Check that the folder exists, that you may write there and that the disk is not full.");
}

bool commit_output(const std::string& tmp, const std::string& path, Diagnostics& diags) {
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::string reason = std::strerror(errno);
        std::remove(tmp.c_str());
        cannot_write(path, reason, diags);
        return false;
    }
    return true;
}

}  // namespace easyread
