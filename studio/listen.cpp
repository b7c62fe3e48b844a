#include "studio/listen.hpp"

#include "base/text_util.hpp"
#include "generator/render/render_mp3.hpp"
#include "generator/render/speech_script.hpp"
#include "generator/render/speech_synth.hpp"

namespace easyread::studio {

namespace {

// The chunk number of the block at (or last before) `line`.
int chunk_of_line(const Compiled& c, int line) {
    int block = -1;
    for (std::size_t b = 0; b < c.doc.blocks.size() && c.doc.blocks[b].line <= line; ++b) block = static_cast<int>(b);
    if (block < 0) return -1;
    for (const auto& page : c.pages.pages)
        for (const auto& it : page.items)
            if (it.block == block && it.chunk >= 0) return it.chunk;
    return -1;
}

}  // namespace

bool listen_mp3(const Compiled& c, int page, int line, std::string& mp3, std::string& error) {
    if (!c.laid_out) {
        error = "the document has no pages yet";
        return false;
    }
    const SpeechScript script = speech_script(c.pages, SpeechPauses{}, true);
    const int chunk = page < 0 ? chunk_of_line(c, line) : -1;
    Pronunciations words;
    Diagnostics diags;
    load_spoken_words(words, diags);
    load_pronunciations(pronunciation_file_for(c.doc.source_path), words, diags);
    std::vector<std::string> texts;
    std::vector<double> pauses;
    for (const auto& u : script.utterances) {
        const bool wanted = page >= 0 ? u.page == page : (chunk >= 0 && u.chunk == chunk);
        if (!wanted) continue;
        texts.push_back(speakable(u.text, words));
        pauses.push_back(texts.size() == 1 ? 0 : u.pause_before);
    }
    if (texts.empty()) {
        error = "there is nothing to say there";
        return false;
    }
    VoiceOptions v;
    const std::string lang = lower(trim(c.pages.lang));
    v.lang = lang.empty() ? "en-gb" : lang;
    v.words_per_minute = 140;
    Speech speech;
    if (!synthesise(texts, v, speech, error)) return false;
    std::vector<int16_t> samples;
    for (std::size_t i = 0; i < speech.size(); ++i) {
        samples.insert(samples.end(), static_cast<std::size_t>(pauses[i] * speech.sample_rate), 0);
        if (!speech.read(i, samples)) {
            error = "the speech could not be read back";
            return false;
        }
    }
    mp3 = encode_mp3(samples, speech.sample_rate);
    return !mp3.empty();
}

}  // namespace easyread::studio
