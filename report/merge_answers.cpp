#include "report/merge_answers.hpp"

#include <sqlite3.h>
#include <sys/stat.h>

#include <algorithm>
#include <map>
#include <vector>

#include "report/reading/answers_file.hpp"
#include "report/reading/report_filter.hpp"
#include "survey/answer_counts.hpp"
#include "survey/recovery.hpp"
#include "survey/response_columns.hpp"
#include "survey/sqlite_statement.hpp"
#include "survey/store.hpp"
#include "generator/render/output_file.hpp"

namespace easyread::report {

namespace {

struct SurveySeen {
    std::string hash, file;
};

// A text as an SQL string literal.
std::string quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

class Merger {
public:
    Merger(sqlite3* out, MergeSummary& summary, Diagnostics& diags) : db_(out), summary_(summary), diags_(diags) {}

    bool add(const ReadOnlyAnswersFile& in) {
        std::string error;
        survey::Statement attach(db_, "ATTACH DATABASE ? AS src");
        attach.bind(1, in.read_only_uri());
        if (int rc = attach.step(); rc != SQLITE_DONE) return fail(in.path(), sqlite3_errmsg(db_), rc);
        bool ok = surveys_agree(in) && agrees_with_earlier(in) && copy(in);
        survey::exec_sql(db_, "DETACH DATABASE src");
        return ok;
    }

private:
    sqlite3* db_;
    MergeSummary& summary_;
    Diagnostics& diags_;
    std::map<std::pair<std::string, long>, SurveySeen> surveys_;

