#include "generator/lang/data_file.hpp"

#include <fstream>
#include <sstream>

#include "base/data_paths.hpp"
#include "base/source_text.hpp"

namespace easyread::lang {

bool read_data_file(const std::string& path, std::string& resolved, std::string& text, Diagnostics& diags) {
    resolved = (!path.empty() && path[0] == '/') ? path : data_path(path);
    std::ifstream in(resolved, std::ios::binary);
    if (!in) {
        // A path the user typed may be relative to the working folder.
        std::ifstream local(path, std::ios::binary);
        if (!local) {
            diags.error(path, 0, 0, "data-file", "cannot open this data file (looked in " + resolved + ")",
                        "Check the name, or set EASYREAD_DATA_DIR to the folder that holds templates/.");
            return false;
        }
        resolved = path;
        in.swap(local);
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    text = buf.str();
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
    return check_source_bytes(resolved, text, diags);
}

void for_each_data_line(const std::string& text, const std::function<void(int, const std::string&)>& fn) {
    int line_no = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        ++line_no;
        std::string line = trim(text.substr(pos, end - pos));
        if (!line.empty() && line[0] != '#') fn(line_no, line);
        pos = end + 1;
    }
}

}  // namespace easyread::lang
