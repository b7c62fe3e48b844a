#include "studio/doc_store.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iterator>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>

#include "base/file_names.hpp"
#include "base/text_util.hpp"

namespace easyread::studio {

std::string version_of(const std::string& bytes) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

bool is_safe_name(const std::string& name) {
    if (name.empty() || name.size() > 200) return false;
    int parts = 0;
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t end = name.find('/', start);
        if (end == std::string::npos) end = name.size();
        std::string part = name.substr(start, end - start);
        if (part.empty() || part[0] == '.' || part.back() == ' ' || part[0] == ' ') return false;
        for (unsigned char c : part)
            if (c < 0x20 || c == 0x7f || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' ||
                c == '>' || c == '|')
                return false;
        if (++parts > 3) return false;
        start = end + 1;
    }
    return true;
}

namespace {

std::string real_path(const std::string& p) {
    char buf[PATH_MAX];
    if (!::realpath(p.c_str(), buf)) return {};
    return buf;
}

bool inside(const std::string& path, const std::string& root) {
    return path == root || (path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
                            (root == "/" || path[root.size()] == '/'));
}

std::string folder_of(const std::string& path) {
    auto slash = path.rfind('/');
    return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

DocStore::DocStore(const std::string& folder) : root_(real_path(folder)) {}

std::string DocStore::resolve(const std::string& name, StoreError& err) const {
    if (root_.empty()) {
        err = {500, "the documents folder cannot be found"};
        return {};
    }
    if (!is_safe_name(name)) {
        err = {400, "that file name cannot be used: use letters, numbers, spaces, - and _"};
        return {};
    }
    std::string path = root_ + "/" + name;
    // Every folder on the way must be a real folder inside root, never a link.
    std::string parent = folder_of(path);
    std::string real_parent = real_path(parent);
    if (real_parent.empty() || !inside(real_parent, root_) || real_parent != parent) {
        err = {404, "no such folder in the documents folder"};
        return {};
    }
    struct stat st;
    if (::lstat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
        err = {403, "that name is not a plain file in the documents folder"};
        return {};
    }
    return path;
}

bool DocStore::read(const std::string& name, StoredFile& out, StoreError& err, std::size_t max_bytes) const {
    std::string path = resolve(name, err);
    if (path.empty()) return false;
    int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        err = {errno == ENOENT ? 404 : 403, errno == ENOENT ? "there is no file called " + name
                                                            : "cannot open " + name + ": " + std::strerror(errno)};
        return false;
    }
    struct stat st;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        err = {403, name + " is not a plain file"};
        return false;
    }
    if (static_cast<std::size_t>(st.st_size) > max_bytes) {
        ::close(fd);
        err = {413, name + " is too large to open here"};
        return false;
    }
    std::string bytes;
    bytes.resize(static_cast<std::size_t>(st.st_size));
    std::size_t got = 0;
    while (got < bytes.size()) {
        ssize_t n = ::read(fd, &bytes[got], bytes.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    bytes.resize(got);
    out.name = name;
    out.version = version_of(bytes);
    out.bytes = std::move(bytes);
    return true;
}

bool DocStore::exists(const std::string& name) const {
    StoreError err;
    std::string path = resolve(name, err);
    struct stat st;
    return !path.empty() && ::lstat(path.c_str(), &st) == 0;
}

bool DocStore::write(const std::string& name, const std::string& bytes, const std::string& base_version,
                     std::string& new_version, StoredFile* current, StoreError& err) {
    std::string path = resolve(name, err);
    if (path.empty()) return false;
    std::lock_guard<std::mutex> hold(lock_);
    StoredFile now;
    StoreError read_err;
    bool have = read(name, now, read_err);
    if (!have && read_err.status != 404) {
        err = read_err;
        return false;
    }
    if (base_version != "*" && (have ? now.version != base_version : !base_version.empty())) {
        err = {409, have ? name + " was changed somewhere else since you opened it"
                         : name + " is no longer there"};
        if (current) *current = have ? now : StoredFile{name, {}, {}};
        return false;
    }
    // The file as it was before the studio first saved it is kept too.
    if (have && keeps_history() && ends_with(lower(name), ".md") && history(name).empty()) remember(name, now.bytes);
    static thread_local std::mt19937_64 random{std::random_device{}()};
    const std::string dir = folder_of(path);
    const std::string tmp = dir + "/." + path.substr(dir.size() + 1) + ".tmp-" + std::to_string(random() % 1000000000);
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
        err = {500, "cannot save " + name + ": " + std::strerror(errno)};
        return false;
    }
    bool ok = write_all(fd, bytes) && ::fsync(fd) == 0;
    int saved_errno = errno;
    ok = ::close(fd) == 0 && ok;
    if (ok && ::rename(tmp.c_str(), path.c_str()) != 0) {
        saved_errno = errno;
        ok = false;
    }
    if (!ok) {
        ::unlink(tmp.c_str());
        err = {500, "cannot save " + name + ": " + std::strerror(saved_errno ? saved_errno : EIO) +
                        ". Check the disk is not full."};
        return false;
    }
    // The rename is only on disk once the folder itself is.
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    new_version = version_of(bytes);
    if (keeps_history() && ends_with(lower(name), ".md")) remember(name, bytes);
    return true;
}

std::string DocStore::history_folder(const std::string& name) const {
    std::string flat;
    for (char c : name) flat += c == '/' ? std::string("%2F") : c == '%' ? std::string("%25") : std::string(1, c);
    return history_ + "/" + flat;
}

void DocStore::remember(const std::string& name, const std::string& bytes) const {
    const std::string dir = history_folder(name);
    ::mkdir(dir.c_str(), 0700);
    using namespace std::chrono;
    const long long ms = duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    const std::string path = dir + "/" + std::to_string(ms) + "-" + version_of(bytes);
    int fd = ::open((path + ".tmp").c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return;
    bool ok = write_all(fd, bytes) && ::fsync(fd) == 0;
    ok = ::close(fd) == 0 && ok;
    if (ok) ::rename((path + ".tmp").c_str(), path.c_str());
}

std::vector<DocStore::Version> DocStore::history(const std::string& name) const {
    std::vector<Version> out;
    if (!keeps_history() || !is_safe_name(name)) return out;
    const std::string dir = history_folder(name);
    DIR* d = ::opendir(dir.c_str());
    if (!d) return out;
    while (dirent* e = ::readdir(d)) {
        const std::string f = e->d_name;
        auto dash = f.find('-');
        if (dash == std::string::npos || f.size() != dash + 17) continue;
        struct stat st;
        if (::lstat((dir + "/" + f).c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
        out.push_back({f.substr(dash + 1), std::atoll(f.substr(0, dash).c_str()), static_cast<long long>(st.st_size)});
    }
    ::closedir(d);
    std::sort(out.begin(), out.end(), [](const Version& a, const Version& b) { return a.time_ms > b.time_ms; });
    return out;
}

bool DocStore::read_version(const std::string& name, const std::string& version, StoredFile& out,
                            StoreError& err) const {
    for (const auto& v : history(name)) {
        if (v.version != version) continue;
        std::ifstream in(history_folder(name) + "/" + std::to_string(v.time_ms) + "-" + v.version, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (version_of(bytes) != version) break;
        out = {name, bytes, version};
        return true;
    }
    err = {404, "there is no kept version " + version + " of " + name};
    return false;
}

std::vector<FileEntry> DocStore::list(const std::vector<std::string>& endings) const {
    std::vector<FileEntry> out;
    DIR* d = ::opendir(root_.c_str());
    if (!d) return out;
    while (dirent* e = ::readdir(d)) {
        std::string name = e->d_name;
        if (!is_safe_name(name)) continue;
        bool wanted = false;
        for (const auto& end : endings) wanted = wanted || ends_with(lower(name), end);
        if (!wanted) continue;
        struct stat st;
        if (::lstat((root_ + "/" + name).c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
        out.push_back({name, static_cast<long long>(st.st_size), static_cast<long long>(st.st_mtime)});
    }
    ::closedir(d);
    std::sort(out.begin(), out.end(), [](const FileEntry& a, const FileEntry& b) { return a.name < b.name; });
    return out;
}

}  // namespace easyread::studio
