#include "generator/check/check_context.hpp"

#include "generator/lang/syllables.hpp"

namespace easyread::check {

using lang::count_syllables;
using lang::written_as_acronym;

CheckContext::CheckContext(const std::string& file_, const FrontMatter& meta_, const RuleSet& rules_,
                           const Lexicon& lexicon_, const TextView& view_, Diagnostics& diags)
    : file(file_), meta(meta_), rules(rules_), lexicon(lexicon_), view(view_), diags_(diags) {
    words.reserve(view.blocks.size());
    for (const auto& b : view.blocks) {
        BlockWords bw;
        bw.sentences = split_sentences(b.text);
        std::size_t n = 0;
        for (const auto& s : bw.sentences) n += s.words.size();
        for (auto* v : {&bw.glossary, &bw.plain, &bw.same}) v->reserve(n);
        bw.words.reserve(n);
        bw.lower.reserve(n);
        bw.sentence_of.reserve(n);
        bw.syllables.reserve(n);
        for (std::size_t s = 0; s < bw.sentences.size(); ++s)
            for (const auto& w : bw.sentences[s].words) {
                bw.words.push_back(w);
                bw.lower.push_back(w.lower);
                bw.sentence_of.push_back(s);
            }
        for (std::size_t i = 0; i < bw.words.size(); ++i) {
            auto term = lexicon.glossary_index.match(bw.lower, i);
            if (term.second > 0 && lexicon.glossary[term.first].acronym &&
                !written_as_acronym(b.text.substr(bw.words[i].begin, bw.words[i].end - bw.words[i].begin)))
                term = {0, 0};
            bw.glossary.push_back(term);
            bw.plain.push_back(lexicon.plain_index.match(bw.lower, i));
            bw.same.push_back(lexicon.same_index.match(bw.lower, i));
            bw.syllables.push_back(count_syllables(bw.lower[i]));
        }
        words.push_back(std::move(bw));
    }
}

void CheckContext::report(const TextBlock& block, std::size_t byte, const std::string& id,
                          const std::string& message, const std::string& hint) const {
    report_at(block.where(byte), id, message, hint);
}

void CheckContext::report_at(FilePos at, const std::string& id, const std::string& message,
                             const std::string& hint) const {
    if (!rules.enabled(id)) return;
    Severity sev = rules.errors.count(id) ? Severity::Error : Severity::Warning;
    diags_.add({sev, file, at.line, at.column, id, message, hint});
}

void CheckContext::note_at(FilePos at, const std::string& id, const std::string& message,
                           const std::string& hint) const {
    if (!rules.enabled(id)) return;
    diags_.add({Severity::Note, file, at.line, at.column, id, message, hint});
}

std::string CheckContext::text_of(std::size_t block, const Word& w) const {
    return view.blocks[block].text.substr(w.begin, w.end - w.begin);
}

const Sentence* CheckContext::next_sentence(std::size_t b, std::size_t s, std::size_t* next_block) const {
    if (s + 1 < words[b].sentences.size()) {
        if (next_block) *next_block = b;
        return &words[b].sentences[s + 1];
    }
    for (std::size_t k = b + 1; k < words.size(); ++k) {
        if (view.blocks[k].kind == BlockKind::Heading) return nullptr;
        if (!words[k].sentences.empty()) {
            if (next_block) *next_block = k;
            return &words[k].sentences[0];
        }
    }
    return nullptr;
}

std::string quote(const std::string& text, std::size_t max_chars) {
    if (text.size() <= max_chars) return "\"" + text + "\"";
    std::size_t cut = text.rfind(' ', max_chars);
    if (cut == std::string::npos || cut < max_chars / 2) cut = max_chars;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole characters
    return "\"" + text.substr(0, cut) + "...\"";
}

}  // namespace easyread::check
