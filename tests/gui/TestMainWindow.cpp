// The main window driven in-process like a user would: toggle a layer in
// the tree, click a building, move the mouse, switch the language.

#include <gtest/gtest.h>

#include <osg/ComputeBoundsVisitor>

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <thread>

#include "GuiTestSupport.h"
#include "WindowTestSupport.h"
#include "citytwin/geo/Log.h"
#include "citytwin/geo/VectorReader.h"
#include "citytwin/test/TestPaths.h"
#include "layers/AttributePanel.h"
#include "layers/ImportDialog.h"
#include "layers/LayerTreePanel.h"
#include "layers/ModelPlacementDialog.h"
#include "shell/LogChannel.h"
#include "shell/LogPanel.h"
#include "shell/MainWindow.h"
#include "shell/Translations.h"
#include "view/CoordinateStatus.h"
#include "view/OsgView.h"

using namespace citytwin;
using namespace citytwin::app;

namespace {

/// Shows a window on the demo and waits until its scene is loaded and drawn.
std::unique_ptr<MainWindow> openDemo(AppOptions options) {
    return test::openWindow(options, QSize(800, 500), 120000);
}

/// Renders a fresh frame and returns it.
QImage grab(MainWindow& w) {
    return test::grabView(w);
}

/// WGS 84 centroid of the tallest building of the demo (the Shanghai Tower).
geo::GeoPoint tallestBuildingCentre(double* height) {
    auto r = geo::readVectorFile(std::string(test::kRepoDataDir) + "/demo/buildings.geojson");
    EXPECT_TRUE(r) << r.messages();
    double best = 0;
    geo::GeoPoint centre;
    for (const auto& f : r->front().features) {
        const std::string* h = f.find("height");
        if (!h || f.geometry.polygons.empty())
            continue;
        const double v = std::stod(*h);
        if (v <= best)
            continue;
        best = v;
        const auto e = f.geometry.extent();
        centre = {e.centerX(), e.centerY(), 0};
    }
    *height = best;
    return centre;
}

QString attributeValue(AttributePanel& p, const QString& name) {
    for (int r = 0; r < p.rowCount(); ++r)
        if (p.item(r, 0) && p.item(r, 0)->text() == name)
            return p.item(r, 1)->text();
    return {};
}

}  // namespace

TEST(MainWindow, unTickingBuildingsInTheLayerTreeHidesThem) {
    AppOptions o;
    o.viewName = "lujiazui";
    auto w = openDemo(o);
    const QImage before = grab(*w);
    QTreeWidgetItem* item = w->layerTree()->itemFor("buildings");
    ASSERT_NE(item, nullptr);
    EXPECT_EQ(item->checkState(0), Qt::Checked);

    // A user selects the row and presses Space to untick it.
    w->layerTree()->setFocus();
    w->layerTree()->setCurrentItem(item);
    QTest::keyClick(w->layerTree(), Qt::Key_Space);
    EXPECT_EQ(item->checkState(0), Qt::Unchecked);
    EXPECT_FALSE(w->scene().isLayerVisible("buildings"));
    const QImage hidden = grab(*w);
    EXPECT_GT(test::shareOfDifferentPixels(before, hidden), 0.05);

    QTest::keyClick(w->layerTree(), Qt::Key_Space);
    EXPECT_TRUE(w->scene().isLayerVisible("buildings"));
    EXPECT_LT(test::shareOfDifferentPixels(before, grab(*w)), 0.01);
}

TEST(MainWindow, clickingABuildingShowsItsAttributes) {
    double height = 0;
    const geo::GeoPoint tower = tallestBuildingCentre(&height);
    ASSERT_GT(height, 500.0);
    AppOptions o;
    o.maybeCamera = render::CameraPose{tower.x, tower.y, 2500.0, 0.0, -90.0};
    auto w = openDemo(o);
    OsgView* view = w->view();
    QTest::mouseClick(view, Qt::LeftButton, Qt::NoModifier, view->rect().center());
    EXPECT_EQ(attributeValue(*w->attributePanel(), "layer"), "buildings");
    EXPECT_EQ(attributeValue(*w->attributePanel(), "height").toDouble(), height);
}

TEST(MainWindow, statusBarShowsTheCursorInWgs84AndCgcs2000) {
    AppOptions o;
    o.viewName = "top";
    auto w = openDemo(o);
    auto* coords = w->findChild<CoordinateStatus*>("coordinateStatus");
    ASSERT_NE(coords, nullptr);
    // Without a button held QTest moves the real pointer: the motion comes
    // back from the X server when it comes.
    QTest::mouseMove(w->view(), w->view()->rect().center());
    EXPECT_TRUE(QTest::qWaitFor([&] { return coords->text().contains("WGS 84"); }, 10000));
    const QString text = coords->text();
    EXPECT_TRUE(text.contains("WGS 84")) << text.toStdString();
    EXPECT_TRUE(text.contains("CGCS2000")) << text.toStdString();
    // The top view looks down on Lujiazui, near 121.50 E 31.24 N.
    EXPECT_TRUE(text.contains("121.50")) << text.toStdString();
    EXPECT_TRUE(text.contains("31.23") || text.contains("31.24")) << text.toStdString();
}

