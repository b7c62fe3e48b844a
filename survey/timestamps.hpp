// How the answers file writes times: UTC text that sorts as text.
#pragma once
#include <cstdint>
#include <string>

namespace easyread::survey {

// "2024-05-03T10:00:00.000Z": sorts as text, readable by SQLite date functions and Excel.
std::string iso_utc(std::int64_t wall_ms);
// iso_utc() of the wall clock now.
std::string iso_utc_now();
// The UTC instant of the most recent local midnight, as iso_utc() text ("counts today").
std::string local_midnight_iso_utc(std::int64_t wall_ms);

// The day ("2024-05-09") an iso_utc() time falls on in this machine's time
// zone; "" when `iso` is not such a time. Stored with each answer, so a
// report made anywhere puts it on the day it was given.
std::string local_date_of(const std::string& iso);
// This machine's time zone: TZ, else the zone /etc/localtime names
// ("Europe/London"), else its abbreviation now ("GMT").
std::string local_zone_name();

}  // namespace easyread::survey
