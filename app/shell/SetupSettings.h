#pragma once
// What the window remembers between launches (QSettings, organisation and
// application "citytwin"): geometry and dock layout, recent files, the last
// project, the language, the last view and whether new layers are zoomed
// to. Batch runs and the kiosk neither read nor write it (MainWindow
// decides). Tests point QSettings elsewhere (XDG_CONFIG_HOME or
// QSettings::setPath) so that they never share it.

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

#include "citytwin/render/CameraPose.h"

namespace citytwin::app {

class SetupSettings {
public:
    /// Files kept in File → Recent at most.
    static constexpr int kMaxRecentFiles = 10;

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void saveLayout(const QByteArray& geometry, const QByteArray& state);
    /// Forgets geometry and dock layout (View → Reset layout).
    void clearLayout();

    QStringList recentFiles() const;
    /// Puts `path` first (once) and trims the list to kMaxRecentFiles.
    void addRecentFile(const QString& path);
    void removeRecentFile(const QString& path);

    /// The project GeoPackage last imported into (empty: none yet).
    QString lastProject() const;
    void setLastProject(const QString& path);

    /// "zh_CN", "en" or empty (the system locale).
    QString language() const;
    void setLanguage(const QString& language);

    /// The camera when the window closed, and what it was looking at (the
    /// data the window had opened: "demo" or its files), so that a view of
    /// other data is not restored over it.
    std::optional<render::CameraPose> lastView(const QString& dataKey) const;
    void setLastView(const render::CameraPose& pose, const QString& dataKey);

    /// View → Zoom to new layers (default on).
    bool zoomToNewLayers() const;
    void setZoomToNewLayers(bool on);

    /// View → Map labels (default on).
    bool mapLabels() const;
    void setMapLabels(bool on);
};

}  // namespace citytwin::app
