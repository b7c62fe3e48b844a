#include "kiosk/app/tap_script.hpp"
#include "base/text_util.hpp"

#include <fstream>
#include <set>
#include <sstream>

namespace easyread::kiosk::ui {

namespace {

const std::set<std::string> kVerbs = {"tap", "back", "next", "listen", "help", "still-here", "type", "erase",
                                      "staff", "wait", "expect", "expect-saved"};


}  // namespace

bool TapScript::load(const std::string& path, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = path + ": cannot read the tap script";
        return false;
    }
    std::stringstream text;
    text << in.rdbuf();
    return parse(path, text.str(), error);
}

bool TapScript::parse(const std::string& path, const std::string& text_in, std::string& error) {
    path_ = path;
    steps_.clear();
    next_ = 0;
    std::istringstream in(text_in);
    std::string raw;
    int line = 0;
    while (std::getline(in, raw)) {
        ++line;
        std::string text = trim(raw.substr(0, raw.find('#')));
        if (text.empty()) continue;
        ScriptStep step;
        step.line = line;
        std::size_t sp = text.find(' ');
        step.verb = text.substr(0, sp);
        if (sp != std::string::npos) step.arg = trim(text.substr(sp + 1));
        if (!kVerbs.count(step.verb)) {
            error = path + ":" + std::to_string(line) + ": unknown step '" + step.verb +
                    "'. Use tap, back, next, listen, help, still-here, type, erase, staff, wait, expect or expect-saved";
            return false;
        }
        const bool numeric = step.verb == "wait" || step.verb == "expect-saved";
        // Up to 8 digits: a day of waiting at most, and never too big to read.
        if (numeric && (step.arg.empty() || step.arg.size() > 8 ||
                        step.arg.find_first_not_of("0123456789") != std::string::npos)) {
            error = path + ":" + std::to_string(line) + ": '" + step.verb + "' needs a whole number of up to 8 digits, "
                    "for example '" + step.verb + " 500'";
            return false;
        }
        if ((step.verb == "tap" || step.verb == "type" || step.verb == "expect") && step.arg.empty()) {
            error = path + ":" + std::to_string(line) + ": '" + step.verb + "' needs what to " +
                    (step.verb == "expect" ? "expect, for example 'expect welcome'" : "tap or type, for example 'tap happy'");
            return false;
        }
        steps_.push_back(std::move(step));
    }
    return true;
}

void TapScript::fail(const ScriptStep& step, const std::string& why) {
    failure_ = path_ + ":" + std::to_string(step.line) + ": " + why;
    next_ = steps_.size();
    tap_.reset();
    pending_keys_.clear();
}

bool TapScript::begin_tap(const std::string& target, const std::vector<TapTarget>& targets, const ScriptStep& step,
                          const Session& session) {
    for (const TapTarget& t : targets)
        if (t.name == target) {
            tap_ = PendingTap{ImVec2((t.min.x + t.max.x) * 0.5f, (t.min.y + t.max.y) * 0.5f), 0};
            return true;
        }
    fail(step, "no button '" + target + "' on the " + screen_name(session.screen()) + " screen");
    return false;
}

PointerOverride TapScript::before_frame(Session& session, SteppedClock& clock, Millis gap_ms,
                                        const std::vector<TapTarget>& targets, bool view_drawn,
                                        std::vector<UiAction>& direct) {
    PointerOverride p;
    if (tap_) {
        p.active = true;
        p.x = tap_->at.x;
        p.y = tap_->at.y;
        p.down = tap_->phase == 0;
        if (++tap_->phase > 1) tap_.reset();
        return p;
    }
    // Act only on what a person would see: the frame drawn for the current view.
    if (!view_drawn || failed()) return p;
    const ScriptStep* step = nullptr;
    if (pending_keys_.empty()) {
        if (next_ >= steps_.size()) return p;
        step = &steps_[next_];
    } else {
        step = &steps_[next_ - 1];
    }
    std::string target;
    if (!pending_keys_.empty()) {
        target = pending_keys_.front();
        pending_keys_.erase(pending_keys_.begin());
    } else {
        ++next_;
        const std::string& v = step->verb;
        if (v == "tap") target = "option:" + step->arg;
        else if (v == "back" || v == "next" || v == "listen" || v == "help" || v == "erase") target = v;
        else if (v == "still-here") target = "option:still-here";
        else if (v == "staff") direct.push_back({UiActionKind::OpenStaff, {}});
        else if (v == "wait") {
            clock.skip(std::stoll(step->arg));
            session.tick();
        } else if (v == "expect") {
            if (step->arg != screen_name(session.screen()))
                fail(*step, std::string("expected the ") + step->arg + " screen, but the " +
                                screen_name(session.screen()) + " screen is showing");
        } else if (v == "expect-saved") {
            if (std::to_string(session.saved_count()) != step->arg)
                fail(*step, "expected " + step->arg + " saved answers, but " +
                                std::to_string(session.saved_count()) + " were saved");
        } else if (v == "type") {
            for (char c : step->arg) pending_keys_.push_back(c == ' ' ? "key:space" : "key:" + std::string(1, c));
            if (!pending_keys_.empty()) {
                target = pending_keys_.front();
                pending_keys_.erase(pending_keys_.begin());
            }
        }
    }
    if (target.empty()) return p;
    clock.skip(gap_ms + 1);  // a person's taps are never closer than the cooldown, nor before a screen settles
    if (begin_tap(target, targets, *step, session)) return before_frame(session, clock, gap_ms, targets, true, direct);
    return p;
}

}  // namespace easyread::kiosk::ui
