#include "shell/AppOptions.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QTextStream>

#include <vector>

#include "citytwin/sensors/TimeFormat.h"
#include "citytwin/tilecache/CacheSettings.h"

namespace citytwin::app {

namespace {

QString namedViewList() {
    QString views;
    for (const auto& n : render::namedViewNames())
        views += (views.isEmpty() ? "" : ", ") + QString::fromStdString(n);
    return views;
}

/// The options, in the order --help lists them. Every description is the
/// documentation of that option: --help is generated from these.
struct Options {
    QCommandLineOption snapshot{
        "snapshot",
        "Open the window, render until the scene has loaded, save the 3D view to OUT.png and "
        "exit (0 on success; 1 if a file cannot be read or the image not saved).",
        "OUT.png"};
    QCommandLineOption size{
        "size",
        "Size of the 3D view, and so of the snapshot, in pixels (default 1280x800 for a "
        "snapshot; without it the window fits the screen, or takes the size it had last time).",
        "WxH"};
    QCommandLineOption view{"view", "Start at a named view: " + namedViewList() + ".", "NAME"};
    QCommandLineOption camera{
        "camera",
        "Start at this camera: WGS 84 degrees, metres above ground, heading degrees clockwise "
        "from north, pitch degrees (negative looks down, -90 straight down).",
        "LON,LAT,HEIGHT,HEADING,PITCH"};
    QCommandLineOption hideLayer{
        "hide-layer",
        "Start with this layer hidden (repeatable), e.g. buildings, roads, water, landuse, "
        "base_stations.",
        "ID"};
    QCommandLineOption lang{
        "lang", "User interface language: zh_CN or en (default: the system locale).", "LANG"};
    QCommandLineOption memoryBudget{
        "memory-budget",
        "Memory for paged content (OSGB pyramids, terrain, 3D Tiles): tiles seen least "
        "recently are dropped beyond it, and detail is reduced if the view alone needs more "
        "(default 1024).",
        "MB"};
    QCommandLineOption tileCache{
        "tile-cache",
        "Where 3D Tiles, OSGB pyramids and terrain read over http(s) are cached (default "
        "$CITYTWIN_TILE_CACHE, else $XDG_CACHE_HOME/citytwin/tiles); 'off': no disk cache.",
        "DIR|off"};
    QCommandLineOption tileCacheSize{
        "tile-cache-size",
        "The tile cache's cap, e.g. 512M or 2G (default 2G); the least recently used tiles are "
        "removed first.",
        "SIZE"};
    QCommandLineOption offline{
        "offline",
        "No network: tiles come from the tile cache only; a tile not cached is reported with "
        "its URL."};
    QCommandLineOption fullscreen{"fullscreen", "Start full screen."};
    QCommandLineOption kiosk{
        "kiosk",
        "Run as an unattended kiosk: full screen, no menus or docks, touring the city. The "
        "first positional argument, if it ends in .json and is not a tileset.json, is the "
        "tour (default: the demo's kiosk-tour.json; see docs/kiosk.md). Keys and close "
        "requests are ignored; the operator leaves with the tour's key chord and PIN "
        "(CITYTWIN_KIOSK_PIN), or SIGTERM (exit 0). Exit 3: memory ceiling or GL failure, "
        "restart wanted."};
    QCommandLineOption sensors{
        "sensors",
        "Sensor registry (see docs/sensors.md); default with the demo: its 38 synthetic "
        "sensors.",
        "CSV"};
    QCommandLineOption sensorStore{
        "sensor-store",
        "The SQLite sensor store to write and play back. Default: a fresh demo store "
        "(demo-sensors.db) in a private temporary directory (citytwin-demo-XXXXXX under "
        "$TMPDIR, default /tmp), filled by the in-process "
        "simulator (the last 24 hours, then live) and deleted on exit; with --mqtt, "
        "sensors.db in the user's data directory (~/.local/share/citytwin/citytwin/ on Linux).",
        "DB"};
    QCommandLineOption mqtt{"mqtt", "Ingest live from this MQTT broker instead of simulating.",
                            "HOST:PORT"};
    QCommandLineOption topic{"topic", "MQTT topic filter (default city/sensors/#).", "FILTER"};
    QCommandLineOption noSensors{"no-sensors", "No sensors, timeline or alerts."};
    QCommandLineOption noLabels{
        "no-labels",
        "Draw no map labels (the names of districts, rivers, major roads and landmark "
        "buildings); View > Map labels turns them on and off in the window."};
    QCommandLineOption time{
        "time",
        "Start paused at this time (ISO 8601 with zone, e.g. 2026-11-26T08:30:00+08:00, or "
        "epoch milliseconds).",
        "TIME"};
    QCommandLineOption benchmark{
        "benchmark",
        "After loading, render N frames of the view back to back, print launch and frame "
        "timings to stdout and exit (used by bench/; one line of key=value pairs).",
        "N"};
    QCommandLineOption logFile{
        "log-file",
        "Also append the log (what the Log panel shows: time, level, message) to FILE; "
        "stderr gets it as always. Past 10 MiB (CITYTWIN_LOG_MAX_BYTES) FILE is rotated to "
        "FILE.1 .. FILE.3, the oldest dropped. Exit 1 if FILE cannot be written.",
        "FILE"};
    QCommandLineOption scenario{
        "scenario",
        "Open this scenario (JSON, docs/scenarios.md) over the project once the scene has "
        "loaded: the engine runs, the timeline shows its events, the scene its state.",
        "FILE"};
    QCommandLineOption record{
        "record",
        "With --scenario: render frames at fixed scenario time steps offscreen (each after "
        "the paged content has loaded), encode them with ffmpeg (libx264, else mpeg4) into "
        "OUT.mp4 and exit. The same scenario gives the same frames (sensors are not drawn: their "
        "simulated history depends on when it was made). Needs the ffmpeg program (on PATH, or "
        "$CITYTWIN_FFMPEG).",
        "OUT.mp4"};
    QCommandLineOption from{
        "from", "With --record: the first frame's scenario time (default the scenario's start).",
        "TIME"};
    QCommandLineOption to{
        "to", "With --record: the last frame's scenario time (default the scenario's end).",
        "TIME"};
    QCommandLineOption fps{"fps", "With --record: frames per second of the video (default 10).",
                           "N"};
    QCommandLineOption step{"step", "With --record: scenario seconds between frames (default 60).",
                            "SECONDS"};
    QCommandLineOption report{
        "report",
        "With --scenario: write the incident report (timeline, affected sites, map snapshots "
        "at key times, the articles cited, the log's SHA-256) to OUT.html (with OUT.pdf and the "
        "map images beside it) or OUT.pdf alone, and exit.",
        "OUT.html|OUT.pdf"};
    QCommandLineOption allowPartial{
        "allow-partial",
        "With --snapshot, --benchmark, --record or --report: draw a layer that could be read "
        "only in part (a shapefile whose .shp, .shx or .dbf is cut short) with the features "
        "read, instead of failing with exit 1. The window run by hand always does, with a "
        "warning in the log."};
    QCommandLineOption decorations{
        "decorations",
        "With --snapshot: render the image off-screen at --size (which may be larger than the "
        "screen, e.g. 3840x2160; the window keeps 1280x800) with a scale bar, a north arrow, the "
        "legend of the visible layers and the data attribution burnt in, as File > Export "
        "image... does."};
    QCommandLineOption title{
        "title", "With --snapshot --decorations: a title drawn at the image's top.", "TEXT"};
    QCommandLineOption help{QStringList{"h", "help"}, "This text."};
    QCommandLineOption version{"version", "Print the version."};

