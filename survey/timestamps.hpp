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

}  // namespace easyread::survey
