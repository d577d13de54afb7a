#pragma once
// CsvMapping: how a wide CSV of recorded history, as people keep it, becomes
// readings — which columns make the time (one column, or year/month/day/hour
// [/minute] split over several), in which time zone its wall-clock times
// are, and which column is which sensor's which metric in which unit.
// Cells listed as missing ("NA", empty) are skipped and counted, not errors.
//
// Mapping file (JSON; docs/sensors.md "Wide CSV with a mapping"):
//   {"time": {"year": "year", "month": "month", "day": "day", "hour": "hour",
//             "zone": "Asia/Shanghai"},
//    "missing": ["NA", ""],
//    "columns": [{"column": "PM_Jingan", "sensor": "sh-jingan",
//                 "metric": "pm25", "unit": "ug/m3"}]}
// or "time": {"column": "ts", "zone": "+08:00"} (ISO 8601 with or without
// zone, or epoch ms). Errors name the mapping file and the JSON path.
// Thread safety: immutable once built; const methods from any thread.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "citytwin/geo/Result.h"
#include "citytwin/geo/TimeZone.h"
#include "citytwin/sensors/PayloadParser.h"
#include "citytwin/sensors/Reading.h"

namespace citytwin::sensors {

/// One value column: its readings belong to sensor/metric, in unit.
struct CsvSeriesColumn {
    std::string column;
    std::string sensorId;
    std::string metric;
    std::string unit;  ///< the unit the cells are in (stored as given)
};

struct CsvMapping {
    std::optional<std::string> maybeTimeColumn;  ///< one column holds the time
    /// Split time: year, month, day and hour columns (minute optional).
    std::string yearColumn, monthColumn, dayColumn, hourColumn;
    std::optional<std::string> maybeMinuteColumn;
    geo::TimeZone zone;                          ///< of the wall-clock times
    std::vector<std::string> missing{"NA", ""};  ///< cell texts that mean "no value"
    std::vector<CsvSeriesColumn> columns;

    /// Parses a mapping's JSON text; `source` names it in messages.
    static geo::Result<CsvMapping> parseJson(
        std::string_view text, const std::string& source,
        const std::string& zoneinfoDir = "/usr/share/zoneinfo");
    static geo::Result<CsvMapping> load(const std::string& path,
                                        const std::string& zoneinfoDir = "/usr/share/zoneinfo");
};

/// A mapping bound to one file's header: column positions resolved.
class MappedCsvReader {
public:
    /// Fails, naming the source, line and column, if the header lacks a
    /// column the mapping names.
    static geo::Result<MappedCsvReader> bind(const CsvMapping& mapping,
                                             const std::vector<std::string>& header,
                                             const std::string& source, long line);

    struct Row {
        std::vector<Reading> readings;
        std::size_t skippedCells = 0;  ///< missing cells of mapped columns
        std::string problem;           ///< non-empty: reject the line ("FIELD: why")
    };
    /// The readings of one data row (fields as split from the line), checked
    /// by the parser's rules.
    Row read(const std::vector<std::string>& fields, TimeMs ingestMs,
             const PayloadParser& parser) const;

    std::size_t columnCount() const { return _headerSize; }

private:
    struct Bound {
        std::size_t index;
        const CsvSeriesColumn* series;
    };
    std::optional<TimeMs> timeOf(const std::vector<std::string>& fields,
                                 std::string& problem) const;
    bool isMissing(const std::string& cell) const;

    const CsvMapping* _mapping = nullptr;
    std::size_t _headerSize = 0;
    std::optional<std::size_t> _maybeTime, _maybeMinute;
    std::size_t _year = 0, _month = 0, _day = 0, _hour = 0;
    std::vector<Bound> _columns;
};

}  // namespace citytwin::sensors
