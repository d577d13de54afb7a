#pragma once
// What the kiosk needs of the window it runs in, and nothing more: the 3D
// view, the scene's frame, layer visibility, the sensors' time, scenario
// playback, and a way to drop the window's chrome. The main window
// implements it.

#include <QString>
#include <QtGlobal>

#include <optional>
#include <string>
#include <vector>

#include "citytwin/geo/LocalFrame.h"

class QWidget;

namespace citytwin::app {

class OsgView;

class KioskHost {
public:
    virtual ~KioskHost() = default;

    /// The top-level window the kiosk keeps full screen.
    virtual QWidget* kioskWindow() = 0;
    /// The 3D view the tour flies and the overlay covers.
    virtual OsgView* view() const = 0;
    /// The scene's local frame (nullopt until the first data has loaded).
    virtual const std::optional<geo::LocalFrame>& frame() const = 0;
    /// Hides menus, toolbars, docks, status bar and timeline for good.
    virtual void hideChrome() = 0;

    /// The ids of the layers in the scene.
    virtual std::vector<std::string> layerIds() const = 0;
    virtual void setLayerVisible(const std::string& layerId, bool visible) = 0;

    /// Shows the sensors at `timeMs` (nullopt: live). False if there are no sensors.
    virtual bool showSensorTime(std::optional<qint64> maybeTimeMs) = 0;

    /// Plays the scenario file at `speed`; false with `error` set if it
    /// cannot (e.g. scenario playback is not part of this build).
    virtual bool playScenario(const QString& file, double speed, QString& error) = 0;
    /// Stops what playScenario started (nothing if none).
    virtual void stopScenario() = 0;
    /// The sky: "clock", "fixed" or "night" (the tour's `lighting`).
    virtual void setLighting(const std::string& name) = 0;
};

}  // namespace citytwin::app
