// Writing outputs safely: into a temporary file beside the target, renamed
// into place only when complete, so a failed run never leaves half a file.
#pragma once
#include <string>

#include "base/diagnostics.hpp"

namespace easyread {

// A temporary path beside `path` (same folder, so the rename is atomic).
std::string temp_path_for(const std::string& path);
// Renames tmp over path; on failure removes tmp and adds an error.
bool commit_output(const std::string& tmp, const std::string& path, Diagnostics& diags);
// Adds an "cannot write" error naming the path, with the system's reason.
void cannot_write(const std::string& path, const std::string& reason, Diagnostics& diags);

}  // namespace easyread
