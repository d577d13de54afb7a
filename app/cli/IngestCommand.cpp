// citytwin-cli ingest: subscribe to an MQTT broker (or read a file) and store
// every accepted reading in a sensor store, until a duration or a signal.

#include <unistd.h>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <thread>

#include "CliArgs.h"
#include "CliCommand.h"
#include "citytwin/sensors/IngestService.h"

namespace citytwin::cli {
namespace {

using namespace citytwin::sensors;

const char* kHelp =
    "usage: citytwin-cli ingest --mqtt HOST:PORT --topic FILTER --store STORE [--duration S]\n"
    "                           [--user U --password P --cafile F] [options]\n"
    "       citytwin-cli ingest --file F --store STORE [options]\n\n"
    "Receives sensor readings and stores every accepted one in the sensor store\n"
    "STORE (created if missing): a SQLite file S.db, or a PostgreSQL database given\n"
    "as postgresql://USER@HOST:PORT/DB or \"host=H port=P dbname=DB ...\" (several\n"
    "ingest processes may write one; docs/deployment-sensors.md). Runs until\n"
    "--duration seconds have passed or\n"
    "SIGINT/SIGTERM arrives, then writes everything still queued and prints:\n"
    "  received N     messages received (file: data lines)\n"
    "  stored N       new readings committed (a message may carry several values)\n"
    "  rejected N     malformed messages, kept in the store's `rejected` table\n"
    "  duplicates N   readings already stored (same sensor, metric and ts)\n"
    "  dropped N      messages received but not stored: lost to queue overflow\n"
    "                 (recorded as gaps) plus the unstored ones\n"
    "  unstored N     messages the store did not take before the ingest stopped\n"
    "                 (disk full, read-only, damaged); never acknowledged\n"
    "  gaps N         disconnections, overflows, outages and store errors recorded\n"
    "                 during this run\n"
    "  skipped-cells N  with --mapping: missing (NA, empty) cells, not rejections\n"
    "Payload: {\"sensor\":\"ID\",\"ts\":<epoch ms or ISO 8601 with zone>,\n"
    "          \"values\":{\"pm25\":35.2,\"noise_db\":61}}\n"
    "The sensor id may come from the topic instead (its last level: city/sensors/ID).\n"
    "Lost connections are retried with back-off (1 s doubling to 30 s) and recorded\n"
    "as gaps in the store. With QoS 1 a message is acknowledged to the broker only\n"
    "once its readings are committed, so a killed ingest loses nothing the broker\n"
    "let go of. The time the ingest was not running (from the store's last commit to\n"
    "the first reading after a restart) is recorded as an `outage` gap.\n"
    "If the store cannot be written (disk full, read-only, damaged) the ingest says\n"
    "so on stderr, stops acknowledging, holds what it has, retries with back-off\n"
    "and resumes when the store takes writes; after --ack-stall seconds it drops\n"
    "the connection unacknowledged so that the broker's session keeps the messages.\n"
    "A damaged store is refused at the start (see citytwin-cli store-recover).\n\n"
    "options:\n"
    "  --mqtt HOST:PORT     broker to subscribe to (port defaults to 1883)\n"
    "  --topic FILTER       MQTT topic filter, wildcards allowed (default city/sensors/#)\n"
    "  --store STORE        the sensor store to write (required): a SQLite file or a\n"
    "                       postgresql:// URI / libpq \"host=...\" string\n"
    "  --shared-group NAME  join the MQTT 5 shared subscription $share/NAME/FILTER:\n"
    "                       the broker splits the stream over the group's members,\n"
    "                       each message stored once (give them one PostgreSQL\n"
    "                       store). Needs --client-id (each member its own, the same\n"
    "                       across restarts); implies --persistent-session, QoS 1 and\n"
    "                       MQTT 5. A member killed with kill -9 loses nothing the\n"
    "                       broker had not had acknowledged: its session keeps the\n"
    "                       rest until it comes back with the same --client-id\n"
    "  --bridge-state FILTER a bridge's notification topic (mosquitto\n"
    "                       notification_topic: 1 = up, 0 = down): each outage of\n"
    "                       the bridge is recorded as a gap 'bridge TOPIC' (give it\n"
    "                       to one member of a group only)\n"
    "  --duration S         stop after S seconds (default: until SIGINT/SIGTERM;\n"
    "                       with --file: when the file is read)\n"
    "  --user U             MQTT user name\n"
    "  --password P         MQTT password (needs --user)\n"
    "  --cafile F           use TLS, verifying the broker with the CA certificate(s) in F\n"
    "  --qos 0|1            subscription QoS (default 1)\n"
    "  --mqtt-version V     3.1.1 or 5 (default 5)\n"
    "  --client-id ID       MQTT client id; with --persistent-session the broker keeps\n"
    "                       QoS 1 messages for it while it is away\n"
    "  --persistent-session ask the broker to keep the session (needs --client-id);\n"
    "                       MQTT 5: for --session-expiry seconds after a disconnect\n"
    "  --session-expiry S   MQTT 5 Session Expiry Interval of a persistent session,\n"
    "                       seconds (default 86400 = 1 day; 'never' = 4294967295)\n"
    "  --ack-stall S        seconds without a commit before the connection is dropped\n"
    "                       unacknowledged (default: half the 30 s keep-alive)\n"
    "  --file F             read JSON Lines (.jsonl) or CSV (.csv) instead of MQTT\n"
    "  --registry F.csv     sensor registry CSV: saved in the store; its thresholds\n"
    "                       raise and clear alerts (see docs/sensors.md)\n"
    "  --queue N            readings the ingest queue may hold (default 200000)\n"
    "  --overflow POLICY    when the queue is full: drop-newest (default with --mqtt),\n"
    "                       drop-oldest or block (back-pressure to the broker; the\n"
    "                       default with --file)\n"
    "  --retention-days D   delete raw readings older than D days (rollups kept)\n"
    "  --mapping M.json     read the --file CSV through this mapping: time columns\n"
    "                       (year/month/day/hour or one column), time zone, which\n"
    "                       column is which sensor's metric and unit; NA cells skipped\n"
    "                       and counted (docs/sensors.md \"Wide CSV with a mapping\")\n"
    "  --max-skew DURATION  reject readings more than DURATION before the ingest clock\n"
    "                       (e.g. 24h, 90m, 7d, or none). Default: 24h for --mqtt (a\n"
    "                       sensor's broken clock), none for --file (recorded history)\n"
    "  --max-future DURATION reject readings more than DURATION ahead of the ingest\n"
    "                       clock (default 24h; none lifts it)\n"
    "  --backfill           --mqtt stream replays recorded data: keep its original\n"
    "                       timestamps however old (same as --max-skew none)\n"
    "  --progress           with --file: a progress line on stderr (default when stderr\n"
    "                       is a terminal)\n"
    "exit status: 0 on success, 1 on a runtime error, 2 on a usage error.\n";

std::atomic<bool> gStop{false};
extern "C" void onStopSignal(int) {
    gStop = true;
}

/// A number > 0 (or >= 1 for counts); "inf" is one, "nan" is not.
NumberSpec positive(double min, bool exclusive, const char* complaint) {
    NumberSpec spec;
    spec.min = min;
    spec.minExclusive = exclusive;
    spec.allowInfinity = true;
    spec.complaint = complaint;
    return spec;
}

/// "24h", "90m", "30s", "7d", "1500ms" (a bare number is seconds); "none"
/// or "off" is no limit (nullopt inside). False if the text is none of these.
bool parseDurationMs(const std::string& text, std::optional<std::optional<TimeMs>>& out) {
    if (text == "none" || text == "off") {
        out = std::optional<TimeMs>{};
        return true;
    }
    std::size_t end = 0;
    double v = 0;
    try {
        v = std::stod(text, &end);
    } catch (...) {
        return false;
    }
    const std::string unit = text.substr(end);
    double scale = 0;
    if (unit == "ms")
        scale = 1;
    else if (unit.empty() || unit == "s")
        scale = 1000;
    else if (unit == "m" || unit == "min")
        scale = 60'000;
    else if (unit == "h")
        scale = 3'600'000;
    else if (unit == "d")
        scale = 86'400'000;
    // Up to ~100,000 years: far past any record, far from overflow.
    if (scale == 0 || !(v >= 0) || v * scale > 3.2e18 / 1000)
        return false;
    out = static_cast<TimeMs>(v * scale);
    return true;
}

/// A progress line, rewritten in place: "import 42% 120000 lines 35000 rows/s".
class ProgressLine {
public:
    explicit ProgressLine(const IngestPipeline& pipeline) : _pipeline(pipeline) {}
    bool operator()(std::uint64_t done, std::uint64_t total) {
        const auto now = std::chrono::steady_clock::now();
        if (now - _lastPrint < std::chrono::milliseconds(200) && done < total)
            return !gStop;
        _lastPrint = now;
        const double s = std::chrono::duration<double>(now - _start).count();
        const auto lines = _pipeline.counters().received.load();
        std::fprintf(stderr, "\rimport %3.0f%%  %llu lines  %.0f lines/s   ",
                     total ? 100.0 * static_cast<double>(done) / static_cast<double>(total) : 0.0,
                     static_cast<unsigned long long>(lines),
                     s > 0 ? static_cast<double>(lines) / s : 0.0);
        _printed = true;
        return !gStop;
    }
    void finish() {
        if (_printed)
            std::fputs("\n", stderr);
    }

private:
    const IngestPipeline& _pipeline;
    std::chrono::steady_clock::time_point _start = std::chrono::steady_clock::now(), _lastPrint;
    bool _printed = false;
};

int runIngest(int argc, char** argv) {
    CliArgs args(
        "ingest", kHelp,
        {"--mqtt",           "--topic",       "--store",   "--duration",     "--user",
         "--password",       "--cafile",      "--qos",     "--mqtt-version", "--client-id",
         "--file",           "--registry",    "--queue",   "--overflow",     "--retention-days",
         "--session-expiry", "--ack-stall",   "--mapping", "--max-skew",     "--max-future",
         "--shared-group",   "--bridge-state"},
        {"--persistent-session", "--backfill", "--progress"}, UsageLayout::HelpAfterBlankLine);
    if (auto exit = args.parseOrExit(argc, argv))
        return *exit;
    if (!args.positionals().empty())
        return args.usage("unexpected argument " + args.positionals()[0]);
    const auto store = args.value("--store");
    if (!store)
        return args.usage("--store is required");
    if (args.has("--mqtt") == args.has("--file"))
        return args.usage("give exactly one of --mqtt or --file");
    if (args.has("--password") && !args.has("--user"))
        return args.usage("--password needs --user");
    if (args.has("--persistent-session") && !args.has("--client-id"))
        return args.usage("--persistent-session needs --client-id");
    if (args.has("--shared-group") && !args.has("--client-id"))
        return args.usage(
            "--shared-group needs --client-id (each member its own, kept across restarts)");
    if (args.has("--shared-group") &&
        (args.valueOr("--mqtt-version", "5") != "5" || args.valueOr("--qos", "1") != "1"))
        return args.usage("--shared-group needs MQTT 5 and QoS 1");

    double duration = 0;
    if (!args.number("--duration",
                     positive(0.0, true, ": '%v' is not a positive number of seconds"), duration))
        return args.usage(args.error());

    IngestServiceOptions options;
    options.storePath = *store;
    if (args.has("--queue")) {
        // Finite: a count of "inf" would not convert to size_t.
        NumberSpec count = positive(1.0, false, ": '%v' is not a count >= 1");
        count.allowInfinity = false;
        double n = 0;
        if (!args.number("--queue", count, n))
            return args.usage(args.error());
        options.queueCapacity = static_cast<std::size_t>(n);
    }
    // A file can wait for the writer; a broker stream cannot.
    const auto overflow = args.valueOr("--overflow", args.has("--file") ? "block" : "drop-newest");
    if (overflow == "drop-newest")
        options.overflow = OverflowPolicy::DropNewest;
    else if (overflow == "drop-oldest")
        options.overflow = OverflowPolicy::DropOldest;
    else if (overflow == "block")
        options.overflow = OverflowPolicy::Block;
    else
        return args.usage("--overflow: '" + overflow +
                          "' is not drop-newest, drop-oldest or block");
    if (args.has("--retention-days")) {
        // Finite: "inf" days would not convert to milliseconds.
        NumberSpec days = positive(0.0, true, ": '%v' is not a positive number");
        days.allowInfinity = false;
        double d = 0;
        if (!args.number("--retention-days", days, d))
            return args.usage(args.error());
        options.store.rawRetentionMs = static_cast<TimeMs>(d * 86400000.0);
    }
    if (auto path = args.value("--registry")) {
        auto registry = SensorRegistry::importCsv(*path);
        for (const auto& d : registry.diagnostics())
            std::cerr << d.toString() << '\n';
        if (!registry)
            return 1;
        options.maybeRegistry = std::move(registry).value();
    }

    // The live window: a broker stream's clocks are checked; files (and a
    // --backfill replay) are history and keep their timestamps.
    const bool file = args.has("--file");
    if (args.has("--backfill") && file)
        return args.usage("--backfill applies to --mqtt only (a --file is always history)");
    if (args.has("--mapping") && !file)
        return args.usage("--mapping applies to --file only");
    PayloadParserOptions windows =
        file || args.has("--backfill") ? PayloadParserOptions::history() : PayloadParserOptions{};
    for (const char* option : {"--max-skew", "--max-future"}) {
        if (auto text = args.value(option)) {
            std::optional<std::optional<TimeMs>> parsed;
            if (!parseDurationMs(*text, parsed))
                return args.usage(std::string(option) + ": '" + *text +
                                  "' is not a duration like 24h, 90m, 7d or none");
            (std::string_view(option) == "--max-skew" ? windows.maybeMaxPastMs
                                                      : windows.maybeMaxFutureMs) = *parsed;
        }
    }
    if (args.has("--backfill") && args.has("--max-skew"))
        return args.usage("--backfill and --max-skew exclude each other");
    options.parser = windows;
    FileSourceOptions fileOptions;
    fileOptions.parser = windows;
    if (auto path = args.value("--mapping")) {
        auto mapping = CsvMapping::load(*path);
        if (!mapping) {
            std::cerr << "citytwin-cli ingest: " << mapping.messages() << '\n';
            return 1;
        }
        fileOptions.maybeMapping = std::move(mapping).value();
    }

    MqttOptions mqtt;
    if (auto hostPort = args.value("--mqtt")) {
        auto parsed = parseHostPort(*hostPort);
        if (!parsed)
            return args.usage("--mqtt: " + parsed.messages());
        mqtt.host = parsed.value().first;
        mqtt.port = parsed.value().second;
        mqtt.topics = {args.valueOr("--topic", "city/sensors/#")};
        mqtt.username = args.valueOr("--user", "");
        mqtt.password = args.valueOr("--password", "");
        mqtt.caFile = args.valueOr("--cafile", "");
        mqtt.clientId = args.valueOr("--client-id", "");
        mqtt.cleanSession = !args.has("--persistent-session") && !args.has("--shared-group");
        if (auto group = args.value("--shared-group")) {
            if (group->empty() || group->find_first_of("/+#") != std::string::npos)
                return args.usage("--shared-group: '" + *group +
                                  "' must be a non-empty name without / + #");
            mqtt.topics = {"$share/" + *group + "/" + mqtt.topics[0]};
        }
        if (auto state = args.value("--bridge-state"))
            mqtt.bridgeStateTopics = {*state};
        const auto qos = args.valueOr("--qos", "1");
        if (qos != "0" && qos != "1")
            return args.usage("--qos: must be 0 or 1");
        mqtt.qos = qos == "1" ? 1 : 0;
        // Whole seconds in 1..max; the option was given.
        auto seconds = [&](const char* option, double max, double& out) {
            NumberSpec spec = positive(1.0, false, ": '%v' is not a whole number of seconds >= 1");
            spec.allowInfinity = false;
            spec.integer = true;
            spec.max = max;
            return args.number(option, spec, out);
        };
        if (auto expiry = args.value("--session-expiry")) {
            if (!args.has("--persistent-session") && !args.has("--shared-group"))
                return args.usage("--session-expiry needs --persistent-session");
            double v = 4294967295.0;
            if (*expiry != "never" && !seconds("--session-expiry", 4294967295.0, v))
                return args.usage(args.error());
            mqtt.sessionExpirySeconds = static_cast<std::uint32_t>(v);
        }
        if (double v = 0; args.has("--ack-stall")) {
            if (!seconds("--ack-stall", 86400.0, v))
                return args.usage(args.error());
            mqtt.ackStallSeconds = static_cast<int>(v);
        }
        const auto version = args.valueOr("--mqtt-version", "5");
        if (version == "5")
            mqtt.protocolVersion = 5;
        else if (version == "3.1.1" || version == "311" || version == "4")
            mqtt.protocolVersion = 4;
        else
            return args.usage("--mqtt-version: '" + version + "' is not 3.1.1 or 5");
    } else if (args.has("--topic") || args.has("--user") || args.has("--cafile") ||
               args.has("--session-expiry") || args.has("--ack-stall") ||
               args.has("--shared-group") || args.has("--bridge-state")) {
        return args.usage(
            "--topic, --user, --cafile, --session-expiry, --ack-stall, --shared-group and "
            "--bridge-state apply to --mqtt only");
    }

    auto service = IngestService::open(std::move(options));
    if (!service) {
        std::cerr << "citytwin-cli ingest: " << service.messages() << '\n';
        return 1;
    }
    auto& ingest = *service.value();

    struct sigaction action {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);

    int status = 0;
    const auto start = std::chrono::steady_clock::now();
    std::size_t skippedCells = 0;
    bool cancelled = false;
    if (auto path = args.value("--file")) {
        ProgressLine progress(ingest.pipeline());
        if (args.has("--progress") || isatty(STDERR_FILENO))
            fileOptions.progress = [&progress](std::uint64_t done, std::uint64_t total) {
                return progress(done, total);
            };
        else
            fileOptions.progress = [](std::uint64_t, std::uint64_t) { return !gStop; };
        auto fed = ingest.feedFile(*path, std::move(fileOptions));
        progress.finish();
        for (const auto& d : fed.diagnostics())
            std::cerr << d.toString() << '\n';
        if (!fed) {
            status = 1;
        } else {
            skippedCells = fed.value().skippedCells;
            cancelled = fed.value().cancelled;
        }
    } else {
        if (auto started = ingest.startMqtt(mqtt); !started) {
            std::cerr << "citytwin-cli ingest: " << started.messages() << '\n';
            ingest.stop();
            return 1;
        }
        const auto limit = std::chrono::duration<double>(duration);
        std::string shownError;
        while (!gStop && (duration <= 0 || std::chrono::steady_clock::now() - start < limit)) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            // The writer logs the first failure and the recovery; this says
            // when the reason changes (e.g. disk full, then read-only).
            if (auto error = ingest.writer().storeError(); error != shownError) {
                if (!error.empty())
                    std::cerr << "citytwin-cli ingest: STORE NOT WRITABLE, not acknowledging: "
                              << error << '\n';
                shownError = error;
            }
        }
    }
    ingest.stop();
    const auto report = ingest.report();
    auto stats = ingest.writer().store().gaps();
    std::size_t gapsThisRun = 0;
    if (stats) {
        const auto startWall =
            ingest.pipeline().nowMs() - std::chrono::duration_cast<std::chrono::milliseconds>(
                                            std::chrono::steady_clock::now() - start)
                                            .count();
        for (const auto& g : stats.value())
            gapsThisRun += g.endMs >= startWall ? 1 : 0;
    }
    std::cout << "received " << report.received << '\n'
              << "stored " << report.stored << '\n'
              << "rejected " << report.rejected << '\n'
              << "duplicates " << report.duplicates << '\n'
              << "dropped " << report.dropped + report.unstoredMessages << '\n'
              << "unstored " << report.unstoredMessages << '\n'
              << "gaps " << gapsThisRun << '\n';
    if (args.has("--mapping"))
        std::cout << "skipped-cells " << skippedCells << '\n';
    if (cancelled)
        std::cerr << "citytwin-cli ingest: interrupted; everything read before the signal is "
                     "stored\n";
    if (report.unstoredMessages > 0) {
        std::cerr << "citytwin-cli ingest: " << report.unstoredMessages << " messages ("
                  << report.unstoredReadings
                  << " readings) were not stored: the store did not take writes\n";
        status = 1;
    } else if (report.failedCommits > 0) {
        std::cerr << "citytwin-cli ingest: " << report.failedCommits
                  << " write attempt(s) failed and were retried; everything received was "
                     "stored (see messages above)\n";
    }
    return status;
}

}  // namespace

CliCommand ingestCommand() {
    return {"ingest", "store MQTT (or file) sensor readings in a sensor store", runIngest};
}

}  // namespace citytwin::cli
