#include "report/outputs/board_report.hpp"

#include <algorithm>
#include <cmath>

#include "report/counting/page_results.hpp"
#include "report/counting/share_words.hpp"
#include "report/reading/report_filter.hpp"

namespace easyread::report {

namespace {

std::string people(int n) { return number_words(n) + (n == 1 ? " person" : " people"); }

ReportBlock block(BlockKind kind, std::string text = {}) {
    ReportBlock b;
    b.kind = kind;
    b.text = std::move(text);
    return b;
}

class Builder {
public:
    Builder(const ResultSet& rs, const Tally& t, const ActionsFile* actions) : rs_(rs), t_(t), actions_(actions) {}

    BoardReport build() {
        out_.title = rs_.title();
        const Edition* newest = rs_.newest();
        if (newest) out_.lang = newest->survey->lang;
        out_.complete = rs_.incomplete.empty();
        pages_ = page_results(rs_, t_);
        front();
        summary();
        who_answered();
        document_pages();
        out_.blocks.push_back(block(BlockKind::Section, "What people said"));
        for (const auto& q : t_.questions)
            if (!is_page_question(q)) question(q);
        return std::move(out_);
    }

private:
    const ResultSet& rs_;
    const Tally& t_;
    const ActionsFile* actions_;
    BoardReport out_;
    std::vector<DocumentEdition> pages_;

    static bool is_page_question(const QuestionResult& q) {
        return !q.groups.empty() && q.groups.front().question.page > 0;
    }

    void add(ReportBlock b) { out_.blocks.push_back(std::move(b)); }

    void front() {
        add(block(BlockKind::Title, out_.title));
        add(block(BlockKind::Subtitle, "Report for the Partnership Board"));
        std::vector<std::string> files;
        for (const auto& in : rs_.inputs) {
            std::string f = in.path + " (" + people(in.responses - in.duplicates);
            if (in.duplicates) f += "; " + number_words(in.duplicates) + " more were already in another file";
            if (in.from_recovery) f += "; " + number_words(in.from_recovery) + " from its recovery file";
            files.push_back(f + ")");
        }
        // No date of making: the same files give the same report on any day, in any time zone.
        add(block(BlockKind::Meta, "Made from " + std::to_string(rs_.inputs.size()) +
                                       (rs_.inputs.size() == 1 ? " answers file: " : " answers files: ") +
                                       join_words(files) + "."));
        std::string covers = rs_.filter.event.empty() ? "Covers every event"
                                                       : "Covers only the event \"" + rs_.filter.event + "\"";
        if (!rs_.filter.from_date.empty()) covers += " from " + words_date(rs_.filter.from_date);
        if (!rs_.filter.to_date.empty()) covers += " up to " + words_date(rs_.filter.to_date);
        add(block(BlockKind::Meta, covers + "."));
        if (!rs_.incomplete.empty()) {
            ReportBlock w = block(BlockKind::Warning, "This report is not complete");
            w.lines = rs_.incomplete;
            add(std::move(w));
        }
        for (std::size_t i = 0; i < rs_.editions.size(); ++i)
            for (std::size_t j = 0; j < i; ++j)
                if (rs_.editions[i].version == rs_.editions[j].version && rs_.editions[i].hash != rs_.editions[j].hash &&
                    rs_.editions[i].document == rs_.editions[j].document)
                    add(block(BlockKind::Paragraph,
                              "Two different survey files both call themselves version " +
                                  std::to_string(rs_.editions[i].version) +
                                  ". Questions they ask differently are shown apart."));
        if (t_.by_version.size() > 1) {
            std::vector<std::string> parts;
            for (const auto& [v, n] : t_.by_version) parts.push_back("version " + std::to_string(v) + " (" + people(n) + ")");
            add(block(BlockKind::Paragraph,
                      "The answers come from " + std::to_string(t_.by_version.size()) + " versions of the survey: " +
                          join_words(parts) +
                          ". A question asked the same way in each version is counted together. A question asked "
                          "in other words or with other answers is shown apart for each version."));
        }
    }

