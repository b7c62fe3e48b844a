#include "studio/meaning.hpp"

#include <cctype>
#include <cstdlib>
#include <vector>

#include "base/text_util.hpp"
#include "generator/pipeline.hpp"

namespace easyread::studio {

namespace {

// The text as the generator reads a block's words (no bold marks, a link's
// words without its address, a line break as a space, no comments), with
// the byte in the text each character came from.
struct PlainText {
    std::string plain;
    std::vector<std::size_t> at;
};

PlainText plain_of(const std::string& text) {
    PlainText m;
    std::size_t i = 0;
    auto put = [&](char c, std::size_t from) {
        m.plain += c;
        m.at.push_back(from);
    };
    while (i < text.size()) {
        const char c = text[i];
        if (text.compare(i, 4, "<!--") == 0) {
            const auto end = text.find("-->", i);
            i = end == std::string::npos ? text.size() : end + 3;
        } else if ((c == '*' || c == '_') && i + 1 < text.size() && text[i + 1] == c) {
            i += 2;
        } else if (c == '\\' && i + 1 < text.size() && std::ispunct(static_cast<unsigned char>(text[i + 1]))) {
            put(text[i + 1], i + 1);
            i += 2;
        } else if (c == ']' && i + 1 < text.size() && text[i + 1] == '(' && text.find(')', i) != std::string::npos) {
            i = text.find(')', i) + 1;
        } else if (c == '[') {
            ++i;
        } else if (c == '\n') {
            put(' ', i);
            ++i;
            while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
        } else {
            put(c, i);
            ++i;
        }
    }
    return m;
}

std::size_t line_start(const std::string& text, int line) {
    std::size_t pos = 0;
    for (int l = 1; l < line && pos != std::string::npos; ++l) {
        pos = text.find('\n', pos);
        if (pos != std::string::npos) ++pos;
    }
    return pos == std::string::npos ? text.size() : pos;
}

std::string squeeze(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    return trim(out);
}

// The explanation the generator reads for `word`; false when the word is not a hard word there.
bool read_meaning(const std::string& path, const std::string& root, const symbols::Bank& bank,
                  const std::string& text, const std::string& word, std::string& explanation, int& line) {
    SourceText src;
    src.path = path;
    src.text = text;
    PipelineOptions po;
    po.bank = &bank;
    po.layout = false;
    po.checks = false;
    po.files_root = root;
    auto c = compile(std::move(src), po);
    for (const auto& w : c->doc.hard_words) {
        if (lower(w.word) != lower(word)) continue;
        explanation = w.explanation;
        line = w.line;
        return true;
    }
    return false;
}

// Where a new sentence goes: after the sentence holding the word's first
// bold use (line `line`), before a picture choice ending the line.
// `ends` says whether that sentence has its end mark ("." to add when not).
std::size_t after_sentence_of(const std::string& text, const std::string& word, int line, bool& ends) {
    ends = true;
    const std::size_t from = line_start(text, line);
    std::size_t at = std::string::npos;
    for (const std::string& mark : {std::string("**"), std::string("__")}) {
        at = text.find(mark + word + mark, from);
        if (at != std::string::npos) {
            at += word.size() + 2 * mark.size();
            break;
        }
    }
    if (at == std::string::npos) {
        at = text.find(word, from);
        if (at == std::string::npos) return std::string::npos;
        at += word.size();
    }
    const std::size_t line_end = std::min(text.find('\n', at), text.size());
    for (std::size_t i = at; i < line_end; ++i) {
        if (text[i] != '.' && text[i] != '!' && text[i] != '?') continue;
        std::size_t j = i + 1;
        while (j < line_end && (text[j] == '*' || text[j] == '_' || text[j] == ')')) ++j;
        if (j == line_end || text[j] == ' ') return j;
    }
    // No end mark on the line: at its end, before a trailing {attributes} block.
    ends = false;
    std::size_t end = line_end;
    while (end > at && text[end - 1] == ' ') --end;
    if (end > at && text[end - 1] == '}') {
        const auto open = text.rfind('{', end - 1);
        if (open != std::string::npos && open > at) {
            end = open;
            while (end > at && text[end - 1] == ' ') --end;
        }
    }
    return end;
}

}  // namespace

MeaningEdit set_meaning(const std::string& path, const std::string& files_root, const symbols::Bank& bank,
                        const std::string& text, const std::string& word, const std::string& meaning) {
    MeaningEdit out;
    std::string m = squeeze(meaning);
    while (!m.empty() && (m.back() == ',' || m.back() == ';' || m.back() == ':')) m.pop_back();
    if (m.empty()) {
        out.error = "write what \"" + word + "\" means";
        return out;
    }
    if (m.find("<!--") != std::string::npos || m.find("-->") != std::string::npos || m.find("**") != std::string::npos) {
        out.error = "write the meaning as plain words";
        return out;
    }
    m[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(m[0])));
    if (m.back() != '.' && m.back() != '!' && m.back() != '?') m += '.';

    std::string old;
    int line = 0;
    if (!read_meaning(path, files_root, bank, text, word, old, line)) {
        out.error = "\"" + word + "\" is not a hard word (in bold) in the text";
        return out;
    }
    // The sentence as written, then two forms the generator takes as being
    // about the word right after it: "This means ...", "Word means ...".
    std::string rest = m;
    rest[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(rest[0])));
    std::string named = word + " means " + rest;
    named[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(named[0])));
    const std::vector<std::string> forms = {m, "This means " + rest, named};

    std::vector<std::string> candidates;
    // The old explanation rewritten where it stands, nearest the word first.
    if (!old.empty()) {
        const PlainText p = plain_of(text);
        const std::string target = squeeze(old);
        std::size_t best = std::string::npos;
        long best_distance = 0;
        const std::size_t word_at = line_start(text, line);
        for (std::size_t s = p.plain.find(target); s != std::string::npos; s = p.plain.find(target, s + 1)) {
            const long distance = std::labs(static_cast<long>(p.at[s]) - static_cast<long>(word_at));
            if (best == std::string::npos || distance < best_distance) {
                best = s;
                best_distance = distance;
            }
        }
        if (best != std::string::npos) {
            const std::size_t a = p.at[best], b = p.at[best + target.size() - 1] + 1;
            for (const auto& f : forms) candidates.push_back(text.substr(0, a) + f + text.substr(b));
        }
    }
    // A new sentence right after the word's own.
    bool ends = true;
    if (const std::size_t at = after_sentence_of(text, word, line, ends); at != std::string::npos)
        for (const auto& f : forms) candidates.push_back(text.substr(0, at) + (ends ? " " : ". ") + f + text.substr(at));

    for (const auto& candidate : candidates) {
        std::string now;
        int now_line = 0;
        if (!read_meaning(path, files_root, bank, candidate, word, now, now_line)) continue;
        for (const auto& f : forms) {
            if (squeeze(now) != f) continue;
            out.text = candidate;
            out.explanation = now;
            return out;
        }
    }
    out.error = "the studio could not write that meaning so that it is read as the meaning of \"" + word +
                "\": write it in the text, right after the sentence with the word";
    return out;
}

}  // namespace easyread::studio
