#include "survey/recovery.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>

#include "base/file_names.hpp"
#include "survey/response_columns.hpp"

namespace easyread::survey {

namespace {

struct CloseDb {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
};
using MemoryDb = std::unique_ptr<sqlite3, CloseDb>;

// SQLite's json functions need a connection; an in-memory one touches no file,
// so it works even when the answers database is the thing that failed.
MemoryDb json_engine() {
    sqlite3* db = nullptr;
    sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, nullptr);
    return MemoryDb(db);
}

std::string parent_dir(const std::string& path) {
    std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
}

void sync_dir(const std::string& path) {
    int fd = ::open(parent_dir(path).c_str(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

}  // namespace

std::string response_to_json(const Response& r) {
    MemoryDb db = json_engine();
    std::string answers = "[]";
    Statement add(db.get(), "SELECT json_insert(?1, '$[#]', json_object('q', ?2, 'v', ?3))");
    for (const auto& a : r.answers) {
        add.bind(1, answers).bind(2, a.question_id).bind(3, a.value);
        if (add.step() == SQLITE_ROW) answers = add.text(0);
        add.reset();
    }
    Statement obj(db.get(),
                  "SELECT json_object('uuid', ?1, 'survey_id', ?2, 'survey_version', ?3, 'survey_hash', ?4, "
                  "'document', ?5, 'event', ?6, 'device_id', ?7, 'respondent', ?8, 'started_at', ?9, "
                  "'finished_at', ?10, 'source', ?11, 'local_date', ?13, 'zone', ?14, 'answers', json(?12))");
    obj.bind(1, r.uuid).bind(2, r.survey_id).bind(3, std::int64_t{r.survey_version}).bind(4, r.survey_hash);
    obj.bind(5, r.document).bind(6, r.event).bind(7, r.device_id).bind(8, r.respondent);
    obj.bind(9, r.started_at).bind(10, r.finished_at).bind(11, r.source).bind(12, answers);
    obj.bind(13, r.local_date).bind(14, r.zone);
    std::string line = obj.step() == SQLITE_ROW ? obj.text(0) : std::string();
    if (r.unfinished && !line.empty()) {  // only then: finished lines stay as they always were
        Statement mark(db.get(), "SELECT json_set(?1, '$.unfinished', 1)");
        mark.bind(1, line);
        if (mark.step() == SQLITE_ROW) line = mark.text(0);
    }
    return line;
}

bool response_from_json(const std::string& line, Response& out) {
    MemoryDb db = json_engine();
    Statement st(db.get(),
                 "SELECT json_extract(?1, '$.uuid'), json_extract(?1, '$.survey_id'), "
                 "json_extract(?1, '$.survey_version'), json_extract(?1, '$.survey_hash'), "
                 "json_extract(?1, '$.document'), json_extract(?1, '$.event'), json_extract(?1, '$.device_id'), "
                 "json_extract(?1, '$.respondent'), json_extract(?1, '$.started_at'), "
                 "json_extract(?1, '$.finished_at'), json_extract(?1, '$.source'), "
                 "coalesce(json_extract(?1, '$.unfinished'), 0), '', "
                 "coalesce(json_extract(?1, '$.local_date'), ''), coalesce(json_extract(?1, '$.zone'), '') "
                 "WHERE json_valid(?1) AND json_type(?1) = 'object'");
    st.bind(1, line);
    if (st.step() != SQLITE_ROW) return false;
    Response r = response_from_columns(st);
    Respondent who;
    if (!looks_like_uuid(r.uuid) || r.survey_id.empty() || r.survey_version < 1 ||
        !respondent_from_value(r.respondent, who) || r.finished_at.empty())
        return false;
    Statement answers(db.get(), "SELECT json_extract(value, '$.q'), json_extract(value, '$.v') "
                                "FROM json_each(?1, '$.answers')");
    answers.bind(1, line);
    int rc;
    while ((rc = answers.step()) == SQLITE_ROW) r.answers.push_back({answers.text(0), answers.text(1)});
    if (rc != SQLITE_DONE) return false;
    out = std::move(r);
    return true;
}

bool append_recovery(const std::string& path, const Response& response, std::string& error) {
    std::string line = response_to_json(response);
    if (line.empty()) {
        error = "could not write the response as JSON";
        return false;
    }
    int fd = ::open(path.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        error = path + ": " + std::strerror(errno);
        return false;
    }
    // A power cut can leave a half line; start on a fresh line so the next
    // response is not glued to it.
    off_t size = ::lseek(fd, 0, SEEK_END);
    char last = '\n';
    if (size > 0) {
        if (::pread(fd, &last, 1, size - 1) != 1) last = '\n';
    }
    std::string bytes = (last == '\n' ? "" : "\n") + line + "\n";
    bool ok = write_all(fd, bytes) && ::fsync(fd) == 0;
    if (!ok) error = path + ": " + std::strerror(errno);
    ::close(fd);
    if (ok && size == 0) sync_dir(path);  // the new file's name must survive a power cut too
    return ok;
}

RecoveryContents read_recovery(const std::string& path) {
    RecoveryContents out;
    std::ifstream in(path, std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        Response r;
        if (response_from_json(line, r)) out.responses.push_back(std::move(r));
        else out.unreadable_lines.push_back(line);
    }
    return out;
}

bool rewrite_recovery(const std::string& path, const std::vector<std::string>& keep_lines, std::string& error) {
    if (keep_lines.empty()) {
        if (::unlink(path.c_str()) != 0 && errno != ENOENT) {
            error = path + ": " + std::strerror(errno);
            return false;
        }
        sync_dir(path);
        return true;
    }
    std::string tmp = path + ".tmp";
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        error = tmp + ": " + std::strerror(errno);
        return false;
    }
    std::string bytes;
    for (const auto& l : keep_lines) bytes += l + "\n";
    bool ok = write_all(fd, bytes) && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0) {
        error = path + ": " + std::strerror(errno);
        ::unlink(tmp.c_str());
        return false;
    }
    sync_dir(path);
    return true;
}

}  // namespace easyread::survey
