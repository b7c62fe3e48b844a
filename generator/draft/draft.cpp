#include "generator/draft/draft.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

#include "generator/lang/data_file.hpp"
#include "generator/draft/draft_facts.hpp"
#include "generator/draft/draft_guard.hpp"
#include "generator/draft/draft_sentences.hpp"
#include "generator/draft/draft_words.hpp"
#include "generator/model/build_document.hpp"
#include "generator/model/text_blocks.hpp"
#include "base/sentences.hpp"

namespace easyread::draft {

using check::BlockKind;
using check::TextBlock;
using check::TextView;
using check::collect_text;

namespace {

std::string sentence_case_if_shouting(const std::string& s) {
    int letters = 0, upper = 0;
    for (unsigned char c : s)
        if (std::isalpha(c)) { ++letters; upper += std::isupper(c) ? 1 : 0; }
    if (letters < 4 || upper != letters) return s;
    std::string out = easyread::lower(s);
    for (auto& c : out)
        if (std::isalpha(static_cast<unsigned char>(c))) { c = static_cast<char>(std::toupper(static_cast<unsigned char>(c))); break; }
    return out;
}

// A paragraph that starts with a bullet character was a list item in the
// source (plain text copied from a web page or a PDF).
bool strip_bullet(std::string& text) {
    for (const char* bullet : {"\xE2\x80\xA2", "\xC2\xB7", "- ", "* "}) {
        std::string b = bullet;
        if (text.rfind(b, 0) == 0) {
            text = trim(text.substr(b.size()));
            return true;
        }
    }
    return false;
}

// Comments must not be closed early by the text they quote.
std::string comment_safe(std::string s) {
    for (std::size_t p = s.find("--"); p != std::string::npos; p = s.find("--", p)) s.replace(p, 2, "- -");
    return s;
}

// A link or picture written in the source: `[text](target)` or `![text](target)`.
struct SourceLink {
    std::string text, target;
    bool picture = false;
    bool used = false;
};

// The links and pictures on source lines first..last (1-based).
std::vector<SourceLink> links_on_lines(const std::string& source, int first, int last) {
    static const std::regex link(R"((!?)\[([^\]\n]*)\]\(([^)\s]+)[^)\n]*\))");
    std::vector<SourceLink> out;
    int line = 1;
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= source.size(); ++i) {
        if (i < source.size() && source[i] != '\n') continue;
        if (line >= first && line <= last) {
            const std::string text = source.substr(begin, i - begin);
            for (std::sregex_iterator it(text.begin(), text.end(), link), end; it != end; ++it)
                out.push_back({(*it)[2].str(), (*it)[3].str(), (*it)[1].length() > 0, false});
        }
        ++line;
        begin = i + 1;
    }
    return out;
}

class DraftWriter {
public:
    DraftWriter(const RuleSet& rules, const Lexicon& lexicon, DraftStats& stats, const std::string& source)
        : rules_(rules), lexicon_(lexicon), stats_(stats), source_(source) {}

    void heading(const TextBlock& b) {
        int level = b.level < 1 ? 1 : b.level > 3 ? 3 : b.level;
        from(b.at.line);
        out_ += std::string(static_cast<std::size_t>(level), '#') + " " + sentence_case_if_shouting(trim(b.text)) + "\n\n";
    }

    // Bullet characters inside a paragraph ("• one • two", from copied web
    // text) start list items of their own.
    void text_block(const TextBlock& b) {
        links_ = links_on_lines(source_, b.at.line, b.where(b.text.empty() ? 0 : b.text.size() - 1).line);
        const std::string bullet_mark = "\xE2\x80\xA2";
        std::size_t start = 0;
        while (start < b.text.size()) {
            std::size_t next = b.text.find(bullet_mark, start + 1);
            if (next == std::string::npos) next = b.text.size();
            segment(b, start, next);
            start = next;
        }
        // Pictures stay, each after its block; a link whose words the draft changed is a TODO.
        for (const auto& l : links_) {
            if (l.picture) {
                from(b.at.line);
                out_ += "![" + l.text + "](" + l.target + ")\n\n";
            } else if (!l.used) {
                todo(b.at.line, "the link \"" + l.text + "\" to " + l.target + " is not in the draft: add it to the sentence it belongs to");
            }
        }
        links_.clear();
    }

