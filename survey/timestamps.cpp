#include "survey/timestamps.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace easyread::survey {

std::string iso_utc(std::int64_t wall_ms) {
    std::time_t secs = static_cast<std::time_t>(wall_ms / 1000);
    int ms = static_cast<int>(wall_ms % 1000);
    if (ms < 0) {
        ms += 1000;
        --secs;
    }
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[80];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
    return buf;
}

std::string iso_utc_now() {
    using namespace std::chrono;
    return iso_utc(duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
}

std::string local_midnight_iso_utc(std::int64_t wall_ms) {
    std::time_t secs = static_cast<std::time_t>(wall_ms / 1000);
    std::tm tm{};
    localtime_r(&secs, &tm);
    tm.tm_hour = 0;
    tm.tm_min = 0;
    tm.tm_sec = 0;
    tm.tm_isdst = -1;  // let mktime work out summer time for midnight
    std::time_t midnight = std::mktime(&tm);
    return iso_utc(static_cast<std::int64_t>(midnight) * 1000);
}

}  // namespace easyread::survey
