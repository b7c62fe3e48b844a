#include "report/counting/tally.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "survey/kiosk_words.hpp"
#include "report/counting/mask_personal_details.hpp"
#include "report/reading/report_filter.hpp"

namespace easyread::report {

namespace {

const char* const kGroupValues[kGroupCount] = {"self", "carer", "helper", "staff", "not-said"};
const char* const kGroupWords[kGroupCount] = {"People answering for themselves", "Family carers",
                                              "People helping someone", "Staff", "Did not say"};

int group_of(const std::string& value) {
    for (int i = 0; i < kGroupCount; ++i)
        if (value == kGroupValues[i]) return i;
    return kGroupCount - 1;  // an unknown value is counted as "did not say", never dropped
}

// Two editions ask a question "the same way" when the words, the type and every answer are the same.
std::string signature(const survey::Question& q) {
    std::string s = std::string(survey::question_type_name(q.type)) + "\n" + q.text + "\n" +
                    (q.reversed ? "reversed\n" : "");
    for (const auto& o : q.options) s += o.id + "=" + o.label + "\n";
    return s;
}

survey::Question anything_else_question() {
    survey::Question q;
    q.id = survey::kAnythingElseId;
    q.text = survey::kiosk_words().anything_else_title;
    q.type = survey::QuestionType::Comment;
    q.picture = "comment";
    return q;
}

struct Slot {
    int result = -1, group = -1;
};

class Counter {
public:
    Counter(const ResultSet& rs, Tally& t) : rs_(rs), t_(t) {}

    void run() {
        count_events();
        build_groups();
        count_answers();
        choose_comparison();
    }

private:
    const ResultSet& rs_;
    Tally& t_;
    std::unordered_map<std::string, std::string> days_;
    std::map<std::pair<std::uint32_t, std::string>, int> event_index_;  // (name, local day) -> event
    std::vector<int> selected_per_edition_;
    std::vector<std::vector<Slot>> slots_;  // [edition][question id]
    std::map<std::string, int> result_index_;
    // Per group: stored value id -> option indexes it stands for.
    std::map<std::pair<int, int>, std::unordered_map<std::uint32_t, std::vector<int>>> option_cache_;

    // The day responses were given where they were given (stored since
    // schema 5), else the local day here of the UTC hour that stands for it
    // in older files.
    const std::string& day_of(std::uint32_t day) {
        const std::string& key = rs_.days[day];
        if (key.size() == 10) return key;
        auto it = days_.find(key);
        if (it == days_.end()) it = days_.emplace(key, local_day(key + ":00:00Z")).first;
        return it->second;
    }

    int event_of(std::uint32_t name, std::uint32_t day) { return event_index_.at({name, day_of(day)}); }

    void count_events() {
        selected_per_edition_.assign(rs_.editions.size(), 0);
        std::map<int, int> versions;
        for (const auto& c : rs_.response_cells) {
            const std::string& day = day_of(c.day);
            auto [it, fresh] = event_index_.emplace(std::make_pair(c.event, day), static_cast<int>(t_.events.size()));
            if (fresh) {
                EventSummary e;
                e.name = rs_.names[c.event];
                e.day = day;
                e.first_at = c.first_at;
                e.selected = rs_.selected(e.name);
                t_.events.push_back(e);
            }
            EventSummary& e = t_.events[static_cast<std::size_t>(it->second)];
            if (c.first_at < e.first_at) e.first_at = c.first_at;
            if (c.unfinished) {  // left part-way: counted apart, never in the shares
                e.unfinished += c.count;
                if (e.selected) t_.unfinished += c.count;
                continue;
            }
            int g = group_of(rs_.names[c.respondent]);
            e.responses += c.count;
            e.by_group[static_cast<std::size_t>(g)] += c.count;
            if (!e.selected) continue;
            t_.responses += c.count;
            t_.by_group[static_cast<std::size_t>(g)] += c.count;
            selected_per_edition_[c.edition] += c.count;
            versions[rs_.editions[c.edition].version] += c.count;
        }
        for (auto it = versions.rbegin(); it != versions.rend(); ++it) t_.by_version.emplace_back(it->first, it->second);
        // In the order they happened, whichever file each came from.
        std::vector<int> order(t_.events.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            const EventSummary &x = t_.events[static_cast<std::size_t>(a)], &y = t_.events[static_cast<std::size_t>(b)];
            return std::tie(x.first_at, x.day, x.name) < std::tie(y.first_at, y.day, y.name);
        });
        std::vector<int> place(order.size());
        std::vector<EventSummary> sorted;
        for (std::size_t i = 0; i < order.size(); ++i) {
            place[static_cast<std::size_t>(order[i])] = static_cast<int>(i);
            sorted.push_back(std::move(t_.events[static_cast<std::size_t>(order[i])]));
        }
        t_.events = std::move(sorted);
        for (auto& [key, ev] : event_index_) ev = place[static_cast<std::size_t>(ev)];
    }

