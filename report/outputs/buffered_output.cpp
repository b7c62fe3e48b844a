#include "report/outputs/buffered_output.hpp"

#include <cerrno>
#include <cstring>

#include "generator/render/output_file.hpp"

namespace easyread::report {

BufferedOutput::BufferedOutput(std::string path) : path_(std::move(path)), tmp_(temp_path_for(path_)) {
    buffer_.reserve(kChunk + 4096);
}

BufferedOutput::~BufferedOutput() {
    stop_writer();
    if (file_) {
        std::fclose(file_);
        std::remove(tmp_.c_str());
    }
}

bool BufferedOutput::open(Diagnostics& diags) {
    file_ = std::fopen(tmp_.c_str(), "wb");
    if (!file_) cannot_write(path_, std::strerror(errno), diags);
    return file_ != nullptr;
}

void BufferedOutput::flush() {
    if (buffer_.empty()) return;
    if (!writer_.joinable()) {
        pending_.reserve(kChunk + 4096);
        writer_ = std::thread([this] { write_pending(); });
    }
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [this] { return !has_pending_; });
    std::swap(buffer_, pending_);  // buffer_ now holds the written one, emptied
    has_pending_ = true;
    changed_.notify_all();
}

void BufferedOutput::write_out(const std::string& bytes) {
    if (!failed_ && std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
        failed_ = true;
        write_errno_ = errno;
    }
}

void BufferedOutput::write_pending() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
        changed_.wait(lock, [this] { return has_pending_ || stopping_; });
        if (!has_pending_) return;
        lock.unlock();  // the next buffer fills meanwhile
        write_out(pending_);
        pending_.clear();
        lock.lock();
        has_pending_ = false;
        changed_.notify_all();
    }
}

// Returns once every buffer handed over is written.
void BufferedOutput::stop_writer() {
    if (!writer_.joinable()) return;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    writer_.join();
}

bool BufferedOutput::finish(Diagnostics& diags) {
    if (writer_.joinable()) {
        flush();
        stop_writer();
    } else {
        write_out(buffer_);  // an output smaller than one buffer: no thread for it
        buffer_.clear();
    }
    bool ok = !failed_ && std::fflush(file_) == 0;
    std::string reason = ok ? std::string() : std::strerror(failed_ ? write_errno_ : errno);
    ok = std::fclose(file_) == 0 && ok;
    file_ = nullptr;
    if (!ok) {
        std::remove(tmp_.c_str());
        cannot_write(path_, reason.empty() ? "the disk may be full" : reason, diags);
        return false;
    }
    return commit_output(tmp_, path_, diags);
}

}  // namespace easyread::report
