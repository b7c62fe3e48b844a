// What the audio version says, in reading order: the laid-out pages turned
// into utterances with the pause before each, page announcements and the
// sections that become chapter marks; and the pronunciation step that makes
// each utterance speakable (acronyms, numbers, dates, money, a user's list).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "base/diagnostics.hpp"
#include "generator/layout/pages.hpp"

namespace easyread {

enum class UtteranceKind { Chunk, Heading, PageNumber };

struct Utterance {
    UtteranceKind kind = UtteranceKind::Chunk;
    std::string text;           // as written (markup removed)
    double pause_before = 0;    // seconds of silence before it
    int page = 0;               // index into LaidOutDocument::pages
    int chunk = -1;             // the chunk number of its items; -1 for a page announcement
    int section = -1;           // index into SpeechScript::sections, or -1 for none
};

struct SpeechSection {
    std::string title;
    std::size_t first = 0;  // first utterance of the section
};

struct SpeechScript {
    std::vector<Utterance> utterances;
    std::vector<SpeechSection> sections;  // the cover, each top-level heading, Hard words, Contact us
};

// Seconds of silence the script puts between parts.
struct SpeechPauses {
    double chunk = 0.7;    // between chunks
    double section = 1.6;  // before a new section
    double page = 0.4;     // after "Page 5", before the page's first chunk
};

// The cover (title, "This is an easy read version of ..."), the content in
// reading order with "Page N" at each new numbered page, the Hard words page
// as "word: explanation" and the back page. The contents page is left out
// (the chapter marks take its place) unless `with_contents` is set: a
// kiosk reading one page at a time reads the contents page too.
SpeechScript speech_script(const LaidOutDocument& doc, const SpeechPauses& pauses = {}, bool with_contents = false);

// Words said instead of others, from a pronunciation file such as
//   # comment
//   LeDeR: led-er
// Keys are matched as whole words, exactly as written.
struct Pronunciations {
    std::map<std::string, std::string> words;
};

// Reads `path`; a missing file is no error (returns true with nothing).
// Bad lines are warnings naming the file and line.
bool load_pronunciations(const std::string& path, Pronunciations& out, Diagnostics& diags);

// The text as a speech engine should get it: the user's words first, then
// acronyms spelled ("NHS" -> "N H S"), money ("£1,200" -> "1200 pounds"),
// dates ("3 May 2024" -> "3rd May 2024"), phone numbers digit by digit,
// times ("10am"), and signs the engine reads badly.
std::string speakable(const std::string& text, const Pronunciations& p);

}  // namespace easyread
