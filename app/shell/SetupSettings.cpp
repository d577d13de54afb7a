#include "shell/SetupSettings.h"

#include <QSettings>

namespace citytwin::app {
namespace {
const char* kGeometry = "window/geometry";
const char* kState = "window/state";
const char* kRecent = "files/recent";
const char* kProject = "files/lastProject";
const char* kLanguage = "ui/language";
const char* kView = "view/last";
const char* kViewData = "view/lastData";
const char* kZoomToNew = "view/zoomToNewLayers";
const char* kMapLabels = "view/mapLabels";
}  // namespace

QByteArray SetupSettings::windowGeometry() const {
    return QSettings().value(kGeometry).toByteArray();
}

QByteArray SetupSettings::windowState() const {
    return QSettings().value(kState).toByteArray();
}

void SetupSettings::saveLayout(const QByteArray& geometry, const QByteArray& state) {
    QSettings s;
    s.setValue(kGeometry, geometry);
    s.setValue(kState, state);
}

void SetupSettings::clearLayout() {
    QSettings s;
    s.remove(kGeometry);
    s.remove(kState);
}

QStringList SetupSettings::recentFiles() const {
    return QSettings().value(kRecent).toStringList();
}

void SetupSettings::addRecentFile(const QString& path) {
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    QSettings().setValue(kRecent, files);
}

void SetupSettings::removeRecentFile(const QString& path) {
    QStringList files = recentFiles();
    files.removeAll(path);
    QSettings().setValue(kRecent, files);
}

QString SetupSettings::lastProject() const {
    return QSettings().value(kProject).toString();
}

void SetupSettings::setLastProject(const QString& path) {
    QSettings().setValue(kProject, path);
}

QString SetupSettings::language() const {
    return QSettings().value(kLanguage).toString();
}

void SetupSettings::setLanguage(const QString& language) {
    QSettings().setValue(kLanguage, language);
}

std::optional<render::CameraPose> SetupSettings::lastView(const QString& dataKey) const {
    QSettings s;
    if (s.value(kViewData).toString() != dataKey)
        return std::nullopt;
    // The same text as --camera, so a damaged entry fails the same checks.
    auto pose = render::parseCameraPose(s.value(kView).toString().toStdString());
    if (!pose)
        return std::nullopt;
    return pose.value();
}

void SetupSettings::setLastView(const render::CameraPose& p, const QString& dataKey) {
    QSettings s;
    s.setValue(kView, QStringLiteral("%1,%2,%3,%4,%5")
                          .arg(p.lon, 0, 'f', 7)
                          .arg(p.lat, 0, 'f', 7)
                          .arg(p.height, 0, 'f', 1)
                          .arg(p.heading, 0, 'f', 2)
                          .arg(p.pitch, 0, 'f', 2));
    s.setValue(kViewData, dataKey);
}

bool SetupSettings::zoomToNewLayers() const {
    return QSettings().value(kZoomToNew, true).toBool();
}

void SetupSettings::setZoomToNewLayers(bool on) {
    QSettings().setValue(kZoomToNew, on);
}

bool SetupSettings::mapLabels() const {
    return QSettings().value(kMapLabels, true).toBool();
}

void SetupSettings::setMapLabels(bool on) {
    QSettings().setValue(kMapLabels, on);
}

}  // namespace citytwin::app
