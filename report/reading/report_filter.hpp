// Which answers a report covers: one survey, one event, a range of dates.
#pragma once
#include <string>

namespace easyread::report {

struct ReportFilter {
    std::string survey_id;  // empty = the one survey the files hold
    std::string event;      // empty = every event (the exact name staff typed)
    std::string from_date;  // "2024-05-01" (local date, inclusive); empty = no limit
    std::string to_date;    // "2024-05-31" (local date, inclusive); empty = no limit
    // Set by resolve_dates: the same limits as stored UTC times, compared as text.
    std::string from_utc;   // finished_at >= from_utc
    std::string to_utc;     // finished_at <  to_utc
};

// Checks the dates and turns them into UTC limits. False with `error` in
// plain words when a date is not YYYY-MM-DD or --from comes after --to.
bool resolve_dates(ReportFilter& filter, std::string& error);

// "3 May 2024" for a stored UTC time or a YYYY-MM-DD date, in local time
// (easy read writes months in words, never 03/05/2024).
std::string words_date(const std::string& iso);

// The local day of a stored UTC time, "2024-05-03".
std::string local_day(const std::string& iso);

// This month as "May 2024" (the date a You said document is published).
std::string this_month_words();

}  // namespace easyread::report
