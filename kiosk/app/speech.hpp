// Reads words aloud with libespeak-ng on its own thread, so the screen never
// waits for speech. A new request cuts off whatever is being said.
#pragma once
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace easyread::kiosk::ui {

// What is spoken as one part, so a newer request cuts in at the next one:
// each line on its own (answers are listed a line each), then its sentences.
std::vector<std::string> speech_parts(const std::string& text);

class Speech {
public:
    // on_change runs on the speech thread when speaking starts or stops
    // (the kiosk uses it to wake its event loop); it may be empty.
    explicit Speech(std::function<void()> on_change = {});
    Speech(const Speech&) = delete;
    Speech& operator=(const Speech&) = delete;
    ~Speech();

    // Starts the thread and the engine for a language such as "en-GB".
    // Requests made before start() wait in the queue.
    void start(const std::string& lang);
    // Says the parts one after another, replacing anything queued or playing.
    void say(std::vector<std::string> parts);
    // Says the parts after whatever is queued now.
    void add(std::vector<std::string> parts);
    void stop();
    // 0..100 (espeak-ng's 0..200 scaled); used from the next part on.
    void set_volume(int percent) { volume_ = percent < 0 ? 0 : percent > 100 ? 100 : percent; }

    bool speaking() const { return speaking_.load(); }
    // False when the engine could not start; status() says why in plain words.
    bool available() const { return available_.load(); }
    // True when sound reaches a device; false when speech is made but not heard.
    bool has_sound() const { return has_sound_.load(); }
    std::string status() const;
    // Counters for tests; samples are counted only when no sound device plays them.
    long parts_spoken() const { return parts_spoken_.load(); }
    long samples_made() const { return samples_made_.load(); }

    // Called by espeak-ng on the speech thread.
    int on_samples(int count);

private:
    void run(std::string lang);
    bool init_engine(const std::string& lang);
    void set_status(std::string s);

    std::function<void()> on_change_;
    std::thread thread_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::vector<std::string> queue_;
    std::string status_;
    bool quit_ = false;
    std::atomic<unsigned> generation_{0};  // bumped by say()/stop() to cut off speech
    std::atomic<unsigned> part_generation_{0};  // generation of the part being spoken
    std::atomic<bool> speaking_{false}, available_{false}, has_sound_{false};
    std::atomic<long> parts_spoken_{0}, samples_made_{0};
    std::atomic<int> volume_{80};
};

}  // namespace easyread::kiosk::ui
