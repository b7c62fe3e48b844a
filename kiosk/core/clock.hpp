// Time for the kiosk, behind an interface so tests drive it with a fake clock.
#pragma once
#include <cstdint>
#include <string>

#include "survey/timestamps.hpp"

namespace easyread::kiosk {

using Millis = std::int64_t;

class Clock {
public:
    virtual ~Clock() = default;
    // Monotonic milliseconds: timers (idle, countdown, cooldown) use this.
    virtual Millis now_ms() const = 0;
    // Wall-clock milliseconds since 1970 (UTC): stored timestamps use this.
    virtual std::int64_t wall_ms() const = 0;
};

class SystemClock final : public Clock {
public:
    Millis now_ms() const override;
    std::int64_t wall_ms() const override;
};

// Time moves only when a test says so.
class FakeClock final : public Clock {
public:
    explicit FakeClock(Millis start = 1000, std::int64_t wall_start = 1714730400000)  // 3 May 2024 10:00 UTC
        : now_(start), wall_(wall_start) {}
    Millis now_ms() const override { return now_; }
    std::int64_t wall_ms() const override { return wall_; }
    void advance(Millis ms) {
        now_ += ms;
        wall_ += ms;
    }

private:
    Millis now_;
    std::int64_t wall_;
};

// The answers file's time format, by its short name here.
using survey::iso_utc;
using survey::local_midnight_iso_utc;

}  // namespace easyread::kiosk
