#include "generator/render/output_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/stat.h>
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

namespace {

// The folder a path is in: "out/a.pdf" -> "out", "a.pdf" -> ".".
std::string folder_of(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

OutputBatch::~OutputBatch() {
    for (const auto& [path, copy] : kept_) ::unlink(copy.c_str());
}

bool OutputBatch::check_destinations(const std::vector<std::string>& paths, Diagnostics& diags) {
    bool ok = true;
    for (const auto& path : paths) {
        const std::string folder = folder_of(path);
        struct stat st {};
        if (::stat(folder.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
            diags.error(path, 0, 0, "cannot-write", "cannot write the output: the folder " + folder + " does not exist",
                        "Make the folder first, or write the output somewhere else. Nothing was written.");
            ok = false;
        } else if (::access(folder.c_str(), W_OK) != 0) {
            diags.error(path, 0, 0, "cannot-write",
                        "cannot write the output: you may not write in the folder " + folder,
                        "Write the output in a folder of your own. Nothing was written.");
            ok = false;
        }
    }
    return ok;
}

void OutputBatch::keep(const std::string& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return;
    const std::string copy = path + ".kept-" + std::to_string(static_cast<long>(getpid()));
    ::unlink(copy.c_str());
    if (::link(path.c_str(), copy.c_str()) == 0) kept_.emplace_back(path, copy);
}

void OutputBatch::roll_back(const std::vector<std::string>& written) {
    for (const auto& path : written)
        if (!path.empty() && path.back() != '/') ::unlink(path.c_str());
    for (const auto& [path, copy] : kept_) {
        // When nothing replaced the file the copy is a second name of it, and
        // rename() does nothing: the copy's name goes either way.
        std::rename(copy.c_str(), path.c_str());
        ::unlink(copy.c_str());
    }
    kept_.clear();
}

}  // namespace easyread