    std::vector<const QCommandLineOption*> all() const {
        return {&snapshot,     &size,         &view,          &camera,    &hideLayer,
                &lang,         &memoryBudget, &fullscreen,    &kiosk,     &sensors,
                &sensorStore,  &mqtt,         &topic,         &noSensors, &noLabels,
                &time,         &benchmark,    &logFile,       &scenario,  &record,
                &from,         &to,           &fps,           &step,      &report,
                &allowPartial, &tileCache,    &tileCacheSize, &offline,   &decorations,
                &title,        &help,         &version};
    }
};

void setUp(QCommandLineParser& parser, const Options& options) {
    parser.setApplicationDescription(QStringLiteral(
        "citytwin: a 3D digital twin of a city's information infrastructure.\n"
        "With no DATA it opens the Shanghai demo (Lujiazui and the Bund); with DATA\n"
        "(GeoPackage, Shapefile, GeoJSON, KML, CSV ... anything GDAL reads) it shows\n"
        "those layers and frames the view on them. A single-band GeoTIFF is a DEM,\n"
        "an RGB(A) one an orthophoto draped on the DEM (citytwin dem.tif ortho.tif)."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    for (const QCommandLineOption* o : options.all())
        parser.addOption(*o);
    parser.addPositionalArgument(
        "DATA",
        "Files or URLs to open as layers: vector data, DEMs, orthophotos, OSGB pyramids "
        "(metadata.xml), 3D Tiles (tileset.json), glTF models; none: the demo.",
        "[DATA...]");
}

/// The option a failed parse stopped at: the last argument, an option that
/// needs a value and has none.
QString optionMissingItsValue(const QStringList& args, const Options& options) {
    if (args.size() < 2)
        return {};
    QString last = args.last();
    while (last.startsWith('-'))
        last.remove(0, 1);
    for (const QCommandLineOption* o : options.all())
        if (!o->valueName().isEmpty() && o->names().contains(last))
            return args.last();
    return {};
}

/// How the user wrote the option `name` (e.g. "--frobnicate" for "frobnicate").
QString asWritten(const QStringList& args, const QString& name) {
    for (qsizetype i = 1; i < args.size(); ++i) {
        QString bare = args[i].section('=', 0, 0);
        while (bare.startsWith('-'))
            bare.remove(0, 1);
        if (args[i].startsWith('-') && bare == name)
            return args[i].section('=', 0, 0);
    }
    return QStringLiteral("--") + name;
}

}  // namespace

QString appHelpText() {
    QCommandLineParser parser;
    const Options options;
    setUp(parser, options);
    QString text = parser.helpText();
    // The parser names the running executable (or none before QApplication).
    const qsizetype firstLineEnd = text.indexOf('\n');
    text.replace(0, firstLineEnd, QStringLiteral("Usage: citytwin [options] [DATA...]"));
    return text +
           QStringLiteral(
               "\nExit status: 0 ok, 1 a file could not be read or a snapshot, video or report\n"
               "not written (or ffmpeg is missing for --record),\n"
               "2 bad command line.\n");
}

std::optional<AppOptions> parseAppOptions(const QStringList& args, QString& error, bool& exitNow) {
    AppOptions o;
    exitNow = false;
    QCommandLineParser parser;
    const Options opt;
    setUp(parser, opt);
    if (!parser.parse(args)) {
        const QStringList unknown = parser.unknownOptionNames();
        if (!unknown.isEmpty()) {
            error = QStringLiteral("unknown option %1").arg(asWritten(args, unknown.first()));
        } else if (const QString option = optionMissingItsValue(args, opt); !option.isEmpty()) {
            error = QStringLiteral("option %1 needs a value").arg(option);
        } else {
            error = parser.errorText();
        }
        return std::nullopt;
    }
    if (parser.isSet(opt.help)) {
        QTextStream(stdout) << appHelpText();
        exitNow = true;
        return o;
    }
    if (parser.isSet(opt.version)) {
        QTextStream(stdout) << "citytwin " << CITYTWIN_VERSION << "\n";
        exitNow = true;
        return o;
    }
    o.noSensors = parser.isSet(opt.noSensors);
    o.noLabels = parser.isSet(opt.noLabels);
    o.kiosk = parser.isSet(opt.kiosk);
    o.fullScreen = o.kiosk || parser.isSet(opt.fullscreen);
    o.snapshotPath = parser.value(opt.snapshot);
    o.allowPartialRequested = parser.isSet(opt.allowPartial);
    if (parser.isSet(opt.size)) {
        const QString value = parser.value(opt.size);
        const QStringList wh = value.toLower().split('x');
        bool okW = false, okH = false;
        const int w = wh.size() == 2 ? wh[0].toInt(&okW) : 0;
        const int h = wh.size() == 2 ? wh[1].toInt(&okH) : 0;
        if (!okW || !okH || w < 64 || h < 64 || w > 8192 || h > 8192) {
            error = QStringLiteral("--size: '%1' is not WxH with 64..8192 pixels each").arg(value);
            return std::nullopt;
        }
        o.size = QSize(w, h);
    }
    o.fitToScreen = !parser.isSet(opt.size) && !o.fullScreen;
    if (parser.isSet(opt.view)) {
        const QString value = parser.value(opt.view);
        if (!render::namedView(value.toStdString())) {
            error = QStringLiteral("--view: unknown view '%1'").arg(value);
            return std::nullopt;
        }
        o.viewName = value;
    }
    if (parser.isSet(opt.camera)) {
        auto pose = render::parseCameraPose(parser.value(opt.camera).toStdString());
        if (!pose) {
            error = QString::fromStdString(pose.messages());
            return std::nullopt;
        }
        o.maybeCamera = pose.value();
    }
    o.language = parser.value(opt.lang);
    if (parser.isSet(opt.benchmark)) {
        const QString value = parser.value(opt.benchmark);
        bool ok = false;
        o.benchmarkFrames = value.toInt(&ok);
        if (!ok || o.benchmarkFrames < 1 || o.benchmarkFrames > 100000) {
            error = QStringLiteral("--benchmark: '%1' is not a frame count 1..100000").arg(value);
            return std::nullopt;
        }
    }
    o.sensorRegistry = parser.value(opt.sensors);
    o.sensorStore = parser.value(opt.sensorStore);
    if (parser.isSet(opt.mqtt)) {
        const QString value = parser.value(opt.mqtt);
        const int colon = int(value.lastIndexOf(':'));
        bool ok = false;
        const int port = colon > 0 ? value.mid(colon + 1).toInt(&ok) : 0;
        if (!ok || port < 1 || port > 65535) {
            error = QStringLiteral("--mqtt: '%1' is not HOST:PORT").arg(value);
            return std::nullopt;
        }
        o.mqttBroker = value;
    }
    if (parser.isSet(opt.topic)) {
        const QString value = parser.value(opt.topic);
        if (value.isEmpty()) {
            error = QStringLiteral("--topic: empty topic filter");
            return std::nullopt;
        }
        o.mqttTopic = value;
    }
    if (parser.isSet(opt.time)) {
        const QString value = parser.value(opt.time);
        auto t = sensors::parseUserTime(value.toStdString());
        if (!t) {
            error = QStringLiteral("--time: '%1' is not ISO 8601 with a zone or epoch milliseconds")
                        .arg(value);
            return std::nullopt;
        }
        o.maybeStartTimeMs = *t;
    }
    if (parser.isSet(opt.tileCache))
        o.tileCache = parser.value(opt.tileCache).toStdString();
    if (parser.isSet(opt.tileCacheSize))
        o.tileCacheSize = parser.value(opt.tileCacheSize).toStdString();
    o.offline = parser.isSet(opt.offline);
    if (o.tileCache || o.tileCacheSize || o.offline) {
        auto settings =
            tilecache::cacheSettingsWithOptions(o.tileCache, o.tileCacheSize, o.offline);
        if (!settings) {
            error = QString::fromStdString(settings.messages());
            return std::nullopt;
        }
    }
    if (parser.isSet(opt.memoryBudget)) {
        const QString value = parser.value(opt.memoryBudget);
        bool ok = false;
        o.memoryBudgetMb = value.toInt(&ok);
        if (!ok || o.memoryBudgetMb < 16 || o.memoryBudgetMb > 1048576) {
            error =
                QStringLiteral("--memory-budget: '%1' is not a size in MB, 16..1048576").arg(value);
            return std::nullopt;
        }
    }
    o.hiddenLayers = parser.values(opt.hideLayer);
    o.logFile = parser.value(opt.logFile);
    o.dataFiles = parser.positionalArguments();
    if (o.kiosk && !o.dataFiles.isEmpty()) {
        const QString first = o.dataFiles.first();
        if (first.endsWith(".json", Qt::CaseInsensitive) &&
            !first.endsWith("tileset.json", Qt::CaseInsensitive))
            o.kioskTour = o.dataFiles.takeFirst();
    }
    o.decorations = parser.isSet(opt.decorations);
    o.title = parser.value(opt.title);
    if ((o.decorations || parser.isSet(opt.title)) && o.snapshotPath.isEmpty()) {
        error = QStringLiteral("--decorations and --title need --snapshot OUT.png");
        return std::nullopt;
    }
    if (o.decorations) {
        // The image is rendered off-screen at --size; the window stays small.
        o.imageSize = o.size;
        o.size = QSize(1280, 800);
    }
    if (o.kiosk && !o.snapshotPath.isEmpty()) {
        error = QStringLiteral("--kiosk and --snapshot exclude each other");
        return std::nullopt;
    }
    o.scenarioPath = parser.value(opt.scenario);
    o.recordPath = parser.value(opt.record);
    o.reportPath = parser.value(opt.report);
    for (auto [option, target] : {std::pair{&opt.from, &o.maybeFromMs}, {&opt.to, &o.maybeToMs}}) {
        if (!parser.isSet(*option))
            continue;
        const QString value = parser.value(*option);
        auto t = sensors::parseUserTime(value.toStdString());
        if (!t) {
            error = QStringLiteral("--%1: '%2' is not ISO 8601 with a zone or epoch milliseconds")
                        .arg(option->names().first(), value);
            return std::nullopt;
        }
        *target = *t;
    }
    if (parser.isSet(opt.fps)) {
        bool ok = false;
        o.recordFps = parser.value(opt.fps).toInt(&ok);
        if (!ok || o.recordFps < 1 || o.recordFps > 120) {
            error = QStringLiteral("--fps: '%1' is not 1..120").arg(parser.value(opt.fps));
            return std::nullopt;
        }
    }
    if (parser.isSet(opt.step)) {
        bool ok = false;
        const double seconds = parser.value(opt.step).toDouble(&ok);
        if (!ok || !(seconds >= 1 && seconds <= 86400)) {
            error =
                QStringLiteral("--step: '%1' is not 1..86400 seconds").arg(parser.value(opt.step));
            return std::nullopt;
        }
        o.recordStepMs = qint64(seconds * 1000);
    }
    if ((!o.recordPath.isEmpty() || !o.reportPath.isEmpty()) && o.scenarioPath.isEmpty()) {
        error = QStringLiteral("--record and --report need --scenario FILE");
        return std::nullopt;
    }
    if (!o.recordPath.isEmpty() && !o.reportPath.isEmpty()) {
        error = QStringLiteral("--record and --report exclude each other");
        return std::nullopt;
    }
    if (!o.reportPath.isEmpty() && !o.reportPath.endsWith(".html", Qt::CaseInsensitive) &&
        !o.reportPath.endsWith(".pdf", Qt::CaseInsensitive)) {
        error = QStringLiteral("--report: '%1' must end in .html or .pdf").arg(o.reportPath);
        return std::nullopt;
    }
    if (o.maybeFromMs && o.maybeToMs && *o.maybeToMs < *o.maybeFromMs) {
        error = QStringLiteral("--to is before --from");
        return std::nullopt;
    }
    if (!o.viewName.isEmpty() && o.maybeCamera) {
        error = QStringLiteral("--view and --camera exclude each other");
        return std::nullopt;
    }
    return o;
}

}  // namespace citytwin::app
