// MainWindow's menus and actions, their dialogs, and retranslation.

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QEvent>
#include <QFileDialog>
#include <QImage>
#include <QInputDialog>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>

#include "citytwin/render/CameraPose.h"
#include "inspection/InspectionTools.h"
#include "layers/AttributePanel.h"
#include "layers/LayerSpec.h"
#include "layers/LayerStyler.h"
#include "layers/LayerTreePanel.h"
#include "layers/OpenFileFilters.h"
#include "scenario/ScenarioTools.h"
#include "shell/LightingMenu.h"
#include "shell/LogChannel.h"
#include "shell/LogPanel.h"
#include "shell/MainWindow.h"
#include "shell/MainWindowUi.h"
#include "shell/SetupSettings.h"
#include "tools/OperatorDocks.h"
#include "tools/OperatorTools.h"
#include "view/OsgView.h"

namespace citytwin::app {

void MainWindow::buildMenus() {
    Ui& ui = *_ui;
    ui.fileMenu = menuBar()->addMenu(QString());
    ui.open = ui.fileMenu->addAction(QString(), this, &MainWindow::openDialog);
    ui.open->setShortcut(QKeySequence::Open);
    ui.open->setObjectName("openAction");
    ui.openUrl = ui.fileMenu->addAction(QString(), this, &MainWindow::openUrlDialog);
    ui.openUrl->setObjectName("openUrlAction");
    ui.recentMenu = ui.fileMenu->addMenu(QString());
    ui.recentMenu->setObjectName("recentFilesMenu");
    ui.import = ui.fileMenu->addAction(QString(), this, &MainWindow::importDialog);
    ui.import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    ui.saveScreenshot = ui.fileMenu->addAction(QString(), this, &MainWindow::saveScreenshotDialog);
    ui.saveScreenshot->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    ui.fileMenu->addSeparator();
    ui.quit = ui.fileMenu->addAction(QString(), qApp, [] {
        // Said in the log: a session that ends by itself shows what ended it.
        LogChannel::instance().write(geo::LogLevel::Info, QStringLiteral("quit: File > Quit"));
        QApplication::quit();
    });
    ui.quit->setShortcut(QKeySequence::Quit);

    ui.viewMenu = menuBar()->addMenu(QString());
    ui.home = ui.viewMenu->addAction(QString(), _view, &OsgView::goHome);
    ui.home->setObjectName("homeAction");
    ui.home->setShortcuts({QKeySequence(Qt::Key_Home), QKeySequence(Qt::Key_H)});
    ui.northUp = ui.viewMenu->addAction(QString(), _view, &OsgView::northUp);
    ui.northUp->setShortcut(QKeySequence(Qt::Key_N));
    ui.namedViewsMenu = ui.viewMenu->addMenu(QString());
    for (const auto& n : render::namedViewNames()) {
        const QString name = QString::fromStdString(n);
        if (name == "home")
            continue;
        QAction* a =
            ui.namedViewsMenu->addAction(QString(), this, [this, name] { showNamedView(name); });
        ui.namedViews.emplace_back(a, name);
    }
    ui.mapLabels = ui.viewMenu->addAction(QString());
    ui.mapLabels->setObjectName("mapLabelsAction");
    ui.mapLabels->setCheckable(true);
    // --no-labels wins; else as the user left it (remembered like the layout).
    const bool labels =
        !_options.noLabels && (!remembersSetupFor(_options) || SetupSettings().mapLabels());
    ui.mapLabels->setChecked(labels);
    ui.mapLabels->setShortcut(QKeySequence(Qt::Key_L));
    _view->setMapLabelsShown(labels);
    connect(ui.mapLabels, &QAction::toggled, this, [this](bool on) {
        _view->setMapLabelsShown(on);
        if (_remembersSetup)
            SetupSettings().setMapLabels(on);
    });
    ui.viewMenu->addSeparator();
    ui.viewMenu->addAction(_layerDock->toggleViewAction());
    ui.viewMenu->addAction(_attributeDock->toggleViewAction());
    ui.viewMenu->addAction(_logDock->toggleViewAction());
    ui.viewMenu->addAction(_alertDock->toggleViewAction());
    ui.viewMenu->addAction(_historyDock->toggleViewAction());
    ui.viewMenu->addSeparator();
    ui.languageMenu = ui.viewMenu->addMenu(QString());
    auto* languages = new QActionGroup(this);
    const QString current = remembersSetupFor(_options) && _options.language.isEmpty()
                                ? SetupSettings().language()
                                : _options.language;
    // Each language named in itself, as language menus do.
    for (const auto& [code, name] : {std::pair<QString, QString>{QString(), QString()},
                                     {QStringLiteral("en"), QStringLiteral("English")},
                                     {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}}) {
        QAction* a =
            ui.languageMenu->addAction(name, this, [this, c = code] { chooseLanguage(c); });
        a->setCheckable(true);
        a->setChecked(code == current);
        languages->addAction(a);
        ui.languages.emplace_back(a, code);
    }
    ui.zoomToNewLayers = ui.viewMenu->addAction(QString());
    ui.zoomToNewLayers->setObjectName("zoomToNewLayersAction");
    ui.zoomToNewLayers->setCheckable(true);
    ui.zoomToNewLayers->setChecked(!remembersSetupFor(_options) ||
                                   SetupSettings().zoomToNewLayers());
    connect(ui.zoomToNewLayers, &QAction::toggled, this, [this](bool on) {
        if (_remembersSetup)
            SetupSettings().setZoomToNewLayers(on);
    });
    _lightingMenu = new LightingMenu(*ui.viewMenu, *_sun, remembersSetupFor(_options), this);
    ui.resetLayout = ui.viewMenu->addAction(QString(), this, &MainWindow::resetLayout);
    ui.resetLayout->setObjectName("resetLayoutAction");

    ui.helpMenu = menuBar()->addMenu(QString());
    ui.about = ui.helpMenu->addAction(QString(), this, &MainWindow::showAbout);

    ui.toolbar = addToolBar(QString());
    ui.toolbar->setObjectName("navigationToolbar");
    ui.toolbar->addAction(ui.home);
    ui.toolbar->addAction(ui.northUp);
}

void MainWindow::retranslate() {
    Ui& ui = *_ui;
    setWindowTitle(tr("citytwin — Shanghai information infrastructure"));
    ui.fileMenu->setTitle(tr("&File"));
    ui.open->setText(tr("&Open…"));
    ui.open->setStatusTip(
        tr("Open vector data (GeoPackage, Shapefile, GeoJSON, CSV points, OSM...), 3D Tiles, "
           "OSGB, glTF or CityGML models, a DEM or an orthophoto"));
    ui.openUrl->setText(tr("Open &URL…"));
    ui.openUrl->setStatusTip(tr("Open a 3D Tiles tileset.json from an http:// or https:// server"));
    ui.import->setText(tr("&Import into project…"));
    ui.import->setStatusTip(
        tr("Import a vector file into a project GeoPackage, converting its CRS"));
    ui.saveScreenshot->setText(tr("Save &screenshot…"));
    ui.quit->setText(tr("&Quit"));
    ui.recentMenu->setTitle(tr("Open &recent"));
    ui.viewMenu->setTitle(tr("&View"));
    ui.home->setText(tr("&Home view"));
    ui.northUp->setText(tr("&North up"));
    ui.home->setToolTip(tr("Fly back to the city (Home or H)"));
    ui.namedViewsMenu->setTitle(tr("Go to"));
    ui.languageMenu->setTitle(tr("&Language"));
    for (auto& [action, code] : ui.languages)
        if (code.isEmpty())
            action->setText(tr("System default"));
    ui.zoomToNewLayers->setText(tr("&Zoom to new layers"));
    ui.mapLabels->setText(tr("Map &labels"));
    ui.mapLabels->setToolTip(
        tr("Names of districts, rivers, major roads and landmark buildings (L)"));
    ui.zoomToNewLayers->setStatusTip(
        tr("Fly to every layer opened or imported, so that it is in view"));
    _lightingMenu->retranslate();
    ui.resetLayout->setText(tr("&Reset layout"));
    ui.resetLayout->setStatusTip(tr("Restore the default window size and docks for this screen"));
    for (auto& [action, name] : ui.namedViews) {
        if (name == "lujiazui")
            action->setText(tr("Lujiazui"));
        else if (name == "bund")
            action->setText(tr("The Bund"));
        else if (name == "top")
            action->setText(tr("Top-down"));
        else
            action->setText(name);
    }
    ui.helpMenu->setTitle(tr("&Help"));
    ui.about->setText(tr("&About citytwin"));
    ui.toolbar->setWindowTitle(tr("Navigation"));
    _layerDock->setWindowTitle(tr("Layers"));
    _attributeDock->setWindowTitle(tr("Attributes"));
    _alertDock->setWindowTitle(tr("Alerts"));
    _historyDock->setWindowTitle(tr("Sensor history"));
    _logDock->setWindowTitle(tr("Log"));
    _cancel->setText(tr("Cancel"));
    _layerTree->retranslate();
    _attributes->retranslate();
    _logPanel->retranslate();
    if (_inspection)
        _inspection->retranslate();
    if (_scenario)
        _scenario->retranslate();
    if (_tools)
        _tools->retranslate();
    if (_docks)
        _docks->retranslate();
    // The map's names and the legends follow the language too.
    if (_maybeFrame && _styler)
        _styler->relabel(mapLabelField(), *_maybeFrame);
    if (_styler)
        for (const QString& id : _layerTree->layerIds())
            updateLegend(id);
}

void MainWindow::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(e);
}

