#include "generator/render/speech_script.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "base/text_util.hpp"
#include "generator/layout/chunk_markup.hpp"

namespace easyread {

namespace {

// Pango markup to the text it shows: tags dropped, entities read.
std::string markup_text(const std::string& markup) {
    std::string out;
    out.reserve(markup.size());
    for (std::size_t i = 0; i < markup.size(); ++i) {
        char c = markup[i];
        if (c == '<') {
            auto end = markup.find('>', i);
            if (end == std::string::npos) break;
            i = end;
        } else if (c == '&') {
            auto end = markup.find(';', i);
            std::string name = end == std::string::npos ? std::string() : markup.substr(i + 1, end - i - 1);
            if (name == "amp") out += '&';
            else if (name == "lt") out += '<';
            else if (name == "gt") out += '>';
            else if (name == "quot") out += '"';
            else if (name == "apos") out += '\'';
            else if (name.size() > 1 && name[0] == '#') {
                long cp = name[1] == 'x' ? std::strtol(name.c_str() + 2, nullptr, 16) : std::strtol(name.c_str() + 1, nullptr, 10);
                if (cp > 0 && cp < 0x80) out += static_cast<char>(cp);
                else out += ' ';
            } else {
                out += c;
                continue;
            }
            i = end;
        } else {
            out += c;
        }
    }
    // List items begin with a bullet, which is seen and not said.
    const std::string bullet = list_bullet();
    for (std::size_t at; (at = out.find(bullet)) != std::string::npos;) out.erase(at, bullet.size());
    return out;
}

bool ends_sentence(const std::string& s) {
    std::size_t n = s.size();
    while (n > 0 && s[n - 1] == ' ') --n;
    if (n == 0) return true;
    char c = s[n - 1];
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == ',';
}

// Lines of one chunk joined as sentences; the first line of a Hard words
// entry is the word, said "word: explanation".
std::string join_lines(const std::string& text, bool hard_word) {
    std::string out;
    bool first = true;
    for (const auto& raw : split(text, '\n')) {
        std::string line = trim(raw);
        if (line.empty()) continue;
        if (!out.empty()) out += hard_word && first ? ": " : (ends_sentence(out) ? " " : ". ");
        if (!out.empty()) first = false;
        out += line;
    }
    return out;
}

}  // namespace

SpeechScript speech_script(const LaidOutDocument& doc, const SpeechPauses& pauses, bool with_contents) {
    SpeechScript s;
    // Sections start at the content's top heading level (the cover has the title as H1).
    Tag top = Tag::H3;
    for (const auto& page : doc.pages)
        if (page.role == PageRole::Content)
            for (const auto& it : page.items)
                if (it.kind == ItemKind::Text && (it.tag == Tag::H1 || it.tag == Tag::H2) && it.tag < top) top = it.tag;
    int announced = -1;
    PageRole last_role = PageRole::Cover;
    for (std::size_t pi = 0; pi < doc.pages.size(); ++pi) {
        const Page& page = doc.pages[pi];
        if (page.role == PageRole::Contents && !with_contents) continue;
        // The page's text items, one group per chunk, in reading order.
        struct Group {
            std::string text;
            Tag tag = Tag::P;
            int chunk = -1;
        };
        std::vector<Group> groups;
        for (const auto& it : page.items) {
            if (it.kind != ItemKind::Text) continue;
            if (groups.empty() || groups.back().chunk != it.chunk || it.chunk < 0)
                groups.push_back({{}, it.tag, it.chunk});
            auto& g = groups.back();
            std::string t = markup_text(it.markup);
            // A numbered step is said with its number ("2. Tell us what you
            // need."): the order is part of what it says. A bullet is not said.
            const std::string label = trim(markup_text(it.label));
            if (g.text.empty() && !label.empty() && std::isdigit(static_cast<unsigned char>(label[0]))) t = label + " " + t;
            if (!g.text.empty() && !t.empty()) g.text += g.text.back() == '\n' ? "" : " ";
            g.text += t;
        }
        bool first_on_page = true;
        for (const auto& g : groups) {
            const bool heading = g.tag == Tag::H1 || g.tag == Tag::H2 || g.tag == Tag::H3;
            std::string text = join_lines(g.text, page.role == PageRole::HardWords && !heading);
            if (text.empty()) continue;
            bool new_section = false;
            if (s.utterances.empty()) new_section = true;
            else if (page.role == PageRole::Content && g.tag == top) new_section = true;
            else if ((page.role == PageRole::HardWords || page.role == PageRole::Back) && heading && first_on_page &&
                     last_role != page.role)
                new_section = true;
            first_on_page = false;
            if (new_section)
                s.sections.push_back({page.role == PageRole::Cover && s.sections.empty() && !doc.title.empty()
                                          ? doc.title
                                          : text,
                                      s.utterances.size()});
            const int section = s.sections.empty() ? -1 : static_cast<int>(s.sections.size()) - 1;
            double pause = s.utterances.empty() ? 0 : new_section ? pauses.section : pauses.chunk;
            if (page.number > 0 && page.role != PageRole::Cover && announced != static_cast<int>(pi)) {
                announced = static_cast<int>(pi);
                s.utterances.push_back(
                    {UtteranceKind::PageNumber, "Page " + std::to_string(page.number), pause, static_cast<int>(pi), -1, section});
                pause = pauses.page;
            }
            s.utterances.push_back({heading ? UtteranceKind::Heading : UtteranceKind::Chunk, text, pause,
                                    static_cast<int>(pi), g.chunk, section});
        }
        last_role = page.role;
    }
    return s;
}

}  // namespace easyread