    void segment(const TextBlock& b, std::size_t begin, std::size_t end) {
        number_ = begin == 0 ? b.list_number : 0;
        std::string raw = b.text.substr(begin, end - begin);
        std::string text = trim(raw);
        if (text.empty()) return;
        bool bullet = strip_bullet(text) || b.kind == BlockKind::ListItem;
        std::size_t shift = b.text.find(text, begin);  // where the text starts, for its line
        if (shift == std::string::npos) shift = begin;
        for (const auto& s : split_sentences(text)) {
            int line = b.where(shift + s.begin).line;
            sentence(text.substr(s.begin, s.end - s.begin), line, bullet);
        }
    }

    // One source sentence: split, made plain, and looked at again. When any
    // piece reads wrong, the sentence is written as the source has it, with a
    // TODO: a draft never writes broken English.
    void sentence(const std::string& source, int line, bool bullet) {
        const DraftState state_before = state_;
        const DraftStats stats_before = stats_;
        std::vector<DraftedPiece> pieces;
        std::string fault;
        for (const auto& piece : split_for_draft(source, rules_.max_sentence_words)) {
            if (only_joiners(piece.text) && piece.items.empty()) continue;  // stray punctuation or a lone "and"
            pieces.push_back(draft_piece(piece));
            const DraftedPiece& d = pieces.back();
            if (fault.empty()) fault = draft_fault(source, tidy_sentence(d.sentence.text));
            for (const auto& item : d.items)
                if (fault.empty()) fault = draft_fault(source, trim(item.text));
        }
        if (!fault.empty()) {
            state_ = state_before;
            stats_ = stats_before;
            DraftedPiece kept;
            kept.sentence.text = source;
            write_piece(kept, line, bullet);
            todo(line, "kept as the source has it: the plainer words made " + fault + "; make it simpler by hand");
            return;
        }
        for (const auto& d : pieces) write_piece(d, line, bullet);
    }

    // A table stays a table: the build makes each row a question chunk and
    // one chunk per answer, labelled with its column heading. Words are made
    // plain in each cell; sentences are not split, so no cell breaks apart.
    void table(const std::vector<const TextBlock*>& cells) {
        if (cells.empty()) return;
        from(cells.front()->at.line);
        std::vector<std::vector<Rewritten>> rows;
        int row = -2;
        for (const TextBlock* c : cells) {
            if (c->table_row != row) {
                rows.emplace_back();
                row = c->table_row;
            }
            rows.back().push_back(rewrite_words(trim(c->text), lexicon_, rules_, state_, stats_));
        }
        std::size_t columns = 0;
        for (const auto& r : rows) columns = std::max(columns, r.size());
        auto cell_text = [](std::string t) {
            for (auto& ch : t)
                if (ch == '|' || ch == '\n') ch = ch == '|' ? '/' : ' ';
            return trim(t);
        };
        for (std::size_t r = 0; r < rows.size(); ++r) {
            out_ += "|";
            for (std::size_t k = 0; k < columns; ++k)
                out_ += " " + (k < rows[r].size() ? cell_text(rows[r][k].text) : std::string()) + " |";
            out_ += "\n";
            if (r == 0) {
                out_ += "|";
                for (std::size_t k = 0; k < columns; ++k) out_ += "---|";
                out_ += "\n";
            }
        }
        out_ += "\n";
        ++stats_.sentences;
        std::size_t at = 0;
        int line = cells.front()->at.line;
        for (const auto& r : rows)
            for (const auto& x : r) {
                line = cells[std::min(at++, cells.size() - 1)]->at.line;
                for (const auto& e : x.explanations)
                    out_ += "<!-- from line " + std::to_string(line) + ": explains a bold word in the table -->\n" + e +
                            "\n\n";
                for (const auto& t : x.todos) todo(line, t);
                int words = count_words(x.text);
                if (words > rules_.max_sentence_words * 2)
                    todo(line, "a table cell of " + std::to_string(words) +
                                   " words: keep each answer short, one or two sentences");
            }
    }

    void todo(int line, const std::string& what) {
        out_ += "<!-- TODO (line " + std::to_string(line) + "): " + comment_safe(what) + " -->\n\n";
        ++stats_.todos;
    }

    std::string take() { return std::move(out_); }

private:
    void from(int line) { out_ += "<!-- from line " + std::to_string(line) + " -->\n"; }

    // Only joining words ("And.", "or"): left over from a split or a copied
    // line break, never a sentence or a bullet of its own.
    static bool only_joiners(const std::string& text) {
        for (const auto& w : split_words(text))
            if (w.lower != "and" && w.lower != "or" && w.lower != "but" && w.lower != "so" && w.lower != "then" &&
                w.lower != "also" && w.lower != "as" && w.lower != "well")
                return false;
        return true;
    }

    struct DraftedPiece {
        Rewritten sentence;
        std::vector<Rewritten> items;  // a list's items, each made plain
    };

