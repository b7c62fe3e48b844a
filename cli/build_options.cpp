#include "cli/build_options.hpp"

#include <cstdlib>
#include <cstring>

namespace easyread::cli {

static bool parse_number(const char* s, double lo, double hi, double& out) {
    char* end = nullptr;
    double v = std::strtod(s, &end);
    if (!end || *end || end == s || v < lo || v > hi) return false;
    out = v;
    return true;
}

bool parse_build_options(int argc, char** argv, BuildOptions& o, std::string& error) {
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&](const char* name) -> const char* {
            if (i + 1 >= argc) {
                error = std::string(name) + " needs a value";
                return nullptr;
            }
            return argv[++i];
        };
        if (a == "-h" || a == "--help") {
            o.help = true;
            return true;
        } else if (a == "-o" || a == "--output") {
            const char* v = value("-o");
            if (!v) return false;
            o.outputs.push_back(v);
        } else if (a == "--rules") {
            const char* v = value("--rules");
            if (!v) return false;
            o.pipeline.rules = v;
        } else if (a == "--page") {
            const char* v = value("--page");
            if (!v) return false;
            o.pipeline.page = v;
            if (o.pipeline.page != "a4" && o.pipeline.page != "a5") {
                error = "--page must be a4 or a5";
                return false;
            }
        } else if (a == "--font-size") {
            const char* v = value("--font-size");
            if (!v) return false;
            if (!parse_number(v, 8, 48, o.pipeline.font_size)) {
                error = "--font-size must be a number of points from 8 to 48";
                return false;
            }
        } else if (a == "--font") {
            const char* v = value("--font");
            if (!v) return false;
            o.pipeline.font = v;
        } else if (a == "--pictures") {
            const char* v = value("--pictures");
            if (!v) return false;
            o.pipeline.picture_dirs.emplace_back(v);
        } else if (a == "--no-pictures") {
            o.pipeline.pictures = false;
        } else if (a == "--dpi") {
            const char* v = value("--dpi");
            if (!v) return false;
            if (!parse_number(v, 24, 600, o.dpi)) {
                error = "--dpi must be a number from 24 to 600";
                return false;
            }
        } else if (a == "--audio") {
            o.audio = true;
        } else if (a == "--voice") {
            const char* v = value("--voice");
            if (!v) return false;
            o.pipeline.audio.voice = v;
        } else if (a == "--words-per-minute") {
            const char* v = value("--words-per-minute");
            double wpm = 0;
            if (!v) return false;
            if (!parse_number(v, 80, 450, wpm)) {
                error = "--words-per-minute must be a number from 80 to 450";
                return false;
            }
            o.pipeline.audio.words_per_minute = static_cast<int>(wpm);
        } else if (a == "-v" || a == "--verbose") {
            o.verbose = true;
        } else if (a.size() > 1 && a[0] == '-' ) {
            error = "unknown option '" + a + "'";
            return false;
        } else if (o.input.empty()) {
            o.input = a;
        } else {
            error = "only one input file may be given (got '" + o.input + "' and '" + a + "')";
            return false;
        }
    }
    if (o.input.empty()) {
        error = "no input file: give a Markdown file, or - for standard input";
        return false;
    }
    return true;
}

}  // namespace easyread::cli
