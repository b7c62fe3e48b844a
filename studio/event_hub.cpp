#include "studio/event_hub.hpp"

#include <algorithm>
#include <chrono>

namespace easyread::studio {

std::shared_ptr<EventHub::Listener> EventHub::subscribe(const std::string& doc) {
    std::lock_guard<std::mutex> hold(lock_);
    if (listeners_.size() >= max_) return nullptr;
    auto l = std::make_shared<Listener>();
    l->doc = doc;
    listeners_.push_back(l);
    return l;
}

void EventHub::unsubscribe(const std::shared_ptr<Listener>& l) {
    std::lock_guard<std::mutex> hold(lock_);
    listeners_.erase(std::remove(listeners_.begin(), listeners_.end(), l), listeners_.end());
}

void EventHub::publish(const std::string& doc, const std::string& event, const std::string& data) {
    std::string message = "event: " + event + "\ndata: " + data + "\n\n";
    {
        std::lock_guard<std::mutex> hold(lock_);
        for (auto& l : listeners_)
            if (l->doc == doc) {
                // A page that stopped reading keeps only the newest few messages.
                if (l->queue.size() > 32) l->queue.pop_front();
                l->queue.push_back(message);
            }
    }
    wake_.notify_all();
}

std::string EventHub::next(const std::shared_ptr<Listener>& l, int seconds) {
    std::unique_lock<std::mutex> hold(lock_);
    wake_.wait_for(hold, std::chrono::seconds(seconds), [&] { return l->closed || !l->queue.empty(); });
    if (l->closed || l->queue.empty()) return {};
    std::string m = std::move(l->queue.front());
    l->queue.pop_front();
    return m;
}

void EventHub::close_all() {
    {
        std::lock_guard<std::mutex> hold(lock_);
        for (auto& l : listeners_) l->closed = true;
    }
    wake_.notify_all();
}

std::size_t EventHub::listeners() const {
    std::lock_guard<std::mutex> hold(lock_);
    return listeners_.size();
}

}  // namespace easyread::studio
