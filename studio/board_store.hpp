// The board's files in the studio: kiosk answers files and typed-up paper
// answers uploaded for its events, and the board's "You said, we did"
// actions. They live in the studio folder's hidden ".easyread-boards"
// folder (the documents' store refuses every name starting with '.', so no
// document route can reach an answers file), or in team mode in the team
// folder's boards/, beside documents/, never among them.
// An answers file is checked as a report would read it before it is kept,
// then kept read-only; nothing in the studio writes to one again.
#pragma once
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <httplib.h>

#include "base/diagnostics.hpp"
#include "studio/doc_store.hpp"

namespace easyread::studio {

struct BoardFile {
    std::string name;  // "march-kiosk-1.db"
    std::string kind;  // "kiosk" or "paper" (answers typed up from paper forms)
    long long size = 0;
    long long modified = 0;
};

// A paper upload: the CSV `easyread import` reads, and where the forms came from.
struct PaperUpload {
    std::string filename;  // as the browser sent it
    std::string csv;
    std::string event;
    std::string date;         // YYYY-MM-DD the forms were filled in
    std::string survey_text;  // the survey the forms printed
};

class BoardStore {
public:
    static constexpr const char* kFolder = ".easyread-boards";
    static constexpr std::size_t kMaxFiles = 200;

    // The boards folder `root`: the studio folder's kFolder, or a team's
    // boards/ beside its documents/; made (owner only) when the first file
    // or action is kept.
    BoardStore(const std::string& root, std::size_t max_bytes, std::size_t max_files = kMaxFiles);

    // Keeps an uploaded kiosk answers file (.db, .sqlite): refused, with
    // words saying why, when it is too large, not SQLite, not a kiosk answers
    // file, damaged, of another survey than the files already kept, or when
    // there are `max_files` already. `name` gets the name it is kept under.
    bool add_kiosk_file(const std::string& filename, const std::string& bytes, std::string& name, StoreError& err);
    // Imports typed-up paper answers as `easyread import` does into an
    // answers file of their own (kept read-only like a kiosk's), and keeps
    // the CSV beside it. Errors name the CSV's line and column.
    bool add_paper(const PaperUpload& upload, std::string& name, StoreError& err);

    std::vector<BoardFile> list() const;
    // Absolute paths of every answers file, for the report.
    std::vector<std::string> answers_paths() const;
    // The survey texts the kept answers files hold, newest version first.
    std::vector<std::string> survey_texts() const;

    // The actions file ("" and version "" when there is none yet).
    bool read_actions(StoredFile& out, StoreError& err) const;
    bool write_actions(const std::string& text, const std::string& base, std::string& version, StoreError& err);
    std::string actions_path() const { return root_ + "/actions.md"; }
    bool has_actions() const;

private:
    // Checks a file waiting in incoming/ as a report reads it, with the kept files.
    bool check_with_kept(const std::string& path, StoreError& err) const;
    bool keep(const std::string& incoming, const std::string& stem, std::string& name, StoreError& err);
    std::string incoming_path(const std::string& ending) const;
    // Makes the folders when missing; false (with `err`) when they cannot be made.
    bool ensure(StoreError& err);

    std::string root_;
    std::size_t max_bytes_;
    std::size_t max_files_;
    std::unique_ptr<DocStore> store_;  // the boards folder (actions.md), once it exists
    mutable std::mutex lock_;  // one upload at a time: the count and names checked, then kept
};

// A survey file the studio reads or writes: far more than any kiosk survey needs.
constexpr std::size_t kMaxSurveyBytes = 1u << 20;

// The board's actions form, as fields "organisation", "contact",
// "checked_by" and per question "what:<id>", "who:<id>", "when:<id>", written
// as the actions file `easyread report --actions` reads (actions_file.hpp);
// questions with nothing written are left out.
std::string actions_markdown(const std::vector<std::pair<std::string, std::string>>& fields,
                             const std::vector<std::string>& question_ids);

// The version a save changes, from If-Match: "new" (or nothing) for a file
// that must not exist yet (an empty header does not survive every HTTP stack).
std::string save_base(const httplib::Request& req);

// The first error of `diags` as words for the page (message and hint).
std::string first_problem(const Diagnostics& diags, const std::string& fallback);

}  // namespace easyread::studio
