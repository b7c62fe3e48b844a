#include "report/outputs/buffered_output.hpp"

#include <cerrno>
#include <cstring>

#include "generator/render/output_file.hpp"

namespace easyread::report {

BufferedOutput::BufferedOutput(std::string path) : path_(std::move(path)), tmp_(temp_path_for(path_)) {
    buffer_.reserve(kChunk + 4096);
}

BufferedOutput::~BufferedOutput() {
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
    if (!buffer_.empty() && std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) failed_ = true;
    buffer_.clear();
}

bool BufferedOutput::finish(Diagnostics& diags) {
    flush();
    bool ok = !failed_ && std::fflush(file_) == 0;
    std::string reason = ok ? std::string() : std::strerror(errno);
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
