#pragma once
// What the inspection tools need of the window they live in, and nothing
// more: the 3D view (render, pick, grab), the scene (the overlay layer) and
// its local frame, a status line, a log, a parent for dialogs, and room for
// a menu, a toolbar and docks. The main window implements it.

#include <QString>
#include <Qt>

#include <optional>

#include "citytwin/geo/LocalFrame.h"
#include "citytwin/geo/Log.h"
#include "citytwin/render/CityScene.h"

class QDockWidget;
class QMenu;
class QToolBar;
class QWidget;

namespace citytwin::app {

class OsgView;

class InspectionHost {
public:
    virtual ~InspectionHost() = default;

    /// The 3D view the map tools draw in and the report's map is grabbed from.
    virtual OsgView* view() const = 0;
    /// The scene the inspection overlay is a layer of.
    virtual render::CityScene& scene() = 0;
    /// The scene's local frame (nullopt until the first data has loaded).
    virtual const std::optional<geo::LocalFrame>& frame() const = 0;

    /// Shows `text` in the status line for `timeoutMs` (0: until replaced).
    virtual void showStatusMessage(const QString& text, int timeoutMs = 0) = 0;
    /// Appends to the app's log; stderr gets `message` as it is.
    virtual void logMessage(geo::LogLevel level, const QString& message) = 0;
    /// The parent of the tools' dialogs and message boxes.
    virtual QWidget* dialogParent() = 0;

    /// Adds a menu to the menu bar (before Help, which stays last).
    virtual void addFeatureMenu(QMenu* menu) = 0;
    /// A new toolbar of the window.
    virtual QToolBar* addFeatureToolBar() = 0;
    /// Docks `dock` in `area`, `width` pixels wide if > 0. Docks on the right
    /// share one column of tabs with the window's own.
    virtual void addFeatureDock(Qt::DockWidgetArea area, QDockWidget* dock, int width = 0) = 0;
};

}  // namespace citytwin::app
