#include "bank.hpp"

#include <algorithm>
#include <cctype>
#include <dirent.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

#include "../generator/parse/data_paths.hpp"

namespace easyread::symbols {

static std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    std::istringstream in(s);
    while (std::getline(in, cur, sep)) out.push_back(cur);
    if (!s.empty() && s.back() == sep) out.emplace_back();
    return out;
}

static std::string lower_trim(std::string s) {
    std::size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
    s = a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

static std::string dir_of(const std::string& path) {
    std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? std::string(".") : path.substr(0, slash);
}

void Bank::add(Picture p) {
    auto it = by_id_.find(p.id);
    if (it != by_id_.end()) {
        pictures_[it->second] = std::move(p);
        return;
    }
    by_id_[p.id] = pictures_.size();
    pictures_.push_back(std::move(p));
}

const Picture* Bank::find(const std::string& id) const {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : &pictures_[it->second];
}

const PictureSet* Bank::set_named(const std::string& name) const {
    for (const auto& s : sets_)
        if (s.name == name) return &s;
    return nullptr;
}

bool Bank::load_index(const std::string& index_path, Diagnostics& diags) {
    std::ifstream in(index_path);
    if (!in) {
        diags.warning(index_path, 0, 0, "picture-bank", "cannot open the picture index",
                      "Reinstall easyread or set EASYREAD_DATA_DIR to its data folder.");
        return false;
    }
    const std::string base = dir_of(index_path);
    std::string line;
    int line_no = 0;
    std::unordered_map<std::string, int> seen;
    while (std::getline(in, line)) {
        ++line_no;
        if (line_no == 1 && line.rfind("id\t", 0) == 0) continue;  // header
        if (line.empty() || line[0] == '#') continue;
        auto cols = split(line, '\t');
        if (cols.size() < 6 || cols[0].empty() || cols[1].empty()) {
            diags.warning(index_path, line_no, 1, "picture-index",
                          "expected 6 tab-separated columns: id, file, set, licence, name, keywords",
                          "Fix or remove this line.");
            continue;
        }
        if (auto s = seen.find(cols[0]); s != seen.end()) {
            diags.warning(index_path, line_no, 1, "duplicate-picture",
                          "picture id \"" + cols[0] + "\" is already used on line " + std::to_string(s->second),
                          "Give each picture its own id.");
            continue;
        }
        seen[cols[0]] = line_no;
        Picture p;
        p.id = cols[0];
        p.file = cols[1][0] == '/' ? cols[1] : base + "/" + cols[1];
        p.set = cols[2];
        p.licence = cols[3];
        p.name = cols[4];
        for (auto& k : split(cols[5], ';'))
            if (auto t = lower_trim(k); !t.empty()) p.keywords.push_back(t);
        if (!set_named(p.set)) sets_.push_back({p.set, p.licence, {}});
        add(std::move(p));
    }
    return true;
}

bool Bank::load_bundled(Diagnostics& diags) {
    bool ok = load_index(data_path("symbols/index.tsv"), diags);
    for (auto& s : sets_)
        if (s.name == "openmoji")
            s.credit = "Pictures: OpenMoji, the open-source emoji and icon project (openmoji.org), "
                       "licence CC BY-SA 4.0.";
    return ok;
}

bool Bank::add_user_folder(const std::string& dir, Diagnostics& diags) {
    DIR* d = opendir(dir.c_str());
    if (!d) {
        diags.warning(dir, 0, 0, "picture-folder", "cannot open this picture folder",
                      "Check the path given to --pictures.");
        return false;
    }
    std::string set_name = dir;
    while (set_name.size() > 1 && set_name.back() == '/') set_name.pop_back();
    if (auto slash = set_name.rfind('/'); slash != std::string::npos) set_name = set_name.substr(slash + 1);
    std::vector<std::string> names;
    while (dirent* e = readdir(d)) names.emplace_back(e->d_name);
    closedir(d);
    std::sort(names.begin(), names.end());
    for (const auto& n : names) {
        auto dot = n.rfind('.');
        if (dot == std::string::npos || n[0] == '.') continue;
        std::string ext = lower_trim(n.substr(dot + 1));
        if (ext != "svg" && ext != "png") continue;
        Picture p;
        p.id = lower_trim(n.substr(0, dot));
        for (auto& c : p.id)
            if (c == ' ' || c == '_') c = '-';
        p.file = dir + "/" + n;
        p.set = set_name;
        p.licence = "see the picture set's own licence";
        p.name = n.substr(0, dot);
        for (auto& c : p.name)
            if (c == '-' || c == '_') c = ' ';
        p.keywords.push_back(lower_trim(p.name));
        add(std::move(p));
    }
    PictureSet set{set_name, "user's own licence", "Pictures from " + set_name + ", used under the user's licence."};
    std::ifstream credit(dir + "/CREDIT.txt");
    if (credit) std::getline(credit, set.credit);
    sets_.push_back(set);
    return true;
}

}  // namespace easyread::symbols