    // Each answer's share in tenths. One answer per person: by the largest
    // remainder, so they add up to 10 (answers that are none of the choices
    // count as one more share); choose-many shares never add up, so each is rounded alone.
    static std::vector<long> shares_in_tenths(const QuestionGroup& g, const std::vector<int>& counts, int total) {
        std::vector<long> tenths;
        if (g.question.is_multi() || total <= 0) {
            for (int c : counts) tenths.push_back(total > 0 ? std::lround(10.0 * c / total) : 0);
            return tenths;
        }
        std::vector<int> with_rest = counts;
        int listed = 0;
        for (int c : counts) listed += c;
        with_rest.push_back(total > listed ? total - listed : 0);
        tenths = tenths_that_add_up(with_rest, std::max(total, listed));
        tenths.pop_back();
        return tenths;
    }

    // Good answers (happy, very happy, yes) and bad ones (sad, very sad, no);
    // a reversed question ("Was anything hard?") makes "yes" the bad one.
    static bool on_side(const survey::Option& o, bool good) {
        const std::string& id = o.id;
        bool face_or_yes_no = id == "very-happy" || id == "happy" || id == "yes" || id == "no" || id == "sad" ||
                              id == "very-sad";
        return face_or_yes_no && o.negative != good;
    }

    static int side_count(const QuestionGroup& g, bool good) {
        int n = 0;
        for (std::size_t o = 0; o < g.question.options.size(); ++o)
            if (on_side(g.question.options[o], good)) n += g.counts[o];
        return n;
    }

    // The share of people who gave a question's good or bad answers; -1 when it has none.
    static double share_of(const QuestionGroup& g, bool good) {
        if (g.answered <= 0 || g.question.is_multi() || g.question.is_comment()) return -1;
        bool any = false;
        for (const auto& o : g.question.options) any = any || on_side(o, good);
        return any ? static_cast<double>(side_count(g, good)) / g.answered : -1;
    }

    // What an empty "liked most" or "liked least" list says, from the counts it stands for.
    static std::string empty_side_words(bool liked, int counted, int good_answers, int bad_answers) {
        if (counted == 0) return "No question had a face or yes or no answer to count.";
        if (liked)
            return good_answers == 0 ? "No one gave a happy or yes answer."
                                     : "No question had more happy or yes answers than sad or no answers.";
        return bad_answers == 0 ? "No one gave a sad or no answer."
                                : "No question had more sad or no answers than happy or yes answers.";
    }

    // One page at the front in easy read: how many answered, and the 3 things
    // people liked most and least, each with its picture.
    void summary() {
        add(block(BlockKind::Section, "Summary"));
        int events = 0;
        for (const auto& e : t_.events) events += e.selected ? 1 : 0;
        ReportBlock who = block(BlockKind::Point, people(t_.responses) + " answered at " + std::to_string(events) +
                                                      (events == 1 ? " event." : " events."));
        who.picture_id = "people";
        add(std::move(who));
        // Each face or yes/no question is on the side its answers lean to: liked
        // most when more chose a happy or yes answer than a sad or no one,
        // liked least when more chose sad or no. A sentence is only what the numbers say.
        struct Liked {
            double share;
            const QuestionGroup* g;
        };
        std::vector<Liked> good, bad;
        int counted = 0, good_answers = 0, bad_answers = 0;
        for (const auto& q : t_.questions) {
            if (q.groups.empty() || is_page_question(q)) continue;  // pages have their own line below
            const QuestionGroup& g = q.groups.front();
            double up = share_of(g, true), down = share_of(g, false);
            if (up < 0 || down < 0) continue;
            ++counted;
            good_answers += side_count(g, true);
            bad_answers += side_count(g, false);
            if (up > 0 && up >= down) good.push_back({up, &g});
            if (down > 0 && down > up) bad.push_back({down, &g});
        }
        auto most_first = [](const Liked& a, const Liked& b) { return a.share > b.share; };
        std::stable_sort(good.begin(), good.end(), most_first);
        std::stable_sort(bad.begin(), bad.end(), most_first);
        auto list = [&](const std::vector<Liked>& items, bool liked) {
            add(block(BlockKind::Paragraph, liked ? "What people liked most:" : "What people liked least:"));
            if (items.empty()) add(block(BlockKind::Point, empty_side_words(liked, counted, good_answers, bad_answers)));
            for (std::size_t i = 0; i < items.size() && i < 3; ++i) {
                const QuestionGroup& g = *items[i].g;
                const survey::Option* named = nullptr;
                for (std::size_t o = 0; o < g.question.options.size(); ++o) {
                    const std::string& id = g.question.options[o].id;
                    if (!on_side(g.question.options[o], liked)) continue;
                    if (!named || id == "happy" || id == "sad") named = &g.question.options[o];
                }
                ReportBlock p = block(BlockKind::Point, question_words(g.question) + " " +
                                                            share_sentence(g.question, *named, side_count(g, liked),
                                                                           g.answered));
                p.picture_id = named->picture.empty() ? g.question.picture : named->picture;
                add(std::move(p));
            }
        };
        list(good, true);
        list(bad, false);
        // A reviewed document: its hardest page, in its newest edition.
        if (!pages_.empty() && !pages_.front().pages.empty() && pages_.front().pages.front().hard > 0) {
            const DocumentEdition& d = pages_.front();
            const PageResult& p = d.pages.front();
            add(block(BlockKind::Paragraph, "The hardest page of the document:"));
            ReportBlock b = block(BlockKind::Point, "Page " + std::to_string(p.page) + " of " + d.name + ". " +
                                                        hard_words(d, p));
            b.picture_id = "document";
            add(std::move(b));
        }
        add(block(BlockKind::PageBreak));
    }

