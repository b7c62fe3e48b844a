#include "tests/symbols/test_support.hpp"

#include <cairo.h>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

namespace symbols_test {

std::string temp_dir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/easyread-symbols-XXXXXX";
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    return pattern;
}

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    REQUIRE(out.good());
}

void write_png(const std::string& path) {
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 4, 4);
    REQUIRE(cairo_surface_write_to_png(s, path.c_str()) == CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(s);
}

static std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

Run run_easyread(const std::string& args) {
    const std::string dir = temp_dir();
    const std::string cmd = std::string("'") + EASYREAD_EXE + "' " + args + " >" + dir + "/out 2>" + dir + "/err";
    int status = std::system(cmd.c_str());
    Run r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(dir + "/out");
    r.err = slurp(dir + "/err");
    std::remove((dir + "/out").c_str());
    std::remove((dir + "/err").c_str());
    rmdir(dir.c_str());
    return r;
}

const easyread::symbols::Bank& bundled_bank() {
    static easyread::symbols::Bank bank;
    static bool loaded = false;
    if (!loaded) {
        easyread::Diagnostics diags;
        REQUIRE(bank.load_bundled(diags));
        INFO(diags.format_all());
        REQUIRE(diags.items().empty());
        loaded = true;
    }
    return bank;
}

bool has_warning(const easyread::Diagnostics& d, const std::string& file, int line, const std::string& id) {
    for (const auto& item : d.items())
        if (item.severity == easyread::Severity::Warning && item.file == file && item.line == line && item.id == id)
            return true;
    return false;
}

}  // namespace symbols_test
