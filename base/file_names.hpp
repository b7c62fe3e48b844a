// File names: what kind of file a path names, from its ending or the file system.
#pragma once
#include <string>

namespace easyread {

// True when `path` ends in `ending` (such as ".pdf"), in any case: OUT.PDF is a PDF too.
bool has_ending(const std::string& path, const char* ending);
// True when `path` is a folder that exists.
bool is_directory(const std::string& path);

// Writes every byte to `fd`, retrying short writes and EINTR; false on an error.
bool write_all(int fd, const std::string& bytes);

}  // namespace easyread
