// The picture bank: bundled OpenMoji pictures plus a user's own folders.
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "../generator/parse/diagnostics.hpp"

namespace easyread::symbols {

struct Picture {
    std::string id;       // short stable id used in Markdown: symbol:house
    std::string file;     // absolute path of the SVG or PNG
    std::string set;      // "openmoji", or the user's folder name
    std::string licence;  // "CC BY-SA 4.0", or what the user's credit file says
    std::string name;     // human name; doubles as alt text
    std::vector<std::string> keywords;  // lower-case words and phrases
};

struct PictureSet {
    std::string name;
    std::string licence;
    std::string credit;  // one line printed on the last page
};

class Bank {
public:
    // Loads an index.tsv (id, file, set, licence, name, keywords;-separated).
    // Bad rows are warnings; the rest still loads.
    bool load_index(const std::string& index_path, Diagnostics& diags);
    // Loads the bundled bank from the data folder.
    bool load_bundled(Diagnostics& diags);
    // Indexes a user folder of SVG/PNG pictures; its pictures win over bundled ones.
    bool add_user_folder(const std::string& dir, Diagnostics& diags);

    const Picture* find(const std::string& id) const;
    const std::vector<Picture>& pictures() const { return pictures_; }
    const std::vector<PictureSet>& sets() const { return sets_; }
    const PictureSet* set_named(const std::string& name) const;

private:
    void add(Picture p);
    std::vector<Picture> pictures_;
    std::unordered_map<std::string, std::size_t> by_id_;
    std::vector<PictureSet> sets_;
};

}  // namespace easyread::symbols
