// Writing outputs safely: into a temporary file beside the target, renamed
// into place only when complete, so a failed run never leaves half a file.
#pragma once
#include <string>
#include <vector>

#include "base/diagnostics.hpp"

namespace easyread {

// A temporary path beside `path` (same folder, so the rename is atomic).
std::string temp_path_for(const std::string& path);
// Renames tmp over path; on failure removes tmp and adds an error.
bool commit_output(const std::string& tmp, const std::string& path, Diagnostics& diags);
// Adds an "cannot write" error naming the path, with the system's reason.
void cannot_write(const std::string& path, const std::string& reason, Diagnostics& diags);

// Several outputs of one run, made all or none. Each output is still written
// through a temporary file; the batch first checks that every destination's
// folder can be written (before anything is made), keeps each file an output
// is about to replace, and when an output fails removes what the run made and
// puts the kept files back. Files are kept as hard links beside them.
class OutputBatch {
public:
    OutputBatch() = default;
    OutputBatch(const OutputBatch&) = delete;
    OutputBatch& operator=(const OutputBatch&) = delete;
    ~OutputBatch();  // drops the kept copies: call roll_back() first on failure

    // True when every path's folder exists and may be written; an error naming each that cannot.
    bool check_destinations(const std::vector<std::string>& paths, Diagnostics& diags);
    // Before `path` is written: keeps the file there now, if there is one.
    void keep(const std::string& path);
    // After a failure: removes each of `written` (files this run wrote) and
    // puts the kept files back. Folders in `written` ("NAME-audio/") stay.
    void roll_back(const std::vector<std::string>& written);

private:
    std::vector<std::pair<std::string, std::string>> kept_;  // {path, its kept copy}
};

}  // namespace easyread