TEST(MainWindow, speaksChineseWhenAskedTo) {
    EXPECT_EQ(installTranslators(*qApp, "zh_CN"), "zh_CN");
    {
        MainWindow w(AppOptions{});
        EXPECT_EQ(w.menuBar()->actions().at(0)->text(), QString::fromUtf8("文件(&F)"));
        EXPECT_EQ(w.layerTree()->headerItem()->text(0), QString::fromUtf8("图层"));
    }
    installTranslators(*qApp, "en");
    MainWindow w(AppOptions{});
    EXPECT_EQ(w.menuBar()->actions().at(0)->text(), "&File");
}

TEST(MainWindow, importsGcj02DataThroughTheDialogWithACrsOverride) {
    auto w = openDemo(AppOptions{});
    const QString project = QDir::temp().filePath("citytwin_gui_import_test.gpkg");
    QFile::remove(project);
    // AMap's district outlines: GCJ-02 coordinates in a file that claims WGS 84.
    const QString source =
        QString(test::kSharedDataDir) + "/03_admin_boundaries/shanghai_districts_datav_gcj02.json";
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(source.toStdString());
    QString detected;
    bool sawDialog = false;
    QTimer::singleShot(0, [&] {
        auto* dialog = qobject_cast<ImportDialog*>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        sawDialog = true;
        auto* label = dialog->findChild<QLabel*>("detectedCrs");
        const bool detectedInTime =
            QTest::qWaitFor([&] { return !label->text().endsWith(QString::fromUtf8("…")); }, 30000);
        if (!detectedInTime)
            detected = "(detection did not finish)";
        else
            detected = label->text();
        auto* crs = dialog->findChild<QComboBox*>("crsOverride");
        crs->setCurrentIndex(crs->findData("GCJ02"));
        dialog->findChild<QLineEdit*>("projectPath")->setText(project);
        dialog->findChild<QLineEdit*>("layerName")->setText("districts");
        dialog->accept();
    });
    w->importFile(source);
    ASSERT_TRUE(sawDialog);
    EXPECT_TRUE(detected.contains("4326")) << detected.toStdString();
    // The import and the load run on workers; the layer then appears in the tree.
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return w->layerTree()->itemFor("districts") != nullptr; }, 120000));

    // Stored converted: WGS 84 lies west and north of GCJ-02 in Shanghai.
    geo::VectorReadOptions raw;
    auto gcj = geo::readVectorFile(source.toStdString(), raw);
    auto stored = geo::readVectorFile(project.toStdString());
    ASSERT_TRUE(gcj) << gcj.messages();
    ASSERT_TRUE(stored) << stored.messages();
    const double dLon = stored->front().extent().minX - gcj->front().extent().minX;
    const double dLat = stored->front().extent().minY - gcj->front().extent().minY;
    EXPECT_LT(dLon, -0.003);
    EXPECT_GT(dLon, -0.007);
    EXPECT_GT(dLat, 0.0005);
    EXPECT_LT(dLat, 0.004);
}

namespace {

/// Opens a glTF through MainWindow::openFiles, answering the placement
/// dialog like a user; returns the model layer's bounding box (local frame).
osg::BoundingBox openPlacedModel(MainWindow& w, const QString& path, double lon, double lat,
                                 double heading) {
    bool answered = false;
    QTimer::singleShot(200, [&] {
        auto* d = qobject_cast<ModelPlacementDialog*>(QApplication::activeModalWidget());
        if (!d)
            return;
        d->longitudeBox()->setValue(lon);
        d->latitudeBox()->setValue(lat);
        d->headingBox()->setValue(heading);
        answered = true;
        d->accept();
    });
    QSignalSpy loaded(w.findChild<QObject*>("sceneLoader"), SIGNAL(finished(bool)));
    w.openFiles({path});
    EXPECT_TRUE(answered) << "no placement dialog";
    EXPECT_TRUE(loaded.count() > 0 || loaded.wait(60000));
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return w.scene().pendingCount() == 0 && (grab(w), true); }, 10000));
    // The same file opened again is a second layer ("… (2)"): measure the newest.
    osg::Node* newest = nullptr;
    for (unsigned i = 0; i < w.scene().root()->getNumChildren(); ++i) {
        osg::Node* layer = w.scene().root()->getChild(i);
        if (QString::fromStdString(layer->getName()).contains("CesiumMilkTruck"))
            newest = layer;
    }
    osg::ComputeBoundsVisitor bounds;
    if (newest)
        newest->accept(bounds);
    return bounds.getBoundingBox();
}

}  // namespace

