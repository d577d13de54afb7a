#pragma once
// The citytwin GUI's command line, parsed once in main().

#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

#include "citytwin/render/CameraPose.h"

namespace citytwin::app {

struct AppOptions {
    QString snapshotPath;   ///< --snapshot OUT.png: render, save, exit
    QSize size{1280, 800};  ///< --size WxH: window (and snapshot) size in pixels
    QString viewName;       ///< --view NAME
    std::optional<render::CameraPose> maybeCamera;  ///< --camera lon,lat,height,heading,pitch
    QString language;                               ///< --lang zh_CN|en (default: system locale)
    QStringList hiddenLayers;                       ///< --hide-layer ID (repeatable)
    QStringList dataFiles;                          ///< DATA...; empty: the Shanghai demo
    bool kiosk = false;                             ///< --fullscreen
    /// --memory-budget MB: paged content (OSGB pyramids, terrain tiles) held at most
    int memoryBudgetMb = 1024;
    int benchmarkFrames = 0;  ///< --benchmark N: render N frames after loading, print timings, exit

    // Sensors (issue: live IoT streams and playback).
    QString sensorRegistry;  ///< --sensors CSV; default with the demo: data/demo/sensors.csv
    QString sensorStore;     ///< --sensor-store DB; default: a fresh demo store in the cache
    QString mqttBroker;      ///< --mqtt HOST:PORT: ingest live from a broker, no simulator
    QString mqttTopic = QStringLiteral("city/sensors/#");  ///< --topic FILTER
    bool noSensors = false;                                ///< --no-sensors
    std::optional<qint64> maybeStartTimeMs;  ///< --time ISO: start paused at this time
};

/// Parses arguments; on error returns nullopt and fills `error`; --help and
/// --version print and set `exitNow`.
std::optional<AppOptions> parseAppOptions(const QStringList& arguments, QString& error,
                                          bool& exitNow);

/// The --help text (also shown by `citytwin --help`).
QString appHelpText();

}  // namespace citytwin::app
