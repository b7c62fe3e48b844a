#include "report/outputs/you_said.hpp"

#include <cmath>

#include "generator/pipeline.hpp"
#include "report/counting/page_results.hpp"
#include "report/counting/share_words.hpp"

namespace easyread::report {

namespace {

// Words from survey and actions files, safe inside Markdown: every ASCII
// punctuation mark Markdown could read as markup is backslash-escaped.
std::string md_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (std::string("\\`*_{}[]<>#|!~").find(c) != std::string::npos) out += '\\';
        out += c == '\n' ? ' ' : c;
    }
    return out;
}

// Front matter values are one line each.
std::string one_line(std::string s) {
    for (auto& c : s)
        if (c == '\n' || c == '\r') c = ' ';
    return s;
}

std::string with_full_stop(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    if (!s.empty() && s.back() != '.' && s.back() != '!' && s.back() != '?') s += '.';
    return s;
}

class Writer {
public:
    Writer(const ResultSet& rs, const Tally& t, const ActionsFile* a) : rs_(rs), t_(t), actions_(a) {}

    std::string run() {
        front_matter();
        about();
        document_pages();
        for (const auto& q : t_.questions)
            if (q.groups.empty() || q.groups.front().question.page == 0) question(q);
        next_steps();
        return md_;
    }

private:
    const ResultSet& rs_;
    const Tally& t_;
    const ActionsFile* actions_;
    std::string md_;

    std::string meta(const char* key, const std::string& fallback) const {
        return actions_ ? actions_->meta.get(key, fallback) : fallback;
    }

    void chunk(const std::string& text, const std::string& picture) {
        md_ += with_full_stop(text) + (picture.empty() ? "" : " {picture=" + picture + "}") + "\n\n";
    }

    // A page-by-page review: the newest edition's hardest pages, in the
    // words of its answers ("Page 5: 2 out of 3 people were sad").
    void document_pages() {
        std::vector<DocumentEdition> docs = page_results(rs_, t_);
        if (docs.empty()) return;
        const DocumentEdition& d = docs.front();
        // Readers see the document's name, not its file: "stocktake.md" -> "stocktake".
        std::string name = d.name.substr(0, d.name.rfind('.') == 0 ? std::string::npos : d.name.rfind('.'));
        for (char& c : name)
            if (c == '-' || c == '_') c = ' ';
        md_ += "# Our document " + md_escape(name) + "\n\n";
        chunk("We asked about each page of our document " + md_escape(name), "document");
        if (docs.size() > 1)
            chunk("We changed the document while people were telling us about it. Here is what people said about "
                  "the newest version",
                  "document");
        int told = 0;
        for (const auto& p : d.pages) {
            if (told == 3 || p.hard == 0) break;
            const QuestionGroup& g = *p.group;
            const survey::Option* worst = nullptr;
            int n = 0;
            for (std::size_t o = 0; o < g.question.options.size(); ++o)
                if (g.question.options[o].negative && g.counts[o] > n) {
                    n = g.counts[o];
                    worst = &g.question.options[o];
                }
            if (!worst) continue;
            if (told == 0) chunk("These pages were the hardest", "question");
            chunk("Page " + std::to_string(p.page) + ": " + md_escape(share_sentence(g.question, *worst, n, g.answered)),
                  worst->picture);
            ++told;
        }
        if (told == 0) chunk("No one said a page was hard", "happy");
    }

    void front_matter() {
        const std::string title = actions_ ? "You said, we did" : "You said";
        md_ += "---\n";
        md_ += "title: " + one_line(meta("title", title)) + "\n";
        md_ += "subtitle: " + one_line(rs_.title()) + "\n";
        md_ += "organisation: " + one_line(meta("organisation", "The Partnership Board")) + "\n";
        md_ += "date: " + one_line(meta("date", this_month_words())) + "\n";
        md_ += "summary_of: " + one_line("the Partnership Board report on " + rs_.title()) + "\n";
        if (auto c = meta("contact", ""); !c.empty()) md_ += "contact: " + one_line(c) + "\n";
        md_ += "checked_by: " +
               one_line(meta("checked_by", "Made by easyread from the answers. Ask a self-advocate to check it "
                                           "before you share it.")) + "\n";
        const Edition* e = rs_.newest();
        md_ += "lang: " + (e ? e->survey->lang : std::string("en-GB")) + "\n";
        md_ += "picture: speech-bubble\n---\n\n";
    }

