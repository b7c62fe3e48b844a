#include "studio/board_store.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <random>

#include "base/file_names.hpp"
#include "base/text_util.hpp"
#include "report/paper/paper_import.hpp"
#include "report/reading/result_set.hpp"
#include "studio/names.hpp"

namespace easyread::studio {

namespace {

const char* const kKinds[] = {"kiosk", "paper"};

bool make_folder(const std::string& path) {
    struct stat st;
    if (::lstat(path.c_str(), &st) == 0) return S_ISDIR(st.st_mode);
    return ::mkdir(path.c_str(), 0700) == 0;
}

bool write_file(const std::string& path, const std::string& bytes) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return false;
    bool ok = write_all(fd, bytes) && ::fsync(fd) == 0;
    return ::close(fd) == 0 && ok;
}

// The name's stem without folders or ending, as a safe file stem.
std::string upload_stem(const std::string& filename) {
    std::string base = filename.substr(filename.find_last_of("/\\") == std::string::npos ? 0
                                                                                        : filename.find_last_of("/\\") + 1);
    const auto dot = base.rfind('.');
    if (dot != std::string::npos && dot > 0) base = base.substr(0, dot);
    return file_stem_for(base);
}

std::string ending_of(const std::string& filename) {
    const auto dot = filename.rfind('.');
    return dot == std::string::npos ? std::string() : lower(filename.substr(dot));
}

// Removes a file waiting in incoming/ (and what SQLite may have left beside it) when it goes out of scope.
struct Incoming {
    std::string path;
    ~Incoming() {
        for (const char* extra : {"", "-journal", "-wal", "-shm", ".recovery.jsonl"}) ::unlink((path + extra).c_str());
    }
};

}  // namespace

std::string first_problem(const Diagnostics& diags, const std::string& fallback) {
    for (const auto& d : diags.items()) {
        if (d.severity != Severity::Error) continue;
        std::string where = d.line > 0 ? "line " + std::to_string(d.line) + (d.column > 0 ? ", column " + std::to_string(d.column) : "") + ": " : "";
        return where + d.message + (d.hint.empty() ? "" : ". " + d.hint);
    }
    return fallback;
}

std::string save_base(const httplib::Request& req) {
    const std::string v = req.get_header_value("If-Match");
    return v == "new" ? std::string() : v;
}

