// What the test areas share: running commands (the real easyread binary
// among them), files and fresh folders. One Catch2 main for all (test_main.cpp).
#pragma once
#include <string>

struct CommandResult {
    int exit_code = -1;
    std::string out;  // standard output
    std::string err;  // standard error
    std::string both() const { return out + err; }  // for messages that may go to either
};

// Runs a shell command line; captures both streams.
CommandResult run_command(const std::string& command_line);
// Runs easyread with the given arguments (already shell-quoted).
CommandResult run_easyread(const std::string& args);
// A fresh empty folder under the test's working directory.
std::string fresh_dir(const std::string& name);
// A new empty folder under the system's temporary folder.
std::string temp_dir();
// temp_dir() removed again when the object goes, whatever a test made
// read-only inside it.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }
    std::string file(const std::string& name) const { return path_ + "/" + name; }

private:
    std::string path_;
};
std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& bytes);
std::string source_path(const std::string& relative);  // path in the source tree
