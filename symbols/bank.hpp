// The picture bank: bundled OpenMoji pictures plus a user's own folders.
#pragma once
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/diagnostics.hpp"

namespace easyread::symbols {

class TermIndex;

struct Picture {
    std::string id;       // short stable id used in Markdown: symbol:house
    std::string file;     // absolute path of the SVG or PNG
    std::string set;      // "openmoji", or the user's folder name
    std::string licence;  // "CC BY-SA 4.0", or what the user's credit file says
    std::string name;     // human name; doubles as alt text
    std::vector<std::string> keywords;  // lower-case words and phrases that choose it
    std::vector<std::string> tags;      // looser words, only for searching the bank
    bool user = false;                  // from a user's folder: wins over bundled pictures
};

struct PictureSet {
    std::string name;
    std::string licence;
    std::string credit;  // one line printed on the last page
    bool user = false;
};

// A health and social care phrase and the picture it means ("care plan" -> patient-clipboard).
// A file a picture can be made from: .png, .svg, .jpg or .jpeg (any case).
bool is_local_picture_file(const std::string& path);

struct Concept {
    std::string phrase;
    std::string picture_id;
    double weight = 1.0;  // below 1 for loose phrases
    std::string file;
    int line = 0;
};

class Bank {
public:
    // Loads an index.tsv (id, file, set, licence, name, keywords[, tags]; lists ';'-separated).
    // Bad rows are warnings; the rest still loads.
    bool load_index(const std::string& index_path, Diagnostics& diags);
    // Loads a concept list (phrase TAB picture id [TAB weight]); unknown ids are warnings.
    bool load_concepts(const std::string& path, Diagnostics& diags);
    // Loads the bundled bank and concept list from the data folder.
    bool load_bundled(Diagnostics& diags);
    // Indexes a user folder of SVG/PNG pictures (see user_folder.cpp for its
    // keywords.txt and CREDIT.txt); its pictures win over bundled ones.
    bool add_user_folder(const std::string& dir, Diagnostics& diags);

    // A bank picture by id. An id "file:PATH" is a picture file beside the
    // document (PNG, JPEG or SVG; see the model's ![words](photo.png)),
    // found on first use; null when it cannot be used.
    const Picture* find(const std::string& id) const;
    static inline const std::string kLocalPicturePrefix = "file:";
    const std::vector<Picture>& pictures() const { return pictures_; }
    const std::vector<PictureSet>& sets() const { return sets_; }
    const PictureSet* set_named(const std::string& name) const;
    const std::vector<Concept>& concepts() const { return concepts_; }

    // Pictures whose id, name, keywords or tags contain `word` (all when empty).
    std::vector<const Picture*> search(const std::string& word) const;

    // The matcher's index of this bank's words, built on first use and shared
    // by every Matcher until the bank changes. Safe from several threads.
    std::shared_ptr<const TermIndex> term_index() const;

private:
    struct LocalPictures {
        std::mutex lock;
        std::unordered_map<std::string, std::unique_ptr<Picture>> by_id;  // null: not usable
        std::string folder;             // made on the first JPEG
        std::vector<std::string> made;  // PNG files made from JPEGs, removed with the bank
        ~LocalPictures();
    };
    const Picture* local_picture(const std::string& id) const;
    // Shared by copies, like the index cache: a picture found once is kept.
    std::shared_ptr<LocalPictures> local_ = std::make_shared<LocalPictures>();
    void changed() { index_cache_ = std::make_shared<IndexCache>(); }
    struct IndexCache {
        std::mutex lock;
        std::shared_ptr<const TermIndex> index;
    };
    // Shared by copies; a change gives the changed bank a cache of its own.
    std::shared_ptr<IndexCache> index_cache_ = std::make_shared<IndexCache>();
    void add(Picture p);
    void add_set(PictureSet s);
    std::vector<Picture> pictures_;
    std::unordered_map<std::string, std::size_t> by_id_;
    std::vector<PictureSet> sets_;
    std::vector<Concept> concepts_;
};

}  // namespace easyread::symbols