TEST(MainWindow, aGltfModelStandsWhereThePlacementDialogSays) {
    const QString truck = QString(test::kSharedDataDir) +
                          "/06_3dtiles_gltf/gltf_samples_from_google_draco/CesiumMilkTruck/glTF/"
                          "CesiumMilkTruck.gltf";
    CITYTWIN_SKIP_WITHOUT_SHARED_DATA(truck.toStdString());
    AppOptions o;
    o.viewName = "lujiazui";
    auto w = openDemo(o);
    const double lon = 121.4950, lat = 31.2330;
    const osg::BoundingBox east = openPlacedModel(*w, truck, lon, lat, 0.0);
    ASSERT_TRUE(east.valid()) << "the model is not in the scene";
    const geo::Vec3d expected = w->frame()->toLocal({lon, lat, 0.0});
    // The truck (~5 m long) stands on the chosen point, not at the frame origin.
    EXPECT_NEAR(east.center().x(), expected.x, 5.0);
    EXPECT_NEAR(east.center().y(), expected.y, 5.0);
    EXPECT_GT(std::hypot(expected.x, expected.y), 300.0);  // far from the origin: a real check
    // Heading 0: glTF +X points east, so the truck is long in x; at 90 deg, in y.
    EXPECT_GT(east.xMax() - east.xMin(), 1.5 * (east.yMax() - east.yMin()));
    const osg::BoundingBox south = openPlacedModel(*w, truck, lon, lat, 90.0);
    ASSERT_TRUE(south.valid());
    EXPECT_GT(south.yMax() - south.yMin(), 1.5 * (south.xMax() - south.xMin()));
    EXPECT_NEAR(south.yMax() - south.yMin(), east.xMax() - east.xMin(), 0.2);
}

TEST(MainWindow, logMessagesFromWorkerThreadsReachTheLogPanelQueued) {
    MainWindow w(AppOptions{});
    LogPanel* panel = w.logPanel();
    ASSERT_NE(panel, nullptr);
    ASSERT_TRUE(LogChannel::instance().install(QString()).isEmpty());
    const int before = panel->entryCount();
    std::thread worker([] { geo::logWarning("a message from a worker thread"); });
    worker.join();
    // Queued to the GUI thread: the panel has not been touched yet.
    EXPECT_EQ(panel->entryCount(), before);
    EXPECT_TRUE(QTest::qWaitFor([&] { return panel->entryCount() == before + 1; }, 5000));
    LogChannel::instance().uninstall();
    // The window's own messages reach it too.
    LogChannel::instance().write(geo::LogLevel::Error, "a message of the window's own");
    EXPECT_TRUE(QTest::qWaitFor([&] { return panel->entryCount() == before + 2; }, 5000));
}

TEST(MainWindow, theLogPanelKeepsTheNewestEntriesOnly) {
    LogPanel panel;
    for (int i = 0; i < LogPanel::kMaxEntries + 10; ++i)
        panel.append(0, int(geo::LogLevel::Info), QString::number(i));
    EXPECT_EQ(panel.entryCount(), LogPanel::kMaxEntries);
}

TEST(MainWindow, twoFingersPinchingApartZoomInAndTogetherZoomOut) {
    auto w = openDemo(AppOptions{});
    OsgView* view = w->view();
    QPointingDevice* screen = QTest::createTouchDevice();
    // A finger lands on the native window the view draws into, as on a
    // touch screen (the window fills the view: the same coordinates).
    QWindow* surface = view->surface();
    const QPoint c = view->rect().center();
    // One pinch: two fingers start 40 px apart and end 200 px apart.
    auto pinch = [&](int fromHalf, int toHalf) {
        QTest::touchEvent(surface, screen)
            .press(0, c - QPoint(fromHalf, 0))
            .press(1, c + QPoint(fromHalf, 0));
        for (int step = 1; step <= 8; ++step) {
            const int half = fromHalf + (toHalf - fromHalf) * step / 8;
            QTest::touchEvent(surface, screen)
                .move(0, c - QPoint(half, 0))
                .move(1, c + QPoint(half, 0));
        }
        QTest::touchEvent(surface, screen)
            .release(0, c - QPoint(toHalf, 0))
            .release(1, c + QPoint(toHalf, 0));
        QCoreApplication::processEvents();
    };
    const double before = view->orbitDistance();
    const QImage far = grab(*w);
    pinch(20, 100);
    const double closer = view->orbitDistance();
    EXPECT_LT(closer, before * 0.5) << "fingers apart should bring the eye closer";
    EXPECT_GT(test::shareOfDifferentPixels(far, grab(*w)), 0.05) << "the zoom was not drawn";
    pinch(100, 20);
    EXPECT_GT(view->orbitDistance(), closer * 2.0) << "fingers together should move the eye away";
}
