#include "shell/AppOptions.h"

#include <QCoreApplication>
#include <QTextStream>

#include "citytwin/sensors/TimeFormat.h"

namespace citytwin::app {

QString appHelpText() {
    QString views = QString::fromStdString([] {
        std::string s;
        for (const auto& n : render::namedViewNames())
            s += (s.empty() ? "" : ", ") + n;
        return s;
    }());
    return QStringLiteral(
               "usage: citytwin [options] [DATA...]\n"
               "\n"
               "citytwin: a 3D digital twin of a city's information infrastructure.\n"
               "With no DATA it opens the Shanghai demo (Lujiazui and the Bund); with DATA\n"
               "(GeoPackage, Shapefile, GeoJSON, KML, CSV ... anything GDAL reads) it shows\n"
               "those layers and frames the view on them. A single-band GeoTIFF is a DEM,\n"
               "an RGB(A) one an orthophoto draped on the DEM (citytwin dem.tif ortho.tif).\n"
               "\n"
               "options:\n"
               "  --snapshot OUT.png   open the window, render until the scene has loaded,\n"
               "                       save the 3D view to OUT.png and exit (0 on success;\n"
               "                       1 if a file cannot be read or the image not saved)\n"
               "  --size WxH           size of the 3D view, and so of the snapshot, in pixels\n"
               "                       (default 1280x800)\n"
               "  --view NAME          start at a named view: %1\n"
               "  --camera LON,LAT,HEIGHT,HEADING,PITCH\n"
               "                       start at this camera: WGS 84 degrees, metres above\n"
               "                       ground, heading degrees clockwise from north, pitch\n"
               "                       degrees (negative looks down, -90 straight down)\n"
               "  --hide-layer ID      start with this layer hidden (repeatable), e.g.\n"
               "                       buildings, roads, water, landuse, base_stations\n"
               "  --lang LANG          user interface language: zh_CN or en (default:\n"
               "                       the system locale)\n"
               "  --memory-budget MB   memory for paged content (OSGB pyramids, terrain\n"
               "                       tiles): tiles seen least recently are dropped beyond\n"
               "                       it, and detail is reduced if the view alone needs more\n"
               "                       (default 1024)\n"
               "  --fullscreen         start full screen\n"
               "  --sensors CSV        sensor registry (see docs/sensors.md); default with\n"
               "                       the demo: its 38 synthetic sensors\n"
               "  --sensor-store DB    the SQLite sensor store to write and play back; default:\n"
               "                       a fresh demo store in a private temporary directory,\n"
               "                       filled by the in-process simulator (the last 24 hours,\n"
               "                       then live) and deleted on exit; with --mqtt,\n"
               "                       sensors.db in the user's data directory\n"
               "  --mqtt HOST:PORT     ingest live from this MQTT broker instead of simulating\n"
               "  --topic FILTER       MQTT topic filter (default city/sensors/#)\n"
               "  --no-sensors         no sensors, timeline or alerts\n"
               "  --time TIME          start paused at this time (ISO 8601 with zone, e.g.\n"
               "                       2026-11-26T08:30:00+08:00, or epoch milliseconds)\n"
               "  --benchmark N        after loading, render N frames of the view back to back,\n"
               "                       print launch and frame timings to stdout and exit\n"
               "                       (used by bench/; one line of key=value pairs)\n"
               "  --help               this text\n"
               "  --version            print the version\n"
               "\n"
               "exit status: 0 ok, 1 a file could not be read or a snapshot not written,\n"
               "2 bad command line.\n")
        .arg(views);
}

namespace {
bool takesValue(const QString& opt) {
    static const QStringList v{"--snapshot",     "--size",       "--view",      "--camera",
                               "--lang",         "--hide-layer", "--benchmark", "--sensors",
                               "--sensor-store", "--mqtt",       "--topic",     "--time",
                               "--memory-budget"};
    return v.contains(opt);
}
}  // namespace

std::optional<AppOptions> parseAppOptions(const QStringList& args, QString& error, bool& exitNow) {
    AppOptions o;
    exitNow = false;
    for (int i = 1; i < args.size(); ++i) {
        QString a = args[i];
        QString value;
        bool hasInline = false;
        if (a.startsWith("--") && a.contains('=')) {
            value = a.section('=', 1);
            a = a.section('=', 0, 0);
            hasInline = true;
        }
        if (a == "--help" || a == "-h") {
            QTextStream(stdout) << appHelpText();
            exitNow = true;
            return o;
        }
        if (a == "--version") {
            QTextStream(stdout) << "citytwin " << CITYTWIN_VERSION << "\n";
            exitNow = true;
            return o;
        }
        if (a == "--no-sensors") {
            o.noSensors = true;
            continue;
        }
        if (a == "--fullscreen") {
            o.kiosk = true;
            continue;
        }
        if (takesValue(a)) {
            if (!hasInline) {
                if (i + 1 >= args.size()) {
                    error = QStringLiteral("option %1 needs a value").arg(a);
                    return std::nullopt;
                }
                value = args[++i];
            }
            if (a == "--snapshot") {
                o.snapshotPath = value;
            } else if (a == "--size") {
                const QStringList wh = value.toLower().split('x');
                bool okW = false, okH = false;
                const int w = wh.size() == 2 ? wh[0].toInt(&okW) : 0;
                const int h = wh.size() == 2 ? wh[1].toInt(&okH) : 0;
                if (!okW || !okH || w < 64 || h < 64 || w > 8192 || h > 8192) {
                    error = QStringLiteral("--size: '%1' is not WxH with 64..8192 pixels each")
                                .arg(value);
                    return std::nullopt;
                }
                o.size = QSize(w, h);
            } else if (a == "--view") {
                if (!render::namedView(value.toStdString())) {
                    error = QStringLiteral("--view: unknown view '%1'").arg(value);
                    return std::nullopt;
                }
                o.viewName = value;
            } else if (a == "--camera") {
                auto pose = render::parseCameraPose(value.toStdString());
                if (!pose) {
                    error = QString::fromStdString(pose.messages());
                    return std::nullopt;
                }
                o.maybeCamera = pose.value();
            } else if (a == "--lang") {
                o.language = value;
            } else if (a == "--benchmark") {
                bool ok = false;
                o.benchmarkFrames = value.toInt(&ok);
                if (!ok || o.benchmarkFrames < 1 || o.benchmarkFrames > 100000) {
                    error = QStringLiteral("--benchmark: '%1' is not a frame count 1..100000")
                                .arg(value);
                    return std::nullopt;
                }
            } else if (a == "--sensors") {
                o.sensorRegistry = value;
            } else if (a == "--sensor-store") {
                o.sensorStore = value;
            } else if (a == "--mqtt") {
                const int colon = value.lastIndexOf(':');
                bool ok = false;
                const int port = colon > 0 ? value.mid(colon + 1).toInt(&ok) : 0;
                if (!ok || port < 1 || port > 65535) {
                    error = QStringLiteral("--mqtt: '%1' is not HOST:PORT").arg(value);
                    return std::nullopt;
                }
                o.mqttBroker = value;
            } else if (a == "--topic") {
                if (value.isEmpty()) {
                    error = QStringLiteral("--topic: empty topic filter");
                    return std::nullopt;
                }
                o.mqttTopic = value;
            } else if (a == "--time") {
                auto t = sensors::parseUserTime(value.toStdString());
                if (!t) {
                    error = QStringLiteral(
                                "--time: '%1' is not ISO 8601 with a zone or epoch milliseconds")
                                .arg(value);
                    return std::nullopt;
                }
                o.maybeStartTimeMs = *t;
            } else if (a == "--memory-budget") {
                bool ok = false;
                o.memoryBudgetMb = value.toInt(&ok);
                if (!ok || o.memoryBudgetMb < 16 || o.memoryBudgetMb > 1048576) {
                    error = QStringLiteral("--memory-budget: '%1' is not a size in MB, 16..1048576")
                                .arg(value);
                    return std::nullopt;
                }
            } else if (a == "--hide-layer") {
                o.hiddenLayers << value;
            }
            continue;
        }
        if (a.startsWith("--")) {
            error = QStringLiteral("unknown option %1").arg(a);
            return std::nullopt;
        }
        o.dataFiles << args[i];
    }
    if (!o.viewName.isEmpty() && o.maybeCamera) {
        error = QStringLiteral("--view and --camera exclude each other");
        return std::nullopt;
    }
    return o;
}

}  // namespace citytwin::app
