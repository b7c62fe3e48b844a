#include "report/outputs/csv_json_exports.hpp"

#include <array>
#include <cstring>
#include <optional>
#include <unordered_map>

#include "report/outputs/buffered_output.hpp"
#include "base/text_util.hpp"
#include "report/counting/mask_personal_details.hpp"
#include "report/reading/read_answers_file.hpp"
#include "report/reading/response_stream.hpp"

namespace easyread::report {

namespace {

// Question words and answer labels of each edition, looked up once per distinct value.
class AnswerWords {
public:
    explicit AnswerWords(const ResultSet& rs, bool unmasked = false) : rs_(rs), unmasked_(unmasked) {}
    // The answer as stored, comments masked.
    const std::string& value(std::uint32_t edition, const StreamAnswer& a) {
        const Words* w = find(edition, a.question);
        bool comment = !w || w->question->is_comment();
        if (!comment || unmasked_) return a.value;
        masked_ = mask_personal(a.value);
        return masked_;
    }

    // "Happy", "Homes; Jobs"; empty for comments.
    const std::string& label(std::uint32_t edition, const StreamAnswer& a) {
        static const std::string none;
        Words* w = find(edition, a.question);
        if (!w || w->question->is_comment()) return none;
        auto it = w->labels.find(a.value);
        if (it != w->labels.end()) return it->second;
        const survey::Question* q = w->question;
        const std::string& text = a.value;
        std::string words;
        std::size_t start = 0;
        while (true) {
            std::size_t end = q->is_multi() ? text.find(';', start) : std::string::npos;
            std::string part = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
            const survey::Option* o = q->find_option(part);
            words += (words.empty() ? "" : "; ") + (o ? o->label : part);
            if (end == std::string::npos) break;
            start = end + 1;
        }
        return w->labels.emplace(a.value, words).first->second;
    }

private:
    struct Words {
        const survey::Question* question;
        std::unordered_map<std::string, std::string> labels;  // stored value -> its words
    };
    const ResultSet& rs_;
    bool unmasked_;
    std::string masked_;
    std::vector<std::unordered_map<std::string, Words>> questions_;
    // Answers come question after question: the last look-up answers most.
    Words* last_ = nullptr;
    std::uint32_t last_edition_ = 0;
    std::string last_question_;

    Words* find(std::uint32_t edition, const std::string& question) {
        if (last_ && last_edition_ == edition && last_question_ == question) return last_;
        while (questions_.size() <= edition) add_edition(static_cast<std::uint32_t>(questions_.size()));
        auto& known = questions_[edition];
        auto it = known.find(question);
        if (it == known.end()) {
            // A page of a page-by-page question, when the edition's pages are
            // not laid out yet (a CSV counted as it is written): its words and answers are the question's.
            const survey::Question* page = nullptr;
            if (const survey::Survey* s = survey_of(edition))
                for (const auto& q : s->questions)
                    if (q.each_page && page_number(question, q.id) > 0) page = &q;
            if (!page) return nullptr;
            it = known.emplace(question, Words{page, {}}).first;
        }
        last_ = &it->second;
        last_edition_ = edition;
        last_question_ = question;
        return last_;
    }

    // The edition's questions: laid out by load_results, else as its survey text has them.
    const survey::Survey* survey_of(std::uint32_t edition) const {
        const Edition& e = rs_.editions[edition];
        if (e.survey) return &*e.survey;
        const SurveyText* text = text_for(rs_.texts, e.version, e.hash);
        return text ? &text->survey : nullptr;
    }

