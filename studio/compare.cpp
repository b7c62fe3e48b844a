#include "studio/compare.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "base/text_util.hpp"
#include "generator/draft/draft_facts.hpp"
#include "generator/lang/lexicon.hpp"
#include "generator/lang/rule_set.hpp"
#include "generator/model/text_blocks.hpp"
#include "generator/parse/markdown_front.hpp"
#include "generator/parse/office_reader.hpp"

namespace easyread::studio {

namespace {

// Words that set what someone must, can or will do: changing one changes the meaning.
const std::vector<std::vector<std::string>> kDutyPhrases = {
    {"must", "not"}, {"do", "not", "have", "to"}, {"have", "to"}, {"has", "to"}, {"need", "to"},
    {"must"}, {"cannot"}, {"can't"}, {"can"}, {"should"}, {"shall"}, {"will", "not"}, {"won't"},
    {"will"}, {"may"}, {"might"}, {"never"}, {"always"}};

std::vector<std::string> lower_words(const std::string& text) {
    std::vector<std::string> words;
    std::string w;
    for (char ch : text) {
        unsigned char c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || c == '\'' || c >= 0x80) {
            w += static_cast<char>(std::tolower(c));
        } else if (!w.empty()) {
            words.push_back(w);
            w.clear();
        }
    }
    if (!w.empty()) words.push_back(w);
    for (auto& x : words)  // a curly apostrophe reads as a straight one
        for (std::size_t p; (p = x.find("\xe2\x80\x99")) != std::string::npos;) x.replace(p, 3, "'");
    return words;
}

std::string plain(const std::string& s) {
    std::string out;
    for (char c : lower(s))
        if (c != ',' && c != '*') out += c;
    return out;
}

// The first cell of a Markdown table row ("| Liaison nurses | ICB |"), plain.
std::string first_cell(const std::string& row) {
    const std::size_t a = row.find('|');
    const std::size_t b = a == std::string::npos ? a : row.find('|', a + 1);
    return b == std::string::npos ? std::string() : plain(trim(row.substr(a + 1, b - a - 1)));
}

}  // namespace

std::vector<std::string> duty_words(const std::string& text) {
    const auto words = lower_words(text);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        for (const auto& phrase : kDutyPhrases) {
            if (i + phrase.size() > words.size() || !std::equal(phrase.begin(), phrase.end(), words.begin() + i))
                continue;
            std::string joined;
            for (const auto& p : phrase) joined += (joined.empty() ? "" : " ") + p;
            if (std::find(out.begin(), out.end(), joined) == out.end()) out.push_back(joined);
            i += phrase.size() - 1;
            break;
        }
    }
    return out;
}

std::vector<SourceParagraph> compare_draft(const SourceText& source, const std::string& draft_text) {
    Diagnostics diags;
    ParsedMarkdown md = parse_markdown(source, diags);
    check::TextView view = check::collect_text(source, md);
    lang::RuleSet rules;
    lang::Lexicon lexicon;
    const bool have_lexicon = lang::load_rule_set(lang::kDefaultRuleSet, rules, diags) &&
                              lang::load_lexicon(rules, lexicon, diags);
    const std::vector<draft::Fact> facts = draft::source_facts(view, have_lexicon ? &lexicon : nullptr);

    std::vector<SourceParagraph> out;
    std::vector<std::string> row_key;  // a table row's first cell, plain ("" for a paragraph)
    for (const auto& b : view.blocks) {
        if (trim(b.text).empty()) continue;
        if (b.kind == check::BlockKind::Answer && !out.empty() && out.back().line == b.at.line) {
            out.back().text += " | " + b.text;  // one table row, one paragraph
            continue;
        }
        row_key.push_back(b.kind == check::BlockKind::Answer ? plain(trim(b.text)) : std::string());
        SourceParagraph p;
        p.line = b.at.line;
        p.para = office::paragraph_of(source, b.at.line);
        p.text = b.text;
        p.heading = b.kind == check::BlockKind::Heading;
        out.push_back(std::move(p));
    }

    // The draft's chunks, each under the "<!-- from line N -->" naming its source.
    std::map<int, std::vector<std::pair<int, std::string>>> chunks_of;  // source line -> (draft line, text)
    int from = 0, line_no = 0;
    bool in_chunk = false;
    std::size_t pos = 0;
    while (pos <= draft_text.size()) {
        std::size_t end = draft_text.find('\n', pos);
        if (end == std::string::npos) end = draft_text.size();
        const std::string line = trim(draft_text.substr(pos, end - pos));
        ++line_no;
        const std::string mark = "<!-- from line ";
        if (line.rfind(mark, 0) == 0) {
            from = std::atoi(line.c_str() + mark.size());
            in_chunk = false;
        } else if (line.empty()) {
            in_chunk = false;
        } else if (line.rfind("<!--", 0) != 0 && from > 0 && line != "---") {
            // A table's rows stay apart (its dashes are no chunk): each is found by its source row below.
            const bool row = line[0] == '|';
            if (!row || line.find_first_not_of("|-: \t") != std::string::npos) {
                auto& list = chunks_of[from];
                if (in_chunk && !list.empty() && !row) list.back().second += " " + line;
                else list.emplace_back(line_no, line);
            }
            in_chunk = !row;
        }
        pos = end + 1;
    }

    for (std::size_t i = 0; i < out.size(); ++i) {
        SourceParagraph& p = out[i];
        const int next = i + 1 < out.size() ? out[i + 1].line : 1 << 30;
        std::string easy;
        for (auto it = chunks_of.lower_bound(p.line); it != chunks_of.end() && it->first < next; ++it)
            for (const auto& [draft_line, text] : it->second) {
                p.chunks.push_back(draft_line);
                easy += " " + text;
            }
        // A row of a source table: the draft names the table's first row
        // above the whole table, so each row is the draft's row that starts
        // with the same first cell (the first row too, not the whole table).
        if (!row_key[i].empty()) {
            std::size_t first = i;
            while (first > 0 && !row_key[first - 1].empty()) --first;
            int table_end = 1 << 30;
            for (std::size_t k = i + 1; k < out.size(); ++k)
                if (row_key[k].empty()) {
                    table_end = out[k].line;
                    break;
                }
            for (auto it = chunks_of.lower_bound(out[first].line); it != chunks_of.end() && it->first < table_end; ++it)
                for (const auto& [draft_line, text] : it->second)
                    if (text[0] == '|' && first_cell(text) == row_key[i]) {
                        p.chunks.assign(1, draft_line);
                        easy = text;
                    }
        }
        if (p.chunks.empty()) continue;  // left out as a whole: the page says so
        const std::string easy_plain = plain(easy);
        for (const auto& f : facts) {
            if (f.source_line < p.line || f.source_line >= next) continue;
            bool kept = easy_plain.find(plain(f.written)) != std::string::npos;
            for (const auto& form : f.draft_forms) kept = kept || easy_plain.find(plain(form)) != std::string::npos;
            if (!kept && std::find(p.left_out.begin(), p.left_out.end(), f.written) == p.left_out.end())
                p.left_out.push_back(f.written);
        }
        const auto src_duty = duty_words(p.text), easy_duty = duty_words(easy);
        for (const auto& w : src_duty)
            if (std::find(easy_duty.begin(), easy_duty.end(), w) == easy_duty.end()) p.left_out.push_back(w);
        for (const auto& w : easy_duty)
            if (std::find(src_duty.begin(), src_duty.end(), w) == src_duty.end()) p.added.push_back(w);
    }
    return out;
}

}  // namespace easyread::studio
