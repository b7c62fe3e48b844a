#include "kiosk/core/script_driver.hpp"

#include <sstream>

#include "kiosk/core/survey_names.hpp"
#include "base/text_util.hpp"

namespace easyread::kiosk {

ScriptResult run_script(Session& session, FakeClock* clock, const std::string& script, Millis step_ms) {
    ScriptResult result;
    std::istringstream in(script);
    std::string raw;
    int line_no = 0;
    auto fail = [&](const std::string& why) {
        result.ok = false;
        result.failed_line = line_no;
        result.message = "line " + std::to_string(line_no) + " (" + trim(raw) + ") on screen " +
                         screen_name(session.screen()) + ": " + why;
        return result;
    };
    while (std::getline(in, raw)) {
        ++line_no;
        std::string line = trim(raw.substr(0, raw.find('#')));
        if (line.empty()) continue;
        std::size_t space = line.find(' ');
        std::string verb = line.substr(0, space);
        std::string arg = space == std::string::npos ? std::string() : trim(line.substr(space + 1));
        if (clock && verb != "expect" && verb != "expect-saved") {
            clock->advance(step_ms);
            session.tick();
        }
        bool taken = true;
        if (verb == "tap") taken = session.tap_option(arg);
        else if (verb == "back") taken = session.back();
        else if (verb == "next") taken = session.next();
        else if (verb == "listen") taken = session.listen();
        else if (verb == "help") taken = session.help();
        else if (verb == "still-here") taken = session.still_here();
        else if (verb == "type") taken = session.type_text(arg);
        else if (verb == "erase") taken = session.erase();
        else if (verb == "staff") taken = session.open_staff();
        else if (verb == "tick") session.tick();
        else if (verb == "wait") {
            if (!clock) return fail("\"wait\" needs a fake clock");
            // A whole number of milliseconds, up to a day: anything else is a mistake in the script.
            if (arg.empty() || arg.size() > 8 || arg.find_first_not_of("0123456789") != std::string::npos)
                return fail("\"wait\" needs a whole number of milliseconds up to 86400000, for example \"wait 500\"");
            Millis ms = std::stoll(arg);
            if (ms > 86400000) return fail("\"wait\" is at most 86400000 ms (a day)");
            clock->advance(ms);
            session.tick();
        } else if (verb == "expect") {
            if (arg != screen_name(session.screen())) return fail("expected screen " + arg);
        } else if (verb == "expect-saved") {
            if (std::to_string(session.saved_count()) != arg) {
                return fail("expected " + arg + " saved, found " + std::to_string(session.saved_count()));
            }
        } else {
            return fail("unknown step \"" + verb + "\"");
        }
        if (!taken) return fail("the session did not take this step");
        result.screens.push_back(screen_name(session.screen()));
    }
    return result;
}

std::string script_answer_all(const Survey& survey, const std::string& respondent, bool auto_advance) {
    const KioskWords& w = kiosk_words();
    std::string s;
    s += std::string("tap ") + w.start.id + "\n";
    s += std::string("tap ") + w.consent_yes.id + "\n";
    s += "tap " + respondent + "\n";
    for (const auto& q : survey.questions) {
        if (q.is_comment()) {
            s += "type Yes, I liked it\nnext\n";
            continue;
        }
        const Option* pick = &q.options.front();
        for (const auto& o : q.options) {
            if (!o.negative) {
                pick = &o;
                break;
            }
        }
        s += "tap " + pick->id + "\n";
        if (q.is_multi() || !auto_advance) s += "next\n";
    }
    s += std::string("tap ") + w.anything_else_skip.id + "\n";
    s += std::string("tap ") + w.review_send.id + "\n";
    s += "expect thank-you\n";
    return s;
}

}  // namespace easyread::kiosk
