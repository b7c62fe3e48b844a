// Keeps the files a document names (its own pictures, its logo) inside one
// folder. The studio serves a folder of documents to a browser: a document
// typed there must not draw a file from elsewhere on the machine into its
// pages, its exports or its preview.
#pragma once
#include <string>

#include "base/diagnostics.hpp"
#include "generator/model/document.hpp"

namespace easyread {

// True when `path` names a file that resolves (symbolic links followed)
// outside `folder`, which must itself be a resolved path. A file that is not
// there is not outside: nothing of it can be read, and the stage that wanted
// it says so.
bool resolves_outside(const std::string& path, const std::string& folder);

// Drops each picture and the logo that resolve outside `folder`, with a
// warning at its line naming the file; such a chunk then has no picture.
void confine_files(Document& doc, const std::string& folder, Diagnostics& diags);

}  // namespace easyread
