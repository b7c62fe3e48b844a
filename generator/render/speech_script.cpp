#include "generator/render/speech_script.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <regex>

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

bool load_pronunciations(const std::string& path, Pronunciations& out, Diagnostics& diags) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return true;
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        std::string t = trim(line);
        if (t.empty() || t[0] == '#') continue;
        auto colon = t.find(':');
        std::string word = colon == std::string::npos ? std::string() : trim(t.substr(0, colon));
        std::string say = colon == std::string::npos ? std::string() : trim(t.substr(colon + 1));
        if (word.empty() || say.empty()) {
            diags.warning(path, n, 1, "bad-pronunciation", "this line is not 'word: how to say it'",
                          "Write the word, a colon, then how to say it, e.g. 'LeDeR: led-er'.");
            continue;
        }
        out.words[word] = say;
    }
    return true;
}

namespace {

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); }

std::string apply_user_words(const std::string& text, const Pronunciations& p) {
    if (p.words.empty()) return text;
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        bool replaced = false;
        if (i == 0 || !word_char(text[i - 1])) {
            // The longest key that matches here wins.
            const std::pair<const std::string, std::string>* best = nullptr;
            for (const auto& kv : p.words) {
                const std::string& k = kv.first;
                if (text.compare(i, k.size(), k) == 0 && (i + k.size() == text.size() || !word_char(text[i + k.size()])) &&
                    (!best || k.size() > best->first.size()))
                    best = &kv;
            }
            if (best) {
                out += best->second;
                i += best->first.size();
                replaced = true;
            }
        }
        if (!replaced) out += text[i++];
    }
    return out;
}

std::string ordinal(int n) {
    const int tens = n % 100;
    const char* suffix = (tens >= 11 && tens <= 13) ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
    return std::to_string(n) + suffix;
}

const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};

template <class F>
std::string replace_each(const std::string& text, const std::regex& re, F f) {
    std::string out;
    auto last = text.cbegin();
    for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end; ++it) {
        out.append(last, (*it)[0].first);
        out += f(*it);
        last = (*it)[0].second;
    }
    out.append(last, text.cend());
    return out;
}

std::string spell_digits(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (std::isdigit(static_cast<unsigned char>(c))) out += std::string(out.empty() || out.back() == ' ' ? "" : " ") + c;
        else if (c == ' ' && !out.empty() && out.back() != ',') out += ", ";
    }
    return out;
}

}  // namespace

std::string speakable(const std::string& input, const Pronunciations& p) {
    std::string t = apply_user_words(input, p);

    // Signs the engine reads badly or not at all.
    static const std::pair<const char*, const char*> kSigns[] = {
        {"\xC2\xB7", ","},         // middle dot between contact details
        {"\xE2\x80\x93", ","},     // en dash
        {"\xE2\x80\x94", ","},     // em dash
        {"&", " and "},
        {"e.g.", "for example"},
        {"i.e.", "that is"},
    };
    for (const auto& [from, to] : kSigns)
        for (std::size_t at = 0; (at = t.find(from, at)) != std::string::npos; at += std::strlen(to))
            t.replace(at, std::strlen(from), to);

    // Phone numbers (a leading 0 and 10 or 11 digits): digit by digit, in their groups.
    static const std::regex phone(R"(\b0\d{2,4}(?: ?\d{3,4}){1,3}\b)");
    t = replace_each(t, phone, [](const std::smatch& m) {
        std::string s = m.str();
        int digits = 0;
        for (char c : s) digits += std::isdigit(static_cast<unsigned char>(c)) ? 1 : 0;
        return digits >= 10 && digits <= 11 ? spell_digits(s) : s;
    });

    // Money: "£1,200" -> "1200 pounds", "£5.50" -> "5 pounds 50", "£1.2 million" -> "1.2 million pounds".
    static const std::regex money(R"(\xC2\xA3(\d[\d,]*)(\.\d+)?( (?:thousand|million|billion))?)");
    t = replace_each(t, money, [](const std::smatch& m) {
        std::string whole = m[1].str();
        whole.erase(std::remove(whole.begin(), whole.end(), ','), whole.end());
        const std::string frac = m[2].str(), mult = m[3].str();
        if (mult.empty() && frac.size() == 3) {
            const std::string pence = frac.substr(1) == "00" ? "" : " " + std::to_string(std::stoi(frac.substr(1)));
            return whole + (whole == "1" ? " pound" : " pounds") + pence;
        }
        return whole + frac + mult + (whole == "1" && frac.empty() && mult.empty() ? " pound" : " pounds");
    });
    static const std::regex pence(R"(\b(\d+)p\b)");
    t = replace_each(t, pence, [](const std::smatch& m) { return m[1].str() + (m[1].str() == "1" ? " penny" : " pence"); });

    // Thousands separators: the engine reads "1,200" as two numbers.
    static const std::regex thousands(R"((\d),(\d{3})(?!\d))");
    for (std::string before; before != t;) {
        before = t;
        t = std::regex_replace(t, thousands, "$1$2");
    }

    // Dates: "05/07/2024" -> "5th July 2024"; "3 May 2024" -> "3rd May 2024".
    static const std::regex numeric_date(R"(\b(\d{1,2})/(\d{1,2})/(\d{4})\b)");
    t = replace_each(t, numeric_date, [](const std::smatch& m) {
        int d = std::stoi(m[1].str()), mo = std::stoi(m[2].str());
        if (d < 1 || d > 31 || mo < 1 || mo > 12) return m.str();
        return ordinal(d) + " " + kMonths[mo - 1] + " " + m[3].str();
    });
    static const std::regex day_month(
        R"(\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December)\b)");
    t = replace_each(t, day_month, [](const std::smatch& m) {
        int d = std::stoi(m[1].str());
        return d >= 1 && d <= 31 ? ordinal(d) + " " + m[2].str() : m.str();
    });

    // Times: "10am" -> "10 a m", "2.30pm" -> "2 30 p m".
    static const std::regex time(R"(\b(\d{1,2})(?:[.:](\d{2}))? ?([ap])(?:\.m\.|m)(?![A-Za-z]))");
    t = replace_each(t, time, [](const std::smatch& m) {
        std::string mins = m[2].str();
        return m[1].str() + (mins.empty() || mins == "00" ? "" : " " + mins) + " " + m[3].str() + " m";
    });

    // Acronyms: "NHS" -> "N H S", "GPs" -> "G P's".
    static const std::regex acronym(R"(\b([A-Z]{2,6})(s?)\b)");
    t = replace_each(t, acronym, [](const std::smatch& m) {
        std::string letters = m[1].str(), out;
        for (std::size_t i = 0; i < letters.size(); ++i) out += (i ? " " : "") + std::string(1, letters[i]);
        return out + (m[2].length() ? "'s" : "");
    });
    return t;
}

}  // namespace easyread
