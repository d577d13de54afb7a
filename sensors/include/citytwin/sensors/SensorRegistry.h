#pragma once
// The sensors a city has: where they are, what they measure and when a value
// becomes an alert. Positions are stored in WGS 84 whatever CRS the source
// file used.
//
// CSV import (header row required; column order free; '#' lines skipped):
//   id,kind,x,y[,z][,crs][,metric][,unit][,low][,high][,max_rate][,stale_s][,name]
// - kind: air_quality, noise, traffic_count, water_level, manhole_cover,
//   base_station_load, cable_temperature, cable_strain
// - x,y: in `crs` (per row) or the importer's default CRS (EPSG:4326):
//   longitude/latitude or easting/northing, GIS order.
// - metric/unit default to the kind's (pm25 ug/m3 ...).
// - low/high: thresholds in the unit; max_rate: largest normal change per
//   minute; stale_s: seconds of silence after which the sensor is stale.
//   Empty = no such rule.
// Thread safety: const access from any thread.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "citytwin/geo/GeoTypes.h"
#include "citytwin/geo/Result.h"
#include "citytwin/sensors/SensorKind.h"

namespace citytwin::sensors {

/// When a sensor's metric is in alert.
struct SensorThresholds {
    std::optional<double> low;                ///< alert when value < low
    std::optional<double> high;               ///< alert when value > high
    std::optional<double> maxRatePerMinute;   ///< alert when |dv/dt| > this, unit/min
    std::optional<double> staleAfterSeconds;  ///< alert when silent longer, s
    /// A high/low or rate condition raises only once it has held this long
    /// (sensor time, consecutive readings): a noisy value crossing the limit
    /// for one reading is not an alert (ISA-18.2 on-delay).
    std::optional<double> onDelaySeconds;
};

struct SensorInfo {
    std::string id;
    SensorKind kind = SensorKind::AirQuality;
    geo::GeoPoint position;  ///< WGS 84: x = longitude, y = latitude (deg), z = metres
    std::string metric;      ///< the metric the thresholds apply to
    std::string unit;
    std::string name;  ///< human label, may be empty
    SensorThresholds thresholds;
};

class SensorRegistry {
public:
    /// Adds or replaces a sensor (by id).
    void add(SensorInfo sensor);
    const SensorInfo* find(const std::string& id) const;
    const std::vector<SensorInfo>& sensors() const { return _sensors; }
    std::size_t size() const { return _sensors.size(); }
    bool empty() const { return _sensors.empty(); }

    /// Reads a registry CSV; errors name the file, line and field. Rows with
    /// errors are skipped and reported; the result fails if any row failed.
    /// defaultCrs applies to rows without a `crs` column value.
    static geo::Result<SensorRegistry> importCsv(const std::string& path,
                                                 const std::string& defaultCrs = "EPSG:4326");
    /// Same, from text already in memory; `source` names it in messages.
    static geo::Result<SensorRegistry> parseCsv(const std::string& text, const std::string& source,
                                                const std::string& defaultCrs = "EPSG:4326");

private:
    std::vector<SensorInfo> _sensors;
    std::map<std::string, std::size_t> _index;
};

}  // namespace citytwin::sensors