    DraftedPiece draft_piece(const DraftPiece& piece) {
        DraftedPiece d;
        d.sentence = rewrite_words(piece.text, lexicon_, rules_, state_, stats_);
        for (const auto& item : piece.items)
            if (!only_joiners(item)) d.items.push_back(rewrite_words(item, lexicon_, rules_, state_, stats_));
        return d;
    }

    void write_piece(const DraftedPiece& piece, int line, bool bullet) {
        const Rewritten& r = piece.sentence;
        std::vector<Rewritten> items = piece.items;
        from(line);
        // A numbered item keeps its number on its first sentence: it may be a fact ("3. Case management").
        std::string marker = number_ > 0 ? std::to_string(number_) + ". " : bullet ? "- " : "";
        number_ = 0;
        out_ += marker + with_links(with_author_bold(tidy_sentence(r.text))) + "\n";
        if (!items.empty()) {
            out_ += "\n";
            for (const auto& it : items) out_ += "- " + with_links(with_author_bold(trim(it.text))) + "\n";
            ++stats_.lists;
        }
        out_ += "\n";
        ++stats_.sentences;
        int words = count_words(r.text);
        if (words > rules_.max_sentence_words)
            todo(line, "still " + std::to_string(words) + " words (limit " + std::to_string(rules_.max_sentence_words) +
                           "): make this sentence shorter");
        items.insert(items.begin(), r);
        for (const auto& x : items) {
            for (const auto& e : x.explanations) {
                out_ += "<!-- from line " + std::to_string(line) + ": explains the bold word above -->\n" +
                        (bullet ? std::string("- ") : std::string()) + e + "\n\n";
            }
            for (const auto& t : x.todos) todo(line, t);
        }
    }

    struct AuthorBold {
        std::string word;
        bool used = false;
    };
    std::vector<AuthorBold> author_bold_;

    // The first whole-word use of each of the author's bold words, bold.
    std::string with_author_bold(std::string text) {
        auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
        for (auto& b : author_bold_) {
            if (b.used || b.word.empty()) continue;
            const std::string low = lower(text), word = lower(b.word);
            for (std::size_t p = low.find(word); p != std::string::npos && !b.used; p = low.find(word, p + 1)) {
                const std::size_t e = p + word.size();
                if ((p > 0 && alnum(text[p - 1])) || (e < text.size() && alnum(text[e]))) continue;
                int marks = 0;  // bold marks before it: an odd count means it is bold already
                for (std::size_t q = text.find("**"); q < p; q = text.find("**", q + 2)) ++marks;
                if (marks % 2 == 0) text = text.substr(0, p) + "**" + text.substr(p, e - p) + "**" + text.substr(e);
                b.used = true;
            }
        }
        return text;
    }

    // The source's links put back on their words, each once (the words may
    // have a bold glossary term inside: "**NHS** Long Term Plan").
    std::string with_links(std::string text) {
        for (auto& l : links_) {
            if (l.picture || l.used || l.text.empty()) continue;
            for (std::size_t at = 0; at < text.size() && !l.used; ++at) {
                std::size_t i = at, k = 0;
                while (i < text.size() && k < l.text.size()) {
                    if (text.compare(i, 2, "**") == 0 && l.text.compare(k, 2, "**") != 0) i += 2;
                    else if (text[i] == l.text[k]) ++i, ++k;
                    else break;
                }
                if (k < l.text.size() || text.compare(at, 2, "**") == 0) continue;
                // Bold marks stay paired inside the link: "[**NHS** Long Term Plan](...)".
                std::size_t begin = at, marks = 0;
                for (std::size_t p = text.find("**", at); p != std::string::npos && p < i; p = text.find("**", p + 2)) ++marks;
                if (marks % 2 == 1 && begin >= 2 && text.compare(begin - 2, 2, "**") == 0) begin -= 2;
                else if (marks % 2 == 1 && text.compare(i, 2, "**") == 0) i += 2;
                text.replace(begin, i - begin, "[" + text.substr(begin, i - begin) + "](" + l.target + ")");
                l.used = true;
            }
        }
        return text;
    }

public:
    // The author's bold words that the text itself explains: bold again at
    // their first use in the draft and given no hard-word TODO, so the easy
    // read made from the draft lists them on its Hard words page as the
    // source's would.
    // A word the text explains gets no glossary sentence as well.
    void keep_bold(const std::vector<HardWord>& words) {
        for (const auto& w : words) {
            if (w.explanation.empty()) continue;
            for (const auto& x : split_words(w.word)) state_.hard_noted.insert(x.lower);
            author_bold_.push_back({w.word, false});
            const auto* entry = lexicon_.find_term(w.word);
            if (entry && entry->explanation != w.explanation)
                state_.terms_used.insert(static_cast<std::size_t>(entry - lexicon_.glossary.data()));
        }
    }

