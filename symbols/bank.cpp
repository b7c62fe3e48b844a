#include "symbols/bank.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "base/data_paths.hpp"
#include "symbols/term_index.hpp"
#include "base/text_util.hpp"

namespace easyread::symbols {

namespace {

std::string dir_of(const std::string& path) {
    std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? std::string(".") : path.substr(0, slash);
}

std::vector<std::string> word_list(const std::string& field) {
    std::vector<std::string> out;
    for (auto& k : split(field, ';'))
        if (auto t = lower_trim(k); !t.empty()) out.push_back(t);
    return out;
}

bool contains(const std::string& hay, const std::string& needle) {
    return hay.find(needle) != std::string::npos;
}

// Calls on_line(text, line number) for each line that is not blank or a '#' comment.
template <typename OnLine>
bool for_each_line(const std::string& path, const char* id, const std::string& what, Diagnostics& diags,
                   OnLine on_line) {
    std::ifstream in(path);
    if (!in) {
        diags.warning(path, 0, 0, id, "cannot open the " + what,
                      "Reinstall easyread or set EASYREAD_DATA_DIR to its data folder.");
        return false;
    }
    std::string line;
    int line_no = 0;
    while (std::getline(in, line)) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (const std::string t = trim(line); !t.empty() && t[0] != '#') on_line(line, line_no);
    }
    return true;
}

}  // namespace

void Bank::add(Picture p) {
    changed();
    auto it = by_id_.find(p.id);
    if (it != by_id_.end()) {
        pictures_[it->second] = std::move(p);
        return;
    }
    by_id_[p.id] = pictures_.size();
    pictures_.push_back(std::move(p));
}

std::shared_ptr<const TermIndex> Bank::term_index() const {
    std::lock_guard<std::mutex> hold(index_cache_->lock);
    if (!index_cache_->index) index_cache_->index = std::make_shared<const TermIndex>(*this);
    return index_cache_->index;
}

void Bank::add_set(PictureSet s) {
    for (auto& existing : sets_)
        if (existing.name == s.name) {
            existing = std::move(s);
            return;
        }
    sets_.push_back(std::move(s));
}

const Picture* Bank::find(const std::string& id) const {
    auto it = by_id_.find(id);
    if (it != by_id_.end()) return &pictures_[it->second];
    if (id.rfind(kLocalPicturePrefix, 0) == 0) return local_picture(id);
    return nullptr;
}

const PictureSet* Bank::set_named(const std::string& name) const {
    for (const auto& s : sets_)
        if (s.name == name) return &s;
    return nullptr;
}

bool Bank::load_index(const std::string& index_path, Diagnostics& diags) {
    const std::string base = dir_of(index_path);
    std::unordered_map<std::string, int> seen;
    return for_each_line(index_path, "picture-bank", "picture index", diags, [&](const std::string& line, int line_no) {
        if (line_no == 1 && line.rfind("id\t", 0) == 0) return;  // header
        auto cols = split(line, '\t');
        if (cols.size() < 6 || cols.size() > 7 || trim(cols[0]).empty() || trim(cols[1]).empty()) {
            diags.warning(index_path, line_no, 1, "picture-index",
                          "expected 6 or 7 tab-separated columns: id, file, set, licence, name, keywords, tags",
                          "Fix or remove this line.");
            return;
        }
        const std::string id = trim(cols[0]);
        if (auto s = seen.find(id); s != seen.end()) {
            diags.warning(index_path, line_no, 1, "duplicate-picture",
                          "picture id \"" + id + "\" is already used on line " + std::to_string(s->second),
                          "Give each picture its own id.");
            return;
        }
        seen[id] = line_no;
        Picture p;
        p.id = id;
        p.file = cols[1][0] == '/' ? cols[1] : base + "/" + cols[1];
        p.set = trim(cols[2]);
        p.licence = trim(cols[3]);
        p.name = trim(cols[4]);
        p.keywords = word_list(cols[5]);
        if (cols.size() == 7) p.tags = word_list(cols[6]);
        if (!set_named(p.set)) sets_.push_back({p.set, p.licence, {}, false});
        add(std::move(p));
    });
}

bool Bank::load_concepts(const std::string& path, Diagnostics& diags) {
    return for_each_line(path, "concept-list", "concept list", diags, [&](const std::string& line, int line_no) {
        auto cols = split(line, '\t');
        Concept c;
        c.file = path;
        c.line = line_no;
        if (cols.size() >= 2) {
            c.phrase = lower_trim(cols[0]);
            c.picture_id = trim(cols[1]);
        }
        if (cols.size() < 2 || cols.size() > 3 || c.phrase.empty() || c.picture_id.empty()) {
            diags.warning(path, line_no, 1, "concept-list",
                          "expected a phrase, a tab, a picture id and an optional tab and weight",
                          "Write it as: care plan<TAB>patient-clipboard");
            return;
        }
        if (cols.size() == 3) {
            char* end = nullptr;
            const std::string w = trim(cols[2]);
            c.weight = std::strtod(w.c_str(), &end);
            if (w.empty() || *end != '\0' || c.weight <= 0 || c.weight > 1) {
                diags.warning(path, line_no, static_cast<int>(cols[0].size() + cols[1].size() + 3),
                              "concept-list", "the weight \"" + w + "\" is not a number above 0 and up to 1",
                              "Use a weight such as 0.6, or leave it out for 1.");
                return;
            }
        }
        if (!find(c.picture_id)) {
            diags.warning(path, line_no, static_cast<int>(cols[0].size() + 2), "unknown-picture",
                          "no picture has the id \"" + c.picture_id + "\"",
                          "Use an id from 'easyread pictures --list'.");
            return;
        }
        concepts_.push_back(std::move(c));
        changed();
    });
}

bool Bank::load_bundled(Diagnostics& diags) {
    bool ok = load_index(data_path("symbols/index.tsv"), diags);
    for (auto& s : sets_)
        if (s.name == "openmoji")
            s.credit = "Pictures: OpenMoji, the open-source emoji and icon project (openmoji.org), "
                       "licence CC BY-SA 4.0.";
    ok = load_concepts(data_path("templates/concepts.tsv"), diags) && ok;
    return ok;
}

std::vector<const Picture*> Bank::search(const std::string& word) const {
    // Rank 0: the word is the id, name or a keyword; 1: inside one of them; 2: only in the tags.
    const std::string w = lower_trim(word);
    std::vector<std::pair<int, const Picture*>> hits;
    for (const auto& p : pictures_) {
        int rank = w.empty() ? 0 : 3;
        auto consider = [&](const std::string& text, int exact_rank, int partial_rank) {
            if (text == w) rank = std::min(rank, exact_rank);
            else if (contains(text, w)) rank = std::min(rank, partial_rank);
        };
        consider(lower(p.id), 0, 1);
        consider(lower(p.name), 0, 1);
        for (const auto& k : p.keywords) consider(k, 0, 1);
        for (const auto& t : p.tags) consider(t, 2, 2);
        if (rank < 3) hits.emplace_back(rank, &p);
    }
    std::stable_sort(hits.begin(), hits.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<const Picture*> out;
    for (const auto& h : hits) out.push_back(h.second);
    return out;
}

}  // namespace easyread::symbols
