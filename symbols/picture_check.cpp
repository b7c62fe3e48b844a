#include "symbols/picture_check.hpp"

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <librsvg/rsvg.h>

#include "base/text_util.hpp"

namespace easyread::symbols {

namespace {

// librsvg reports XML errors as "... on line 3 column 1 of data: ...".
int line_in_message(const std::string& message) {
    std::size_t at = message.find(" on line ");
    return at == std::string::npos ? 0 : std::atoi(message.c_str() + at + 9);
}

bool check_png(const std::string& path, Diagnostics& diags) {
    static const unsigned char kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    std::ifstream in(path, std::ios::binary);
    unsigned char head[8] = {};
    if (!in || !in.read(reinterpret_cast<char*>(head), sizeof head) ||
        std::memcmp(head, kSignature, sizeof head) != 0) {
        diags.warning(path, 0, 0, "broken-picture", "this file is not a readable PNG picture",
                      "Save it again as PNG, or remove it from the folder.");
        return false;
    }
    return true;
}

bool check_svg(const std::string& path, Diagnostics& diags) {
    GError* error = nullptr;
    RsvgHandle* handle = rsvg_handle_new_from_file(path.c_str(), &error);
    if (!handle) {
        std::string message = error ? error->message : "unknown error";
        if (error) g_error_free(error);
        while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
        diags.warning(path, line_in_message(message), 0, "broken-picture",
                      "this SVG picture cannot be read: " + message,
                      "Open it in an SVG editor and save it again, or remove it from the folder.");
        return false;
    }
    g_object_unref(handle);
    return true;
}

}  // namespace

bool check_picture_file(const std::string& path, Diagnostics& diags) {
    const std::string name = lower(path);
    if (ends_with(name, ".png")) return check_png(path, diags);
    if (ends_with(name, ".svg")) return check_svg(path, diags);
    diags.warning(path, 0, 0, "picture-format", "only SVG and PNG pictures can be used",
                  "Convert the picture to PNG or SVG.");
    return false;
}

}  // namespace easyread::symbols