    // The words of a question's answers that say "hard" (sad, very sad, no).
    static std::vector<std::string> negative_labels(const survey::Question& q) {
        std::vector<std::string> labels;
        for (const auto& o : q.options)
            if (o.negative) labels.push_back(o.label);
        return labels;
    }

    // "3 out of 5 people chose Sad." for the page's negative answers.
    static std::string hard_words(const DocumentEdition& d, const PageResult& p) {
        const std::vector<std::string> labels = negative_labels(*d.question);
        std::string chose = labels.empty() ? "an answer that says it was hard" : join_words(labels);
        if (std::size_t at = chose.rfind(" and "); labels.size() > 1 && at != std::string::npos)
            chose.replace(at, 5, " or ");  // "Sad or Very sad"
        return share_words(p.hard, p.sure) + " chose " + chose + ".";
    }

    // Page-by-page reviews: each edition of the document apart, hardest page first.
    void document_pages() {
        if (pages_.empty()) return;
        // Editions of one document are one document ("stocktake.md" twice); several names are several.
        std::vector<std::string> names, editions;
        for (const auto& d : pages_) {
            if (std::find(names.begin(), names.end(), d.name) == names.end()) names.push_back(d.name);
            if (std::find(editions.begin(), editions.end(), d.label) == editions.end()) editions.push_back(d.label);
        }
        add(block(BlockKind::Section, names.size() == 1 ? "The document's pages" : "The documents' pages"));
        if (editions.size() > 1)
            add(block(BlockKind::Paragraph,
                      "The document changed between events, so people saw " + number_words(static_cast<long>(
                          editions.size())) + " editions of it. Each edition is shown apart. Answers about "
                          "different editions are never counted together."));
        for (const auto& d : pages_) {
            ReportBlock head = block(BlockKind::Question, d.question->text);
            head.picture_id = d.question->picture.empty() ? "document" : d.question->picture;
            add(std::move(head));
            add(block(BlockKind::Note, "About the document " + d.name + (d.edition.empty() ? "" : ", edition " + d.edition) +
                                           ". " + people(d.people) + " looked at its pages. Each page was a question."));
            const std::vector<std::string> labels = negative_labels(*d.question);
            if (!labels.empty())
                add(block(BlockKind::Paragraph, "The pages where more people chose " + labels.front() +
                                                    " come first: they are the hardest."));
            for (const auto& p : d.pages) {
                ReportBlock b = block(BlockKind::PageResult, "Page " + std::to_string(p.page));
                b.document = d.label;
                b.page = p.page;
                const QuestionGroup& g = *p.group;
                for (std::size_t o = 0; o < g.question.options.size(); ++o)
                    if (g.counts[o] > 0)
                        b.lines.push_back(share_sentence(g.question, g.question.options[o], g.counts[o], g.answered));
                if (b.lines.empty()) b.lines.push_back("No one answered about this page.");
                add(std::move(b));
            }
        }
    }

