// Command-line options of `easyread build`.
#pragma once
#include <string>
#include <vector>

#include "generator/pipeline.hpp"

namespace easyread::cli {

struct BuildOptions {
    std::string input;
    std::vector<std::string> outputs;  // each -o, in order; none: NAME.pdf and NAME.html here
    PipelineOptions pipeline;  // rules, page, font size, font, pictures
    double dpi = 96;
    bool audio = false;  // --audio: an MP3 beside the folder's outputs, Listen buttons in HTML
    bool verbose = false;
    bool help = false;
};

// Returns false with a message for a wrong command line.
bool parse_build_options(int argc, char** argv, BuildOptions& o, std::string& error);

}  // namespace easyread::cli
