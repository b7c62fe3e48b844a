// The one place the studio reads and writes files: every path is confined to
// the documents folder, every write is atomic (temporary file, fsync,
// rename, fsync of the folder), and every document has a version (a hash of
// its bytes), so a save based on an old version is refused, never applied.
// Team mode will put accounts in front of this store, not beside it.
#pragma once
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace easyread::studio {

// Why a store call failed, in words an officer can act on.
struct StoreError {
    int status = 0;  // the HTTP status it maps to (400, 404, 409, 413, 500)
    std::string message;
};

struct StoredFile {
    std::string name;  // relative to the folder, '/'-separated
    std::string bytes;
    std::string version;
};

struct FileEntry {
    std::string name;
    long long size = 0;
    long long modified = 0;  // seconds since 1970
};

// A version is the FNV-1a hash of the bytes, as 16 hex digits: a file the
// command line changed has a new version as surely as one the studio saved.
std::string version_of(const std::string& bytes);

// True when `name` is a relative path the store accepts: parts of letters,
// digits, space, '-', '_', '.', and any UTF-8; no part empty, "." or "..",
// none starting with '.', no backslash or control character, at most 3 parts
// and 200 bytes.
bool is_safe_name(const std::string& name);

class DocStore {
public:
    // `folder` must exist; it is resolved once (realpath) and every path is
    // checked against it.
    explicit DocStore(const std::string& folder);
    const std::string& folder() const { return root_; }

    // The absolute path for `name`, or empty (and `err`) when it is not a safe
    // name or resolves outside the folder (a symbolic link out, included).
    std::string resolve(const std::string& name, StoreError& err) const;

    bool read(const std::string& name, StoredFile& out, StoreError& err, std::size_t max_bytes = 64u << 20) const;
    // Writes `bytes` when the file's current version is `base_version`
    // ("" for a file that must not exist yet; "*" for any). On a version
    // clash returns false with status 409 and the current file in `current`.
    bool write(const std::string& name, const std::string& bytes, const std::string& base_version,
               std::string& new_version, StoredFile* current, StoreError& err);
    // Files in the folder (not below it) whose names end in one of `endings`.
    std::vector<FileEntry> list(const std::vector<std::string>& endings) const;
    bool exists(const std::string& name) const;

    // Team mode: every version a write replaces or makes is also kept in
    // `folder` (one folder per document), for the history and restore.
    void keep_history(const std::string& folder) { history_ = folder; }
    bool keeps_history() const { return !history_.empty(); }
    struct Version {
        std::string version;
        long long time_ms = 0;  // when it was saved
        long long size = 0;
    };
    // The kept versions of `name`, newest first.
    std::vector<Version> history(const std::string& name) const;
    bool read_version(const std::string& name, const std::string& version, StoredFile& out, StoreError& err) const;

private:
    void remember(const std::string& name, const std::string& bytes) const;
    std::string history_folder(const std::string& name) const;
    std::string history_;
    std::string root_;
    mutable std::mutex lock_;  // one write at a time per folder: versions compare and swap
};

}  // namespace easyread::studio
