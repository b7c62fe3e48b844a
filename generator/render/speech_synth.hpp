// Speech from espeak-ng, made in worker processes: espeak-ng keeps one engine
// per process and is not thread-safe, so each worker process has its own and
// the parts are shared out between them.
#pragma once
#include <cstdint>
#include <cstdio>
#include <memory>
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

// Mono samples, one part per text, in order. A long document says hours of
// speech (hundreds of megabytes of samples), so the parts are kept in an
// unnamed temporary file and read back one at a time.
class Speech {
public:
    int sample_rate = 22050;

    std::size_t size() const { return parts_.size(); }
    std::size_t samples(std::size_t i) const { return parts_[i].count; }
    // Part i's samples appended to `out`; false when the file cannot be read.
    bool read(std::size_t i, std::vector<int16_t>& out) const;

    // Sets up `n` empty parts; false when no temporary file can be made.
    bool start(std::size_t n);
    bool store(std::size_t i, const void* bytes, std::size_t size);

private:
    struct Part {
        long offset = 0;
        std::size_t count = 0;
    };
    std::shared_ptr<std::FILE> file_;
    long end_ = 0;
    std::vector<Part> parts_;
};

// Says every text. False with the reason in `error` when the engine cannot
// start, the voice does not exist or a worker fails.
bool synthesise(const std::vector<std::string>& texts, const VoiceOptions& o, Speech& out, std::string& error);

}  // namespace easyread
