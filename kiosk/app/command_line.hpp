// easyread-kiosk SURVEY.md [--db FILE] [--event NAME] [--dpi N] [--windowed]
#pragma once
#include <string>

namespace easyread::kiosk::ui {

struct KioskOptions {
    std::string survey_path;
    std::string db_path;     // empty: default_db_path()
    std::string event;       // empty: keep the event name staff set last time
    bool event_given = false;
    float dpi = 0;           // 0: ask the monitor, else 96
    bool windowed = false;
    int window_w = 1280, window_h = 800;
    // Test hook, not in --help: a file of scripted taps (see tap_script.hpp),
    // also taken from EASYREAD_KIOSK_SCRIPT.
    std::string script_path;
};

enum class ParseOutcome { Run, ShowHelp, ShowVersion, Error };

// On Error, `error` holds one line saying what is wrong and how to fix it.
ParseOutcome parse_command_line(int argc, char** argv, KioskOptions& out, std::string& error);
std::string usage_text();
// $XDG_DATA_HOME/easyread/kiosk.sqlite, else ~/.local/share/easyread/kiosk.sqlite.
std::string default_db_path();

}  // namespace easyread::kiosk::ui
