// Writing a large output through a buffer into a temporary file that only
// replaces the real one when every byte is written. A full buffer is written
// by a thread of its own while the next one fills: copying a CSV of ten
// million answers (2 GB) into the kernel takes seconds the rows need not wait for.
#pragma once
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>

#include "base/diagnostics.hpp"

namespace easyread::report {

class BufferedOutput {
public:
    explicit BufferedOutput(std::string path);
    ~BufferedOutput();  // removes the temporary file when finish() was not reached
    BufferedOutput(const BufferedOutput&) = delete;
    BufferedOutput& operator=(const BufferedOutput&) = delete;

    bool open(Diagnostics& diags);
    std::string& buffer() { return buffer_; }
    // Writes the buffer out once it is large; call after each row.
    void maybe_flush() {
        if (buffer_.size() >= kChunk) flush();
    }
    // Writes the rest, closes and renames into place.
    bool finish(Diagnostics& diags);

private:
    static constexpr std::size_t kChunk = 1u << 20;
    void flush();
    void write_out(const std::string& bytes);  // records a failed write and its errno
    void write_pending();  // the writer thread
    void stop_writer();
    std::string path_, tmp_;
    std::FILE* file_ = nullptr;
    std::string buffer_;
    // Handed to the writer: `pending_` while `has_pending_`, under `mutex_`.
    std::thread writer_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::string pending_;
    bool has_pending_ = false, stopping_ = false;
    bool failed_ = false;  // written by the writer, read after it has stopped
    int write_errno_ = 0;  // why (errno is the writer thread's own)
};

}  // namespace easyread::report
