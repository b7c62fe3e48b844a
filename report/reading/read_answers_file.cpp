// One pass over every response the report covers, counting as it goes:
// per response only pooled ids and a few counters are touched, so the pass
// holds no response after it has been counted.
#include "report/reading/read_answers_file.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "report/reading/report_filter.hpp"
#include "report/reading/response_stream.hpp"

namespace easyread::report {

bool comment_answer(const survey::Survey* s, const std::string& question) {
    if (question == survey::kAnythingElseId) return true;
    if (!s) return false;
    for (const auto& q : s->questions)
        if (q.id == question || (q.each_page && page_number(question, q.id) > 0)) return q.is_comment();
    return false;
}

std::uint32_t edition_index(ResultSet& out, int version, const std::string& hash, const std::string& document) {
    auto key = std::make_tuple(version, hash, document);
    auto it = out.edition_index.find(key);
    if (it != out.edition_index.end()) return it->second;
    Edition e;
    e.version = version;
    e.hash = hash;
    e.document = document;
    out.editions.push_back(std::move(e));
    out.used_questions.emplace_back();
    return out.edition_index.emplace(key, static_cast<std::uint32_t>(out.editions.size() - 1)).first->second;
}

bool is_day(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

namespace {

struct CellKey {
    std::uint32_t a = 0, b = 0, c = 0, d = 0, e = 0;
    bool operator==(const CellKey& o) const { return a == o.a && b == o.b && c == o.c && d == o.d && e == o.e; }
};

struct CellHash {
    std::size_t operator()(const CellKey& k) const {
        std::uint64_t h = k.a;
        for (std::uint32_t v : {k.b, k.c, k.d, k.e}) h = (h ^ v) * 0x9E3779B97F4A7C15ull;
        return static_cast<std::size_t>(h ^ (h >> 29));
    }
};


class Counter {
public:
    Counter(ResultSet& out, const std::vector<SurveyText>& texts) : out_(out), texts_(texts) {}
    ResultSet& out() { return out_; }

    void take(const StreamResponse& r) {
        ++out_.responses;
        const std::uint32_t edition = edition_of(r);
        const std::uint32_t event = out_.names.id(r.event);
        // Files before schema 5 keep no day: the UTC hour stands for it until
        // the report turns it into a local day (tally.cpp).
        const std::uint32_t day = is_day(r.local_date) ? out_.days.id(r.local_date)
                                                       : out_.days.id(r.finished_at.data(), std::min<std::size_t>(13, r.finished_at.size()));
        const std::uint32_t respondent = out_.names.id(r.respondent);
        auto [it, fresh] = response_cells_.try_emplace(CellKey{edition, event, day, respondent, r.unfinished ? 1u : 0u},
                                                   out_.response_cells.size());
        if (fresh) {
            ResponseCell cell;
            cell.edition = edition;
            cell.event = event;
            cell.day = day;
            cell.respondent = respondent;
            cell.unfinished = r.unfinished;
            cell.first_at = cell.last_at = r.finished_at;
            out_.response_cells.push_back(std::move(cell));
        }
        ResponseCell& cell = out_.response_cells[it->second];
        ++cell.count;
        if (r.finished_at < cell.first_at) cell.first_at = r.finished_at;
        if (r.finished_at > cell.last_at) cell.last_at = r.finished_at;
        ++out_.editions[edition].responses;

        std::vector<bool>& used = out_.used_questions[edition];
        std::vector<signed char>& comments = comment_[edition];
        const bool selected = out_.selected(r.event);
        // Answer cells of this edition, event and day: [question][value] -> index in answer_cells (-1: none yet).
        auto [g, new_group] = groups_.try_emplace(CellKey{edition, event, day, 0, 0}, answer_groups_.size());
        if (new_group) answer_groups_.emplace_back();
        std::vector<std::vector<long>>& cells = answer_groups_[g->second];
        for (const auto& a : r.answers) {
            const std::uint32_t q = out_.question_ids.id(a.question);
            if (q >= used.size()) used.resize(q + 1, false), comments.resize(q + 1, -1);
            used[q] = true;
            if (r.unfinished) continue;  // counted apart: never in the answers' counts
            if (comments[q] < 0) comments[q] = comment_answer(edition_text_[edition], a.question) ? 1 : 0;
            if (comments[q]) {
                if (selected && !a.value.empty())
                    out_.comments.push_back({edition, event, day, q, r.finished_at, r.uuid, a.value});
                continue;
            }
            const std::uint32_t v = out_.values.id(a.value);
            if (q >= cells.size()) cells.resize(q + 1);
            if (v >= cells[q].size()) cells[q].resize(v + 1, -1);
            long& at = cells[q][v];
            if (at < 0) {
                at = static_cast<long>(out_.answer_cells.size());
                out_.answer_cells.push_back({edition, event, day, q, v, 0});
            }
            ++out_.answer_cells[static_cast<std::size_t>(at)].count;
        }
    }

private:
    ResultSet& out_;
    const std::vector<SurveyText>& texts_;
    std::unordered_map<CellKey, std::size_t, CellHash> response_cells_, groups_;
    std::vector<std::vector<std::vector<long>>> answer_groups_;
    std::vector<const survey::Survey*> edition_text_;
    std::vector<std::vector<signed char>> comment_;  // per edition, per question id: -1 not yet known
    long last_edition_ = -1;  // almost every response is of the same edition as the one before

    std::uint32_t edition_of(const StreamResponse& r) {
        if (last_edition_ >= 0) {
            const Edition& e = out_.editions[static_cast<std::size_t>(last_edition_)];
            if (e.version == r.version && e.hash == r.hash && e.document == r.document)
                return static_cast<std::uint32_t>(last_edition_);
        }
        const std::uint32_t e = edition_index(out_, r.version, r.hash, r.document);
        while (edition_text_.size() < out_.editions.size()) {
            const Edition& added = out_.editions[edition_text_.size()];
            const SurveyText* text = text_for(texts_, added.version, added.hash);
            edition_text_.push_back(text ? &text->survey : nullptr);
            comment_.emplace_back();
        }
        last_edition_ = e;
        return e;
    }
};

}  // namespace

struct AnswerCounter::Cells {
    Counter counter;
    explicit Cells(ResultSet& out) : counter(out, out.texts) {}
};

AnswerCounter::AnswerCounter(ResultSet& out) : cells_(std::make_unique<Cells>(out)) {}
AnswerCounter::~AnswerCounter() = default;

void AnswerCounter::take(const StreamResponse& r) { cells_->counter.take(r); }

bool AnswerCounter::finish(const ResponseStream& stream, Diagnostics& diags) {
    ResultSet& out = cells_->counter.out();
    if (stream.failed()) {
        stream.report_failure(diags);
        return false;
    }
    out.inputs = stream.inputs();
    out.counted = true;
    // Said as merge says it, as merge decides the same way.
    bool ok = true;
    for (const auto& c : stream.clashes()) {
        const std::string& kept_file = out.inputs[c.kept_input].path;
        const std::string& left_file = out.inputs[c.left_input].path;
        if (!c.resolved) {
            ok = false;
            diags.error(left_file, 0, 0, "report-conflict",
                        "response " + c.uuid + " is also in " + kept_file + " with other answers. There: " + c.kept +
                            ". Here: " + c.left + ".",
                        "Decide which is right: correct the paper forms' file and import it again with --replace, "
                        "or leave the wrong file out of the report.");
            continue;
        }
        diags.warning(kept_file, 0, 0, "report-correction",
                      "response " + c.uuid + " differs in " + left_file + ": the correction of " +
                          words_date(c.corrected_at) + " in " + kept_file + " is counted (" + c.kept +
                          "), not the answers in " + left_file + " (" + c.left + ").",
                      "Check the counted answers are right; merge keeps the same version.");
    }
    // The report quotes comments oldest first.
    std::sort(out.comments.begin(), out.comments.end(), [](const CommentRow& a, const CommentRow& b) {
        return a.finished_at != b.finished_at ? a.finished_at < b.finished_at : a.uuid < b.uuid;
    });
    return ok;
}


bool count_answers(ResultSet& out, Diagnostics& diags) {
    AnswerCounter counter(out);
    ResponseStream stream(out);
    while (const StreamResponse* r = stream.next()) counter.take(*r);
    return counter.finish(stream, diags);
}

}  // namespace easyread::report
