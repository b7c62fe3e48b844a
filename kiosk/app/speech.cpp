#include "kiosk/app/speech.hpp"
#include "base/sentences.hpp"
#include "base/text_util.hpp"

#include <espeak-ng/espeak_ng.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <sys/stat.h>

namespace easyread::kiosk::ui {

namespace {

// espeak-ng keeps one engine per process and calls back without a user pointer;
// only the speech thread touches the engine, and this points at its owner.
std::atomic<Speech*> g_active{nullptr};

int synth_callback(short*, int count, espeak_EVENT*) {
    Speech* s = g_active.load();
    return s ? s->on_samples(count) : 1;
}

// A sound card (ALSA) or a sound server (PulseAudio, PipeWire) to play to.
// Without one, espeak-ng's audio output only fills stderr with ALSA errors.
bool sound_output_present() {
    if (const char* p = std::getenv("PULSE_SERVER"); p && *p) return true;
    if (const char* run = std::getenv("XDG_RUNTIME_DIR"); run && *run) {
        struct stat st {};
        if (stat((std::string(run) + "/pulse/native").c_str(), &st) == 0) return true;
    }
    bool pcm = false;
    if (DIR* d = opendir("/dev/snd")) {
        while (dirent* e = readdir(d))
            if (std::strncmp(e->d_name, "pcm", 3) == 0) pcm = true;
        closedir(d);
    }
    return pcm;
}

std::string espeak_language(std::string lang) {
    return lang.empty() ? "en-gb" : lower(std::move(lang));
}

}  // namespace

Speech::Speech(std::function<void()> on_change) : on_change_(std::move(on_change)) {}

Speech::~Speech() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        quit_ = true;
        queue_.clear();
    }
    ++generation_;
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void Speech::start(const std::string& lang) {
    if (thread_.joinable()) return;
    thread_ = std::thread(&Speech::run, this, lang);
}

void Speech::say(std::vector<std::string> parts) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        queue_ = std::move(parts);
        ++generation_;  // under the lock, so a part taken after this sees the new number
    }
    wake_.notify_all();
}

void Speech::add(std::vector<std::string> parts) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        for (auto& p : parts) queue_.push_back(std::move(p));
    }
    wake_.notify_all();
}

void Speech::stop() { say({}); }

std::vector<std::string> speech_parts(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        for (auto& s : sentence_texts(text.substr(start, end - start))) out.push_back(std::move(s));
        start = end + 1;
    }
    return out;
}

std::string Speech::status() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return status_;
}

void Speech::set_status(std::string s) {
    std::lock_guard<std::mutex> lock(mutex_);
    status_ = std::move(s);
}

int Speech::on_samples(int count) {
    samples_made_ += count;
    // A newer request aborts this part. espeak-ng calls back only when it
    // does not play the sound itself; when it plays, a part (one sentence)
    // finishes first, so a new request waits one sentence at most.
    return generation_.load() != part_generation_.load() ? 1 : 0;
}

bool Speech::init_engine(const std::string& lang) {
    espeak_ng_InitializePath(nullptr);
    espeak_ng_ERROR_CONTEXT context = nullptr;
    espeak_ng_STATUS st = espeak_ng_Initialize(&context);
    if (st != ENS_OK) {
        char msg[256];
        espeak_ng_GetStatusCodeMessage(st, msg, sizeof msg);
        espeak_ng_ClearErrorContext(&context);
        set_status(std::string("Speech cannot start: ") + msg + ". Install espeak-ng-data.");
        return false;
    }
    // Synchronous mode: the thread blocks while a part is spoken, and the
    // callback's return value cuts it off when a newer request arrives.
    auto audio = static_cast<espeak_ng_OUTPUT_MODE>(ENOUTPUT_MODE_SYNCHRONOUS | ENOUTPUT_MODE_SPEAK_AUDIO);
    has_sound_ = sound_output_present() && espeak_ng_InitializeOutput(audio, 0, nullptr) == ENS_OK;
    if (!has_sound_) espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr);
    espeak_SetSynthCallback(synth_callback);
    std::string language = espeak_language(lang);
    espeak_VOICE voice{};
    voice.languages = language.c_str();
    if (espeak_ng_SetVoiceByProperties(&voice) != ENS_OK) {
        espeak_VOICE fallback{};
        fallback.languages = "en";
        espeak_ng_SetVoiceByProperties(&fallback);
    }
    espeak_ng_SetParameter(espeakRATE, 150, 0);  // a little slower than the default 175 words a minute
    return true;
}

void Speech::run(std::string lang) {
    g_active = this;
    if (!init_engine(lang)) return;
    available_ = true;
    set_status(has_sound_ ? "Speech is ready." : "Speech is ready, but no sound device was found.");
    bool sound_checked = false;
    for (;;) {
        std::string part;
        unsigned gen = 0;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            wake_.wait(lock, [&] { return quit_ || !queue_.empty(); });
            if (quit_) break;
            part = std::move(queue_.front());
            queue_.erase(queue_.begin());
            gen = generation_.load();
        }
        part_generation_ = gen;
        espeak_SetParameter(espeakVOLUME, volume_.load() * 2, 0);
        if (!speaking_.exchange(true) && on_change_) on_change_();
        espeak_ng_STATUS st = espeak_ng_Synthesize(part.c_str(), part.size() + 1, 0, POS_CHARACTER, 0,
                                                   espeakCHARS_UTF8, nullptr, nullptr);
        if (st != ENS_OK && has_sound_ && !sound_checked) {
            // The device opened but will not play (no sound card): keep making speech silently.
            has_sound_ = false;
            espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr);
            set_status("Speech works, but no sound device was found.");
            st = espeak_ng_Synthesize(part.c_str(), part.size() + 1, 0, POS_CHARACTER, 0,
                                      espeakCHARS_UTF8, nullptr, nullptr);
        }
        sound_checked = true;
        if (st == ENS_OK && generation_.load() == gen) ++parts_spoken_;
        bool idle;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            idle = queue_.empty();
        }
        if (idle && speaking_.exchange(false) && on_change_) on_change_();
    }
    espeak_ng_Terminate();
    g_active = nullptr;
}

}  // namespace easyread::kiosk::ui
