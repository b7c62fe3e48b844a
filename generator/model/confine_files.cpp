#include "generator/model/confine_files.hpp"

#include <climits>
#include <cstdlib>

#include "base/file_names.hpp"
#include "symbols/bank.hpp"

namespace easyread {

bool resolves_outside(const std::string& path, const std::string& folder) {
    char resolved[PATH_MAX];
    if (!::realpath(path.c_str(), resolved)) return false;
    const std::string r = resolved;
    const std::string root = !folder.empty() && folder.back() == '/' ? folder : folder + "/";
    return r.compare(0, root.size(), root) != 0;
}

namespace {

const char* kHint = "Put the file in the documents folder and name it from there.";

}  // namespace

void confine_files(Document& doc, const std::string& folder, Diagnostics& diags) {
    char resolved[PATH_MAX];
    if (!::realpath(folder.c_str(), resolved)) return;
    const std::string root = resolved;
    const std::string& prefix = symbols::Bank::kLocalPicturePrefix;
    for (auto& b : doc.blocks) {
        if (b.picture_request.rfind(prefix, 0) != 0) continue;
        const std::string file = b.picture_request.substr(prefix.size());
        if (!resolves_outside(file, root)) continue;
        diags.warning(doc.source_path, b.line, 1, "image",
                      "the picture file " + file + " is outside the documents folder, so it is left out", kHint);
        b.picture_request = "none";
        b.picture_alt.clear();
    }
    const auto logo = doc.meta.values.find("logo");
    if (logo != doc.meta.values.end() && !logo->second.empty() &&
        resolves_outside(beside_document(doc.source_path, logo->second), root)) {
        const auto line = doc.meta.lines.find("logo");
        diags.warning(doc.source_path, line == doc.meta.lines.end() ? 0 : line->second, 1, "logo",
                      "the logo " + logo->second + " is outside the documents folder, so it is left out", kHint);
        doc.meta.values.erase(logo);
    }
}

}  // namespace easyread
