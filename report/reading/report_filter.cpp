#include "report/reading/report_filter.hpp"

#include <cstdio>
#include <ctime>

#include "generator/lang/numbers.hpp"
#include "survey/timestamps.hpp"

namespace easyread::report {

namespace {

bool parse_date(const std::string& text, std::tm& out) {
    int y = 0, m = 0, d = 0;
    char tail = 0;
    if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return false;
    if (m < 1 || m > 12 || d < 1 || d > 31 || y < 2000 || y > 2200) return false;
    out = std::tm{};
    out.tm_year = y - 1900;
    out.tm_mon = m - 1;
    out.tm_mday = d;
    out.tm_isdst = -1;
    std::tm check = out;
    std::mktime(&check);
    return check.tm_mday == d;  // 31 April and the like move to the next month
}

// The UTC instant of local midnight at the start of `day` plus `add_days`.
std::string local_midnight_utc(std::tm day, int add_days) {
    day.tm_mday += add_days;
    day.tm_hour = day.tm_min = day.tm_sec = 0;
    day.tm_isdst = -1;
    std::time_t t = std::mktime(&day);
    return survey::iso_utc(static_cast<std::int64_t>(t) * 1000);
}

std::string words_of(const std::tm& t) {
    return std::to_string(t.tm_mday) + " " + lang::month_name(t.tm_mon + 1) + " " + std::to_string(t.tm_year + 1900);
}

}  // namespace

bool resolve_dates(ReportFilter& filter, std::string& error) {
    std::tm from{}, to{};
    if (!filter.from_date.empty()) {
        if (!parse_date(filter.from_date, from)) {
            error = "--from " + filter.from_date + " is not a date: write it as YYYY-MM-DD, for example 2024-05-03";
            return false;
        }
        filter.from_utc = local_midnight_utc(from, 0);
    }
    if (!filter.to_date.empty()) {
        if (!parse_date(filter.to_date, to)) {
            error = "--to " + filter.to_date + " is not a date: write it as YYYY-MM-DD, for example 2024-05-31";
            return false;
        }
        filter.to_utc = local_midnight_utc(to, 1);  // the whole of the last day
    }
    if (!filter.from_utc.empty() && !filter.to_utc.empty() && filter.from_utc >= filter.to_utc) {
        error = "--from " + filter.from_date + " is after --to " + filter.to_date + ": swap them";
        return false;
    }
    return true;
}

// A stored UTC time ("2024-05-03T10:00:00.000Z") as local time; false when it is not one.
static bool local_time_of(const std::string& iso, std::tm& local) {
    int y, mo, d, h, mi, s;
    if (std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6) return false;
    std::tm utc{};
    utc.tm_year = y - 1900;
    utc.tm_mon = mo - 1;
    utc.tm_mday = d;
    utc.tm_hour = h;
    utc.tm_min = mi;
    utc.tm_sec = s;
    std::time_t t = timegm(&utc);
    localtime_r(&t, &local);
    return true;
}

std::string words_date(const std::string& iso) {
    std::tm t{};
    if (iso.size() == 10) return parse_date(iso, t) ? words_of(t) : iso;
    return local_time_of(iso, t) ? words_of(t) : iso;
}

std::string local_day(const std::string& iso) {
    std::tm local{};
    if (!local_time_of(iso, local)) return iso.substr(0, 10);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &local);
    return buf;
}

std::string this_month_words() {
    std::time_t t = std::time(nullptr);
    std::tm local{};
    localtime_r(&t, &local);
    return std::string(lang::month_name(local.tm_mon + 1)) + " " + std::to_string(local.tm_year + 1900);
}

}  // namespace easyread::report
