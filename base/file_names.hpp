// File names: what kind of file a path names, from its ending or the file system.
#pragma once
#include <string>

namespace easyread {

// True when `path` ends in `ending` (such as ".pdf"), in any case: OUT.PDF is a PDF too.
bool has_ending(const std::string& path, const char* ending);
// True when `path` is a folder that exists.
bool is_directory(const std::string& path);

// A file a document names (a picture, a logo): an absolute path as it is,
// a relative one from the folder of `document` ("-", standard input: as it is).
std::string beside_document(const std::string& document, const std::string& named);

// Writes every byte to `fd`, retrying short writes and EINTR; false on an error.
bool write_all(int fd, const std::string& bytes);

}  // namespace easyread
