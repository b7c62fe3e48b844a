// A plain-text log of what the kiosk shows and stores, one fact per line,
// written only when EASYREAD_KIOSK_TRACE names a file. End-to-end tests and
// the benchmark read it to know which screen is up and where its buttons are.
//
//   phase <checked|window|fonts> <ms from start>   start-up steps
//   ready <ms from start to the first frame on screen>
//   screen <name> <revision> <shown>  then   target <name> <x> <y> <w> <h>   ...   end
//                                   (<shown> counts screens and panels shown; taps wait the settle time after it changes)
//                                   (name "help" or "page-zoom" while the app's own panel is open)
//                                   and  shown <name> <x> <y> <w> <h>  for words and pictures that must
//                                   be seen whole (Review: question:<id>, answer:<id>:<option>, words:<id>)
//   saved <stored|already-stored|kept-in-recovery|lost> <uuid>
//   retry saved <n> left <m>        answers held in memory reached the disk on a retry
//   speech <words>
//   ignored <press-before-shown|settling> <what>   a tap the double-tap rules did not let through
//   script-done | script-failed <line>: <why>
#pragma once
#include <cstdio>
#include <string>

namespace easyread::kiosk::ui {

class TraceLog {
public:
    TraceLog() = default;
    TraceLog(const TraceLog&) = delete;
    TraceLog& operator=(const TraceLog&) = delete;
    ~TraceLog();

    // From EASYREAD_KIOSK_TRACE; silently off when unset. False when the file cannot be opened.
    bool open_from_environment(std::string& error);
    bool on() const { return file_ != nullptr; }
    // One line, flushed at once so a kill -9 right after loses nothing said.
    void line(const std::string& text);

private:
    std::FILE* file_ = nullptr;
};

}  // namespace easyread::kiosk::ui