    void add_question(std::uint32_t edition, const survey::Question& q) {
        auto [rit, fresh] = result_index_.emplace(q.id, static_cast<int>(t_.questions.size()));
        if (fresh) t_.questions.push_back({q.id, {}});
        QuestionResult& result = t_.questions[static_cast<std::size_t>(rit->second)];
        // A page question is about one edition of the document: a changed
        // document's page 3 is another page, never counted with the old one.
        const std::string document = q.page > 0 ? rs_.editions[edition].document : std::string();
        const std::string sig = signature(q);
        int g = 0;
        for (; g < static_cast<int>(result.groups.size()); ++g) {
            const QuestionGroup& other = result.groups[static_cast<std::size_t>(g)];
            if (other.document == document && signature(other.question) == sig) break;
        }
        if (g == static_cast<int>(result.groups.size())) {
            QuestionGroup group;
            group.question = q;
            group.document = document;
            group.counts.assign(q.options.size(), 0);
            group.event_answered.assign(t_.events.size(), 0);
            group.event_counts.assign(t_.events.size(), std::vector<int>(q.options.size(), 0));
            result.groups.push_back(std::move(group));
        }
        QuestionGroup& group = result.groups[static_cast<std::size_t>(g)];
        int version = rs_.editions[edition].version;
        if (std::find(group.versions.begin(), group.versions.end(), version) == group.versions.end())
            group.versions.push_back(version);
        group.asked += selected_per_edition_[edition];
        long qid = rs_.question_ids.find(q.id);
        if (qid >= 0) slots_[edition][static_cast<std::size_t>(qid)] = {rit->second, g};
    }

    void build_groups() {
        // Newest edition first, so its order and wording lead.
        std::vector<std::uint32_t> order(rs_.editions.size());
        for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            return rs_.editions[a].version > rs_.editions[b].version;
        });
        slots_.assign(rs_.editions.size(), std::vector<Slot>(rs_.question_ids.size()));
        const bool anything_else = rs_.question_ids.find(survey::kAnythingElseId) >= 0;
        for (std::uint32_t e : order) {
            if (!rs_.editions[e].survey) continue;
            for (const auto& q : rs_.editions[e].survey->questions) add_question(e, q);
        }
        if (anything_else)
            for (std::uint32_t e : order) add_question(e, anything_else_question());
        for (auto& result : t_.questions)
            for (auto& g : result.groups) std::sort(g.versions.rbegin(), g.versions.rend());
    }

    const std::vector<int>& options_for(int result, int group, std::uint32_t value) {
        auto& cache = option_cache_[{result, group}];
        auto it = cache.find(value);
        if (it != cache.end()) return it->second;
        const survey::Question& q = t_.questions[static_cast<std::size_t>(result)].groups[static_cast<std::size_t>(group)].question;
        std::vector<int> found;
        const std::string& text = rs_.values[value];
        if (q.allows_value(text)) {
            std::size_t start = 0;
            while (true) {  // "a;b" for choose-many; one id otherwise
                std::size_t end = q.is_multi() ? text.find(';', start) : std::string::npos;
                std::string part = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
                for (std::size_t o = 0; o < q.options.size(); ++o)
                    if (q.options[o].id == part) found.push_back(static_cast<int>(o));
                if (end == std::string::npos) break;
                start = end + 1;
            }
        }
        return cache.emplace(value, std::move(found)).first->second;
    }

    void count_answers() {
        for (const auto& c : rs_.answer_cells) {
            const Slot slot = slots_[c.edition][c.question];
            if (slot.result < 0) continue;  // a question this edition never asked: not counted anywhere
            QuestionGroup& g = t_.questions[static_cast<std::size_t>(slot.result)].groups[static_cast<std::size_t>(slot.group)];
            if (g.question.is_comment()) continue;  // comments are read whole (below)
            const auto ev = static_cast<std::size_t>(event_of(c.event, c.day));
            const std::vector<int>& opts = options_for(slot.result, slot.group, c.value);
            g.event_answered[ev] += c.count;
            for (int o : opts) g.event_counts[ev][static_cast<std::size_t>(o)] += c.count;
            if (!t_.events[ev].selected) continue;
            g.answered += c.count;
            if (opts.empty()) g.unmatched += c.count;
            for (int o : opts) g.counts[static_cast<std::size_t>(o)] += c.count;
        }
        for (const auto& c : rs_.comments) {
            const Slot slot = slots_[c.edition][c.question];
            if (slot.result < 0) continue;
            QuestionGroup& g = t_.questions[static_cast<std::size_t>(slot.result)].groups[static_cast<std::size_t>(slot.group)];
            if (!g.question.is_comment()) continue;
            const auto ev = static_cast<std::uint32_t>(event_of(c.event, c.day));
            if (!t_.events[ev].selected) continue;
            ++g.answered;
            ++t_.comment_count;
            g.comments.push_back({ev, c.finished_at, mask_personal(c.text)});
        }
    }

    void choose_comparison() {
        for (int i = static_cast<int>(t_.events.size()) - 1; i >= 0; --i) {
            if (!t_.events[static_cast<std::size_t>(i)].selected) continue;
            t_.latest_event = i;
            t_.previous_event = i - 1;
            return;
        }
    }
};

}  // namespace

const char* group_value(int group) { return kGroupValues[group]; }
const char* group_words(int group) { return kGroupWords[group]; }

Tally tally_results(const ResultSet& results) {
    Tally t;
    Counter(results, t).run();
    return t;
}

std::string join_words(const std::vector<std::string>& items) {
    std::string s;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) s += i + 1 == items.size() ? " and " : ", ";
        s += items[i];
    }
    return s;
}

std::string version_words(const std::vector<int>& versions) {
    std::vector<int> sorted = versions;
    std::sort(sorted.begin(), sorted.end());
    std::vector<std::string> items;
    for (int v : sorted) items.push_back(std::to_string(v));
    return (sorted.size() == 1 ? "version " : "versions ") + join_words(items);
}

}  // namespace easyread::report
