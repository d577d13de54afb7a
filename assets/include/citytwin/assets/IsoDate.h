#pragma once
// Calendar dates of the asset layers (status_date, last_inspection, works
// start/end) as whole days, so that "days overdue" is plain arithmetic.

#include <optional>
#include <string>
#include <string_view>

namespace citytwin::assets {

/// A proleptic Gregorian calendar date, as days since 1970-01-01.
struct IsoDate {
    long days = 0;

    /// Parses "YYYY-MM-DD" or OGR's "YYYY/MM/DD" (a time part after 'T' or ' ' is ignored, as
    /// GeoPackage DATETIME fields carry one); nullopt if not a real date.
    static std::optional<IsoDate> parse(std::string_view text);
    /// Today in UTC.
    static IsoDate today();
    /// "YYYY-MM-DD".
    std::string toString() const;

    auto operator<=>(const IsoDate&) const = default;
};

}  // namespace citytwin::assets
