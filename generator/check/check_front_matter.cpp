// The front matter of an easy read document: a misspelt key ("contcat:",
// "titel:") is named with the key it was probably meant to be, and a
// document without contact details is named, since the back page would
// have none to print.
#include <algorithm>
#include <vector>

#include "generator/check/check_context.hpp"
#include "generator/lang/numbers.hpp"
#include "generator/lang/data_file.hpp"

namespace easyread::check {

using lang::numeric_date_in_words;

namespace {

// Every key the generator and its renderers read.
const std::vector<std::string>& known_keys() {
    static const std::vector<std::string> keys = {"title", "subtitle",   "summary_of", "organisation",
                                                  "date",  "contact",    "checked_by", "picture",
                                                  "logo",  "lang",       "author",     "version",
                                                  "rules"};
    return keys;
}

// Letters to add, drop, change or swap to turn one word into the other.
std::size_t edit_distance(const std::string& a, const std::string& b) {
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
    for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= n; ++i)
        for (std::size_t j = 1; j <= m; ++j) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[n][m];
}

}  // namespace

std::string nearest_front_matter_key(const std::string& key) {
    std::string best;
    std::size_t best_distance = key.size() / 2 + 1;  // more changes than this: not a typo
    std::string lowered = easyread::lower(key);
    for (auto& c : lowered)
        if (c == '-' || c == ' ') c = '_';
    for (const auto& k : known_keys()) {
        std::size_t d = lowered == k ? 0 : edit_distance(lowered, k);
        // "organization", "summary-of", "Contact": one key, written another way.
        if (d < best_distance || (d == best_distance && best.empty() && d <= 2)) {
            best_distance = d;
            best = k;
        }
    }
    if (best.empty() && (lowered == "organization" || lowered == "org")) best = "organisation";
    return best;
}

void check_front_matter(const CheckContext& ctx) {
    const FrontMatter& meta = ctx.meta;
    if (meta.values.empty()) return;  // no front matter at all: nothing to check
    const auto& keys = known_keys();
    std::vector<std::pair<int, std::string>> by_line;
    for (const auto& [key, line] : meta.lines) by_line.emplace_back(line, key);
    std::sort(by_line.begin(), by_line.end());
    for (const auto& [line, key] : by_line) {
        if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
        if (!ctx.on("front-matter-key")) break;
        std::string near = nearest_front_matter_key(key);
        ctx.report_at({line, 1}, "front-matter-key", "\"" + key + "\" is not a front matter key the generator knows",
                      near.empty() ? "The keys are title, subtitle, summary_of, organisation, date, contact, "
                                     "checked_by, picture, logo and lang."
                                   : "Did you mean " + near + "? Write \"" + near + ": ...\".");
    }
    // The date is printed on the cover: a date in numbers there is misread too.
    if (const std::string date = trim(meta.get("date")); !date.empty() && ctx.on("numeric-date")) {
        const std::string words = numeric_date_in_words(lower(date));
        if (!words.empty())
            ctx.report_at({meta.lines.count("date") ? meta.lines.at("date") : 1, 1}, "numeric-date",
                          "the date \"" + date + "\" is in numbers, and it is printed on the cover",
                          "Write the month as a word: \"date: " + words + "\".");
    }
    if (ctx.on("no-contact") && meta.get("contact").empty()) {
        auto at = meta.lines.find("contact");
        ctx.report_at({at == meta.lines.end() ? 1 : at->second, 1}, "no-contact",
                      "there are no contact details, so the back page cannot say how to get in touch",
                      "Add a line like \"contact: Call 01234 567890 or email us at help@example.org\" "
                      "to the front matter.");
    }
}

}  // namespace easyread::check
