// citytwin-cli query: the history of one sensor from a sensor store.

#include <cstdio>
#include <iostream>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>

#include "CliArgs.h"
#include "CliCommand.h"
#include "citytwin/geo/TimeZone.h"
#include "citytwin/sensors/HistoryCsv.h"
#include "citytwin/sensors/SensorStore.h"
#include "citytwin/sensors/TimeFormat.h"

namespace citytwin::cli {
namespace {

using namespace citytwin::sensors;

const char* kHelp =
    "usage: citytwin-cli query --store S.db --sensor ID [--metric M] [--from T] [--to T]\n"
    "                          [--agg raw|1m|1h|1d] [--format csv|json] [--tz ZONE]\n\n"
    "Prints the stored history of sensor ID, oldest first.\n\n"
    "options:\n"
    "  --store STORE     the sensor store (opened read-only): a SQLite file or a\n"
    "                    postgresql:// URI / libpq \"host=...\" string\n"
    "  --sensor ID       sensor id\n"
    "  --metric M        one metric (default: every metric of the sensor)\n"
    "  --from T          start, inclusive: ISO 8601 with zone (2026-11-26T08:00:00+08:00)\n"
    "                    or epoch milliseconds (default: the beginning)\n"
    "  --to T            end, inclusive, same forms (default: the end)\n"
    "  --agg A           raw (every reading, default), 1m, 1h or 1d (rollups per minute,\n"
    "                    hour or UTC day, a period listed if it starts within [from, to])\n"
    "  --format F        csv (default) or json\n"
    "  --tz ZONE         print times in this zone: an IANA name (Asia/Shanghai, from the\n"
    "                    system tz database) or an offset (+08:00); default UTC\n\n"
    "csv columns, raw:        sensor,metric,ts,ts_ms,value,ingest_ts\n"
    "csv columns, 1m, 1h, 1d: sensor,metric,start,start_ms,count,mean,min,max,last\n"
    "json: an array of objects with the same keys. Times are ISO 8601 with ms, in UTC\n"
    "(Z) or, with --tz, with the zone's offset at that instant (+08:00).\n"
    "exit status: 0 on success (also when nothing matches), 1 on a store error,\n"
    "2 on a usage error.\n";

int runQuery(int argc, char** argv) {
    CliArgs args("query", kHelp,
                 {"--store", "--sensor", "--metric", "--from", "--to", "--agg", "--format", "--tz"},
                 {}, UsageLayout::HelpAfterBlankLine);
    if (auto exit = args.parseOrExit(argc, argv))
        return *exit;
    if (!args.positionals().empty())
        return args.usage("unexpected argument " + args.positionals()[0]);
    const auto storePath = args.value("--store");
    const auto sensor = args.value("--sensor");
    if (!storePath)
        return args.usage("--store is required");
    if (!sensor)
        return args.usage("--sensor is required");
    TimeMs from = std::numeric_limits<TimeMs>::min() / 2;
    TimeMs to = std::numeric_limits<TimeMs>::max() / 2;
    if (auto f = args.value("--from")) {
        auto t = parseUserTime(*f);
        if (!t)
            return args.usage("--from: '" + *f + "' is neither ISO 8601 with zone nor epoch ms");
        from = *t;
    }
    if (auto f = args.value("--to")) {
        auto t = parseUserTime(*f);
        if (!t)
            return args.usage("--to: '" + *f + "' is neither ISO 8601 with zone nor epoch ms");
        to = *t;
    }
    if (from > to)
        return args.usage("--from is after --to");
    const auto aggText = args.valueOr("--agg", "raw");
    const auto agg = parseAggregation(aggText);
    if (!agg)
        return args.usage("--agg: '" + aggText + "' is not raw, 1m, 1h or 1d");
    const auto format = args.valueOr("--format", "csv");
    if (format != "csv" && format != "json")
        return args.usage("--format: '" + format + "' is not csv or json");

    std::optional<geo::TimeZone> maybeZone;
    if (auto name = args.value("--tz")) {
        auto zone = geo::TimeZone::find(*name);
        if (!zone)
            return args.usage("--tz: " + zone.messages());
        maybeZone = std::move(zone).value();
    }
    auto timeText = [&maybeZone](TimeMs t) {
        return maybeZone ? maybeZone->formatIso8601(t) : formatIso8601(t);
    };

    SensorStoreOptions options;
    options.readOnly = true;
    auto store = SensorStore::open(*storePath, options);
    if (!store) {
        std::cerr << "citytwin-cli query: " << store.messages() << '\n';
        return 1;
    }
    std::vector<std::string> metrics;
    if (auto m = args.value("--metric")) {
        metrics.push_back(*m);
    } else {
        auto all = store.value().metricsOf(*sensor);
        if (!all) {
            std::cerr << "citytwin-cli query: " << all.messages() << '\n';
            return 1;
        }
        metrics = all.value();
    }
    if (metrics.empty())
        std::cerr << "citytwin-cli query: no readings of sensor '" << *sensor << "'\n";

    const bool raw = *agg == Aggregation::Raw;
    const bool csv = format == "csv";
    nlohmann::json rows = nlohmann::json::array();
    if (csv)
        std::cout << historyCsvHeader(*agg);
    for (const auto& metric : metrics) {
        auto points = store.value().history(*sensor, metric, from, to, *agg);
        if (!points) {
            std::cerr << "citytwin-cli query: " << points.messages() << '\n';
            return 1;
        }
        if (csv) {
            writeHistoryCsvRows(std::cout, *sensor, metric, points.value(), *agg,
                                maybeZone ? &*maybeZone : nullptr);
            continue;
        }
        for (const auto& p : points.value()) {
            nlohmann::json row{{"sensor", *sensor}, {"metric", metric}};
            if (raw) {
                row["ts"] = timeText(p.ts);
                row["ts_ms"] = p.ts;
                row["value"] = p.last;
                row["ingest_ts"] = timeText(p.ingestMs);
            } else {
                row["start"] = timeText(p.ts);
                row["start_ms"] = p.ts;
                row["count"] = p.count;
                row["mean"] = p.mean;
                row["min"] = p.min;
                row["max"] = p.max;
                row["last"] = p.last;
            }
            rows.push_back(std::move(row));
        }
    }
    if (!csv)
        std::cout << rows.dump(1) << '\n';
    return 0;
}

}  // namespace

CliCommand queryCommand() {
    return {"query", "print a sensor's history from a sensor store (raw or rollups)", runQuery};
}

}  // namespace citytwin::cli