void MainWindow::showNamedView(const QString& name) {
    if (!_maybeFrame)
        return;
    auto pose = render::namedView(name.toStdString());
    if (!pose)
        return;
    const render::LookAt la = render::lookAtFor(*pose, *_maybeFrame);
    _view->setLookAt(la.eye, la.center, la.up, false);
}

void MainWindow::openDialog() {
    const QStringList files =
        QFileDialog::getOpenFileNames(this, tr("Open data"), QString(), openFileFilter());
    openFiles(files);
}

void MainWindow::openUrlDialog() {
    bool ok = false;
    const QString url = QInputDialog::getText(this, tr("Open URL"),
                                              tr("3D Tiles tileset URL (http:// or https://):"),
                                              QLineEdit::Normal, QString(), &ok)
                            .trimmed();
    if (!ok || url.isEmpty())
        return;
    if (!url.startsWith("http://", Qt::CaseInsensitive) &&
        !url.startsWith("https://", Qt::CaseInsensitive)) {
        QMessageBox::warning(this, tr("Open URL"),
                             tr("Only http:// and https:// URLs can be opened: %1").arg(url));
        return;
    }
    // Loaded off the GUI thread like any file; its tiles come from that host only.
    openFiles({url});
}

void MainWindow::importDialog() {
    const QString source = QFileDialog::getOpenFileName(
        this, tr("Import vector data"), QString(),
        tr("Vector data (*.gpkg *.shp *.geojson *.json *.kml *.csv *.gml);;All files (*)"));
    importFile(source);
}

void MainWindow::saveScreenshotDialog() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save screenshot"), "citytwin.png",
                                                      tr("PNG image (*.png);;JPEG image (*.jpg)"));
    if (path.isEmpty())
        return;
    if (!_view->grabFramebuffer().save(path))
        QMessageBox::warning(this, tr("Save screenshot"), tr("Cannot write %1").arg(path));
    else
        statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About citytwin"),
        tr("<h3>citytwin %1</h3>"
           "<p>A 3D digital twin of Shanghai's information infrastructure.</p>"
           "<p>Map data © OpenStreetMap contributors, available under the Open Database "
           "Licence (ODbL 1.0): buildings, roads, water, land use and candidate public "
           "facility sites of central Shanghai.</p>"
           "<p>The demo's base stations and communication cables are <b>synthetic</b> "
           "stand-ins, not real infrastructure.</p>"
           "<p>Recorded PM2.5 of Shanghai, 2013–2015 (Jing'an, Xuhui and US "
           "Consulate monitors): Liang et al. (2016), \"PM2.5 Data of Five Chinese Cities\", "
           "UCI Machine Learning Repository, licensed CC BY 4.0.</p>")
            .arg(QStringLiteral(CITYTWIN_VERSION)));
}

}  // namespace citytwin::app
