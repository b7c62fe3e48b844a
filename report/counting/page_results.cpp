#include "report/counting/page_results.hpp"

#include <algorithm>
#include <map>

namespace easyread::report {

double hard_share(const PageResult& p) { return p.sure > 0 ? static_cast<double>(p.hard) / p.sure : -1; }

std::vector<DocumentEdition> page_results(const ResultSet& rs, const Tally& t) {
    std::map<std::string, DocumentEdition> by_label;
    for (const auto& q : t.questions)
        for (const auto& g : q.groups) {
            if (g.question.page <= 0 || g.document.empty()) continue;
            DocumentEdition& d = by_label[g.document + "\n" + g.question.text];
            d.label = g.document;
            if (!d.question || g.question.page < d.question->page) d.question = &g.question;
            PageResult p;
            p.page = g.question.page;
            p.group = &g;
            for (std::size_t o = 0; o < g.question.options.size(); ++o) {
                const survey::Option& opt = g.question.options[o];
                if (opt.id != "dont-know") p.sure += g.counts[o];
                if (opt.negative) p.hard += g.counts[o];
            }
            d.pages.push_back(p);
        }
    if (by_label.empty()) return {};
    std::vector<int> people(rs.editions.size(), 0);
    std::vector<const std::string*> last(rs.editions.size(), nullptr);
    for (const auto& c : rs.response_cells) {
        if (c.unfinished || !rs.selected(c.event)) continue;
        people[c.edition] += c.count;
        if (!last[c.edition] || c.last_at > *last[c.edition]) last[c.edition] = &c.last_at;
    }
    for (auto& [key, d] : by_label)
        for (std::size_t e = 0; e < rs.editions.size(); ++e) {
            if (rs.editions[e].document != d.label) continue;
            d.people += people[e];
            if (last[e] && *last[e] > d.last_answer) d.last_answer = *last[e];
        }
    std::vector<DocumentEdition> out;
    for (auto& [key, d] : by_label) {
        std::size_t space = d.label.rfind(' ');
        d.name = space == std::string::npos ? d.label : d.label.substr(0, space);
        d.edition = space == std::string::npos ? std::string() : d.label.substr(space + 1);
        // Hardest first: the larger share saying hard, then more people saying
        // it, then page order; pages no one was sure about come last.
        std::stable_sort(d.pages.begin(), d.pages.end(), [](const PageResult& a, const PageResult& b) {
            double sa = hard_share(a), sb = hard_share(b);
            if (sa != sb) return sa > sb;
            if (a.hard != b.hard) return a.hard > b.hard;
            return a.page < b.page;
        });
        out.push_back(std::move(d));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const DocumentEdition& a, const DocumentEdition& b) { return a.last_answer > b.last_answer; });
    return out;
}

}  // namespace easyread::report
