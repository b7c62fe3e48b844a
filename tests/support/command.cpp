#include "tests/support/command.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

static std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

CommandResult run_command(const std::string& command_line) {
    static int counter = 0;
    std::string base = "cmd-output-" + std::to_string(getpid()) + "-" + std::to_string(++counter);
    std::string full = command_line + " >" + base + ".out 2>" + base + ".err";
    int status = std::system(full.c_str());
    CommandResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = slurp(base + ".out");
    r.err = slurp(base + ".err");
    std::remove((base + ".out").c_str());
    std::remove((base + ".err").c_str());
    return r;
}

CommandResult run_easyread(const std::string& args) {
    return run_command(std::string("'") + EASYREAD_EXE + "' " + args);
}

std::string fresh_dir(const std::string& name) {
    std::string dir = "test-work/" + name + "-" + std::to_string(getpid());
    std::system(("rm -rf '" + dir + "' && mkdir -p '" + dir + "'").c_str());
    return dir;
}

std::string temp_dir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/easyread-test-XXXXXX";
    if (!mkdtemp(pattern.data())) return {};
    return pattern;
}

TempDir::TempDir() : path_(temp_dir()) { REQUIRE_FALSE(path_.empty()); }

TempDir::~TempDir() {
    namespace fs = std::filesystem;
    std::error_code ec;
    // Read-only tests take write permission away; give it back so removal works.
    for (auto& entry : fs::recursive_directory_iterator(path_, ec))
        fs::permissions(entry.path(), fs::perms::owner_all, fs::perm_options::add, ec);
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path_, ec);
}

std::string read_file(const std::string& path) { return slurp(path); }

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    REQUIRE(out.good());
}

std::string source_path(const std::string& relative) { return std::string(EASYREAD_SOURCE_DIR) + "/" + relative; }
