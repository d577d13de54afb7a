// citytwin-cli stats: what a sensor store holds.

#include <iostream>

#include "CliArgs.h"
#include "CliCommand.h"
#include "citytwin/sensors/SensorStore.h"
#include "citytwin/sensors/TimeFormat.h"

namespace citytwin::cli {
namespace {

using namespace citytwin::sensors;

const char* kHelp =
    "usage: citytwin-cli stats --store S.db\n\n"
    "Summarises a sensor store, one 'key: value' line each:\n"
    "  store, size_bytes, readings, series, sensors_seen, sensors_registered,\n"
    "  first_ts, last_ts, last_ingest_ts (UTC ISO 8601), rollup_1m_rows,\n"
    "  rollup_1h_rows, rejected, gaps, overflow_dropped, alerts, alerts_open,\n"
    "  alerts_unacknowledged, integrity\n"
    "then the most common rejection reasons ('rejected_reason: N REASON') and the\n"
    "gaps ('gap: KIND SOURCE START END LOST DETAIL').\n\n"
    "options:\n"
    "  --store STORE  the sensor store (opened read-only): a SQLite file or a\n"
    "                 postgresql:// URI / libpq \"host=...\" string\n"
    "exit status: 0 on success, 1 if the store cannot be read or fails its\n"
    "integrity check, 2 on a usage error.\n";

int runStats(int argc, char** argv) {
    CliArgs args("stats", kHelp, {"--store"}, {}, UsageLayout::HelpAfterBlankLine);
    if (auto exit = args.parseOrExit(argc, argv))
        return *exit;
    const auto path = args.value("--store");
    if (!path || !args.positionals().empty())
        return args.usage("--store is required (and nothing else)");
    SensorStoreOptions options;
    options.readOnly = true;
    auto store = SensorStore::open(*path, options);
    if (!store) {
        std::cerr << "citytwin-cli stats: " << store.messages() << '\n';
        return 1;
    }
    auto stats = store.value().stats();
    if (!stats) {
        std::cerr << "citytwin-cli stats: " << stats.messages() << '\n';
        return 1;
    }
    const auto& s = stats.value();
    auto time = [](const std::optional<TimeMs>& t) { return t ? formatIso8601(*t) : "-"; };
    const auto integrity = store.value().integrityCheck();
    std::cout << "store: " << *path << '\n'
              << "size_bytes: " << s.fileBytes << '\n'
              << "readings: " << s.readings << '\n'
              << "series: " << s.series << '\n'
              << "sensors_seen: " << s.sensorsSeen << '\n'
              << "sensors_registered: " << s.registeredSensors << '\n'
              << "first_ts: " << time(s.maybeFirstTs) << '\n'
              << "last_ts: " << time(s.maybeLastTs) << '\n'
              << "last_ingest_ts: " << time(s.maybeLastIngestMs) << '\n'
              << "rollup_1m_rows: " << s.rollupMinuteRows << '\n'
              << "rollup_1h_rows: " << s.rollupHourRows << '\n'
              << "rollup_1d_rows: " << s.rollupDayRows << '\n'
              << "rejected: " << s.rejected << '\n'
              << "gaps: " << s.gaps << '\n'
              << "overflow_dropped: " << s.overflowLost << '\n'
              << "alerts: " << s.alerts << '\n'
              << "alerts_open: " << s.activeAlerts << '\n'
              << "alerts_unacknowledged: " << s.unacknowledgedAlerts << '\n'
              << "integrity: " << (integrity ? "ok" : integrity.messages()) << '\n';
    for (const auto& [reason, count] : s.rejectedByReason)
        std::cout << "rejected_reason: " << count << ' ' << reason << '\n';
    if (auto gaps = store.value().gaps()) {
        for (const auto& g : gaps.value())
            std::cout << "gap: " << toString(g.kind) << ' ' << g.source << ' '
                      << formatIso8601(g.startMs) << ' ' << formatIso8601(g.endMs) << ' ' << g.lost
                      << ' ' << g.detail << '\n';
    }
    return integrity ? 0 : 1;
}

}  // namespace

CliCommand statsCommand() {
    return {"stats", "summarise a sensor store: counts, time range, rejects, gaps, alerts",
            runStats};
}

}  // namespace citytwin::cli
