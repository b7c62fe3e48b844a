#include "kiosk/app/command_line.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace easyread::kiosk::ui {

std::string usage_text() {
    return "usage: easyread-kiosk SURVEY.md [--db FILE] [--event NAME] [--dpi N] [--windowed [--size WxH]]\n"
           "\n"
           "Runs a feedback survey full screen on a touchscreen. Answers are kept in an\n"
           "SQLite file; staff open the staff menu by holding the bottom-left corner of\n"
           "the screen for 3 seconds and typing their PIN (set on first run).\n"
           "\n"
           "options:\n"
           "  --db FILE      answers database (default: " + default_db_path() + ")\n"
           "  --event NAME   event name stored with each answer (default: the last one staff set)\n"
           "  --dpi N        screen dots per inch, so buttons are 20 mm wide on any screen\n"
           "                 (default: from the monitor's size, else 96; the staff menu shows it)\n"
           "  --windowed     run in a window instead of full screen\n"
           "  --size WxH     the window's size with --windowed (default 1280x800)\n"
           "  --help         show this text\n"
           "  --version      show the version\n";
}

std::string default_db_path() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return std::string(xdg) + "/easyread/kiosk.sqlite";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::string(home) + "/.local/share/easyread/kiosk.sqlite";
    return "kiosk.sqlite";
}

namespace {

bool take_value(int argc, char** argv, int& i, std::string& value, std::string& error) {
    if (i + 1 >= argc) {
        error = std::string(argv[i]) + " needs a value, for example " + argv[i] +
                (std::strcmp(argv[i], "--dpi") == 0    ? " 141"
                 : std::strcmp(argv[i], "--size") == 0 ? " 1280x800"
                                                       : " answers.sqlite");
        return false;
    }
    value = argv[++i];
    return true;
}

}  // namespace

ParseOutcome parse_command_line(int argc, char** argv, KioskOptions& out, std::string& error) {
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        std::string value;
        if (arg == "--help" || arg == "-h") return ParseOutcome::ShowHelp;
        if (arg == "--version") return ParseOutcome::ShowVersion;
        if (arg == "--windowed") {
            out.windowed = true;
        } else if (arg == "--db") {
            if (!take_value(argc, argv, i, out.db_path, error)) return ParseOutcome::Error;
        } else if (arg == "--event") {
            if (!take_value(argc, argv, i, out.event, error)) return ParseOutcome::Error;
            out.event_given = true;
        } else if (arg == "--script") {
            if (!take_value(argc, argv, i, out.script_path, error)) return ParseOutcome::Error;
        } else if (arg == "--size") {
            if (!take_value(argc, argv, i, value, error)) return ParseOutcome::Error;
            int w = 0, h = 0;
            char x = 0, extra = 0;
            if (std::sscanf(value.c_str(), "%d%c%d%c", &w, &x, &h, &extra) != 3 || (x != 'x' && x != 'X') || w < 320 ||
                h < 240 || w > 16384 || h > 16384) {
                error = "--size '" + value + "' is not a window size: give WIDTHxHEIGHT in pixels, for example --size 1280x800";
                return ParseOutcome::Error;
            }
            out.window_w = w;
            out.window_h = h;
        } else if (arg == "--dpi") {
            if (!take_value(argc, argv, i, value, error)) return ParseOutcome::Error;
            char* end = nullptr;
            double dpi = std::strtod(value.c_str(), &end);
            if (end == value.c_str() || *end != '\0' || dpi < 40 || dpi > 600) {
                error = "--dpi '" + value + "' is not a screen density: give a number from 40 to 600, "
                        "for example --dpi 141 for a 15.6 inch 1080p screen";
                return ParseOutcome::Error;
            }
            out.dpi = static_cast<float>(dpi);
        } else if (!arg.empty() && arg[0] == '-') {
            error = "unknown option '" + arg + "'. Run 'easyread-kiosk --help' for the options";
            return ParseOutcome::Error;
        } else if (out.survey_path.empty()) {
            out.survey_path = arg;
        } else {
            error = "more than one survey given ('" + out.survey_path + "' and '" + arg +
                    "'): the kiosk runs one survey at a time";
            return ParseOutcome::Error;
        }
    }
    if (out.survey_path.empty()) {
        error = "no survey given: easyread-kiosk SURVEY.md, for example templates/surveys/board-event.md";
        return ParseOutcome::Error;
    }
    if (out.script_path.empty())
        if (const char* s = std::getenv("EASYREAD_KIOSK_SCRIPT"); s && *s) out.script_path = s;
    if (out.db_path.empty()) out.db_path = default_db_path();
    return ParseOutcome::Run;
}

}  // namespace easyread::kiosk::ui