    bool fail(const std::string& path, const std::string& why, int code) {
        // Damage met while copying is the same "damaged" as at opening.
        if ((code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB) {
            report_damaged(path, why, diags_);
            return false;
        }
        diags_.error(path, 0, 0, "merge-failed", "cannot copy the answers from this file (" + why + ")",
                     "Nothing was written. Check the disk has room, then run again.");
        return false;
    }

    // Two different survey files that both call themselves the same version
    // cannot share one surveys table without mixing their answers.
    bool surveys_agree(const ReadOnlyAnswersFile& in) {
        if (!in.has_surveys_table()) return true;
        survey::Statement st(db_, "SELECT survey_id, version, hash FROM src.surveys");
        bool ok = true;
        while (st.step() == SQLITE_ROW) {
            auto key = std::make_pair(st.text(0), static_cast<long>(st.integer(1)));
            auto [it, fresh] = surveys_.emplace(key, SurveySeen{st.text(2), in.path()});
            if (fresh || it->second.hash == st.text(2)) continue;
            ok = false;
            diags_.error(in.path(), 0, 0, "survey-clash",
                         "this file and " + it->second.file + " hold two different surveys that are both \"" +
                             key.first + "\" version " + std::to_string(key.second),
                         "Their answers must stay apart: report on each file alone, or merge them into "
                         "separate files. Next time, change the version line whenever the survey changes.");
        }
        return ok;
    }

    // One response (one id) with different answers in two files is a conflict:
    // keeping either would make the result depend on the order of the files,
    // so both versions are shown and nothing is written. A paper form
    // corrected on import says when (corrected_at): then the later correction
    // is kept, in either order, and both versions are still shown.
    bool agrees_with_earlier(const ReadOnlyAnswersFile& in) {
        auto answers_of = [](const char* schema) {
            return std::string("(SELECT group_concat(qv, '; ') FROM (SELECT question_id || '=' || value AS qv FROM ") +
                   schema + ".answers WHERE response_uuid = s.uuid ORDER BY question_id))";
        };
        const std::string corrected_here = in.schema() >= 4 ? "s.corrected_at" : "''";
        const std::string sql = "SELECT s.uuid, s.respondent, " + answers_of("src") + ", m.respondent, " +
                                answers_of("main") + ", coalesce(o.file, ''), " + corrected_here +
                                ", m.corrected_at FROM src.responses s JOIN main.responses m "
                                "ON m.uuid = s.uuid LEFT JOIN temp.origin o ON o.uuid = s.uuid";
        survey::Statement st(db_, sql.c_str());
        bool ok = true;
        std::vector<std::string> superseded;  // earlier versions this file's later corrections replace
        while (st.step() == SQLITE_ROW) {
            const std::string here = "respondent " + st.text(1) + "; " + st.text(2);
            const std::string there = "respondent " + st.text(3) + "; " + st.text(4);
            if (here == there) continue;
            const std::string other = st.text(5).empty() ? "an earlier file" : st.text(5);
            const std::string when_here = st.text(6), when_there = st.text(7);
            if (when_here == when_there) {
                ok = false;
                diags_.error(in.path(), 0, 0, "merge-conflict",
                             "response " + st.text(0) + " is also in " + other + " with other answers. There: " +
                                 there + ". Here: " + here + ".",
                             "Decide which is right: correct the paper forms' file and import it again with "
                             "--replace, or leave the wrong file out of the merge.");
                continue;
            }
            const bool here_later = when_here > when_there;
            ++summary_.corrected;
            if (here_later) superseded.push_back(st.text(0));
            const std::string kept_file = here_later ? in.path() : other, left_file = here_later ? other : in.path();
            const std::string& kept = here_later ? here : there;
            const std::string& left = here_later ? there : here;
            diags_.warning(in.path(), 0, 0, "merge-correction",
                           "response " + st.text(0) + " differs in " + other + ": the correction of " +
                               words_date(std::max(when_here, when_there)) + " in " + kept_file + " is kept (" +
                               kept + "), not the answers in " + left_file + " (" + left + ").",
                           "Check the kept answers are right; nothing else is needed.");
        }
        for (const auto& uuid : superseded) {
            survey::Statement drop_answers(db_, "DELETE FROM main.answers WHERE response_uuid = ?");
            drop_answers.bind(1, uuid);
            survey::Statement drop_head(db_, "DELETE FROM main.responses WHERE uuid = ?");
            drop_head.bind(1, uuid);
            survey::Statement drop_origin(db_, "DELETE FROM temp.origin WHERE uuid = ?");
            drop_origin.bind(1, uuid);
            if (drop_answers.step() != SQLITE_DONE || drop_head.step() != SQLITE_DONE ||
                drop_origin.step() != SQLITE_DONE)
                return fail(in.path(), sqlite3_errmsg(db_), sqlite3_extended_errcode(db_));
            --summary_.responses;
        }
        return ok;
    }

    bool copy(const ReadOnlyAnswersFile& in) {
        if (int rc = survey::exec_sql(db_, "BEGIN IMMEDIATE"); rc != SQLITE_OK) return fail(in.path(), sqlite3_errmsg(db_), rc);
        std::string error;
        const long total = number("SELECT COUNT(*) FROM src.responses");
        // The counts the input keeps (schema 6), to add whole when it is copied whole.
        const bool keeps_counts = in.schema() >= 6;
        const long kept_responses = keeps_counts ? number("SELECT total(count) FROM src.response_counts") : -1;
        const long kept_answers = keeps_counts ? number("SELECT total(count) FROM src.answer_counts") : -1;
        std::vector<std::string> triggers;
        int rc = set_triggers_aside(triggers, error);
        long fresh = 0, answers = 0;
        auto run = [&](const std::string& sql, long* changed = nullptr) {
            if (rc == SQLITE_OK) rc = survey::exec_sql(db_, sql.c_str(), &error);
            if (rc == SQLITE_OK && changed) *changed = static_cast<long>(sqlite3_changes64(db_));
        };
        run("CREATE TEMP TABLE fresh (uuid TEXT PRIMARY KEY)");
        run("INSERT INTO temp.fresh SELECT uuid FROM src.responses WHERE uuid NOT IN (SELECT uuid FROM main.responses)",
            &fresh);
        // In id order, the order the merged file keeps them in (schema 7): each added at the end.
        run("INSERT INTO main.responses (" + std::string(survey::kResponseColumns) + ") SELECT " + in.response_columns() +
            " FROM src.responses WHERE uuid IN temp.fresh ORDER BY uuid");
        run("INSERT INTO main.answers (response_uuid, question_id, position, value) SELECT response_uuid, question_id, " +
                in.answer_position() + ", value FROM src.answers WHERE response_uuid IN temp.fresh",
            &answers);
        if (triggers.size() == 2) {
            // Everything copied, and the input's counts add up to it: they are added as kept;
            // else the copied rows are counted (GROUP BY, what the triggers would have added).
            const bool whole = fresh == total && kept_responses == total && kept_answers == answers;
            run(whole ? survey::add_kept_counts("src", "main") : survey::add_counts_of("main", "temp.fresh"));
            for (const std::string& sql : triggers) run(sql);
        }
        if (in.has_surveys_table())
            run("INSERT OR IGNORE INTO main.surveys SELECT survey_id, version, hash, title, source, first_used_at FROM src.surveys");
        run("INSERT OR IGNORE INTO temp.origin SELECT uuid, " + quoted(in.path()) + " FROM temp.fresh");
        run("DROP TABLE temp.fresh");
        int added_before = summary_.responses;
        if (rc == SQLITE_OK) {
            summary_.responses = static_cast<int>(number("SELECT COUNT(*) FROM main.responses"));
            summary_.duplicates += static_cast<int>(total) - (summary_.responses - added_before);
            rc = recovered(in.path(), error);
        }
        if (rc == SQLITE_OK) rc = survey::exec_sql(db_, "COMMIT", &error);
        if (rc != SQLITE_OK) {
            survey::exec_sql(db_, "ROLLBACK");
            survey::exec_sql(db_, "DROP TABLE IF EXISTS temp.fresh");
            return fail(in.path(), error.empty() ? sqlite3_errstr(rc) : error, rc);
        }
        return true;
    }

    long number(const char* sql) {
        survey::Statement st(db_, sql);
        return st.step() == SQLITE_ROW ? static_cast<long>(st.integer(0)) : -1;
    }

    // Drops the triggers that count each inserted row, returning the SQL that
    // makes them again (the caller runs it in the same transaction).
    int set_triggers_aside(std::vector<std::string>& made_by, std::string& error) {
        for (const char* name : survey::kInsertCountTriggers) {
            survey::Statement st(db_, "SELECT sql FROM main.sqlite_schema WHERE type = 'trigger' AND name = ?");
            st.bind(1, name);
            if (st.step() == SQLITE_ROW) made_by.push_back(st.text(0));
        }
        if (made_by.size() != 2) {  // not a file that keeps counts: nothing to set aside
            made_by.clear();
            return SQLITE_OK;
        }
        for (const char* name : survey::kInsertCountTriggers)
            if (int rc = survey::exec_sql(db_, ("DROP TRIGGER main." + std::string(name)).c_str(), &error); rc != SQLITE_OK)
                return rc;
        return SQLITE_OK;
    }

    // Responses waiting in the recovery file beside the input are answers too.
    int recovered(const std::string& path, std::string& error) {
        survey::RecoveryContents rec = survey::read_recovery(path + ".recovery.jsonl");
        if (!rec.unreadable_lines.empty())
            diags_.warning(path + ".recovery.jsonl", 0, 0, "recovery-unreadable",
                           std::to_string(rec.unreadable_lines.size()) + " lines cannot be read, so they are not merged",
                           "Keep the file: someone may be able to rescue those answers.");
        survey::ResponseWriter writer(db_, "main");
        for (survey::Response r : rec.responses) {
            r.source = "recovery";
            bool added = false;
            int rc = writer.write(r, added);
            if (rc != SQLITE_DONE) return error = sqlite3_errmsg(db_), rc;
            if (!added) {
                ++summary_.duplicates;
                continue;
            }
            ++summary_.responses;
            ++summary_.from_recovery;
        }
        return SQLITE_OK;
    }
};

bool exists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

}  // namespace

bool merge_answers(const std::vector<std::string>& inputs, const std::string& output, MergeSummary& summary,
                   Diagnostics& diags) {
    summary = MergeSummary{};
    if (exists(output)) {
        diags.error(output, 0, 0, "output-exists", "this file already exists, and merge never writes over a file",
                    "Choose a new name for the merged file, or move the old one away first.");
        return false;
    }
    std::vector<ReadOnlyAnswersFile> dbs(inputs.size());
    bool ok = !inputs.empty();
    for (std::size_t i = 0; i < inputs.size(); ++i) ok = dbs[i].open(inputs[i], diags) && ok;
    if (!ok) return false;

    const std::string tmp = temp_path_for(output);
    {
        // The kiosk's own store makes the schema, so the merged file is one the kiosk could have written.
        survey::StoreOptions so;
        so.replay_recovery = false;
        survey::Store store(tmp, so);
        if (!store.ok()) {
            diags.error(output, 0, 0, "cannot-write", store.status().words, "Choose a folder you can write to.");
            std::remove(tmp.c_str());
            return false;
        }
    }
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(tmp.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, nullptr);
    // One self-contained file for a memory stick: no -wal beside it.
    if (rc == SQLITE_OK) rc = survey::exec_sql(db, "PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL;");
    // Which input each response came from, to name both files of a conflict.
    if (rc == SQLITE_OK) rc = survey::exec_sql(db, "CREATE TEMP TABLE origin (uuid TEXT PRIMARY KEY, file TEXT)");
    if (rc != SQLITE_OK) {
        cannot_write(output, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc), diags);
        sqlite3_close_v2(db);
        std::remove(tmp.c_str());
        return false;
    }
    Merger merger(db, summary, diags);
    for (const auto& in : dbs) {
        if (!merger.add(in)) {
            ok = false;
            break;
        }
    }
    sqlite3_close_v2(db);
    if (!ok) {
        std::remove(tmp.c_str());
        return false;
    }
    return commit_output(tmp, output, diags);
}

}  // namespace easyread::report
