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

void write_png(const std::string& path) {
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 4, 4);
    REQUIRE(cairo_surface_write_to_png(s, path.c_str()) == CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(s);
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
