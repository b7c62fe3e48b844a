// A user's own picture folder (for example Photosymbols or CHANGE pictures
// under the user's licence), given with --pictures DIR.
//
// Every .svg and .png file becomes a picture. Its id comes from the file
// name ("Care plan_2.png" -> care-plan-2) and so do its first words
// ("care plan"). Two optional text files add to that:
//
//   keywords.txt   one picture a line:  care-plan-2.png: care plan, support plan
//                  (the file name may leave out its extension; '#' starts a comment)
//   CREDIT.txt     first line: the credit printed in documents;
//                  a line "Licence: ..." names the licence.
#include <algorithm>
#include <cctype>
#include <dirent.h>
#include <fstream>
#include <map>
#include <sys/stat.h>

#include "symbols/bank.hpp"
#include "symbols/picture_check.hpp"
#include "base/text_util.hpp"

namespace easyread::symbols {

namespace {

std::string extension_of(const std::string& name) {
    auto dot = name.rfind('.');
    return dot == std::string::npos ? std::string() : lower(name.substr(dot + 1));
}

std::string stem_of(const std::string& name) {
    auto dot = name.rfind('.');
    return dot == std::string::npos ? name : name.substr(0, dot);
}

// "Care plan_2" -> "care-plan-2": the id a writer types after symbol:
std::string id_from_stem(const std::string& stem) {
    std::string id;
    for (unsigned char c : stem) {
        if (std::isalnum(c) || c >= 0x80) id += static_cast<char>(std::tolower(c));
        else if (!id.empty() && id.back() != '-') id += '-';
    }
    while (!id.empty() && id.back() == '-') id.pop_back();
    return id;
}

// "Care plan_2" -> "care plan": the words the file name gives the matcher.
std::string words_from_stem(const std::string& stem) {
    std::string words = stem;
    for (auto& c : words)
        if (c == '-' || c == '_' || c == '.') c = ' ';
    words = lower_trim(words);
    while (!words.empty() && (std::isdigit(static_cast<unsigned char>(words.back())) || words.back() == ' '))
        words.pop_back();
    return words;
}

std::string folder_name(std::string dir) {
    while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    auto slash = dir.rfind('/');
    return slash == std::string::npos ? dir : dir.substr(slash + 1);
}

struct Found {
    Picture picture;
    std::string file_name;
};

// Reads keywords.txt into the pictures found, warning about lines it cannot use.
void read_keywords(const std::string& path, std::map<std::string, Found*>& by_file, Diagnostics& diags) {
    std::ifstream in(path);
    if (!in) return;  // optional
    std::string line;
    int line_no = 0;
    while (std::getline(in, line)) {
        ++line_no;
        const std::string text = trim(line.substr(0, line.find('#')));
        if (text.empty()) continue;
        auto colon = text.find(':');
        if (colon == std::string::npos) {
            diags.warning(path, line_no, 1, "picture-keywords", "expected a file name, a colon and words",
                          "Write it as: care-plan.png: care plan, support plan");
            continue;
        }
        const std::string file = lower_trim(text.substr(0, colon));
        auto it = by_file.find(file);
        if (it == by_file.end()) it = by_file.find(lower(stem_of(file)));
        if (file.empty() || it == by_file.end()) {
            diags.warning(path, line_no, 1, "picture-keywords",
                          "no usable picture called \"" + file + "\" in this folder",
                          "Check the spelling of the file name, or remove this line.");
            continue;
        }
        int added = 0;
        for (auto& w : split(text.substr(colon + 1), ','))
            if (auto k = lower_trim(w); !k.empty()) {
                it->second->picture.keywords.push_back(k);
                ++added;
            }
        if (added == 0)
            diags.warning(path, line_no, static_cast<int>(colon + 2), "picture-keywords",
                          "no words after the colon", "Add words separated by commas, or remove this line.");
    }
}

void read_credit(const std::string& path, PictureSet& set) {
    std::ifstream in(path);
    std::string line;
    bool have_credit = false;
    while (std::getline(in, line)) {
        const std::string text = trim(line);
        if (text.empty()) continue;
        const std::string low = lower(text);
        if (low.rfind("licence:", 0) == 0 || low.rfind("license:", 0) == 0) set.licence = trim(text.substr(8));
        else if (!have_credit) {
            set.credit = text;
            have_credit = true;
        }
    }
}

}  // namespace

bool Bank::add_user_folder(const std::string& dir, Diagnostics& diags) {
    struct stat st {};
    DIR* d = stat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode) ? opendir(dir.c_str()) : nullptr;
    if (!d) {
        diags.warning(dir, 0, 0, "picture-folder", "cannot open this picture folder",
                      "Check the path given to --pictures and that you may read it.");
        return false;
    }
    std::vector<std::string> names;
    while (dirent* e = readdir(d)) names.emplace_back(e->d_name);
    closedir(d);
    std::sort(names.begin(), names.end());

    PictureSet set{folder_name(dir), "the picture owner's licence", {}, true};
    set.credit = "Pictures from " + set.name + ", used under the user's licence.";
    read_credit(dir + "/CREDIT.txt", set);

    std::vector<Found> found;
    found.reserve(names.size());
    std::map<std::string, std::string> id_owner;  // id -> file name that took it
    for (const auto& n : names) {
        if (n.empty() || n[0] == '.') continue;
        const std::string ext = extension_of(n), path = dir + "/" + n;
        if (ext == "jpg" || ext == "jpeg" || ext == "gif" || ext == "bmp" || ext == "webp") {
            diags.warning(path, 0, 0, "picture-format", "only SVG and PNG pictures can be used",
                          "Convert the picture to PNG or SVG.");
            continue;
        }
        if (ext != "svg" && ext != "png") continue;
        const std::string id = id_from_stem(stem_of(n));
        if (id.empty()) {
            diags.warning(path, 0, 0, "picture-name", "the file name gives no usable picture id",
                          "Rename the file with letters or digits, such as care-plan.png.");
            continue;
        }
        if (auto owner = id_owner.find(id); owner != id_owner.end()) {
            diags.warning(path, 0, 0, "duplicate-picture",
                          "picture id \"" + id + "\" is already used by " + owner->second,
                          "Rename one of the two files; this one is left out.");
            continue;
        }
        if (!check_picture_file(path, diags)) continue;
        id_owner[id] = n;
        Found f;
        f.file_name = n;
        f.picture.id = id;
        f.picture.file = path;
        f.picture.set = set.name;
        f.picture.licence = set.licence;
        f.picture.name = words_from_stem(stem_of(n));
        if (f.picture.name.empty()) f.picture.name = id;
        f.picture.keywords.push_back(f.picture.name);
        f.picture.user = true;
        found.push_back(std::move(f));
    }

    std::map<std::string, Found*> by_file;
    for (auto& f : found) {
        by_file[lower(f.file_name)] = &f;
        by_file.emplace(lower(stem_of(f.file_name)), &f);
    }
    read_keywords(dir + "/keywords.txt", by_file, diags);

    for (auto& f : found) add(std::move(f.picture));
    add_set(std::move(set));
    return true;
}

}  // namespace easyread::symbols
