// What the audio version says, in reading order: the laid-out pages turned
// into utterances with the pause before each, page announcements and the
// sections that become chapter marks. speech_words.hpp makes each utterance
// speakable.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "base/diagnostics.hpp"
#include "generator/layout/pages.hpp"
#include "generator/render/speech_words.hpp"

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

}  // namespace easyread
