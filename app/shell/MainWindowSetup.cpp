// MainWindow's remembered setup: the first window's size on this screen,
// the layout, recent files, language and last view kept in QSettings
// (SetupSettings) and restored at the next start; View → Reset layout.

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QMenu>
#include <QScreen>
#include <QStatusBar>

#include "kiosk/CameraFlight.h"
#include "scenario/ScenarioBatch.h"
#include "sensors/SensorMonitor.h"
#include "shell/BatchRunner.h"
#include "shell/LogChannel.h"
#include "shell/MainWindow.h"
#include "shell/MainWindowUi.h"
#include "shell/ScreenFit.h"
#include "shell/SetupSettings.h"
#include "shell/Translations.h"
#include "view/OsgView.h"

namespace citytwin::app {

bool remembersSetupFor(const AppOptions& options) {
    return !options.kiosk && !BatchRunner::isWanted(options) && !ScenarioBatch::isWanted(options);
}

QString MainWindow::dataKey() const {
    if (_options.dataFiles.isEmpty())
        return QStringLiteral("demo");
    QStringList files;
    for (const QString& f : _options.dataFiles)
        files << (f.contains("://") ? f : QFileInfo(f).absoluteFilePath());
    return files.join('|');
}

void MainWindow::fitToScreen() {
    const QScreen* s = screen() ? screen() : QGuiApplication::primaryScreen();
    const QRect available = s ? s->availableGeometry() : QRect(0, 0, 1280, 800);
    const QRect fitted = fittedWindowRect(available);
    bool restored = false;
    if (_remembersSetup) {
        const QByteArray geometry = SetupSettings().windowGeometry();
        // Restored only where it fits: a layout saved on a larger screen is not.
        if (!geometry.isEmpty() && restoreGeometry(geometry)) {
            for (const QScreen* each : QGuiApplication::screens())
                restored = restored || fitsWithin(this->geometry(), each->availableGeometry());
            restored = restored || isMaximized();
        }
    }
    if (!restored)
        setGeometry(fitted);
    const DockWidths docks = dockWidthsFor(restored ? width() : fitted.width());
    resizeDocks({_layerDock}, {docks.left}, Qt::Horizontal);
    // The features' right docks (findings, events) asked for their own widths: share it out.
    for (QDockWidget* dock : _featureDocksRight)
        resizeDocks({dock}, {docks.right}, Qt::Horizontal);
}

void MainWindow::restoreLayout() {
    _defaultState = saveState();
    if (!_remembersSetup)
        return;
    const QByteArray state = SetupSettings().windowState();
    _layoutRestored = !state.isEmpty() && restoreState(state);
    if (_layoutRestored)
        LogChannel::instance().write(geo::LogLevel::Info,
                                     QStringLiteral("restored the last window layout"));
}

void MainWindow::arrangeSensorDocks() {
    // One column of tabs on the right (findings, alerts, history): the 3D
    // view keeps its width; a check or a click raises its own tab.
    for (QDockWidget* dock : _featureDocksRight)
        tabifyDockWidget(dock, _alertDock);
    tabifyDockWidget(_alertDock, _historyDock);
    _alertDock->raise();
    // Both sides at once: resizing the right alone took its width from the
    // layer list, whose names were then cut to a letter.
    const DockWidths docks = dockWidthsFor(width());
    resizeDocks({_layerDock, _alertDock}, {docks.left, docks.right}, Qt::Horizontal);
}

void MainWindow::resetLayout() {
    if (isMaximized() || isFullScreen())
        showNormal();
    if (!_defaultState.isEmpty())
        restoreState(_defaultState);
    const QScreen* s = screen() ? screen() : QGuiApplication::primaryScreen();
    if (s)
        setGeometry(fittedWindowRect(s->availableGeometry()));
    const DockWidths docks = dockWidthsFor(width());
    resizeDocks({_layerDock}, {docks.left}, Qt::Horizontal);
    if (_sensors->isStarted()) {
        _alertDock->setVisible(true);
        _historyDock->setVisible(true);
        arrangeSensorDocks();
    }
    if (_remembersSetup)
        SetupSettings().clearLayout();
    statusBar()->showMessage(tr("Layout reset to the defaults"), 5000);
}

void MainWindow::saveSetup() {
    if (!_remembersSetup || _chromeHidden)
        return;
    SetupSettings settings;
    settings.saveLayout(saveGeometry(), saveState());
    if (_maybeFrame) {
        const render::LookAt la = _view->lookAt();
        settings.setLastView(kiosk::poseFromLookAt(la.eye, la.center, *_maybeFrame), dataKey());
    }
}

void MainWindow::closeEvent(QCloseEvent* e) {
    if (e->spontaneous())  // not File > Quit: the window manager or the session closed it
        LogChannel::instance().write(geo::LogLevel::Info,
                                     QStringLiteral("quit: the window was closed"));
    saveSetup();
    QMainWindow::closeEvent(e);
}

void MainWindow::rebuildRecentMenu() {
    QMenu* menu = _ui->recentMenu;
    if (!menu)
        return;
    menu->clear();
    const QStringList files = _remembersSetup ? SetupSettings().recentFiles() : QStringList();
    for (const QString& f : files) {
        QAction* a =
            menu->addAction(QDir::toNativeSeparators(f), this, [this, f] { openRecentFile(f); });
        a->setToolTip(f);
    }
    menu->setEnabled(!files.isEmpty());
}

void MainWindow::openRecentFile(const QString& path) {
    const bool remote = path.startsWith("http://", Qt::CaseInsensitive) ||
                        path.startsWith("https://", Qt::CaseInsensitive);
    if (!remote && !QFileInfo::exists(path)) {
        // Not worth a dialog: the file moved or went; it leaves the list.
        SetupSettings().removeRecentFile(path);
        rebuildRecentMenu();
        const QString note = tr("%1 no longer exists; removed from the recent files").arg(path);
        LogChannel::instance().write(geo::LogLevel::Warning, note, note);
        statusBar()->showMessage(note, 10000);
        return;
    }
    openFiles({path});
}

void MainWindow::chooseLanguage(const QString& language) {
    // Applies now (LanguageChange retranslates every window) and next time.
    installTranslators(*qApp, language);
    if (_remembersSetup)
        SetupSettings().setLanguage(language);
    for (auto& [action, code] : _ui->languages)
        action->setChecked(code == language);
}

}  // namespace citytwin::app