    void who_answered() {
        add(block(BlockKind::Section, "Who answered"));
        int events = 0;
        for (const auto& e : t_.events) events += e.selected ? 1 : 0;
        add(block(BlockKind::Paragraph, people(t_.responses) + " answered at " + std::to_string(events) +
                                            (events == 1 ? " event." : " events.")));
        if (t_.unfinished > 0)
            add(block(BlockKind::Paragraph,
                      people(t_.unfinished) + " more started but left part-way. Their answers are not counted "
                                              "in this report; they are in the CSV and JSON files, marked unfinished."));
        ReportBlock groups = block(BlockKind::Table);
        groups.table.caption = "Who answered";
        groups.table.header = {"Who", "People"};
        groups.table.widths = {0.7, 0.3};
        for (int g = 0; g < kGroupCount; ++g)
            groups.table.rows.push_back({group_words(g), number_words(t_.by_group[static_cast<std::size_t>(g)])});
        groups.table.rows.push_back({"Everyone", number_words(t_.responses)});
        groups.table.total_row = true;
        add(std::move(groups));

        ReportBlock by_event = block(BlockKind::Table);
        by_event.table.caption = "People at each event";
        by_event.table.header = {"Event", "Date", "Self", "Carers", "Helping", "Staff", "Not said",
                                 "All"};
        by_event.table.widths = {0.25, 0.17, 0.1, 0.1, 0.1, 0.09, 0.1, 0.09};
        for (const auto& e : t_.events) {
            if (!e.selected) continue;
            std::vector<std::string> row = {event_words(e.name), words_date(e.day)};
            for (int n : e.by_group) row.push_back(number_words(n));
            row.push_back(number_words(e.responses));
            by_event.table.rows.push_back(std::move(row));
        }
        add(std::move(by_event));
        if (t_.events.size() == 1)
            add(block(BlockKind::Note, "There was only one event, so this report cannot show changes yet."));
    }

    void question(const QuestionResult& q) {
        for (std::size_t gi = 0; gi < q.groups.size(); ++gi) {
            const QuestionGroup& g = q.groups[gi];
            ReportBlock head = block(BlockKind::Question, question_words(g.question));
            head.picture_id = g.question.picture;
            add(std::move(head));
            std::string note = number_words(g.answered) + " of " + people(g.asked) + " answered it.";
            if (t_.by_version.size() > 1) note += " Asked in " + version_words(g.versions) + " of the survey.";
            add(block(BlockKind::Note, note));
            if (q.groups.size() > 1)
                add(block(BlockKind::Note, "Other versions asked this in other words or with other answers, so "
                                           "their answers are shown apart."));
            if (g.question.is_comment()) comments(g);
            else answers(g);
            action(q.id, gi + 1 == q.groups.size());
        }
    }

    void comments(const QuestionGroup& g) {
        if (g.comments.empty()) {
            add(block(BlockKind::Paragraph, "No one wrote anything here."));
            return;
        }
        add(block(BlockKind::Paragraph, people(static_cast<int>(g.comments.size())) + " wrote something. "
                                        "Names, addresses, dates of birth, phone numbers and other personal "
                                        "details are hidden."));
        ReportBlock list = block(BlockKind::Comments);
        for (const auto& c : g.comments) {
            list.lines.push_back(c.text);
            list.notes.push_back(event_words(t_.events[c.event].name) + ", " + words_date(t_.events[c.event].day));
        }
        add(std::move(list));
    }

    void answers(const QuestionGroup& g) {
        ReportBlock chart = block(BlockKind::Chart);
        chart.chart = chart_of(g);
        add(std::move(chart));
        ReportBlock said = block(BlockKind::Paragraph);
        const std::vector<long> tenths = shares_in_tenths(g, g.counts, g.answered);
        for (std::size_t o = 0; o < g.question.options.size(); ++o)
            if (g.counts[o] > 0)
                said.lines.push_back(
                    share_sentence(g.question, g.question.options[o], g.counts[o], g.answered, tenths[o]));
        if (said.lines.empty()) said.lines.push_back("No one answered this question.");
        add(std::move(said));
        if (g.question.is_multi())
            add(block(BlockKind::Note, "People could choose more than one answer, so the numbers add up to more "
                                       "than the people who answered."));
        if (g.unmatched > 0)
            add(block(BlockKind::Note, (g.unmatched == 1 ? "1 answer was" : number_words(g.unmatched) + " answers were") +
                                           std::string(" none of these choices, so ") +
                                           (g.unmatched == 1 ? "it is" : "they are") + " not in the chart."));
        change(g);
    }

