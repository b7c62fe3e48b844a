// Writing a large output through a buffer into a temporary file that only
// replaces the real one when every byte is written.
#pragma once
#include <cstdio>
#include <string>

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
    std::string path_, tmp_;
    std::FILE* file_ = nullptr;
    std::string buffer_;
    bool failed_ = false;
};

}  // namespace easyread::report
