#include "generator/render/speech_synth.hpp"

#include <espeak-ng/espeak_ng.h>

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <thread>

namespace easyread {

namespace {

// A worker sends frames: a header {index, byte count} then the bytes.
// Index -1 carries an error message, -2 the sample rate.
struct FrameHeader {
    int32_t index;
    uint32_t bytes;
};

bool write_all(int fd, const void* data, std::size_t n) {
    const char* p = static_cast<const char*>(data);
    while (n > 0) {
        ssize_t w = ::write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        p += w;
        n -= static_cast<std::size_t>(w);
    }
    return true;
}

bool send(int fd, int32_t index, const void* data, std::size_t bytes) {
    FrameHeader h{index, static_cast<uint32_t>(bytes)};
    return write_all(fd, &h, sizeof h) && (bytes == 0 || write_all(fd, data, bytes));
}

void send_error(int fd, const std::string& message) { send(fd, -1, message.data(), message.size()); }

// The worker's samples for the part being said (the callback has no user pointer).
std::vector<int16_t>* g_samples = nullptr;

int collect(short* wav, int count, espeak_EVENT*) {
    if (wav && count > 0 && g_samples) g_samples->insert(g_samples->end(), wav, wav + count);
    return 0;
}

std::string status_text(espeak_ng_STATUS st) {
    char msg[256];
    espeak_ng_GetStatusCodeMessage(st, msg, sizeof msg);
    return msg;
}

// The names --voice takes for a language ("en-gb" -> "en"): the voice files
// espeak-ng-data has, MBROLA voices left out (they need other packages).
std::string voices_for(const std::string& lang) {
    const std::string family = lang.substr(0, lang.find('-'));
    espeak_VOICE spec{};
    spec.languages = family.c_str();
    std::string names;
    const espeak_VOICE** voices = espeak_ListVoices(&spec);
    for (int i = 0; voices && voices[i]; ++i) {
        std::string id = voices[i]->identifier ? voices[i]->identifier : "";
        if (id.empty() || id.rfind("mb/", 0) == 0) continue;
        id = id.substr(id.rfind('/') + 1);
        for (auto& c : id) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        names += (names.empty() ? "" : ", ") + id;
    }
    return names;
}

// Runs in the worker process: says texts[first], texts[first + step], ...
[[noreturn]] void worker(const std::vector<std::string>& texts, std::size_t first, std::size_t step,
                         const VoiceOptions& o, int fd) {
    espeak_ng_InitializePath(nullptr);
    espeak_ng_ERROR_CONTEXT context = nullptr;
    espeak_ng_STATUS st = espeak_ng_Initialize(&context);
    if (st != ENS_OK) {
        espeak_ng_ClearErrorContext(&context);
        send_error(fd, "speech cannot start: " + status_text(st) + ". Install espeak-ng-data.");
        ::_exit(1);
    }
    espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr);
    espeak_SetSynthCallback(collect);
    if (!o.voice.empty()) {
        if (espeak_ng_SetVoiceByName(o.voice.c_str()) != ENS_OK) {
            const std::string known = voices_for(o.lang);
            send_error(fd, "there is no espeak-ng voice called '" + o.voice + "'" +
                               (known.empty() ? std::string() : "; voices for this language: " + known));
            ::_exit(1);
        }
    } else {
        espeak_VOICE voice{};
        voice.languages = o.lang.c_str();
        if (espeak_ng_SetVoiceByProperties(&voice) != ENS_OK) {
            espeak_VOICE fallback{};
            fallback.languages = "en";
            espeak_ng_SetVoiceByProperties(&fallback);
        }
    }
    espeak_ng_SetParameter(espeakRATE, o.words_per_minute, 0);
    int32_t rate = espeak_ng_GetSampleRate();
    send(fd, -2, &rate, sizeof rate);
    std::vector<int16_t> samples;
    g_samples = &samples;
    for (std::size_t i = first; i < texts.size(); i += step) {
        samples.clear();
        const std::string& t = texts[i];
        st = espeak_ng_Synthesize(t.c_str(), t.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
        if (st == ENS_OK) st = espeak_ng_Synchronize();
        if (st != ENS_OK) {
            send_error(fd, "speech failed: " + status_text(st));
            ::_exit(1);
        }
        if (!send(fd, static_cast<int32_t>(i), samples.data(), samples.size() * sizeof(int16_t))) ::_exit(1);
    }
    espeak_ng_Terminate();
    ::_exit(0);
}

struct Worker {
    pid_t pid = -1;
    int fd = -1;
    std::string buffer;
};

}  // namespace

bool Speech::start(std::size_t n) {
    parts_.assign(n, {});
    end_ = 0;
    file_.reset(std::tmpfile(), [](std::FILE* f) {
        if (f) std::fclose(f);
    });
    return file_ != nullptr;
}

bool Speech::store(std::size_t i, const void* bytes, std::size_t size) {
    if (i >= parts_.size() || !file_) return false;
    if (std::fseek(file_.get(), end_, SEEK_SET) != 0 || std::fwrite(bytes, 1, size, file_.get()) != size) return false;
    parts_[i] = {end_, size / sizeof(int16_t)};
    end_ += static_cast<long>(size);
    return true;
}

bool Speech::read(std::size_t i, std::vector<int16_t>& out) const {
    const Part& p = parts_[i];
    if (p.count == 0) return true;
    const std::size_t at = out.size();
    out.resize(at + p.count);
    return file_ && std::fseek(file_.get(), p.offset, SEEK_SET) == 0 &&
           std::fread(out.data() + at, sizeof(int16_t), p.count, file_.get()) == p.count;
}

bool synthesise(const std::vector<std::string>& texts, const VoiceOptions& o, Speech& out, std::string& error) {
    if (!out.start(texts.size())) {
        error = std::string("cannot keep the speech in a temporary file: ") + std::strerror(errno);
        return false;
    }
    if (texts.empty()) return true;
    std::size_t n = o.workers > 0 ? static_cast<std::size_t>(o.workers)
                                  : std::max(1u, std::thread::hardware_concurrency());
    n = std::min(n, (texts.size() + 3) / 4);  // a few parts each at least: starting a worker costs a little
    n = std::max<std::size_t>(n, 1);
    std::fflush(stdout);
    std::fflush(stderr);
    std::vector<Worker> workers(n);
    for (std::size_t k = 0; k < n; ++k) {
        int p[2];
        if (::pipe(p) != 0) {
            error = std::string("cannot start speech: ") + std::strerror(errno);
            break;
        }
        pid_t pid = ::fork();
        if (pid == 0) {
            ::close(p[0]);
            for (std::size_t j = 0; j < k; ++j) ::close(workers[j].fd);
            worker(texts, k, n, o, p[1]);
        }
        ::close(p[1]);
        if (pid < 0) {
            ::close(p[0]);
            error = std::string("cannot start speech: ") + std::strerror(errno);
            break;
        }
        workers[k].pid = pid;
        workers[k].fd = p[0];
    }

    const auto start = std::chrono::steady_clock::now();
    auto last_shown = start;
    bool shown = false;
    std::size_t done = 0;
    std::vector<bool> have(texts.size(), false);
    char chunk[65536];
    for (;;) {
        std::vector<pollfd> fds;
        std::vector<Worker*> owners;
        for (auto& w : workers)
            if (w.fd >= 0) {
                fds.push_back({w.fd, POLLIN, 0});
                owners.push_back(&w);
            }
        if (fds.empty()) break;
        if (::poll(fds.data(), fds.size(), 500) < 0 && errno != EINTR) break;
        for (std::size_t i = 0; i < fds.size(); ++i) {
            if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            Worker& w = *owners[i];
            ssize_t r = ::read(w.fd, chunk, sizeof chunk);
            if (r < 0 && errno == EINTR) continue;
            if (r <= 0) {
                ::close(w.fd);
                w.fd = -1;
                continue;
            }
            w.buffer.append(chunk, static_cast<std::size_t>(r));
            std::size_t used = 0;
            while (w.buffer.size() - used >= sizeof(FrameHeader)) {
                FrameHeader h;
                std::memcpy(&h, w.buffer.data() + used, sizeof h);
                if (w.buffer.size() - used - sizeof h < h.bytes) break;
                const char* body = w.buffer.data() + used + sizeof h;
                if (h.index == -1) {
                    if (error.empty()) error.assign(body, h.bytes);
                } else if (h.index == -2 && h.bytes == sizeof(int32_t)) {
                    int32_t rate;
                    std::memcpy(&rate, body, sizeof rate);
                    out.sample_rate = rate;
                } else if (h.index >= 0 && static_cast<std::size_t>(h.index) < texts.size()) {
                    if (!out.store(static_cast<std::size_t>(h.index), body, h.bytes) && error.empty())
                        error = std::string("cannot keep the speech in a temporary file: ") + std::strerror(errno);
                    if (!have[static_cast<std::size_t>(h.index)]) ++done;
                    have[static_cast<std::size_t>(h.index)] = true;
                }
                used += sizeof h + h.bytes;
            }
            w.buffer.erase(0, used);
        }
        const auto now = std::chrono::steady_clock::now();
        if (o.progress && now - start > std::chrono::seconds(2) && now - last_shown > std::chrono::seconds(1)) {
            std::fprintf(stderr, "easyread: speech %zu of %zu parts (%d%%)\n", done, texts.size(),
                         static_cast<int>(100.0 * static_cast<double>(done) / static_cast<double>(texts.size())));
            last_shown = now;
            shown = true;
        }
    }
    bool failed = false;
    for (auto& w : workers) {
        if (w.pid <= 0) continue;
        int status = 0;
        while (::waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
        }
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) failed = true;
    }
    if (o.progress && shown) std::fprintf(stderr, "easyread: speech %zu of %zu parts done\n", done, texts.size());
    if (error.empty() && (failed || done != texts.size()))
        error = "speech stopped part way (" + std::to_string(done) + " of " + std::to_string(texts.size()) + " parts made)";
    return error.empty();
}

}  // namespace easyread
