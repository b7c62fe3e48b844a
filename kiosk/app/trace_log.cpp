#include "kiosk/app/trace_log.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace easyread::kiosk::ui {

TraceLog::~TraceLog() {
    if (file_) std::fclose(file_);
}

bool TraceLog::open_from_environment(std::string& error) {
    const char* path = std::getenv("EASYREAD_KIOSK_TRACE");
    if (!path || !*path) return true;
    file_ = std::fopen(path, "a");
    if (!file_) {
        error = std::string("cannot write the trace file ") + path + ": " + std::strerror(errno);
        return false;
    }
    return true;
}

void TraceLog::line(const std::string& text) {
    if (!file_) return;
    std::fputs(text.c_str(), file_);
    std::fputc('\n', file_);
    std::fflush(file_);
}

}  // namespace easyread::kiosk::ui
