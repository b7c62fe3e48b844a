// Speech from espeak-ng, made in worker processes: espeak-ng keeps one engine
// per process and is not thread-safe, so each worker process has its own and
// the parts are shared out between them.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace easyread {

struct VoiceOptions {
    std::string voice;          // an espeak-ng voice name; empty chooses by language
    std::string lang = "en-gb"; // the document's language, for choosing the voice
    int words_per_minute = 140;
    int workers = 0;            // 0: one per processor core
    bool progress = false;      // show progress on stderr when it takes more than a few seconds
};

struct Speech {
    int sample_rate = 22050;
    std::vector<std::vector<int16_t>> parts;  // mono samples, one per text, in order
};

// Says every text. False with the reason in `error` when the engine cannot
// start, the voice does not exist or a worker fails.
bool synthesise(const std::vector<std::string>& texts, const VoiceOptions& o, Speech& out, std::string& error);

}  // namespace easyread
