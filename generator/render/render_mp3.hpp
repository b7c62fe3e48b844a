// The audio version: the whole document read aloud as one MP3 with ID3 title,
// author and a chapter mark per section; and the parts of it that the HTML's
// Listen buttons play.
#pragma once
#include <cstdint>
#include <ostream>
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

// Mono 16-bit samples to MP3 (MPEG Layer III, constant bit rate), a block
// at a time, written to `out` as it goes: hours of speech never sit in
// memory. finish() writes the Info frame over the first frame, so `out`
// must be seekable.
class Mp3Encoder {
public:
    Mp3Encoder(int sample_rate, std::ostream& out);
    ~Mp3Encoder();
    Mp3Encoder(const Mp3Encoder&) = delete;
    Mp3Encoder& operator=(const Mp3Encoder&) = delete;
    void add(const int16_t* samples, std::size_t n);
    void silence(std::size_t n);
    std::size_t samples() const { return samples_; }
    void finish();

private:
    void* lame_;  // lame_global_flags
    std::ostream& out_;
    std::streampos start_;
    std::size_t samples_ = 0;
    std::vector<unsigned char> buf_;
};

// A short clip in memory.
std::string encode_mp3(const std::vector<int16_t>& samples, int sample_rate);

// The whole document as one MP3 at `path`, with ID3 tags and chapters.
bool render_mp3(const LaidOutDocument& pages, const Document& doc, const DocumentSpeech& speech,
                const std::string& path, Diagnostics& diags);

}  // namespace easyread
