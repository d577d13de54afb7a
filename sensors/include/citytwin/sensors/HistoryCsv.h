#pragma once
// HistoryCsv: one writer of a sensor's history as CSV, for `citytwin-cli
// query --format csv` and the history chart's export alike.
//   raw:        sensor,metric,ts,ts_ms,value,ingest_ts
//   1m, 1h, 1d: sensor,metric,start,start_ms,count,mean,min,max,last
// Times in ISO 8601: UTC (Z) without a zone, else with the zone's offset at
// that instant (+08:00); the *_ms column is the same instant in epoch ms.

#include <ostream>
#include <string>
#include <vector>

#include "citytwin/geo/TimeZone.h"
#include "citytwin/sensors/SensorStore.h"

namespace citytwin::sensors {

/// The header line (with its newline) for an aggregation.
std::string historyCsvHeader(Aggregation aggregation);
/// The rows of one sensor metric (no header).
void writeHistoryCsvRows(std::ostream& out, const std::string& sensorId, const std::string& metric,
                         const std::vector<HistoryPoint>& points, Aggregation aggregation,
                         const geo::TimeZone* maybeZone);
/// CSV-quotes a field when it needs it (comma, quote, newline).
std::string csvField(const std::string& s);

}  // namespace citytwin::sensors