    void about() {
        int events = 0;
        for (const auto& e : t_.events) events += e.selected ? 1 : 0;
        md_ += "# About this booklet\n\n";
        chunk("We asked people some questions", "question");
        chunk(number_words(t_.responses) + (t_.responses == 1 ? " person answered" : " people answered"), "people");
        chunk(events == 1 ? "They answered at 1 meeting or event"
                          : "They answered at " + std::to_string(events) + " meetings and events",
              "meeting");
        chunk("This booklet tells you what people said", "document");
        chunk("It is for the **Partnership Board**. The Partnership Board is a group of people who plan services "
              "together",
              "group");
        if (actions_) chunk("It also tells you what the Partnership Board will do", "plan");
        if (!rs_.incomplete.empty()) chunk("Some answers are missing from this booklet. The full report says why", "warning");
    }

    void question(const QuestionResult& q) {
        if (q.groups.empty()) return;
        const QuestionGroup& g = q.groups.front();  // the newest wording
        md_ += "# " + md_escape(question_words(g.question)) + "\n\n";
        chunk("We asked: " + md_escape(g.question.text), g.question.picture.empty() ? "question" : g.question.picture);
        if (g.question.is_comment()) {
            int n = static_cast<int>(g.comments.size());
            chunk(n == 0 ? "No one wrote anything here" : n == 1 ? "1 person wrote to us" :
                                                                   number_words(n) + " people wrote to us",
                  "write");
            if (n > 0) chunk("The board will read everything people wrote", "open-book");
        } else {
            if (g.question.is_multi()) chunk("People could choose more than 1 answer to this question", "question");
            bool any = false;
            for (std::size_t o = 0; o < g.question.options.size(); ++o) {
                if (g.counts[o] == 0) continue;
                any = true;
                const survey::Option& opt = g.question.options[o];
                chunk(md_escape(share_sentence(g.question, opt, g.counts[o], g.answered)), opt.picture);
            }
            if (!any) chunk("No one answered this question", "question");
            change(g);
        }
        if (q.groups.size() > 1)
            chunk("Some people answered an older version of this question. Their answers are in the full report",
                  "document");
        action(q.id);
    }

    void change(const QuestionGroup& g) {
        if (t_.latest_event < 0 || t_.previous_event < 0) return;
        auto now_i = static_cast<std::size_t>(t_.latest_event), before_i = static_cast<std::size_t>(t_.previous_event);
        int now_total = g.event_answered[now_i], before_total = g.event_answered[before_i];
        if (now_total == 0 || before_total == 0 || g.question.options.empty()) return;
        const survey::Option& opt = g.question.options.front();
        int now_n = g.event_counts[now_i][0], before_n = g.event_counts[before_i][0];
        // Said about the last two events only, so it is never read against the totals above.
        const std::string what = option_predicate(g.question, opt, false);
        chunk("At the last event, " + share_phrase(g.question, opt, now_n, now_total), opt.picture);
        chunk("At the event before, " + share_phrase(g.question, opt, before_n, before_total), opt.picture);
        long now = std::lround(10.0 * now_n / now_total), before = std::lround(10.0 * before_n / before_total);
        if (now == before) chunk("About the same number of people " + what + " again", "repeat");
        else if (now > before) chunk("The number of people who " + what + " is higher than before", "increase");
        else chunk("The number of people who " + what + " is lower than before", "decrease");
    }

    void action(const std::string& id) {
        if (!actions_) return;
        const Action* a = actions_->find(id);
        md_ += "## What we will do\n\n";
        if (!a || a->what.empty()) {
            chunk("We have not made a plan for this yet", "plan");
            return;
        }
        for (std::size_t i = 0; i < a->what.size(); ++i) chunk(md_escape(a->what[i]), i == 0 ? "plan" : "");
        if (!a->who.empty()) chunk("The person who will do it: " + md_escape(a->who), "me");
        if (!a->by_when.empty()) chunk("The date it will be done by: " + md_escape(a->by_when), "calendar");
    }

    void next_steps() {
        md_ += "# What happens next\n\n";
        chunk("The Partnership Board will talk about what you said at its next meeting", "meeting");
        chunk("Thank you for telling us what you think", "thank-you");
    }
};

}  // namespace

std::string you_said_markdown(const ResultSet& results, const Tally& tally, const ActionsFile* actions) {
    return Writer(results, tally, actions).run();
}

bool render_easy_read(const std::string& markdown, const std::string& name, const symbols::Bank& bank,
                      const std::vector<std::string>& outputs, Diagnostics& diags) {
    PipelineOptions po;
    po.bank = &bank;
    auto c = compile(SourceText{name, markdown}, po);
    c->add_diagnostics_to(diags);
    if (!c->laid_out) return false;
    std::vector<std::string> written;
    for (const auto& path : outputs)
        if (!render_output(*c, path, 96, written, diags)) return false;
    return true;
}

}  // namespace easyread::report