    // Pictures on source lines no text block covers ("![A map](map.png)" alone).
    void pictures_between(int first, int last) {
        if (last < first) return;
        for (const auto& l : links_on_lines(source_, first, last))
            if (l.picture) {
                from(first);
                out_ += "![" + l.text + "](" + l.target + ")\n\n";
            }
    }

private:
    const RuleSet& rules_;
    const Lexicon& lexicon_;
    DraftStats& stats_;
    const std::string& source_;
    std::vector<SourceLink> links_;  // the block being written
    DraftState state_;
    std::string out_;
    int number_ = 0;  // number of the numbered list item being written
};

std::string title_of(const ParsedMarkdown& md, const TextView& view, const std::string& path) {
    std::string t = md.meta.get("title");
    if (!t.empty()) return t;
    for (const auto& b : view.blocks) {
        if (b.kind == BlockKind::Heading) return trim(b.text);
        if (count_words(b.text) <= 12) return trim(b.text);
        break;
    }
    std::size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string yaml_value(std::string s) {
    for (auto& c : s)
        if (c == '"' || c == '\n') c = '\'';
    return "\"" + s + "\"";
}

}  // namespace

std::string draft_markdown(const SourceText& src, const ParsedMarkdown& md, const RuleSet& rules,
                           const Lexicon& lexicon, DraftStats& stats) {
    TextView view = collect_text(src, md);
    std::string title = title_of(md, view, src.path);
    // summary_of names the source document: the source's own, if it has one.
    const std::string summary_of = md.meta.get("summary_of");
    std::string out = "---\ntitle: " + yaml_value(title) + "\nsummary_of: " +
                      yaml_value(summary_of.empty() ? title : summary_of) + "\n";
    for (const auto& [key, value] : md.meta.values)
        if (key != "title" && key != "summary_of") out += key + ": " + yaml_value(value) + "\n";
    const char* place = src.paragraph_of_line.empty() ? "line" : "paragraph";  // a Word file has paragraphs
    out += "---\n\n<!-- First draft made by rule from " + comment_safe(src.path) + ". Every block names the source " +
           place + " it came from. Read it all, fix each TODO, and check it with people who use easy read. -->\n\n";

    DraftWriter writer(rules, lexicon, stats, src.text);
    {
        Diagnostics quiet;  // the model's warnings are the checker's to give
        writer.keep_bold(build_document(src, md, quiet).hard_words);
    }
    std::size_t html = 0;
    int covered = md.line_offset();  // source lines written so far (front matter first)
    for (std::size_t k = 0; k < view.blocks.size(); ++k) {
        const TextBlock& b = view.blocks[k];
        writer.pictures_between(covered + 1, b.at.line - 1);
        covered = std::max(covered, b.where(b.text.empty() ? 0 : b.text.size() - 1).line);
        while (html < view.html_blocks.size() && view.html_blocks[html].at.line < b.at.line)
            writer.todo(view.html_blocks[html++].at.line, "HTML left out of the draft; add its words by hand if they matter");
        ++stats.source_blocks;
        if (b.kind == BlockKind::Answer) {
            std::vector<const TextBlock*> cells{&b};
            // A header row after body rows starts the next table.
            while (k + 1 < view.blocks.size() && view.blocks[k + 1].kind == BlockKind::Answer &&
                   !(view.blocks[k + 1].table_row == 0 && view.blocks[k].table_row > 0)) {
                cells.push_back(&view.blocks[++k]);
                ++stats.source_blocks;
            }
            writer.table(cells);
            continue;
        }
        if (trim(b.text).empty()) {
            writer.pictures_between(b.at.line, covered);
            continue;
        }
        if (b.kind == BlockKind::Heading) writer.heading(b);
        else writer.text_block(b);
    }
    writer.pictures_between(covered + 1, static_cast<int>(std::count(src.text.begin(), src.text.end(), '\n')) + 1);
    while (html < view.html_blocks.size())
        writer.todo(view.html_blocks[html++].at.line, "HTML left out of the draft; add its words by hand if they matter");
    out += writer.take();
    // Last, every number, date and name of the source with the line that keeps it.
    const std::vector<Fact> facts = source_facts(view, &lexicon);
    stats.facts = static_cast<int>(facts.size());
    out += facts_checklist(facts, out, stats.facts_missing);
    return out;
}

}  // namespace easyread::draft
