#pragma once
// Howard Hinnant's days_from_civil: days since 1970-01-01 of a proleptic
// Gregorian date, without the process time zone that timegm/mktime consult.
// Shared by the ISO 8601 parser and the time-zone rules.

namespace citytwin::geo::detail {

inline long long daysFromCivil(long long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

}  // namespace citytwin::geo::detail
