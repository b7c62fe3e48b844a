// Server-sent events: each open page listens on one document; a message is
// queued for every listener of that document. The number of listeners is
// bounded, because each holds one of the server's threads.
#pragma once
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace easyread::studio {

class EventHub {
public:
    explicit EventHub(std::size_t max_listeners) : max_(max_listeners) {}

    struct Listener {
        std::string doc;
        std::deque<std::string> queue;  // whole "event: ...\ndata: ...\n\n" messages
        bool closed = false;
    };

    // Null when too many pages already listen.
    std::shared_ptr<Listener> subscribe(const std::string& doc);
    void unsubscribe(const std::shared_ptr<Listener>& l);
    // Queues `event` with one line of `data` (JSON) for every listener of `doc`.
    void publish(const std::string& doc, const std::string& event, const std::string& data);
    // Waits up to `seconds` for a message; empty on time out or when closed.
    std::string next(const std::shared_ptr<Listener>& l, int seconds);
    // Ends every listener (the server is stopping).
    void close_all();
    std::size_t listeners() const;

private:
    std::size_t max_;
    mutable std::mutex lock_;
    std::condition_variable wake_;
    std::vector<std::shared_ptr<Listener>> listeners_;
};

}  // namespace easyread::studio
