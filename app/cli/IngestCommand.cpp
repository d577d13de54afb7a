// citytwin-cli ingest: subscribe to an MQTT broker (or read a file) and store
// every accepted reading in a sensor store, until a duration or a signal.

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "CliArgs.h"
#include "CliCommand.h"
#include "citytwin/sensors/IngestService.h"

namespace citytwin::cli {
namespace {

using namespace citytwin::sensors;

const char* kHelp =
    "usage: citytwin-cli ingest --mqtt HOST:PORT --topic FILTER --store S.db [--duration S]\n"
    "                           [--user U --password P --cafile F] [options]\n"
    "       citytwin-cli ingest --file F --store S.db [options]\n\n"
    "Receives sensor readings and stores every accepted one in the SQLite sensor\n"
    "store S.db (created if missing). Runs until --duration seconds have passed or\n"
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
    "  --store S.db         the sensor store to write (required)\n"
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

int runIngest(int argc, char** argv) {
    CliArgs args("ingest", kHelp,
                 {"--mqtt", "--topic", "--store", "--duration", "--user", "--password", "--cafile",
                  "--qos", "--mqtt-version", "--client-id", "--file", "--registry", "--queue",
                  "--overflow", "--retention-days", "--session-expiry", "--ack-stall"},
                 {"--persistent-session"}, UsageLayout::HelpAfterBlankLine);
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
        mqtt.cleanSession = !args.has("--persistent-session");
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
            if (!args.has("--persistent-session"))
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
               args.has("--session-expiry") || args.has("--ack-stall")) {
        return args.usage(
            "--topic, --user, --cafile, --session-expiry and --ack-stall apply to --mqtt only");
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
    if (auto file = args.value("--file")) {
        auto fed = ingest.feedFile(*file);
        for (const auto& d : fed.diagnostics())
            std::cerr << d.toString() << '\n';
        if (!fed)
            status = 1;
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
