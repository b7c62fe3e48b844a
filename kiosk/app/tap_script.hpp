// Test hook: plays a script of taps through the real screens, as if a finger
// pressed each named button's centre (a press frame, then a release frame).
// The steps are the session script's (core/script_driver.hpp):
//   tap <choice id> | back | next | listen | help | still-here | type <words>
//   erase | staff | wait <ms> | expect <screen> | expect-saved <n>
// Time skips ahead by the tap cooldown or the settle time, the longer,
// before each tap (and by <ms> for wait), so a long stream runs fast while
// the double-tap rules still hold.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/clock.hpp"
#include "kiosk/core/session.hpp"
#include "kiosk/app/platform_window.hpp"
#include "kiosk/app/ui_context.hpp"

namespace easyread::kiosk::ui {

// The real clock plus a skip that only scripts use.
class SteppedClock final : public Clock {
public:
    Millis now_ms() const override { return system_.now_ms() + skipped_; }
    std::int64_t wall_ms() const override { return system_.wall_ms() + skipped_; }
    void skip(Millis ms) { skipped_ += ms; }

private:
    SystemClock system_;
    Millis skipped_ = 0;
};

struct ScriptStep {
    int line = 0;
    std::string verb, arg;
};

class TapScript {
public:
    // False with file:line and the fix when a line is not a known step.
    bool load(const std::string& path, std::string& error);
    // The same for script text already read; `path` names it in messages.
    bool parse(const std::string& path, const std::string& text, std::string& error);
    std::size_t step_count() const { return steps_.size(); }
    bool done() const { return next_ >= steps_.size() && !tap_; }
    bool failed() const { return !failure_.empty(); }
    const std::string& failure() const { return failure_; }

    // Once per frame, before drawing: the pointer to use this frame (inactive
    // when the real one stands), or actions that need no button ("staff").
    // `targets` are those of the last frame drawn for the current view.
    PointerOverride before_frame(Session& session, SteppedClock& clock, Millis gap_ms,
                                 const std::vector<TapTarget>& targets, bool view_drawn,
                                 std::vector<UiAction>& direct);

private:
    struct PendingTap {
        ImVec2 at;
        int phase = 0;  // 0: press next frame, 1: release next frame
    };
    bool begin_tap(const std::string& target, const std::vector<TapTarget>& targets, const ScriptStep& step,
                   const Session& session);
    void fail(const ScriptStep& step, const std::string& why);

    std::string path_;
    std::vector<ScriptStep> steps_;
    std::size_t next_ = 0;
    std::vector<std::string> pending_keys_;  // "type" spells its words one key at a time
    std::optional<PendingTap> tap_;
    std::string failure_;
};

}  // namespace easyread::kiosk::ui
