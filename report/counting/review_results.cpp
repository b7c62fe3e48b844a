#include "report/counting/review_results.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "report/counting/mask_personal_details.hpp"

namespace easyread::report {

int PageReview::changed_chunks() const {
    return static_cast<int>(std::count_if(chunks.begin(), chunks.end(), [](const ChunkReview& c) { return !c.reviewed; }));
}

namespace {

// "chunk-3-0123456789abcdef" -> 3 and the key; false for other ids.
bool chunk_answer(const std::string& id, int& page, std::string& key) {
    if (id.rfind("chunk-", 0) != 0) return false;
    std::size_t dash = id.find('-', 6);
    if (dash == std::string::npos || dash == 6 || dash + 1 >= id.size()) return false;
    for (std::size_t i = 6; i < dash; ++i)
        if (!std::isdigit(static_cast<unsigned char>(id[i]))) return false;
    page = std::stoi(id.substr(6, dash - 6));
    key = id.substr(dash + 1);
    return true;
}

// "page-3" -> 3 (or "comment-3" with that prefix); 0 for other ids.
int page_answer(const std::string& id, const std::string& prefix = "page-") {
    const std::size_t n = prefix.size();
    if (id.rfind(prefix, 0) != 0 || id.size() == n || id.size() > n + 7) return 0;
    for (std::size_t i = n; i < id.size(); ++i)
        if (!std::isdigit(static_cast<unsigned char>(id[i]))) return 0;
    return std::stoi(id.substr(n));
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// What one reviewer marked in one chunk: "word:reablement;picture:people", "seen" or "".
struct Marked {
    std::set<std::string> ids;  // "w:reablement" (lower case) or "p:people"
    std::vector<std::pair<std::string, std::string>> shown;  // id, the text as tapped
};

void read_marks(const std::string& value, Marked& out) {
    std::size_t at = 0;
    while (at <= value.size()) {
        std::size_t end = value.find(';', at);
        if (end == std::string::npos) end = value.size();
        const std::string item = value.substr(at, end - at);
        at = end + 1;
        std::string id, text;
        if (item.rfind("word:", 0) == 0 && item.size() > 5) {
            text = item.substr(5);
            id = "w:" + lower(text);
        } else if (item.rfind("picture:", 0) == 0 && item.size() > 8) {
            text = item.substr(8);
            id = "p:" + text;
        } else {
            continue;  // "seen", or nothing left after an untap
        }
        if (out.ids.insert(id).second) out.shown.emplace_back(id, text);
    }
}

struct KeyCounts {
    int seen = 0;
    std::map<std::string, int> people;                       // item id -> finished reviewers
    std::map<std::string, std::map<std::string, int>> forms;  // item id -> text as tapped -> count
};

}  // namespace

ReviewResults review_results(const ReviewAnswers& answers, const std::vector<std::vector<PageChunk>>& pages,
                             const std::string& document_path, const std::string& document_label) {
    ReviewResults r;
    r.document_path = document_path;
    r.document_label = document_label;
    std::map<std::string, KeyCounts> by_key;
    std::map<std::pair<std::string, int>, ReviewedPage> reviewed;  // (label, page) -> its keys and faces
    std::set<std::string> labels, groups;
    for (const auto& resp : answers.responses) {
        labels.insert(resp.document);
        if (resp.unfinished) ++r.unfinished;
        else {
            ++r.people;
            groups.insert(resp.event);
            r.last_date = std::max(r.last_date, resp.local_date);
        }
        // One reviewer counts once per key, however many pages showed the same chunk.
        std::map<std::string, Marked> marked;
        for (const auto& [id, value] : resp.answers) {
            int page = 0;
            std::string key;
            if (chunk_answer(id, page, key)) {
                ReviewedPage& p = reviewed[{resp.document, page}];
                p.keys.push_back(key);
                read_marks(value, marked[key]);
            } else if (int c = page_answer(id, "comment-"); c > 0 && !resp.unfinished && !value.empty()) {
                reviewed[{resp.document, c}].comments.push_back(mask_personal(value));
            } else if (int n = page_answer(id); n > 0 && !resp.unfinished) {
                Faces& f = reviewed[{resp.document, n}].faces;
                if (value == "happy") ++f.happy;
                else if (value == "middle") ++f.middle;
                else if (value == "sad") ++f.sad;
            }
        }
        for (auto& [key, m] : marked) {
            KeyCounts& k = by_key[key];  // walk-aways' chunks are known, not counted
            if (resp.unfinished) continue;
            ++k.seen;
            for (const auto& [item, text] : m.shown) {
                ++k.people[item];
                ++k.forms[item][text];
            }
        }
    }
    r.reviewed_labels.assign(labels.begin(), labels.end());
    r.groups.assign(groups.begin(), groups.end());
    for (auto& [where, p] : reviewed) {
        p.document = where.first;
        p.page = where.second;
        std::sort(p.keys.begin(), p.keys.end());
        p.keys.erase(std::unique(p.keys.begin(), p.keys.end()), p.keys.end());
        if (!p.keys.empty()) r.reviewed_pages.push_back(p);
    }

    std::set<std::string> current;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        if (pages[i].empty()) continue;  // cover, contents, contact: not the document's own text
        PageReview page;
        page.page = static_cast<int>(i) + 1;
        std::vector<std::string> keys;
        for (const auto& c : pages[i]) {
            ChunkReview cr;
            cr.chunk = c;
            keys.push_back(c.key);
            current.insert(c.key);
            if (auto it = by_key.find(c.key); it != by_key.end()) {
                cr.reviewed = true;
                cr.seen = it->second.seen;
                for (const auto& [item, n] : it->second.people) {
                    TappedItem t;
                    t.picture = item[0] == 'p';
                    t.people = n;
                    int best = 0;
                    for (const auto& [text, count] : it->second.forms.at(item))
                        if (count > best) best = count, t.text = text;
                    cr.items.push_back(t);
                }
                std::stable_sort(cr.items.begin(), cr.items.end(), [](const TappedItem& a, const TappedItem& b) {
                    if (a.people != b.people) return a.people > b.people;
                    if (a.picture != b.picture) return !a.picture;
                    return lower(a.text) < lower(b.text);
                });
            }
            page.chunks.push_back(std::move(cr));
        }
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        for (const auto& rp : r.reviewed_pages)
            if (rp.keys == keys) {
                page.reviewed = true;
                page.faces.happy += rp.faces.happy;
                page.faces.middle += rp.faces.middle;
                page.faces.sad += rp.faces.sad;
                page.comments.insert(page.comments.end(), rp.comments.begin(), rp.comments.end());
            }
        r.pages.push_back(std::move(page));
    }
    r.answer_keys = static_cast<int>(by_key.size());
    for (const auto& [key, k] : by_key) r.matched_keys += current.count(key) ? 1 : 0;
    return r;
}

std::string group_words(const std::vector<std::string>& groups) {
    std::vector<std::string> named;
    for (const auto& g : groups)
        if (!g.empty()) named.push_back(g);
    std::string out;
    for (std::size_t i = 0; i < named.size(); ++i)
        out += (i == 0 ? "" : i + 1 == named.size() ? " and " : ", ") + named[i];
    return out;
}

void warn_about_match(const ReviewResults& r, Diagnostics& diags) {
    const std::string& path = r.document_path;
    auto name_of = [](const std::string& label) { return label.substr(0, label.rfind(' ')); };
    const std::string name = name_of(r.document_label);
    std::string others;
    for (const auto& l : r.reviewed_labels)
        if (!l.empty() && name_of(l) != name) others += (others.empty() ? "\"" : ", \"") + l + "\"";
    if (r.people == 0) {
        diags.warning(path, 0, 0, "review-no-one-finished",
                      "no reviewer finished the review" +
                          (r.unfinished ? " (" + std::to_string(r.unfinished) + " stopped part-way)" : std::string()) +
                          ", so there are no results yet");
    } else if (r.nothing_matches()) {
        diags.warning(path, 0, 0, "review-other-document",
                      others.empty()
                          ? "no chunk the reviewers saw is in the document now: every chunk changed since the review, "
                            "so no results are shown"
                          : "these answers are from a review of " + others + ", not of this document: none of "
                            "its " + std::to_string(r.answer_keys) + " chunks are here, so no results are shown",
                      others.empty() ? "Review the document again." : "Give the answers of this document's review.");
        return;
    } else if (!others.empty()) {
        diags.warning(path, 0, 0, "review-other-document",
                      "some answers are from a review of " + others + ": only chunks with the same words and "
                      "picture here are given their results");
    }
    int changed = 0, total = 0;
    for (const auto& p : r.pages) {
        changed += p.changed_chunks();
        total += static_cast<int>(p.chunks.size());
    }
    if (r.people > 0 && changed > 0)
        diags.warning(path, 0, 0, "review-changed-since",
                      std::to_string(changed) + " of the document's " + std::to_string(total) +
                          " chunks changed since the review (or are new), so they have no results",
                      "Review those pages again to have them checked.");
}

}  // namespace easyread::report