    void add_edition(std::uint32_t edition) {
        questions_.emplace_back();
        if (const survey::Survey* s = survey_of(edition))
            for (const auto& q : s->questions) questions_.back().emplace(q.id, Words{&q, {}});
    }
};

// The columns every answer of a response shares, in CSV order.
struct Field {
    const char* name;
    const std::string& value;
    bool number = false;
};

// `version` holds the survey version as text for the call's lifetime.
std::array<Field, 10> response_fields(const ResultSet& rs, const StreamResponse& r, const std::string& version) {
    return {{{"response_id", r.uuid},
             {"survey_id", rs.survey_id},
             {"survey_version", version, true},
             {"event", r.event},
             {"respondent", r.respondent},
             {"source", r.source},
             {"started_at", r.started_at},
             {"finished_at", r.finished_at},
             {"local_date", r.local_date},
             {"zone", r.zone}}};
}

// The edition index of each response, remembering the last.
class EditionOf {
public:
    explicit EditionOf(const ResultSet& rs) : rs_(rs) {}
    std::uint32_t operator()(const StreamResponse& r) {
        if (last_ >= 0) {
            const Edition& e = rs_.editions[static_cast<std::size_t>(last_)];
            if (e.version == r.version && e.hash == r.hash && e.document == r.document)
                return static_cast<std::uint32_t>(last_);
        }
        last_ = rs_.edition_of(r.version, r.hash, r.document);
        return static_cast<std::uint32_t>(last_ < 0 ? 0 : last_);  // every streamed response was counted, so found
    }

private:
    const ResultSet& rs_;
    long last_ = -1;
};

// The string as a JSON token, quotes included (json_escape's bytes; most
// strings need no escape, and ten million of them need no new string each).
void json_string(std::string& out, const std::string& s) {
    for (unsigned char c : s)
        if (c == '"' || c == '\\' || c < 0x20) {
            out += json_escape(s);
            return;
        }
    out += '"';
    out += s;
    out += '"';
}

void json_groups(std::string& out, const std::array<int, kGroupCount>& by_group) {
    out += '{';
    for (int g = 0; g < kGroupCount; ++g) {
        if (g) out += ',';
        json_string(out, group_value(g));
        out += ':' + std::to_string(by_group[static_cast<std::size_t>(g)]);
    }
    out += '}';
}

void json_header(std::string& out, const ResultSet& rs, const Tally& t) {
    out += "{\n\"survey\":{\"id\":";
    json_string(out, rs.survey_id);
    out += ",\"title\":";
    json_string(out, rs.title());
    out += ",\"editions\":[";
    for (std::size_t i = 0; i < rs.editions.size(); ++i) {
        const Edition& e = rs.editions[i];
        out += std::string(i ? "," : "") + "{\"version\":" + std::to_string(e.version) + ",\"hash\":";
        json_string(out, e.hash);
        out += ",\"document\":";
        json_string(out, e.document);
        out += ",\"responses\":" + std::to_string(e.responses) + "}";
    }
    out += "]},\n\"complete\":" + std::string(rs.incomplete.empty() ? "true" : "false") + ",\"not_counted\":[";
    for (std::size_t i = 0; i < rs.incomplete.size(); ++i) {
        if (i) out += ',';
        json_string(out, rs.incomplete[i]);
    }
    out += "],\n\"filter\":{\"event\":";
    json_string(out, rs.filter.event);
    out += ",\"from\":";
    json_string(out, rs.filter.from_date);
    out += ",\"to\":";
    json_string(out, rs.filter.to_date);
    out += "},\n\"inputs\":[";
    for (std::size_t i = 0; i < rs.inputs.size(); ++i) {
        const InputSummary& in = rs.inputs[i];
        out += std::string(i ? "," : "") + "{\"file\":";
        json_string(out, in.path);
        out += ",\"responses\":" + std::to_string(in.responses) + ",\"duplicates\":" + std::to_string(in.duplicates) +
               ",\"from_recovery\":" + std::to_string(in.from_recovery) + "}";
    }
    out += "],\n\"responses_total\":" + std::to_string(t.responses) + ",\"unfinished_total\":" +
           std::to_string(t.unfinished) + ",\"by_group\":";
    json_groups(out, t.by_group);
    out += ",\n\"events\":[";
    for (std::size_t i = 0; i < t.events.size(); ++i) {
        const EventSummary& e = t.events[i];
        out += i ? ",\n" : "\n";
        out += "{\"name\":";
        json_string(out, e.name);
        out += ",\"day\":";
        json_string(out, e.day);
        out += ",\"first_answer\":";
        json_string(out, e.first_at);
        out += ",\"selected\":" + std::string(e.selected ? "true" : "false") +
               ",\"responses\":" + std::to_string(e.responses) + ",\"by_group\":";
        json_groups(out, e.by_group);
        out += '}';
    }
    out += "],\n\"questions\":[";
    for (std::size_t i = 0; i < t.questions.size(); ++i) {
        const QuestionResult& q = t.questions[i];
        out += i ? ",\n" : "\n";
        out += "{\"id\":";
        json_string(out, q.id);
        out += ",\"groups\":[";
        for (std::size_t k = 0; k < q.groups.size(); ++k) {
            const QuestionGroup& g = q.groups[k];
            out += k ? ",{\"versions\":[" : "{\"versions\":[";
            for (std::size_t v = 0; v < g.versions.size(); ++v) out += (v ? "," : "") + std::to_string(g.versions[v]);
            out += "]";
            if (!g.document.empty()) {  // a page question: the document edition it is about
                out += ",\"document\":";
                json_string(out, g.document);
            }
            out += ",\"text\":";
            json_string(out, g.question.text);
            out += ",\"type\":";
            json_string(out, survey::question_type_name(g.question.type));
            out += ",\"asked\":" + std::to_string(g.asked) + ",\"answered\":" + std::to_string(g.answered) +
                   ",\"unmatched\":" + std::to_string(g.unmatched) + ",\"counts\":{";
            for (std::size_t o = 0; o < g.question.options.size(); ++o) {
                if (o) out += ',';
                json_string(out, g.question.options[o].id);
                out += ':' + std::to_string(g.counts[o]);
            }
            out += "}}";
        }
        out += "]}";
    }
    out += "],\n\"responses\":[";
}

}  // namespace

void append_csv_cell(std::string& out, const std::string& cell) {
    // A spreadsheet runs a cell starting with these as a formula: a leading ' keeps it text.
    bool formula = !cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' ||
                                     cell[0] == '\t' || cell[0] == '\r');
    bool quote = false;
    for (char c : cell) quote = quote || c == ',' || c == '"' || c == '\r' || c == '\n';
    if (!formula && !quote) {  // nearly every cell: ids, times, answer values
        out += cell;
        return;
    }
    if (quote) out += '"';
    if (formula) out += '\'';
    for (char c : cell) {
        if (c == '"') out += '"';
        out += c;
    }
    if (quote) out += '"';
}