BoardStore::BoardStore(const std::string& root, std::size_t max_bytes, std::size_t max_files)
    : root_(root), max_bytes_(max_bytes), max_files_(max_files) {
    struct stat st;
    if (::lstat(root_.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) store_ = std::make_unique<DocStore>(root_);
}

bool BoardStore::ensure(StoreError& err) {
    bool ok = make_folder(root_);
    for (const char* sub : {"kiosk", "paper", "incoming"}) ok = ok && make_folder(root_ + "/" + sub);
    if (!ok) {
        err = {500, std::string("the boards folder cannot be made: ") + std::strerror(errno)};
        return false;
    }
    if (!store_) store_ = std::make_unique<DocStore>(root_);
    return true;
}

std::string BoardStore::incoming_path(const std::string& ending) const {
    static thread_local std::mt19937_64 random{std::random_device{}()};
    return root_ + "/incoming/" + std::to_string(random()) + ending;
}

std::vector<BoardFile> BoardStore::list() const {
    std::vector<BoardFile> out;
    for (const char* kind : kKinds) {
        const std::string dir = root_ + "/" + kind;
        DIR* d = ::opendir(dir.c_str());
        if (!d) continue;
        while (dirent* e = ::readdir(d)) {
            const std::string name = e->d_name;
            struct stat st;
            if (!is_safe_name(name) || !has_ending(name, ".db") || ::lstat((dir + "/" + name).c_str(), &st) != 0 ||
                !S_ISREG(st.st_mode))
                continue;
            out.push_back({name, kind, static_cast<long long>(st.st_size), static_cast<long long>(st.st_mtime)});
        }
        ::closedir(d);
    }
    std::sort(out.begin(), out.end(), [](const BoardFile& a, const BoardFile& b) {
        return a.kind != b.kind ? a.kind < b.kind : a.name < b.name;
    });
    return out;
}

std::vector<std::string> BoardStore::answers_paths() const {
    std::vector<std::string> out;
    for (const auto& f : list()) out.push_back(root_ + "/" + f.kind + "/" + f.name);
    return out;
}

std::vector<std::string> BoardStore::survey_texts() const {
    std::vector<std::string> out;
    const auto paths = answers_paths();
    if (paths.empty()) return out;
    report::LoadOptions load;
    load.count = false;
    report::ResultSet results;
    Diagnostics diags;
    if (!report::load_results(paths, load, results, diags)) return out;
    auto texts = results.texts;
    std::stable_sort(texts.begin(), texts.end(),
                     [](const report::SurveyText& a, const report::SurveyText& b) { return a.survey.version > b.survey.version; });
    for (const auto& t : texts) out.push_back(t.survey.source);
    return out;
}

bool BoardStore::check_with_kept(const std::string& path, StoreError& err) const {
    std::vector<std::string> paths = answers_paths();
    paths.push_back(path);
    report::LoadOptions load;
    load.count = false;
    report::ResultSet results;
    Diagnostics diags;
    if (report::load_results(paths, load, results, diags)) return true;
    // Messages name the waiting file by its random name: say "this file" instead.
    std::string why = first_problem(diags, "it cannot be read as a kiosk answers file");
    for (std::size_t at; (at = why.find(path)) != std::string::npos;) why.replace(at, path.size(), "this file");
    err = {422, "this file was not kept: " + why};
    return false;
}

bool BoardStore::keep(const std::string& incoming, const std::string& kind_stem, std::string& name, StoreError& err) {
    const std::string kind = kind_stem.substr(0, kind_stem.find('/'));
    const std::string stem = kind_stem.substr(kind.size() + 1);
    for (int n = 1; n < 1000; ++n) {
        name = stem + (n == 1 ? "" : "-" + std::to_string(n)) + ".db";
        const std::string dest = root_ + "/" + kind + "/" + name;
        if (::link(incoming.c_str(), dest.c_str()) == 0) {
            ::chmod(dest.c_str(), 0444);  // read-only: the studio never changes an answers file
            int dfd = ::open((root_ + "/" + kind).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (dfd >= 0) {
                ::fsync(dfd);
                ::close(dfd);
            }
            return true;
        }
        if (errno != EEXIST) break;
    }
    err = {500, std::string("the file could not be kept: ") + std::strerror(errno)};
    return false;
}

bool BoardStore::add_kiosk_file(const std::string& filename, const std::string& bytes, std::string& name,
                                StoreError& err) {
    const std::string ending = ending_of(filename);
    if (ending != ".db" && ending != ".sqlite" && ending != ".sqlite3") {
        err = {415, "a kiosk answers file ends in .db (the kiosk's Export answers makes one)"};
        return false;
    }
    if (bytes.size() > max_bytes_) {
        err = {413, "that file is too large (" + std::to_string(max_bytes_ >> 20) + " MB at most)"};
        return false;
    }
    if (bytes.size() < 100 || bytes.compare(0, 16, std::string("SQLite format 3\0", 16)) != 0) {
        err = {415, "that is not a kiosk answers file: it is not an SQLite database"};
        return false;
    }
    std::lock_guard<std::mutex> one(lock_);
    if (!ensure(err)) return false;
    if (list().size() >= max_files_) {
        err = {413, "the board already has " + std::to_string(max_files_) + " answers files, the most it keeps"};
        return false;
    }
    Incoming in{incoming_path(".db")};
    if (!write_file(in.path, bytes)) {
        err = {500, std::string("cannot keep the file: ") + std::strerror(errno) + ". Check the disk is not full."};
        return false;
    }
    return check_with_kept(in.path, err) && keep(in.path, std::string("kiosk/") + upload_stem(filename), name, err);
}

bool BoardStore::add_paper(const PaperUpload& up, std::string& name, StoreError& err) {
    if (ending_of(up.filename) != ".csv") {
        err = {415, "typed-up paper answers are a .csv file (the first line is response_id,respondent, then the question ids)"};
        return false;
    }
    if (up.csv.size() > max_bytes_) {
        err = {413, "that file is too large"};
        return false;
    }
    if (trim(up.event).empty() || up.event.size() > 80) {
        err = {400, "give the event the paper forms came from (at most 80 letters)"};
        return false;
    }
    if (up.survey_text.empty()) {
        err = {400, "upload a kiosk answers file of this survey first, or choose the survey the forms printed"};
        return false;
    }
    std::lock_guard<std::mutex> one(lock_);
    if (!ensure(err)) return false;
    if (list().size() >= max_files_) {
        err = {413, "the board already has " + std::to_string(max_files_) + " answers files, the most it keeps"};
        return false;
    }
    const std::string stem = upload_stem(up.filename);
    // The import names the CSV in its messages and in the forms' identity:
    // it reads it under the uploaded name, in a folder of its own.
    const std::string dir = incoming_path("");
    if (::mkdir(dir.c_str(), 0700) != 0) {
        err = {500, "cannot make a folder for the import"};
        return false;
    }
    struct RemoveDir {  // made first, so it goes after the files in it
        std::string d;
        ~RemoveDir() { ::rmdir(d.c_str()); }
    } remove_dir{dir};
    Incoming csv{dir + "/" + stem + ".csv"}, survey{dir + "/survey.md"}, db{dir + "/answers.db"};
    if (!write_file(csv.path, up.csv) || !write_file(survey.path, up.survey_text)) {
        err = {500, "cannot keep the file. Check the disk is not full."};
        return false;
    }
    report::ImportRequest req;
    req.csv_path = csv.path;
    req.survey_path = survey.path;
    req.db_path = db.path;
    req.event = trim(up.event);
    req.date = up.date;
    report::ImportSummary summary;
    Diagnostics diags;
    if (report::import_paper_answers(req, summary, diags) != 0) {
        err = {422, "the paper answers were not kept: " + first_problem(diags, "the file cannot be read")};
        return false;
    }
    if (!check_with_kept(db.path, err)) return false;
    if (!keep(db.path, "paper/" + stem, name, err)) return false;
    // The CSV as typed, beside its answers file, read-only too.
    const std::string kept_csv = root_ + "/paper/" + name.substr(0, name.size() - 3) + ".csv";
    if (::link(csv.path.c_str(), kept_csv.c_str()) == 0) ::chmod(kept_csv.c_str(), 0444);
    return true;
}

bool BoardStore::read_actions(StoredFile& out, StoreError& err) const {
    if (store_ && store_->read("actions.md", out, err, 1u << 20)) return true;
    if (store_ && err.status != 404) return false;
    out = StoredFile{"actions.md", {}, {}};
    return true;
}

bool BoardStore::write_actions(const std::string& text, const std::string& base, std::string& version,
                               StoreError& err) {
    std::lock_guard<std::mutex> one(lock_);
    return ensure(err) && store_->write("actions.md", text, base, version, nullptr, err);
}

bool BoardStore::has_actions() const {
    struct stat st;
    return ::stat(actions_path().c_str(), &st) == 0 && st.st_size > 0;
}

}  // namespace easyread::studio
