// The audio version: the whole document read aloud as one MP3 with ID3 title,
// author and a chapter mark per section; and the parts of it that the HTML's
// Listen buttons play.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "base/diagnostics.hpp"
#include "generator/layout/pages.hpp"
#include "generator/model/document.hpp"
#include "generator/render/speech_script.hpp"
#include "generator/render/speech_synth.hpp"

namespace easyread {

struct AudioOptions {
    std::string voice;          // espeak-ng voice; empty: from the document's lang
    int words_per_minute = 140; // slow, for easy read
    bool listen_buttons = false; // HTML outputs get a Listen button per chunk
    bool progress = false;      // progress on stderr for long documents
};

// The document said aloud: the script, and each utterance's speech.
struct DocumentSpeech {
    SpeechScript script;
    Speech speech;
};

// The file a document's own pronunciations are read from: pronounce.txt beside it.
std::string pronunciation_file_for(const std::string& source_path);

bool speak_document(const LaidOutDocument& pages, const Document& doc, const AudioOptions& o, DocumentSpeech& out,
                    Diagnostics& diags, const std::string& output_path);

// Mono 16-bit samples to MP3 (MPEG Layer III, constant bit rate).
std::string encode_mp3(const std::vector<int16_t>& samples, int sample_rate);

// The whole document as one MP3 at `path`, with ID3 tags and chapters.
bool render_mp3(const LaidOutDocument& pages, const Document& doc, const DocumentSpeech& speech,
                const std::string& path, Diagnostics& diags);

}  // namespace easyread