bool write_csv(ResultSet& rs, const std::string& path, Diagnostics& diags, bool unmasked, CsvCounts* counts) {
    BufferedOutput file(path);
    if (!file.open(diags)) return false;
    // Counted as it is written when load_results left it (a CSV alone): one pass, not two.
    std::optional<AnswerCounter> counter;
    if (!rs.counted) counter.emplace(rs);
    AnswerWords words(rs, unmasked);
    EditionOf edition_of(rs);
    std::string& out = file.buffer();
    out += "\xEF\xBB\xBF";  // UTF-8 byte order mark: Excel then reads accents and emoji right
    out += "response_id,survey_id,survey_version,event,respondent,source,started_at,finished_at,local_date,zone,"
           "question_id,answer,answer_words,finished\r\n";
    CsvCounts n;
    ResponseStream stream(rs);
    std::string head;
    while (const StreamResponse* r = stream.next()) {
        if (counter) counter->take(*r);
        if (!rs.selected(r->event)) continue;
        ++n.people;
        n.answers += static_cast<long>(r->answers.size());
        const std::uint32_t edition = edition_of(*r);
        head.clear();
        const std::string version = std::to_string(r->version);
        for (const auto& f : response_fields(rs, *r, version)) {
            append_csv_cell(head, f.value);
            head += ',';
        }
        for (const auto& a : r->answers) {
            out += head;
            append_csv_cell(out, a.question);
            out += ',';
            append_csv_cell(out, words.value(edition, a));
            out += ',';
            append_csv_cell(out, words.label(edition, a));
            out += r->unfinished ? ",no\r\n" : ",yes\r\n";
        }
        file.maybe_flush();
    }
    // What load_results says before making anything, said now; the file is
    // kept only when every page of the answers files is undamaged (the check
    // may have run beside the writing), and damage is then the one thing said.
    Diagnostics read;
    bool read_ok = true;
    if (counter) {
        read_ok = counter->finish(stream, read) && finish_counting(rs, read);
    } else if (stream.failed()) {
        stream.report_failure(read);
        read_ok = false;
    }
    if (!rs.undamaged(diags)) {
        if (counts) counts->input_error = true;
        return false;
    }
    for (const auto& d : read.items()) diags.add(d);
    if (!read_ok) {
        if (counts) counts->input_error = counter.has_value();
        return false;
    }
    if (counts) *counts = n;
    return file.finish(diags);
}

bool write_json(const ResultSet& rs, const Tally& t, const std::string& path, Diagnostics& diags) {
    BufferedOutput file(path);
    if (!file.open(diags)) return false;
    AnswerWords words(rs);
    EditionOf edition_of(rs);
    std::string& out = file.buffer();
    json_header(out, rs, t);
    bool first = true;
    ResponseStream stream(rs);
    while (const StreamResponse* r = stream.next()) {
        if (!rs.selected(r->event)) continue;
        out += first ? "\n{" : ",\n{";
        first = false;
        bool first_field = true;
        const std::uint32_t edition = edition_of(*r);
        const std::string version = std::to_string(r->version);
        for (const auto& f : response_fields(rs, *r, version)) {
            if (std::strcmp(f.name, "survey_id") == 0) continue;  // said once, at the top
            out += first_field ? "\"" : ",\"";
            out += f.name;
            out += "\":";
            first_field = false;
            if (f.number) out += f.value;
            else json_string(out, f.value);
        }
        if (r->unfinished) out += ",\"unfinished\":true";
        out += ",\"answers\":{";
        for (std::size_t k = 0; k < r->answers.size(); ++k) {
            const StreamAnswer& a = r->answers[k];
            if (k) out += ',';
            json_string(out, a.question);
            out += ':';
            json_string(out, words.value(edition, a));
        }
        out += "}}";
        file.maybe_flush();
    }
    if (stream.failed()) {
        stream.report_failure(diags);
        return false;
    }
    out += "\n]\n}\n";
    return file.finish(diags);
}

}  // namespace easyread::report