    // How the latest event compares with the one before it.
    void change(const QuestionGroup& g) {
        if (t_.latest_event < 0 || t_.previous_event < 0) return;
        auto now_i = static_cast<std::size_t>(t_.latest_event), before_i = static_cast<std::size_t>(t_.previous_event);
        const EventSummary& now_e = t_.events[now_i];
        const EventSummary& before_e = t_.events[before_i];
        int now_total = g.event_answered[now_i], before_total = g.event_answered[before_i];
        if (now_total == 0 || before_total == 0) {
            add(block(BlockKind::Note, "This question was not asked this way at both " + event_words(before_e.name) +
                                       " and " + event_words(now_e.name) + ", so there is nothing to compare."));
            return;
        }
        // The first answer of a scale is its best; for choices, the one most people chose now.
        std::size_t lead = 0;
        if (g.question.type == survey::QuestionType::ChooseOne || g.question.is_multi())
            for (std::size_t o = 0; o < g.question.options.size(); ++o)
                if (g.event_counts[now_i][o] > g.event_counts[now_i][lead]) lead = o;
        const survey::Option& opt = g.question.options[lead];
        int now_n = g.event_counts[now_i][lead], before_n = g.event_counts[before_i][lead];
        ReportBlock p = block(BlockKind::Paragraph);
        p.lines.push_back("Since the event before: at " + event_words(now_e.name) + " (" + words_date(now_e.day) +
                          "), " + share_phrase(g.question, opt, now_n, now_total) + ". At " +
                          event_words(before_e.name) + " (" + words_date(before_e.day) + "), " +
                          share_phrase(g.question, opt, before_n, before_total) + ".");
        p.lines.push_back(change_sentence(g.question, opt, now_n, now_total, before_n, before_total));
        add(std::move(p));
        ReportBlock table = block(BlockKind::Table);
        // Named in full: a long question's table may start the next page.
        table.table.caption = "Each answer at the two events: " + question_words(g.question);
        table.table.header = {"Answer", event_words(before_e.name) + ", " + words_date(before_e.day),
                              event_words(now_e.name) + ", " + words_date(now_e.day)};
        table.table.widths = {0.4, 0.3, 0.3};
        const std::vector<long> before_tenths = shares_in_tenths(g, g.event_counts[before_i], before_total);
        const std::vector<long> now_tenths = shares_in_tenths(g, g.event_counts[now_i], now_total);
        for (std::size_t o = 0; o < g.question.options.size(); ++o)
            table.table.rows.push_back({g.question.options[o].label,
                                        share_words(g.event_counts[before_i][o], before_total, before_tenths[o]),
                                        share_words(g.event_counts[now_i][o], now_total, now_tenths[o])});
        add(std::move(table));
    }

    void action(const std::string& id, bool last_group) {
        if (!actions_ || !last_group) return;
        const Action* a = actions_->find(id);
        if (!a) {
            add(block(BlockKind::Note, "The board has not yet said what it will do about this."));
            return;
        }
        ReportBlock b = block(BlockKind::Action, "What the board will do");
        b.lines = a->what;
        if (!a->who.empty()) b.lines.push_back("Who: " + a->who);
        if (!a->by_when.empty()) b.lines.push_back("By when: " + a->by_when);
        add(std::move(b));
    }
};

}  // namespace

std::string event_words(const std::string& name) { return name.empty() ? "No event name" : name; }

ReportChart chart_of(const QuestionGroup& g) {
    ReportChart c;
    std::string alt;
    for (std::size_t o = 0; o < g.question.options.size(); ++o) {
        const survey::Option& opt = g.question.options[o];
        c.bars.push_back({opt.label, opt.picture, g.counts[o]});
        c.most = std::max(c.most, g.counts[o]);
        alt += (alt.empty() ? "" : ", ") + opt.label + " " + number_words(g.counts[o]);
    }
    c.alt = "Bar chart of " + number_words(g.answered) + (g.answered == 1 ? " answer: " : " answers: ") + alt + ".";
    return c;
}

BoardReport build_board_report(const ResultSet& results, const Tally& tally, const ActionsFile* actions) {
    return Builder(results, tally, actions).build();
}

}  // namespace easyread::report
