#include "citytwin/sensors/HistoryCsv.h"

#include <cstdio>

#include "citytwin/sensors/TimeFormat.h"

namespace citytwin::sensors {
namespace {
std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}
}  // namespace

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + '"';
}

std::string historyCsvHeader(Aggregation aggregation) {
    return aggregation == Aggregation::Raw
               ? "sensor,metric,ts,ts_ms,value,ingest_ts\n"
               : "sensor,metric,start,start_ms,count,mean,min,max,last\n";
}

void writeHistoryCsvRows(std::ostream& out, const std::string& sensorId, const std::string& metric,
                         const std::vector<HistoryPoint>& points, Aggregation aggregation,
                         const geo::TimeZone* maybeZone) {
    auto timeText = [maybeZone](TimeMs t) {
        return maybeZone ? maybeZone->formatIso8601(t) : formatIso8601(t);
    };
    const std::string prefix = csvField(sensorId) + ',' + csvField(metric) + ',';
    for (const auto& p : points) {
        out << prefix << timeText(p.ts) << ',' << p.ts << ',';
        if (aggregation == Aggregation::Raw)
            out << number(p.last) << ',' << timeText(p.ingestMs) << '\n';
        else
            out << p.count << ',' << number(p.mean) << ',' << number(p.min) << ',' << number(p.max)
                << ',' << number(p.last) << '\n';
    }
}

}  // namespace citytwin::sensors
